// How the driver ends: exit codes and the two kinds of failure that are not the program's fault.
//
// Errors in the user's program are diagnostics (exit 1). A DriverError is a failure of the
// tool or of its surroundings — a missing compiler, an unwritable cache — and a UsageError is
// a bad command line; both exit 2. They are exceptions because they can arise deep inside a
// helper (hashing, spawning) and every one of them ends the command.
#pragma once

#include <stdexcept>

namespace pyro2cpp::driver {

enum ExitCode : int {
    exit_ok = 0,
    exit_program_error = 1,  // the .pyro program has errors
    exit_tool_error = 2,     // bad usage, or a failure of the tool or the C++ compiler
};

struct DriverError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

struct UsageError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

}  // namespace pyro2cpp::driver
