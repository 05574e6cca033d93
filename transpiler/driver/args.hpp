// The command line: argv in, an Invocation out (or a UsageError), and the --help text.
//
// Parsing is separate from acting so that every command sees the same validated fields and
// no command has to re-check what makes sense together (e.g. --depfile needs -o).
#pragma once

#include <string>
#include <vector>

namespace pyro2cpp::driver {

enum class Command {
    emit,      // pyro2cpp FILE.pyro: write the C++
    build,     // pyro2cpp build FILE.pyro: an executable
    run,       // pyro2cpp run FILE.pyro: build into the cache, then run
    check,     // pyro2cpp check FILE.pyro: diagnostics only
    bind,      // pyro2cpp bind HEADER [-- CLANG_ARGS]: handed to pyro2cpp-bind
    help,      // --help
    version,   // --version
    cxxflags,  // --cxxflags
    libs,      // --libs
};

struct Invocation {
    Command command = Command::help;
    std::string input;    // the .pyro file, as given (diagnostics print it so)
    std::string output;   // -o; empty means the command's default
    std::string depfile;  // --depfile
    bool line_directives = false;
    bool format = false;     // --format
    bool no_format = false;  // --no-format
    bool explain_any = false;
    bool debug = false;
    std::vector<std::string> sanitizers;  // --sanitize=address,undefined -> {address, undefined}
    bool no_cache = false;
    bool verbose = false;
    std::vector<std::string> program_args;  // run: everything after `--`
    std::vector<std::string> bind_args;     // bind: every argument after `bind`, unchanged
};

// `args` excludes argv[0]. Throws UsageError on a bad command line.
Invocation parse_args(const std::vector<std::string>& args);

std::string help_text();

}  // namespace pyro2cpp::driver
