// `pyro2cpp build` and `pyro2cpp run`: transpile (with #line always on), then find the
// program in the cache or compile it there, then copy it out or run it.
//
// A cache entry's key covers everything the binary depends on: the generated C++ and every
// .pyro file read, the flags, the compiler and its version, the runtime headers' contents and
// pyro2cpp's version. Headers of the user's own that the C++ includes (`import cpp "x.hpp"`)
// are found only by compiling, so the compiler's dependency list for a key is remembered and
// their contents join the key on the next run: editing one of them rebuilds.
#include <sys/stat.h>
#include <unistd.h>

#include <iostream>
#include <memory>
#include <system_error>
#include <utility>

#include "driver/cache.hpp"
#include "driver/commands.hpp"
#include "driver/compile.hpp"
#include "driver/errors.hpp"
#include "driver/files.hpp"
#include "driver/paths.hpp"
#include "driver/pch.hpp"
#include "driver/process.hpp"
#include "driver/version.hpp"
#include "pipeline.hpp"

namespace pyro2cpp::driver {

namespace fs = std::filesystem;

namespace {

struct BuiltProgram {
    fs::path exe;
    std::unique_ptr<TempDir> scratch;  // --no-cache: where the program lives until we finish
};

// What a transpiled program brings to the build.
struct Transpiled {
    SourceManager sources;
    TranspileResult result;
};

std::string base_key(const Compiler& compiler, const BuildFlags& flags, const fs::path& runtime,
                     const Invocation& inv, const Transpiled& t) {
    Hasher h;
    h.add("bin").add(version_string()).add(compiler.path).add(compiler.version);
    for (const std::string& f : codegen_flags(flags))
        h.add(f);
    for (const std::string& f : link_flags())
        h.add(f);
    h.add(runtime.string()).add(runtime_headers_digest(runtime));
    h.add(inv.input);
    for (FileId id = 0; id < t.sources.size(); ++id) {
        h.add(t.sources.file(id).path).add(t.sources.file(id).text);
    }
    h.add(t.result.cpp);
    return h.hex();
}

// The key extended with the contents of the user's headers (one path per line).
std::string full_key(const std::string& base, const std::string& header_list) {
    Hasher h;
    h.add(base);
    std::size_t start = 0;
    while (start < header_list.size()) {
        std::size_t end = header_list.find('\n', start);
        if (end == std::string::npos) end = header_list.size();
        std::string path = header_list.substr(start, end - start);
        std::error_code ec;
        h.add(path).add(fs::is_regular_file(path, ec) ? read_file(path) : "<missing>");
        start = end + 1;
    }
    return h.hex();
}

// The prerequisites in a Make-syntax depfile, as the compiler's -MMD writes it.
std::vector<std::string> depfile_inputs(const std::string& text) {
    std::vector<std::string> out;
    std::string current;
    bool in_target = true;
    for (std::size_t i = 0; i < text.size(); ++i) {
        char c = text[i];
        if (c == '\\' && i + 1 < text.size() && (text[i + 1] == '\n' || text[i + 1] == ' ')) {
            if (text[i + 1] == ' ') current += ' ';
            ++i;
            if (text[i] == '\n' && !current.empty()) out.push_back(std::exchange(current, ""));
            continue;
        }
        if (c == ':' && in_target &&
            (i + 1 >= text.size() || text[i + 1] == ' ' || text[i + 1] == '\n')) {
            in_target = false;
            current.clear();
            continue;
        }
        if (c == ' ' || c == '\n' || c == '\t') {
            if (!in_target && !current.empty()) out.push_back(std::exchange(current, ""));
            continue;
        }
        current += c;
    }
    if (!in_target && !current.empty()) out.push_back(current);
    return out;
}

bool is_under(const fs::path& file, const fs::path& dir) {
    if (dir.empty()) return false;
    auto rel = file.lexically_normal().lexically_relative(dir.lexically_normal());
    return !rel.empty() && *rel.begin() != "..";
}

// The user's own headers among a compile's dependencies (the runtime's are keyed already).
std::string user_headers(const fs::path& depfile, const fs::path& cpp,
                         const std::vector<fs::path>& keyed_dirs) {
    std::error_code ec;
    if (!fs::is_regular_file(depfile, ec)) return "";
    std::string list;
    for (const std::string& dep : depfile_inputs(read_file(depfile))) {
        fs::path p = fs::absolute(dep, ec);
        if (p == cpp) continue;
        bool keyed = false;
        for (const fs::path& dir : keyed_dirs)
            keyed = keyed || is_under(p, dir);
        if (!keyed) list += p.string() + "\n";
    }
    return list;
}

bool is_executable(const fs::path& p) {
    return ::access(p.c_str(), X_OK) == 0 && fs::is_regular_file(p);
}

// The compiler's messages have been printed. With #line on every statement, an error in the
// generated code is reported at a .pyro line: that is the program's (exit 1) when an `extern`
// there does not match its C++ function, which only the C++ compiler can tell; anything else
// is a bug of ours (exit 2), and the C++ is kept for the report.
int report_failure(const CompileOutcome& outcome, const Invocation& inv, const fs::path& cpp,
                   TempDir& work) {
    if (outcome.error_in_pyro) {
        std::cerr << "pyro2cpp: note: the C++ compiler rejected the code generated for the "
                     ".pyro lines above; unless an extern there does not match its C++ "
                     "function, this is a bug in pyro2cpp\n";
        return exit_program_error;
    }
    work.release();  // keep the generated C++ for the bug report
    std::cerr << "pyro2cpp: error: the C++ compiler failed on the code generated from " << inv.input
              << " (a bug in pyro2cpp, or an extern that does not match its C++ function); "
                 "the C++ is in "
              << cpp.string() << "\n";
    return exit_tool_error;
}

// Builds `t` into an executable: in the cache, or in a temporary directory with --no-cache.
int obtain_program(const Invocation& inv, Transpiled& t, BuiltProgram& out) {
    Compiler compiler = find_compiler();
    fs::path runtime = runtime_include_dir();
    BuildFlags flags{inv.debug, inv.sanitizers};
    std::string stem = fs::path(inv.input).stem().string();
    fs::path input_dir = fs::absolute(inv.input).parent_path();

    if (inv.no_cache) {
        out.scratch = std::make_unique<TempDir>(fs::temp_directory_path(), "pyro2cpp-");
        fs::path cpp = out.scratch->path() / (stem + ".cpp");
        fs::path exe = out.scratch->path() / stem;
        write_file_atomic(cpp, t.result.cpp);
        CompileJob job = program_job(flags, {runtime}, input_dir, cpp, exe);
        job.verbose = inv.verbose;
        CompileOutcome outcome = run_compiler(compiler, job);
        std::cerr << outcome.messages;
        if (outcome.status != 0) return report_failure(outcome, inv, cpp, *out.scratch);
        out.exe = exe;
        return exit_ok;
    }

    Cache cache(cache_dir());
    identify_compiler(compiler, cache);
    std::string base = base_key(compiler, flags, runtime, inv, t);
    std::string headers_memo = "headers-" + base;
    fs::path entry = cache.binary_dir(full_key(base, cache.recall(headers_memo).value_or("")));
    if (is_executable(entry / stem)) {
        out.exe = entry / stem;
        return exit_ok;
    }

    fs::path pch = ensure_pch(cache, compiler, flags, runtime, inv.verbose);
    TempDir work = cache.new_work_dir();
    fs::path cpp = work.path() / (stem + ".cpp");
    fs::path depfile = work.path() / "deps.d";
    write_file_atomic(cpp, t.result.cpp);
    std::vector<fs::path> includes;
    if (!pch.empty()) includes.push_back(pch);
    includes.push_back(runtime);
    CompileJob job = program_job(flags, includes, input_dir, cpp, work.path() / stem);
    job.args.insert(job.args.end(), {"-MMD", "-MF", depfile.string()});
    job.verbose = inv.verbose;
    CompileOutcome outcome = run_compiler(compiler, job);
    std::cerr << outcome.messages;
    if (outcome.status != 0) return report_failure(outcome, inv, cpp, work);

    std::string headers = user_headers(depfile, cpp, includes);
    std::error_code ec;
    fs::remove(depfile, ec);
    entry = cache.binary_dir(full_key(base, headers));
    // The entry's C++ keeps its name for gdb; the temporary directory's name does not matter
    // because #line directives point at the .pyro files.
    cache.publish(work, entry);
    cache.store(headers_memo, headers);
    out.exe = entry / stem;
    return exit_ok;
}

int transpile_for_build(const Invocation& inv, Transpiled& t) {
    require_input(inv.input);
    DiagnosticSink diags;
    TranspileOptions options;
    options.line_directives = true;
    t.result = transpile_file(inv.input, options, t.sources, diags);
    diags.print(std::cerr, t.sources);
    return t.result.ok ? exit_ok : exit_program_error;
}

}  // namespace

int command_build(const Invocation& inv) {
    fs::path output = inv.output.empty() ? fs::path(inv.input).stem() : fs::path(inv.output);
    std::error_code ec;
    if (fs::equivalent(output, inv.input, ec)) {
        throw UsageError("the executable would overwrite " + inv.input + ": give -o");
    }
    Transpiled t;
    if (int status = transpile_for_build(inv, t); status != exit_ok) return status;
    BuiltProgram program;
    if (int status = obtain_program(inv, t, program); status != exit_ok) return status;
    copy_file_atomic(program.exe, output);
    return exit_ok;
}

int command_run(const Invocation& inv) {
    Transpiled t;
    if (int status = transpile_for_build(inv, t); status != exit_ok) return status;
    BuiltProgram program;
    if (int status = obtain_program(inv, t, program); status != exit_ok) return status;
    // The program sees its .pyro file as argv[0], as under the interpreter's `pyro run`.
    std::vector<std::string> argv = {inv.input};
    argv.insert(argv.end(), inv.program_args.begin(), inv.program_args.end());
    SpawnOptions options;
    options.program = program.exe.string();
    options.forward_signals = true;
    return run_process(argv, options);
}

}  // namespace pyro2cpp::driver
