// The C++ compiler: finding it, identifying it cheaply, and reading its verdict. A failure
// whose message points (through #line) into a .pyro file is the program's fault — typically an
// `extern` that does not match its C++ function — and exits 1; any other failure is ours.
#include "driver/compile.hpp"

#include <sys/stat.h>
#include <unistd.h>

#include <cstdlib>
#include <iostream>
#include <regex>

#include "driver/cache.hpp"
#include "driver/errors.hpp"
#include "driver/files.hpp"
#include "driver/process.hpp"

namespace pyro2cpp::driver {

namespace fs = std::filesystem;

namespace {

std::string strip_ansi(const std::string& text) {
    static const std::regex escape("\x1b\\[[0-9;]*[mK]");
    return std::regex_replace(text, escape, "");
}

bool mentions_pyro_error(const std::string& messages) {
    // `f.pyro:3:5: error: ...` from the compiler, `f.pyro:3: undefined reference` from ld.
    static const std::regex located(
        R"(\.pyro:[0-9]+:([0-9]+:)? *(fatal error|error|undefined reference))");
    return std::regex_search(strip_ansi(messages), located);
}

}  // namespace

Compiler find_compiler() {
    Compiler c;
    const char* cxx = std::getenv("CXX");
    c.name = (cxx && *cxx) ? cxx : "c++";
    c.path = find_program(c.name);
    if (c.path.empty()) throw DriverError("C++ compiler '" + c.name + "' not found (set CXX)");
    return c;
}

void identify_compiler(Compiler& compiler, const Cache& cache) {
    // The resolved file (through c++ -> g++ -> g++-12 links) names the binary; a package
    // upgrade changes its size or time, and so the key.
    std::error_code ec;
    fs::path real = fs::canonical(compiler.path, ec);
    if (ec) real = compiler.path;
    struct stat st {};
    ::stat(real.c_str(), &st);
    std::string key =
        Hasher()
            .add("compiler-version")
            .add(real.string())
            .add(std::to_string(st.st_size))
            .add(std::to_string(st.st_mtim.tv_sec) + "." + std::to_string(st.st_mtim.tv_nsec))
            .hex();
    compiler.version = cache.memo(key, [&] {
        TempDir scratch(fs::temp_directory_path(), "pyro2cpp-cxx-");
        fs::path out = scratch.path() / "version";
        SpawnOptions options;
        options.stdout_path = out.string();
        options.stderr_path = "/dev/null";
        int status = run_process({compiler.path, "--version"}, options);
        if (status != 0) {
            throw DriverError("'" + compiler.name + " --version' failed (exit status " +
                              std::to_string(status) + ")");
        }
        return read_file(out);
    });
    compiler.is_gcc = compiler.version.find("Free Software Foundation") != std::string::npos &&
                      compiler.version.find("clang") == std::string::npos;
}

std::vector<std::string> codegen_flags(const BuildFlags& flags) {
    std::vector<std::string> out = {"-std=c++20", "-pthread"};
    if (flags.debug) {
        out.insert(out.end(), {"-O0", "-g"});
    } else {
        out.push_back("-O2");
    }
    if (!flags.sanitizers.empty()) {
        std::string list;
        for (const std::string& s : flags.sanitizers)
            list += (list.empty() ? "" : ",") + s;
        out.push_back("-fsanitize=" + list);
        out.push_back("-fno-omit-frame-pointer");
        if (!flags.debug) out.push_back("-g");  // sanitizer reports need line numbers
    }
    return out;
}

// Boost.Fiber and Boost.Context are linked statically: in the shared library every
// thread-local access is a call to __tls_get_addr, and the one in the spinlock that ends each
// task runs below a ~5 KB frame, touching a second stack page per task (100,000 ended tasks:
// 400 MB more peak RSS and 100,000 more page faults; see docs/internals/concurrency.md).
std::vector<std::string> link_flags() {
    return {"-l:libboost_fiber.a", "-l:libboost_context.a", "-lfmt", "-pthread"};
}

CompileJob program_job(const BuildFlags& flags, const std::vector<fs::path>& include_dirs,
                       const fs::path& quote_dir, const fs::path& cpp, const fs::path& exe) {
    CompileJob job;
    job.args = codegen_flags(flags);
    // Colour survives the detour through a file only if asked for explicitly.
    if (::isatty(STDERR_FILENO)) job.args.push_back("-fdiagnostics-color=always");
    for (const fs::path& dir : include_dirs)
        job.args.push_back("-I" + dir.string());
    job.args.insert(job.args.end(), {"-iquote", quote_dir.string()});
    job.args.insert(job.args.end(), {cpp.string(), "-o", exe.string()});
    std::vector<std::string> libs = link_flags();
    job.args.insert(job.args.end(), libs.begin(), libs.end());
    job.stderr_file = exe.string() + ".stderr";
    return job;
}

CompileOutcome run_compiler(const Compiler& compiler, const CompileJob& job) {
    std::vector<std::string> argv = {compiler.name};
    argv.insert(argv.end(), job.args.begin(), job.args.end());
    if (job.verbose) std::cerr << "pyro2cpp: running: " << shell_command_line(argv) << "\n";
    CompileOutcome outcome;
    SpawnOptions options;
    options.program = compiler.path;
    options.stderr_path = job.stderr_file.string();
    outcome.status = run_process(argv, options);
    std::error_code ec;
    if (fs::exists(job.stderr_file, ec)) {
        outcome.messages = read_file(job.stderr_file);
        fs::remove(job.stderr_file, ec);
    }
    outcome.error_in_pyro = outcome.status != 0 && mentions_pyro_error(outcome.messages);
    return outcome;
}

}  // namespace pyro2cpp::driver
