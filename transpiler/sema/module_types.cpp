// Type names across files (LANGUAGE.md 14): which record, class, interface or alias a name
// means in the file that writes it.
//
// As with functions and variables (modules.cpp), a file sees its own type names first, then
// those of the files it imports directly; a name two imported files define is an error
// where it is used, naming both. `Error` is everyone's. While a declaration is being
// collected (a def's parameter types, a class's fields and methods) there is no frame
// yet, so `decl_module_` says whose names its types see; an alias imported from another
// file resolves its right-hand side with that file's names (`type_module_override_`).
#include <fmt/format.h>

#include "sema/checker.hpp"

namespace pyro2cpp::sema::detail {

namespace {

TypeName own_type_name(const ModuleScope& m, std::uint32_t index, const std::string& name) {
    TypeName t;
    t.module = index;
    if (auto c = m.classes.find(name); c != m.classes.end()) {
        t.cls = c->second;
    } else if (auto i = m.interfaces.find(name); i != m.interfaces.end()) {
        t.interface = i->second;
    } else if (auto a = m.aliases.find(name); a != m.aliases.end()) {
        t.alias = a->second;
    }
    return t;
}

Loc defined_at(const TypeName& t) {
    if (t.interface != nullptr) return t.interface->name_loc;
    if (t.alias != nullptr) return t.alias->name_loc;
    return t.cls->rec != nullptr ? t.cls->rec->name_loc : t.cls->cls->name_loc;
}

}  // namespace

std::uint32_t Checker::type_module() const {
    if (type_module_override_) return *type_module_override_;
    return frames_.empty() ? decl_module_ : frames_.back()->module;
}

TypeName Checker::find_type_name(const std::string& name, Loc use, bool report) {
    const std::uint32_t m = type_module();
    if (TypeName own = own_type_name(modules_[m], m, name); own.found()) return own;
    std::vector<TypeName> found;
    for (std::uint32_t j : modules_[m].imports) {
        bool seen = false;
        for (const TypeName& t : found)
            seen = seen || t.module == j;
        if (seen || j == m) continue;
        if (TypeName t = own_type_name(modules_[j], j, name); t.found()) found.push_back(t);
    }
    if (found.size() > 1) {
        if (report) report_ambiguous(name, use, found);
        TypeName t;
        t.ambiguous = true;
        return t;
    }
    if (found.size() == 1) return found[0];
    TypeName t;
    if (auto e = classes_.find(name); e != classes_.end()) t.cls = e->second;  // Error
    return t;
}

void Checker::report_ambiguous(const std::string& name, Loc use,
                               const std::vector<TypeName>& found) {
    const std::string message =
        fmt::format("'{}' is ambiguous: it is defined by both {} and {}", name,
                    modules_[found[0].module].file->path, modules_[found[1].module].file->path);
    const std::string here = fmt::format("'{}' is defined here", name);
    if (!frames_.empty()) {
        error(use, message);
        for (std::size_t i = 0; i < 2; ++i)
            note(defined_at(found[i]), here);
        return;
    }
    sink_.error(use, message);
    for (std::size_t i = 0; i < 2; ++i)
        sink_.add(Severity::note, defined_at(found[i]), here);
}

}  // namespace pyro2cpp::sema::detail
