// Command-line parsing. Each option is listed once, with the commands it applies to, so an
// option given to a command that ignores it is an error rather than silently dropped.
#include "driver/args.hpp"

#include <algorithm>
#include <array>
#include <filesystem>
#include <string_view>

#include "driver/errors.hpp"

namespace pyro2cpp::driver {

namespace {

enum CommandBit : unsigned {
    on_emit = 1u << 0,
    on_build = 1u << 1,
    on_run = 1u << 2,
    on_check = 1u << 3,
};

unsigned bit_of(Command c) {
    switch (c) {
        case Command::emit:
            return on_emit;
        case Command::build:
            return on_build;
        case Command::run:
            return on_run;
        case Command::check:
            return on_check;
        default:
            return 0;
    }
}

const char* name_of(Command c) {
    switch (c) {
        case Command::emit:
            return "emitting C++";
        case Command::build:
            return "build";
        case Command::run:
            return "run";
        case Command::check:
            return "check";
        default:
            return "this command";
    }
}

struct OptionSpec {
    std::string_view name;
    std::string_view alias;
    bool takes_value;
    unsigned commands;
};

constexpr std::array<OptionSpec, 10> option_specs{{
    {"-o", "", true, on_emit | on_build},
    {"--line-directives", "", false, on_emit},
    {"--format", "", false, on_emit},
    {"--no-format", "", false, on_emit},
    {"--depfile", "", true, on_emit},
    {"--debug", "", false, on_build | on_run},
    {"--sanitize", "", true, on_build | on_run},
    {"--no-cache", "", false, on_build | on_run},
    {"--verbose", "-v", false, on_build | on_run},
    {"--explain-any", "", false, on_check},
}};

std::vector<std::string> parse_sanitizers(const std::string& list) {
    std::vector<std::string> result;
    std::size_t start = 0;
    while (start <= list.size()) {
        std::size_t comma = std::min(list.find(',', start), list.size());
        std::string item = list.substr(start, comma - start);
        if (item == "thread") {
            // Every program runs its main as a fiber: TSan crashes on the unannotated stack
            // switches (docs/internals/concurrency.md, "Sanitizers").
            throw UsageError("--sanitize=thread is not supported: ThreadSanitizer does not "
                             "follow the task switches of Pyro programs (use address,undefined)");
        }
        if (item != "address" && item != "undefined") {
            throw UsageError("unknown sanitizer '" + item +
                             "' (use address, undefined or address,undefined)");
        }
        if (std::find(result.begin(), result.end(), item) == result.end()) result.push_back(item);
        start = comma + 1;
    }
    return result;
}

void apply_option(Invocation& inv, std::string_view name, const std::string& value) {
    if (name == "-o") {
        inv.output = value;
    } else if (name == "--line-directives") {
        inv.line_directives = true;
    } else if (name == "--format") {
        inv.format = true;
    } else if (name == "--no-format") {
        inv.no_format = true;
    } else if (name == "--depfile") {
        inv.depfile = value;
    } else if (name == "--debug") {
        inv.debug = true;
    } else if (name == "--sanitize") {
        inv.sanitizers = parse_sanitizers(value);
    } else if (name == "--no-cache") {
        inv.no_cache = true;
    } else if (name == "--verbose") {
        inv.verbose = true;
    } else if (name == "--explain-any") {
        inv.explain_any = true;
    }
}

// Parses the option at args[i] (advancing i past its value, if separate).
void parse_option(Invocation& inv, const std::vector<std::string>& args, std::size_t& i) {
    const std::string& arg = args[i];
    std::string_view name = arg;
    std::string value;
    bool inline_value = false;
    if (std::size_t eq = arg.find('='); arg.starts_with("--") && eq != std::string::npos) {
        name = std::string_view(arg).substr(0, eq);
        value = arg.substr(eq + 1);
        inline_value = true;
    }
    auto spec = std::find_if(option_specs.begin(), option_specs.end(), [&](const OptionSpec& s) {
        return s.name == name || (!s.alias.empty() && s.alias == name);
    });
    if (spec == option_specs.end()) {
        throw UsageError("unknown option '" + std::string(name) + "'");
    }
    if ((spec->commands & bit_of(inv.command)) == 0) {
        throw UsageError("option '" + std::string(name) + "' does not apply to " +
                         name_of(inv.command));
    }
    if (spec->takes_value && !inline_value) {
        if (i + 1 >= args.size()) {
            throw UsageError("option '" + std::string(name) + "' needs a value");
        }
        value = args[++i];
    } else if (!spec->takes_value && inline_value) {
        throw UsageError("option '" + std::string(name) + "' takes no value");
    }
    if (spec->takes_value && value.empty()) {
        throw UsageError("option '" + std::string(name) + "' needs a value");
    }
    apply_option(inv, spec->name, value);
}

// The flags that are a whole command by themselves.
bool parse_standalone_flag(const std::string& arg, Invocation& inv) {
    if (arg == "--help" || arg == "-h") {
        inv.command = Command::help;
    } else if (arg == "--version") {
        inv.command = Command::version;
    } else if (arg == "--cxxflags") {
        inv.command = Command::cxxflags;
    } else if (arg == "--libs") {
        inv.command = Command::libs;
    } else {
        return false;
    }
    return true;
}

}  // namespace

Invocation parse_args(const std::vector<std::string>& args) {
    Invocation inv;
    if (args.empty()) throw UsageError("no input file");
    std::size_t i = 0;
    const std::string& first = args[0];
    if (first == "build") {
        inv.command = Command::build;
        ++i;
    } else if (first == "run") {
        inv.command = Command::run;
        ++i;
    } else if (first == "check") {
        inv.command = Command::check;
        ++i;
    } else if (first == "bind") {
        // pyro2cpp-bind parses its own command line (it knows Clang's arguments).
        inv.command = Command::bind;
        inv.bind_args.assign(args.begin() + 1, args.end());
        return inv;
    } else if (parse_standalone_flag(first, inv)) {
        if (inv.command == Command::help) return inv;
        if (args.size() > 1) throw UsageError("'" + first + "' takes no other arguments");
        return inv;
    } else {
        inv.command = Command::emit;
        // A word that is neither a command nor an existing file is most likely a mistyped
        // (or future) command, so say that rather than "no such file".
        if (!first.starts_with("-") && !first.ends_with(".pyro") &&
            !std::filesystem::exists(first)) {
            throw UsageError("unknown command '" + first + "'");
        }
    }

    for (; i < args.size(); ++i) {
        const std::string& arg = args[i];
        if (arg == "--help" || arg == "-h") {
            inv.command = Command::help;
            return inv;
        }
        if (arg == "--") {
            if (inv.command != Command::run) {
                throw UsageError("'--' (program arguments) applies only to run");
            }
            inv.program_args.assign(args.begin() + static_cast<std::ptrdiff_t>(i) + 1, args.end());
            break;
        }
        if (arg.size() > 1 && arg[0] == '-') {
            parse_option(inv, args, i);
        } else if (inv.input.empty()) {
            inv.input = arg;
        } else if (inv.command == Command::run) {
            throw UsageError("unexpected argument '" + arg +
                             "' (arguments for the program go after '--')");
        } else {
            throw UsageError("unexpected argument '" + arg + "'");
        }
    }
    if (inv.input.empty()) throw UsageError("no input file");
    if (inv.format && inv.no_format) {
        throw UsageError("--format and --no-format contradict each other");
    }
    if (!inv.depfile.empty() && inv.output.empty()) {
        throw UsageError("--depfile needs -o (the depfile names the output as its target)");
    }
    return inv;
}

std::string help_text() {
    return R"(usage: pyro2cpp FILE.pyro [-o OUT.cpp] [--line-directives] [--[no-]format] [--depfile OUT.d]
       pyro2cpp build FILE.pyro [-o EXE] [--debug] [--sanitize=LIST] [--no-cache] [-v]
       pyro2cpp run FILE.pyro [--debug] [--sanitize=LIST] [--no-cache] [-v] [-- ARGS...]
       pyro2cpp check FILE.pyro [--explain-any]
       pyro2cpp bind HEADER.hpp [-- CLANG_ARGS...]
       pyro2cpp --cxxflags | --libs | --version | --help

Translates a Pyro program into readable C++20, and builds or runs it.

commands:
  (none)             write the C++ for FILE.pyro to stdout, or to OUT.cpp with -o
  build              compile FILE.pyro into an executable (default: ./FILE without .pyro)
  run                build FILE.pyro into the cache, then run it with ARGS
  check              report the program's errors and warnings; generate nothing
  bind               print `extern` lines for the functions a C++ header declares
                     (read with Clang; see docs/interop.md)

options:
  -o PATH            where to write the C++ (or, for build, the executable)
  --line-directives  put #line before each statement so compiler messages, sanitizer
                     reports and gdb point at .pyro lines (always on for build and run)
  --format           format the C++ with clang-format's library (runs pyro2cpp-format);
                     the default when pyro2cpp-format is installed, except with
                     --line-directives (formatting them keeps every #line exact, but
                     needs one before most lines)
  --no-format        keep the emitter's own layout
  --depfile PATH     also write a Makefile-syntax dependency file listing every .pyro file
                     read (needs -o)
  --debug            compile with -O0 -g instead of -O2
  --sanitize=LIST    compile with -fsanitize=LIST: address, undefined, or both
                     (address,undefined)
  --no-cache         build in a temporary directory: neither use nor fill the cache
  -v, --verbose      print each C++ compiler command before running it
  --explain-any      add a note wherever the type `any` was inferred, saying why
  --cxxflags         print the flags for compiling generated C++ by hand
  --libs             print the flags for linking it
  --version          print pyro2cpp's version
  -h, --help         print this help

environment:
  CXX                the C++ compiler (default: c++)
  PYRO2CPP_CACHE_DIR where build and run keep binaries and the precompiled runtime header
                     (default: $XDG_CACHE_HOME/pyro2cpp, else ~/.cache/pyro2cpp)
  PYRO_WORKER_THREADS  read by the compiled program: its number of worker threads

exit status: 0 success, 1 errors in the program, 2 bad usage or a failure of the tool or of
the C++ compiler; run exits with the program's own status (128+N if killed by signal N).
)";
}

}  // namespace pyro2cpp::driver
