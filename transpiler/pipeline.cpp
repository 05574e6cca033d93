// The front door: read the file, lex and parse it, check it, and (for transpile_file) emit
// C++. Each stage runs only if the ones before it reported no error, so a mistake is
// reported once, by the stage that understands it.
#include "pipeline.hpp"

#include "emit/emit.hpp"
#include "parser/parser.hpp"
#include "sema/sema.hpp"

namespace pyro2cpp {

namespace {

TranspileResult run(const std::string& path, const TranspileOptions& options,
                    SourceManager& sources, DiagnosticSink& diags, bool emit_cpp) {
    TranspileResult result;
    std::string error;
    const SourceFile* file = sources.load(path, error);
    if (file == nullptr) {
        diags.error(Loc{}, "cannot read '" + path + "': " + error);
        return result;
    }
    result.files_read.push_back(path);
    const std::size_t errors_before = diags.error_count();
    ast::Module module = parse_file(*file, diags);
    if (diags.error_count() != errors_before) return result;
    sema::SemaOptions sema_options;
    sema_options.explain_any = options.explain_any;
    std::unique_ptr<sema::Program> program = sema::analyze(module, *file, diags, sema_options);
    if (diags.error_count() != errors_before) return result;
    if (emit_cpp) {
        emit::EmitOptions emit_options;
        emit_options.line_directives = options.line_directives;
        result.cpp = emit::emit_module(module, *program, *file, emit_options);
    }
    result.ok = true;
    return result;
}

}  // namespace

TranspileResult transpile_file(const std::string& path, const TranspileOptions& options,
                               SourceManager& sources, DiagnosticSink& diags) {
    return run(path, options, sources, diags, true);
}

TranspileResult check_file(const std::string& path, const TranspileOptions& options,
                           SourceManager& sources, DiagnosticSink& diags) {
    return run(path, options, sources, diags, false);
}

}  // namespace pyro2cpp
