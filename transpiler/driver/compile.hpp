// Invoking the C++ compiler: which one, with which flags, and what its failure means.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace pyro2cpp::driver {

class Cache;

// The flags that change the generated machine code; part of every cache key.
struct BuildFlags {
    bool debug = false;                   // -O0 -g instead of -O2
    std::vector<std::string> sanitizers;  // -fsanitize=...
};

struct Compiler {
    std::string name;     // as the user named it ($CXX or "c++")
    std::string path;     // where it was found
    std::string version;  // its --version output (filled by identify_compiler)
    bool is_gcc = false;  // only GCC finds a .gch beside a header by itself
};

// $CXX, else c++. Throws DriverError "C++ compiler 'NAME' not found (set CXX)".
Compiler find_compiler();

// Fills version and is_gcc, remembering `--version` per compiler binary (path, size and
// modification time) in the cache, so a cached `run` does not start the compiler.
void identify_compiler(Compiler& compiler, const Cache& cache);

// -std=c++20 -pthread and the optimisation and sanitizer flags. The same list compiles the
// precompiled header and the program (GCC ignores a .gch built with other flags).
std::vector<std::string> codegen_flags(const BuildFlags& flags);
std::vector<std::string> link_flags();

struct CompileJob {
    std::vector<std::string> args;      // everything after the compiler's name
    std::filesystem::path stderr_file;  // where the compiler's messages are collected
    bool verbose = false;               // print the command first
};

struct CompileOutcome {
    int status = 0;
    std::string messages;        // the compiler's stderr
    bool error_in_pyro = false;  // an error located (through #line) in a .pyro file
};

// Runs the compiler; its messages are returned, not printed.
CompileOutcome run_compiler(const Compiler& compiler, const CompileJob& job);

// Compiles `cpp` into the executable `exe`. `include_dirs` come first-to-last on the path;
// `quote_dir` (the .pyro file's directory) is searched for `#include "..."` from `import cpp`.
CompileJob program_job(const BuildFlags& flags,
                       const std::vector<std::filesystem::path>& include_dirs,
                       const std::filesystem::path& quote_dir, const std::filesystem::path& cpp,
                       const std::filesystem::path& exe);

}  // namespace pyro2cpp::driver
