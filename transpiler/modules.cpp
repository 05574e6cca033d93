// Loading the files of a program, depth first through their imports (see modules.hpp).
#include "modules.hpp"

#include <filesystem>
#include <map>
#include <set>

#include "parser/parser.hpp"

namespace pyro2cpp {

namespace fs = std::filesystem;

std::string imported_path(const std::string& importer, const std::string& rel) {
    const fs::path target(rel);
    if (target.is_absolute()) return target.lexically_normal().string();
    fs::path joined = (fs::path(importer).parent_path() / target).lexically_normal();
    return joined.empty() ? rel : joined.string();
}

namespace {

// `lib.pyro` -> `lib_pyro`: the file name with every character C++ does not allow in a name
// made `_` (non-ASCII letters are kept: C++ allows them). Identifiers of the user's program
// never end up at namespace scope, so only the other files' namespaces can clash.
std::string namespace_for(const std::string& path, std::set<std::string>& used) {
    std::string name = fs::path(path).filename().string();
    for (char& c : name) {
        const auto u = static_cast<unsigned char>(c);
        const bool ok = u >= 0x80 || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                        (c >= '0' && c <= '9') || c == '_';
        if (!ok) c = '_';
    }
    // A leading digit or `_` would not be a name C++ lets us use at namespace scope.
    if (name.empty() || (name[0] >= '0' && name[0] <= '9') || name[0] == '_') name = "m" + name;
    std::string unique = name;
    for (int n = 2; used.count(unique) != 0; ++n)
        unique = name + "_" + std::to_string(n);
    used.insert(unique);
    return unique;
}

class Loader {
public:
    Loader(SourceManager& sources, DiagnosticSink& diags) : sources_(sources), diags_(diags) {}

    // Loads `path` (not yet loaded) and its imports; returns its index in `loaded_`.
    std::uint32_t visit(const std::string& path, const SourceFile& file) {
        const auto id = static_cast<std::uint32_t>(loaded_.size());
        loaded_.emplace_back();
        loaded_[id].file = &file;
        by_identity_[identity(path)] = id;
        const std::size_t errors_before = diags_.error_count();
        ast::Module module = parse_file(file, diags_);
        if (diags_.error_count() != errors_before) ok_ = false;
        std::vector<std::uint32_t> imports;
        for (const auto& stmt : module.body) {
            if (stmt->kind != ast::StmtKind::import) continue;
            const auto& import = stmt->as<ast::ImportStmt>();
            if (import.import_kind != ast::ImportKind::file) continue;
            const std::string target = imported_path(path, import.path);
            auto known = by_identity_.find(identity(target));
            if (known != by_identity_.end()) {
                imports.push_back(known->second);  // done already, or a cycle's back edge
                continue;
            }
            std::string error;
            const SourceFile* imported = sources_.load(target, error);
            if (imported == nullptr) {
                // Name the file as it was looked for when that differs from the import.
                const std::string read_as =
                    target == import.path ? "" : " (read as '" + target + "')";
                diags_.error(stmt->range.begin,
                             "cannot import '" + import.path + "'" + read_as + ": " + error);
                ok_ = false;
                continue;
            }
            imports.push_back(visit(target, *imported));
        }
        loaded_[id].ast = std::move(module);
        loaded_[id].imports = std::move(imports);
        order_.push_back(id);  // after everything it imports: depth first
        return id;
    }

    LoadedProgram finish() {
        LoadedProgram program;
        program.ok = ok_;
        std::vector<std::uint32_t> position(loaded_.size());
        for (std::uint32_t i = 0; i < order_.size(); ++i)
            position[order_[i]] = i;
        std::set<std::string> used{"pyro_program"};
        for (std::uint32_t id : order_) {
            LoadedModule m = std::move(loaded_[id]);
            for (std::uint32_t& imported : m.imports)
                imported = position[imported];
            const bool main = id == 0;
            m.cpp_namespace = main ? "pyro_program" : namespace_for(m.file->path, used);
            program.modules.push_back(std::move(m));
        }
        return program;
    }

private:
    // Two spellings of one file (`lib.pyro`, `./sub/../lib.pyro`) are one module.
    static std::string identity(const std::string& path) {
        std::error_code ec;
        fs::path canonical = fs::weakly_canonical(path, ec);
        return ec ? fs::absolute(path).lexically_normal().string() : canonical.string();
    }

    SourceManager& sources_;
    DiagnosticSink& diags_;
    std::vector<LoadedModule> loaded_;  // by the order of first reaching them
    std::vector<std::uint32_t> order_;  // the run order, as indexes into loaded_
    std::map<std::string, std::uint32_t> by_identity_;
    bool ok_ = true;
};

}  // namespace

LoadedProgram load_program(const std::string& path, SourceManager& sources, DiagnosticSink& diags) {
    std::string error;
    const SourceFile* file = sources.load(path, error);
    if (file == nullptr) {
        diags.error(Loc{}, "cannot read '" + path + "': " + error);
        return {};
    }
    Loader loader(sources, diags);
    loader.visit(path, *file);
    return loader.finish();
}

}  // namespace pyro2cpp
