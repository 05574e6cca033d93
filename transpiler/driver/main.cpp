// pyro2cpp's entry point: parse the command line, run one command, turn failures into the
// documented exit statuses (0 success, 1 errors in the program, 2 bad usage or a failure of
// the tool or the C++ compiler; `run` passes the program's own status through).
#include <iostream>
#include <string>
#include <vector>

#include "driver/args.hpp"
#include "driver/commands.hpp"
#include "driver/compile.hpp"
#include "driver/errors.hpp"
#include "driver/paths.hpp"
#include "driver/version.hpp"

namespace pyro2cpp::driver {
namespace {

std::string join(const std::vector<std::string>& words) {
    std::string out;
    for (const std::string& w : words)
        out += (out.empty() ? "" : " ") + w;
    return out;
}

int dispatch(const Invocation& inv) {
    switch (inv.command) {
        case Command::help:
            std::cout << help_text();
            return exit_ok;
        case Command::version:
            std::cout << "pyro2cpp " << version_string() << "\n";
            return exit_ok;
        case Command::cxxflags:
            std::cout << "-std=c++20 -I" << runtime_include_dir().string() << "\n";
            return exit_ok;
        case Command::libs:
            std::cout << join(link_flags()) << "\n";
            return exit_ok;
        case Command::emit:
            return command_emit(inv);
        case Command::build:
            return command_build(inv);
        case Command::run:
            return command_run(inv);
        case Command::check:
            return command_check(inv);
        case Command::bind:
            return command_bind(inv);
    }
    return exit_tool_error;
}

}  // namespace
}  // namespace pyro2cpp::driver

int main(int argc, char** argv) {
    using namespace pyro2cpp::driver;
    std::vector<std::string> args(argv + 1, argv + argc);
    try {
        return dispatch(parse_args(args));
    } catch (const UsageError& e) {
        std::cerr << "pyro2cpp: error: " << e.what() << "\n"
                  << "(see 'pyro2cpp --help' for usage)\n";
    } catch (const DriverError& e) {
        std::cerr << "pyro2cpp: error: " << e.what() << "\n";
    } catch (const std::exception& e) {
        // Anything else is a bug in pyro2cpp (or, e.g., std::bad_alloc); still exit 2.
        std::cerr << "pyro2cpp: internal error: " << e.what() << "\n";
    }
    return exit_tool_error;
}
