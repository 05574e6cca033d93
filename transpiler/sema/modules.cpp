// Names across files (LANGUAGE.md 9 "Imports"): what a file sees of the files it imports.
//
// A file sees the top-level definitions (functions, variables, records and classes) of each
// file it imports directly, not those of files they import in turn. Its own definitions come first
// (they hide imported ones); a name that two imported files define is an error where it is used,
// naming both. In an import cycle every file still sees the other's definitions, but the
// back edge's file runs later: its variables are not set yet when the importing file's
// top-level statements run, so reading one there can never succeed and is an error.
#include <fmt/format.h>

#include <limits>

#include "sema/checker.hpp"

namespace pyro2cpp::sema::detail {

namespace {

struct Candidate {
    std::uint32_t module = 0;
    Resolved resolved;
    Loc loc;  // where the file defines it
};

}  // namespace

// The latest module-level variable of that name in `m` declared before `before`.
std::optional<std::uint32_t> Checker::latest_global(const ModuleScope& m, const std::string& name,
                                                    std::size_t before) const {
    auto it = m.globals_by_name.find(name);
    if (it == m.globals_by_name.end()) return std::nullopt;
    std::optional<std::uint32_t> best;
    for (const GlobalDecl& g : it->second) {
        if (g.position < before) best = g.index;
    }
    return best;
}

Resolved Checker::resolve_imported(const std::string& name, Loc use) {
    std::vector<Candidate> found;
    for (std::uint32_t j : current_module().imports) {
        bool seen = false;
        for (const Candidate& c : found)
            seen = seen || c.module == j;
        if (seen) continue;  // the same file imported twice
        const ModuleScope& m = modules_[j];
        Candidate c;
        c.module = j;
        if (auto fn = m.functions.find(name); fn != m.functions.end()) {
            c.resolved.kind = Resolved::Kind::function;
            c.resolved.function = fn->second;
            c.loc = fn->second->def->name_loc;
        } else if (auto cls = m.classes.find(name); cls != m.classes.end()) {
            c.resolved.kind = Resolved::Kind::class_;
            c.resolved.cls = cls->second;
            c.loc = cls->second->rec != nullptr ? cls->second->rec->name_loc
                                                : cls->second->cls->name_loc;
        } else if (auto g = latest_global(m, name, std::numeric_limits<std::size_t>::max())) {
            c.resolved.kind = Resolved::Kind::variable;
            c.resolved.var = VarRef{true, *g};
            c.loc = program_->globals[*g].loc;
        } else {
            continue;
        }
        found.push_back(c);
    }
    if (found.empty()) return {};
    Resolved reported;
    reported.kind = Resolved::Kind::reported;
    if (found.size() > 1) {
        error(use, fmt::format("'{}' is ambiguous: it is defined by both {} and {}", name,
                               modules_[found[0].module].file->path,
                               modules_[found[1].module].file->path));
        for (std::size_t i = 0; i < 2; ++i) {
            note(found[i].loc, fmt::format("'{}' is defined here", name));
        }
        return reported;
    }
    const Candidate& c = found[0];
    if (c.resolved.kind == Resolved::Kind::variable && frame().instance == nullptr &&
        c.module > frame().module) {
        error(use, fmt::format("'{}' is used before it is set: {} defines it, and runs after "
                               "this file (they import each other)",
                               name, modules_[c.module].file->path));
        return reported;
    }
    return c.resolved;
}

const SourceFile& Checker::file_of(Loc loc) const {
    for (const ModuleScope& m : modules_) {
        if (m.file->id == loc.file) return *m.file;
    }
    return *modules_.back().file;
}

}  // namespace pyro2cpp::sema::detail
