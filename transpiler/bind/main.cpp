// pyro2cpp-bind: the `pyro2cpp bind` command, a program of its own so that only it loads
// Clang and LLVM. pyro2cpp runs it with the arguments that followed `bind`; its messages and
// exit statuses are pyro2cpp's (0 success, 1 errors in the input, 2 bad usage).
#include <sys/stat.h>

#include <cerrno>
#include <iostream>

#include "bind/bind_args.hpp"
#include "bind/bind_visitor.hpp"
#include "bind/render.hpp"

namespace {

enum ExitCode : int { exit_ok = 0, exit_input_error = 1, exit_tool_error = 2 };

// A missing header is a bad command line, as a missing .pyro file is for pyro2cpp; an
// unreadable one is left to Clang, which says why.
bool check_header(const std::string& header) {
    struct stat st {};
    if (::stat(header.c_str(), &st) != 0) {
        if (errno == ENOENT || errno == ENOTDIR) {
            std::cerr << "pyro2cpp: error: no such file: " << header << "\n";
            return false;
        }
        return true;
    }
    if (S_ISDIR(st.st_mode)) {
        std::cerr << "pyro2cpp: error: " << header << " is a directory, not a C++ header\n";
        return false;
    }
    return true;
}

}  // namespace

int main(int argc, char** argv) {
    using namespace pyro2cpp::bind;
    BindInvocation inv;
    try {
        inv = parse_bind_args(std::vector<std::string>(argv + 1, argv + argc));
    } catch (const BindUsageError& e) {
        std::cerr << "pyro2cpp: error: " << e.what() << "\n"
                  << "(see 'pyro2cpp bind --help' for usage)\n";
        return exit_tool_error;
    }
    if (inv.help) {
        std::cout << bind_help_text();
        return exit_ok;
    }
    if (!check_header(inv.header)) return exit_tool_error;

    const auto functions = read_header(inv.header, inv.clang_args);
    if (!functions) return exit_input_error;
    std::cout << render_bindings(inv.header, inv.clang_args, *functions) << std::flush;
    if (!std::cout) {
        std::cerr << "pyro2cpp: error: cannot write the bindings to standard output\n";
        return exit_tool_error;
    }
    return exit_ok;
}
