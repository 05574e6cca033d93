// std.time: now, millis, monotonic, sleep (LANGUAGE.md 7).
//
// sleep suspends only the calling task: it is a timed wait on the runtime's timer set (a
// sleeping task does not count as blocked, so it never looks like a deadlock), and sleep(0)
// yields to the other ready tasks. A negative or NaN duration raises.
#pragma once

#include <boost/fiber/operations.hpp>

#include <chrono>
#include <cmath>
#include <cstdint>
#include <string>

#include "pyro/error.hpp"
#include "pyro/int.hpp"
#include "pyro/park.hpp"
#include "pyro/print.hpp"
#include "pyro/select.hpp"
#include "pyro/timers.hpp"
#include "pyro/waiter.hpp"

namespace pyro::time {

// Seconds since the Unix epoch.
inline double now() {
    return std::chrono::duration<double>(std::chrono::system_clock::now().time_since_epoch())
        .count();
}

// Milliseconds since the Unix epoch.
inline Int millis() {
    return Int(static_cast<std::int64_t>(std::chrono::duration_cast<std::chrono::milliseconds>(
                                             std::chrono::system_clock::now().time_since_epoch())
                                             .count()));
}

// Seconds on a clock that never goes back, from an arbitrary start.
inline double monotonic() {
    return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

inline void sleep(double seconds) {
    if (std::isnan(seconds)) {
        rt::raise_error("invalid sleep duration: nan");
    }
    if (seconds < 0) {
        rt::raise_error("negative sleep duration: " + std::string(str(seconds).view()));
    }
    rt::Task* self = rt::running_task();
    if (seconds == 0) {
        rt::enter_task(nullptr);
        boost::this_fiber::yield();
        rt::enter_task(self);
        return;
    }
    rt::Waiter waiter;
    rt::prepare_wait(waiter, false);
    waiter.deadline = rt::deadline_after(seconds);
    rt::ParkLock park = rt::hold_park(waiter);
    rt::add_timer(waiter);
    rt::block(waiter, park);  // only the timer claims it, and it has left the timer set
}

inline void sleep(Int seconds) {
    if (seconds.v < 0) {
        rt::raise_error("negative sleep duration: " + std::to_string(seconds.v));
    }
    sleep(static_cast<double>(seconds.v));
}

}  // namespace pyro::time
