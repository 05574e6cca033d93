// Starting other programs: the C++ compiler, and for `run` the user's program.
#pragma once

#include <string>
#include <vector>

namespace pyro2cpp::driver {

struct SpawnOptions {
    std::string program;      // the file to execute; argv[0] when empty
    std::string stdout_path;  // when set, stdout goes to this file (truncated)
    std::string stderr_path;  // when set, stderr goes to this file (truncated)
    // For `run`: pyro2cpp ignores SIGINT and SIGQUIT while the child runs (the terminal sends
    // them to both) and passes SIGTERM and SIGHUP on, so the child's status is what we report.
    bool forward_signals = false;
};

// Runs `argv` and waits for it. Returns its exit status, or 128 + N when signal N killed it
// (as a shell reports it). Throws DriverError when the program cannot be started.
int run_process(const std::vector<std::string>& argv, const SpawnOptions& options = {});

// Finds `name` as a shell would: a name containing '/' as it is, else along $PATH. Returns
// the empty string when there is no such executable file.
std::string find_program(const std::string& name);

// `argv` as one line a shell would accept (for --verbose).
std::string shell_command_line(const std::vector<std::string>& argv);

}  // namespace pyro2cpp::driver
