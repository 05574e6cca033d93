// Loading a program's files: the main .pyro file and every file it imports
// (`import "lib.pyro"`, LANGUAGE.md 9 "Imports"), each read and parsed once however often it
// is imported, in the order their top-level statements run.
//
// The order is depth first: a file's imports (in the order written) run before the file
// itself, each only once; an import that leads back to a file still being loaded (a cycle's
// back edge) is skipped for running, though the names it imports stay visible. The main file
// comes last.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "parser/ast.hpp"
#include "source/source.hpp"

namespace pyro2cpp {

struct LoadedModule {
    const SourceFile* file = nullptr;
    ast::Module ast;
    // The files this one imports directly, as indexes into LoadedProgram::modules, in the
    // order of their import statements (back edges of cycles included: names stay visible).
    std::vector<std::uint32_t> imports;
    // The C++ namespace of its definitions: `pyro_program` for the main file, otherwise made
    // from the file name (`lib.pyro` -> `lib_pyro`), unique in the program.
    std::string cpp_namespace;
};

struct LoadedProgram {
    std::vector<LoadedModule> modules;  // in the order their top-level statements run
    bool ok = false;                    // every file was read and parsed without errors
};

// Reads `path` and, transitively, the files it imports. A file that cannot be read is
// reported at the import statement naming it (the main file at no location).
LoadedProgram load_program(const std::string& path, SourceManager& sources, DiagnosticSink& diags);

// The file an `import "rel"` in `importer` names: `rel` relative to the importer's directory,
// lexically normalised (so diagnostics show `lib/util.pyro`, not `lib/../lib/util.pyro`).
std::string imported_path(const std::string& importer, const std::string& rel);

}  // namespace pyro2cpp
