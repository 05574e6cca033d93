// The runtime scenarios: each one is a whole program run under the scheduler, in a process of
// its own (the workers cannot be stopped and restarted), selected by name on the command line.
// A scenario either checks itself (check() ends the process with status 3 and says what
// failed) or is expected to end the process in a particular way, which run_scenario.cmake
// verifies from the outside (exit status, stderr).
#pragma once

#include <pyro/chan.hpp>
#include <pyro/pyro.hpp>
#include <pyro/select.hpp>
#include <pyro/std/time.hpp>
#include <pyro/sync.hpp>
#include <pyro/task.hpp>

#include <map>
#include <string>
#include <string_view>

namespace scenario {

using Body = void (*)();

inline std::map<std::string, Body, std::less<>>& registry() {
    static std::map<std::string, Body, std::less<>> scenarios;
    return scenarios;
}

struct Register {
    Register(const char* name, Body body) { registry()[name] = body; }
};

// Ends the process with status 3 unless `ok`.
inline void check(bool ok, std::string_view what) {
    if (!ok) {
        pyro::rt::exit_process(3, "FAILED: " + std::string(what) + "\n");
    }
}

}  // namespace scenario

#define SCENARIO_CONCAT2(a, b) a##b
#define SCENARIO_CONCAT(a, b) SCENARIO_CONCAT2(a, b)
// Defines the scenario `name`: a function run as the program's main task.
#define RUNTIME_SCENARIO(name)                                        \
    static void SCENARIO_CONCAT(scenario_, name)();                   \
    static const scenario::Register SCENARIO_CONCAT(register_, name){ \
        #name, &SCENARIO_CONCAT(scenario_, name)};                    \
    static void SCENARIO_CONCAT(scenario_, name)()
