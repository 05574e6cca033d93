// `pyro2cpp bind`: hands the command line to pyro2cpp-bind, the separate program that links
// Clang, so that no other command pays for loading LLVM. Its output and exit status (0
// bindings printed, 1 Clang reported errors, 2 bad usage) pass through unchanged.
#include <filesystem>
#include <string>
#include <vector>

#include "driver/commands.hpp"
#include "driver/errors.hpp"
#include "driver/paths.hpp"
#include "driver/process.hpp"

namespace pyro2cpp::driver {

int command_bind(const Invocation& inv) {
    const std::filesystem::path tool = bind_tool();
    std::error_code ec;
    if (!std::filesystem::is_regular_file(tool, ec)) {
        throw DriverError("'bind' needs " + tool.string() +
                          ", which is not installed (build pyro2cpp with PYRO2CPP_BUILD_BIND=ON)");
    }
    std::vector<std::string> argv{tool.string()};
    argv.insert(argv.end(), inv.bind_args.begin(), inv.bind_args.end());
    return run_process(argv);
}

}  // namespace pyro2cpp::driver
