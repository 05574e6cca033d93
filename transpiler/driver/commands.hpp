// The driver's commands. Each returns the process's exit status (see errors.hpp) and throws
// DriverError for failures of the tool itself.
#pragma once

#include <string>

#include "driver/args.hpp"

namespace pyro2cpp::driver {

int command_emit(const Invocation& inv);   // transpile.cpp
int command_check(const Invocation& inv);  // transpile.cpp
int command_build(const Invocation& inv);  // build.cpp
int command_run(const Invocation& inv);    // build.cpp
int command_bind(const Invocation& inv);   // bind.cpp

// A missing input file is a bad command line rather than an error in a program: exit 2
// with a plain message. (An unreadable one reaches the pipeline, which reports it.)
void require_input(const std::string& path);

}  // namespace pyro2cpp::driver
