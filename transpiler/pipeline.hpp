// The front door of the transpiler: a .pyro file in, C++ text (or diagnostics) out.
// The driver calls only this; tests call it too. It runs lex -> parse -> sema -> emit.
#pragma once

#include <string>
#include <vector>

#include "source/source.hpp"

namespace pyro2cpp {

struct TranspileOptions {
    bool line_directives = false;  // emit `#line N "file.pyro"` before each statement
    bool explain_any = false;      // `check --explain-any`: a note wherever `any` was inferred
};

struct TranspileResult {
    bool ok = false;                      // false when any error was reported
    std::string cpp;                      // the generated C++ (empty unless ok)
    std::vector<std::string> files_read;  // every .pyro file read (for depfiles, the cache)
};

// Reads `path` (through `sources`, so diagnostics can quote it) and transpiles it. Every
// problem, including an unreadable file, is reported through `diags`.
TranspileResult transpile_file(const std::string& path, const TranspileOptions& options,
                               SourceManager& sources, DiagnosticSink& diags);

// Stops after semantic analysis (for `pyro2cpp check`).
TranspileResult check_file(const std::string& path, const TranspileOptions& options,
                           SourceManager& sources, DiagnosticSink& diags);

}  // namespace pyro2cpp
