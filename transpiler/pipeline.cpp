// The front door: read the main file and the files it imports, lex and parse them
// (modules.cpp), check them together, and (for transpile_file) emit one C++ translation unit.
// Each stage runs only if the ones before it reported no error, so a mistake is reported
// once, by the stage that understands it.
#include "pipeline.hpp"

#include "emit/emit.hpp"
#include "modules.hpp"
#include "sema/sema.hpp"

namespace pyro2cpp {

namespace {

TranspileResult run(const std::string& path, const TranspileOptions& options,
                    SourceManager& sources, DiagnosticSink& diags, bool emit_cpp) {
    TranspileResult result;
    const std::size_t errors_before = diags.error_count();
    const std::size_t files_before = sources.size();
    LoadedProgram loaded = load_program(path, sources, diags);
    for (std::size_t id = files_before; id < sources.size(); ++id)
        result.files_read.push_back(sources.file(static_cast<FileId>(id)).path);
    if (!loaded.ok || diags.error_count() != errors_before) return result;
    std::vector<sema::ModuleInput> inputs;
    for (const LoadedModule& m : loaded.modules)
        inputs.push_back(sema::ModuleInput{&m.ast, m.file, m.imports, m.cpp_namespace});
    sema::SemaOptions sema_options;
    sema_options.explain_any = options.explain_any;
    std::unique_ptr<sema::Program> program = sema::analyze_program(inputs, diags, sema_options);
    if (diags.error_count() != errors_before) return result;
    if (emit_cpp) {
        emit::EmitOptions emit_options;
        emit_options.line_directives = options.line_directives;
        result.cpp = emit::emit_program(*program, emit_options);
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
