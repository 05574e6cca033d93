// Fibers for the runtime's unit tests that run the way tasks do: on a pooled task stack, with
// the task state (location slot, stack bounds) entered, but on Boost's default scheduler
// rather than the runtime's workers (which a unit-test process never starts).
#pragma once

#include <boost/fiber/all.hpp>
#include <pyro/park.hpp>
#include <pyro/stack.hpp>

#include <memory>
#include <utility>

namespace runtime_test {

// Starts `body` as a fiber on a task stack; join() it.
template <class Body>
boost::fibers::fiber task_fiber(Body body) {
    auto& pool = pyro::rt::StackPool::instance();
    const auto stack = pool.allocate_task();
    const auto bounds = pyro::rt::StackPool::bounds_of(stack, pyro::rt::kTaskStackSize);
    return boost::fibers::fiber(std::allocator_arg, pyro::rt::PooledStack(stack, false),
                                [bounds, body = std::move(body)]() mutable {
                                    pyro::rt::Task state;
                                    state.stack = bounds;
                                    pyro::rt::enter_task(&state);
                                    body();
                                    pyro::rt::enter_task(nullptr);
                                });
}

}  // namespace runtime_test
