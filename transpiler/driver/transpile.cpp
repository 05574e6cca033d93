// The commands that stop at C++ text or diagnostics: `pyro2cpp FILE` and `pyro2cpp check`.
#include <sys/stat.h>

#include <cerrno>
#include <cstring>
#include <iostream>

#include "driver/commands.hpp"
#include "driver/errors.hpp"
#include "driver/files.hpp"
#include "driver/format.hpp"
#include "pipeline.hpp"

namespace pyro2cpp::driver {

namespace {

// Make's depfile syntax: spaces and '#' are backslash-escaped, '$' doubled.
std::string make_escape(const std::string& path) {
    std::string out;
    for (char c : path) {
        if (c == ' ' || c == '#' || c == '\\') out += '\\';
        if (c == '$') out += '$';
        out += c;
    }
    return out;
}

std::string depfile_text(const std::string& target, const std::vector<std::string>& inputs) {
    std::string text = make_escape(target) + ":";
    for (const std::string& in : inputs)
        text += " " + make_escape(in);
    return text + "\n";
}

}  // namespace

void require_input(const std::string& path) {
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0) {
        if (errno == ENOENT || errno == ENOTDIR) {
            throw DriverError("no such file: " + path);
        }
        return;  // e.g. permission denied on a directory: let the pipeline report it
    }
    if (S_ISDIR(st.st_mode)) throw DriverError(path + " is a directory, not a .pyro file");
}

int command_emit(const Invocation& inv) {
    require_input(inv.input);
    SourceManager sources;
    DiagnosticSink diags;
    TranspileOptions options;
    options.line_directives = inv.line_directives;
    TranspileResult result = transpile_file(inv.input, options, sources, diags);
    diags.print(std::cerr, sources);
    if (!result.ok) return exit_program_error;
    if (wants_format(inv.format, inv.no_format, inv.line_directives)) {
        result.cpp = format_cpp(result.cpp);
    }

    if (inv.output.empty()) {
        std::cout << result.cpp;
        if (!std::cout.flush()) throw DriverError("cannot write the C++ to standard output");
    } else {
        write_file_atomic(inv.output, result.cpp);
    }
    if (!inv.depfile.empty()) {
        write_file_atomic(inv.depfile, depfile_text(inv.output, result.files_read));
    }
    return exit_ok;
}

int command_check(const Invocation& inv) {
    require_input(inv.input);
    SourceManager sources;
    DiagnosticSink diags;
    TranspileOptions options;
    options.explain_any = inv.explain_any;
    TranspileResult result = check_file(inv.input, options, sources, diags);
    diags.print(std::cerr, sources);
    return result.ok && !diags.has_errors() ? exit_ok : exit_program_error;
}

}  // namespace pyro2cpp::driver
