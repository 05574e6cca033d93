// Pieces of the task runtime that can be checked without starting the workers (each scenario
// that starts them runs in its own process: tests/runtime): PYRO_WORKER_THREADS parsing, the
// stack pool, and the stack check.
#include <sys/mman.h>

#include <boost/fiber/all.hpp>
#include <pyro/stack.hpp>
#include <pyro/task.hpp>

#include <cstdint>
#include <set>
#include <string>

#include "runtime_test_util.hpp"
#include "task_test_util.hpp"

using pyro::Int;
using pyro::rt::kStackRedZone;
using pyro::rt::kTaskStackSize;
using runtime_test::error_of;

static constexpr const char* pyro_file = "stack.pyro";

TEST_CASE("scheduler: PYRO_WORKER_THREADS must be a positive integer", "[scheduler]") {
    using pyro::rt::parse_worker_threads;
    CHECK(parse_worker_threads(nullptr, 8) == 8u);
    CHECK(parse_worker_threads("", 8) == 8u);  // empty counts as unset
    CHECK(parse_worker_threads(nullptr, 0) == 1u);
    CHECK(parse_worker_threads("1", 8) == 1u);
    CHECK(parse_worker_threads("16", 8) == 16u);
    for (const char* bad :
         {"0", "-1", "+4", " 4", "4 ", "4x", "x", "1.5", "99999999999999999999"}) {
        INFO(bad);
        CHECK_FALSE(parse_worker_threads(bad, 8).has_value());
    }
}

TEST_CASE("scheduler: the stack pool reuses stacks and carves them from shared slabs",
          "[scheduler]") {
    auto& pool = pyro::rt::StackPool::instance();
    auto a = pool.allocate_task();
    auto b = pool.allocate_task();
    const auto base_a = reinterpret_cast<std::uintptr_t>(a.sp) + 64 - kTaskStackSize;
    const auto base_b = reinterpret_cast<std::uintptr_t>(b.sp) + 64 - kTaskStackSize;
    CHECK(a.size == kTaskStackSize - 64);
    CHECK((base_a > base_b ? base_a - base_b : base_b - base_a) >= kTaskStackSize);
    pool.deallocate_task(b);
    auto c = pool.allocate_task();
    CHECK(c.sp == b.sp);  // last freed, first reused
    pool.deallocate_task(c);
    pool.deallocate_task(a);

    // 1,000 stacks cost a handful of mappings (some possibly left by earlier tests), not 1,000.
    std::set<std::uintptr_t> slabs;
    std::vector<boost::context::stack_context> many;
    for (int i = 0; i < 1000; ++i) {
        many.push_back(pool.allocate_task());
        slabs.insert(reinterpret_cast<std::uintptr_t>(many.back().sp) /
                     (kTaskStackSize * pyro::rt::kStacksPerSlab));
    }
    CHECK(slabs.size() <= 1000 / pyro::rt::kStacksPerSlab + 8);
    for (auto& sc : many) {
        pool.deallocate_task(sc);
    }
}

namespace {

pyro::Int depth_reached = 0;

Int recurse(Int n) {
    pyro::rt::check_stack();
    PYRO_ENTER();
    depth_reached = n;
    if (n > 1'000'000) {  // never reached: the stack overflows first
        return n;
    }
    volatile char frame[512];  // a frame of some size, as real code has
    frame[0] = 1;
    PYRO_AT(7, 3);
    return recurse(n + 1) + Int(frame[0]);
}

// Runs `body` as a fiber on a pooled task stack with the task state a task would have.
template <class Body>
void on_task_stack(Body body, bool* deep_marked = nullptr) {
    runtime_test::task_fiber([&] {
        body();
        if (deep_marked != nullptr) {
            *deep_marked = pyro::rt::current_stack->header->deep.load();
        }
    }).join();
}

}  // namespace

TEST_CASE("scheduler: deep recursion in a task raises stack overflow", "[scheduler]") {
    std::string error;
    bool deep = false;
    on_task_stack([&] { error = error_of([] { recurse(0); }); }, &deep);
    CHECK(error == "Error: stack overflow");
    CHECK(deep);  // the pool will give the deep pages back
    // Each frame is over 512 bytes, and the red zone is left free.
    CHECK(depth_reached.v > 100);
    CHECK(depth_reached.v < static_cast<std::int64_t>((kTaskStackSize - kStackRedZone) / 512));
    // The overflow was reported at the statement that made the call that could not start.
    auto err = [] {
        try {
            recurse(0);
        } catch (const pyro::rt::Raised& e) {
            return e.where();
        }
        return static_cast<const pyro::rt::SrcLoc*>(nullptr);
    };
    const pyro::rt::SrcLoc* where = nullptr;
    on_task_stack([&] { where = err(); });
    REQUIRE(where != nullptr);
    CHECK(where->line == 7);
}

TEST_CASE("scheduler: shallow tasks do not mark their stack deep", "[scheduler]") {
    bool deep = true;
    on_task_stack([] { pyro::rt::check_stack(); }, &deep);
    CHECK_FALSE(deep);
}

TEST_CASE("scheduler: a deep stack gives its deep pages back when it is reused", "[scheduler]") {
    std::uintptr_t base = 0;
    on_task_stack([&] {
        base = pyro::rt::current_stack->hard - kStackRedZone;
        error_of([] { recurse(0); });
    });
    // The stack is back in the pool: everything below the shallow top part is released.
    unsigned char resident[kTaskStackSize / 4096];
    REQUIRE(::mincore(reinterpret_cast<void*>(base), kTaskStackSize, resident) == 0);
    int deep_pages = 0;
    for (std::size_t i = 0; i < (kTaskStackSize - pyro::rt::kShallowStack) / 4096; ++i) {
        deep_pages += resident[i] & 1;
    }
    CHECK(deep_pages == 0);
}

TEST_CASE("scheduler: outside tasks the stack check never fires", "[scheduler]") {
    CHECK(pyro::rt::stack_limit == 0);
    pyro::rt::check_stack();
}
