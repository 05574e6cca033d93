// Interfaces, type aliases and unions as types (LANGUAGE.md 3, 4, 9).
//
// An interface is satisfied implicitly and checked statically: where a value goes to a place
// typed by an interface, its record or class must have each of the interface's methods, with
// the same number of parameters (and the same types where both sides write them). A function
// parameter typed by an interface is instantiated for the type actually passed, as an
// unannotated one is, so calls through it are direct C++ calls; a `let` annotated with an
// interface keeps its value's type. An alias stands for its type (`type Pair<T> = Box<T>`
// substitutes its parameters). A union `A | B` is `any` (its operations are checked when the
// program runs).
#include <fmt/format.h>

#include <algorithm>
#include <utility>

#include "sema/checker.hpp"

namespace pyro2cpp::sema::detail {

void Checker::declare_interfaces() {
    for (ModuleScope& m : modules_) {
        for (const auto& stmt : m.module->body) {
            if (stmt->kind == ast::StmtKind::interface) {
                const auto& i = stmt->as<ast::InterfaceStmt>();
                if (!m.interfaces.emplace(i.name, &i).second) {
                    sink_.error(i.name_loc, fmt::format("'{}' is already defined", i.name));
                }
            } else if (stmt->kind == ast::StmtKind::type_alias) {
                const auto& a = stmt->as<ast::TypeAliasStmt>();
                if (m.interfaces.count(a.name) != 0 || !m.aliases.emplace(a.name, &a).second) {
                    sink_.error(a.name_loc, fmt::format("'{}' is already defined", a.name));
                }
            }
        }
    }
}

std::optional<TypeId> Checker::interface_or_alias_type(const ast::TypeExpr& type, bool report) {
    const TypeName found = find_type_name(type.name, type.range.begin, false);
    if (found.interface != nullptr) {
        // `Container<int>`; a generic interface written bare leaves its parameters open.
        const ast::InterfaceStmt& iface = *found.interface;
        TypeInfo t;
        t.kind = TypeKind::interface;
        t.name = type.name;
        t.decl = found.interface;
        if (!type.args.empty() && type.args.size() != iface.type_params.size()) {
            return annotation_error(
                type,
                fmt::format("interface '{}' takes {} type argument{}, got {}", iface.name,
                            iface.type_params.size(), iface.type_params.size() == 1 ? "" : "s",
                            type.args.size()),
                report);
        }
        for (std::size_t i = 0; i < type.args.size(); ++i) {
            TypeId arg = resolve_type(*type.args[i], report);
            if (arg == types::error) return types::error;
            t.args.push_back(arg);
            t.name += (i == 0 ? "<" : ", ") + type_name(arg);
        }
        if (!t.args.empty()) t.name += ">";
        return types().intern(t);
    }
    if (found.alias == nullptr) return std::nullopt;
    const ast::TypeAliasStmt& alias = *found.alias;
    auto fail = [&](std::string message) {
        return annotation_error(type, std::move(message), report);
    };
    if (alias.type_params.size() != type.args.size()) {
        return fail(fmt::format("alias '{}' takes {} type argument{}, got {}", alias.name,
                                alias.type_params.size(), alias.type_params.size() == 1 ? "" : "s",
                                type.args.size()));
    }
    static thread_local int depth = 0;  // an alias defined by itself
    if (depth > 50)
        return fail(fmt::format("alias '{}' is defined in terms of itself", alias.name));
    std::unordered_map<std::string, TypeId> subst;
    for (std::size_t i = 0; i < type.args.size(); ++i) {
        TypeId arg = resolve_type(*type.args[i], report);
        if (arg == types::error) return types::error;
        subst[alias.type_params[i].name] = arg;
    }
    auto saved = std::move(type_subst_);
    type_subst_ = std::move(subst);
    const auto saved_module = type_module_override_;
    type_module_override_ = found.module;  // an imported alias sees its own file's names
    ++depth;
    TypeId result = resolve_type(*alias.type, report);
    --depth;
    type_module_override_ = saved_module;
    type_subst_ = std::move(saved);
    return result;
}

// A def or method with a parameter typed by an interface is generic: instantiated per
// argument type. (A result typed by one is an interface value: check_interface_values.cpp.)
void Checker::check_interface_uses(FunctionDecl& decl) {
    for (const auto& t : decl.param_types) {
        if (t && types().kind(*t) == TypeKind::interface) decl.generic = true;
    }
}

bool Checker::check_satisfies(TypeId value_type, TypeId interface, const ast::Expr& value,
                              const std::string& what) {
    if (types().is_silent(value_type) || value_type == types::any) return true;
    if (value_type == interface) return true;
    const auto& iface = *static_cast<const ast::InterfaceStmt*>(types().info(interface).decl);
    const ClassInfo* cls = class_of(value_type);
    if (cls == nullptr) {
        error(value.range.begin, fmt::format("type mismatch{}: expected {} (an interface), got {}",
                                             what, iface.name, type_name(value_type)));
        return false;
    }
    // A parameter of a generic interface written bare matches anything.
    const bool open = types().info(interface).args.empty();
    auto is_param = [&](const ast::TypeExpr& t) {
        for (const ast::TypeParam& p : iface.type_params) {
            if (p.name == t.name) return open;
        }
        return false;
    };
    auto same = [&](const ast::TypeExpr* a, const ast::TypeExpr* b) {
        if (a == nullptr || b == nullptr || is_param(*a)) return true;
        return interface_member_type(interface, a, false) == resolve_type(*b, false);
    };
    // A generic record's methods may name its type parameters: bound to the value's here.
    struct Restore {
        std::unordered_map<std::string, TypeId>& slot;
        std::unordered_map<std::string, TypeId> saved;
        ~Restore() { slot = std::move(saved); }
    } restore{type_subst_, std::exchange(type_subst_, record_subst(value_type))};
    for (const auto& m : iface.methods) {
        const FunctionDecl* found = find_method(*cls, m->name);
        std::string problem;
        if (found == nullptr) {
            problem = fmt::format("it has no method '{}'", m->name);
        } else if (found->def->params.size() != m->params.size() + 1) {
            problem = fmt::format("its method '{}' takes {} argument{}, the interface's {}",
                                  m->name, found->def->params.size() - 1,
                                  found->def->params.size() == 2 ? "" : "s", m->params.size());
        } else {
            for (std::size_t i = 0; i < m->params.size() && problem.empty(); ++i) {
                if (!same(m->params[i].type.get(), found->def->params[i + 1].type.get())) {
                    problem = fmt::format("the parameter '{}' of its method '{}' has another type",
                                          found->def->params[i + 1].name, m->name);
                }
            }
            if (problem.empty() && !same(m->result.get(), found->def->result.get())) {
                problem = fmt::format("its method '{}' returns another type", m->name);
            }
        }
        if (!problem.empty()) {
            error(value.range.begin, fmt::format("{} '{}' does not satisfy interface '{}'{}: {}",
                                                 cls->is_record() ? "record" : "class", cls->name,
                                                 iface.name, what, problem));
            note(m->name_loc, fmt::format("'{}.{}' is declared here", iface.name, m->name));
            return false;
        }
    }
    return true;
}

bool Checker::check_union_member(TypeId value_type, const ast::TypeExpr& written,
                                 const ast::Expr& value) {
    const ast::TypeExpr* t = &written;
    // Through aliases without parameters (`type Id = int | string`).
    for (int hops = 0; t->kind == ast::TypeExprKind::named && hops < 50; ++hops) {
        const TypeName a = find_type_name(t->name, t->range.begin, false);
        if (a.alias == nullptr || !a.alias->type_params.empty()) return true;
        t = a.alias->type.get();
    }
    auto it = union_members_.find(t);
    if (it == union_members_.end() || types().is_silent(value_type)) return true;
    if (value_type == types::any) {
        // Checked when the program runs, unless a member is any itself.
        const auto& members = it->second;
        if (std::find(members.begin(), members.end(), types::any) == members.end() &&
            std::find(members.begin(), members.end(), types::error) == members.end()) {
            frame().body->union_checks[&value] = members;
        }
        return true;
    }
    std::string names;
    for (TypeId m : it->second) {
        if (types().convertible(value_type, m) && m != types::any) return true;
        if (m == types::any) return true;
        names += (names.empty() ? "" : " | ") + type_name(m);
    }
    error(value.range.begin,
          fmt::format("type mismatch: expected {}, got {}", names, type_name(value_type)));
    return false;
}

}  // namespace pyro2cpp::sema::detail
