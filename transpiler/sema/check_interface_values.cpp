// Interface values (LANGUAGE.md 4): a value whose static type is an interface, wherever one
// is written: a function's result, a variable's annotation, an element type (`list<Shape>`),
// a field, a parameter of a function type.
//
// Such a value may be a record or a class instance of any type that satisfies the interface,
// so it lives in the C++ as a `pyro::Any` (docs/internals/runtime-contract.md, "Interface
// values"), while sema keeps the interface as its static type: a call `s.area()` must name a
// method of the interface, its arguments are checked against the interface's signature, and
// its result has the interface's declared type. Where a record or class becomes an interface
// value, each of the interface's methods must be reachable by name (its parameters after
// `self` annotated), since the call is dispatched when the program runs. A parameter typed
// by the interface itself is not a value of this kind: it is instantiated per argument type
// (check_interfaces.cpp), so calls through it stay direct.
#include <fmt/format.h>

#include "sema/checker.hpp"

namespace pyro2cpp::sema::detail {

namespace {

const ast::InterfaceStmt& interface_decl(const TypeTable& t, TypeId id) {
    return *static_cast<const ast::InterfaceStmt*>(t.info(id).decl);
}

const ast::DefStmt* interface_method(const ast::InterfaceStmt& iface, const std::string& name) {
    for (const auto& m : iface.methods) {
        if (m->name == name) return m.get();
    }
    return nullptr;
}

}  // namespace

bool Checker::mentions_interface(TypeId type) {
    const TypeInfo& info = types().info(type);
    if (info.kind == TypeKind::interface) return true;
    if (!types().is_container(type)) return false;
    for (TypeId arg : info.args) {
        if (mentions_interface(arg)) return true;
    }
    return false;
}

// A type written in the interface's declaration (nullptr: no result, void), with the
// interface's type arguments for its parameters (any where none were written), resolved in
// the interface's own file.
TypeId Checker::interface_member_type(TypeId interface, const ast::TypeExpr* written,
                                      bool is_result) {
    if (written == nullptr) return is_result ? types::void_ : types::any;
    const ast::InterfaceStmt& iface = interface_decl(types(), interface);
    const std::vector<TypeId>& args = types().info(interface).args;
    std::unordered_map<std::string, TypeId> subst;
    for (std::size_t i = 0; i < iface.type_params.size(); ++i)
        subst[iface.type_params[i].name] = i < args.size() ? args[i] : types::any;
    auto saved = std::move(type_subst_);
    type_subst_ = std::move(subst);
    const auto saved_module = type_module_override_;
    for (std::uint32_t m = 0; m < modules_.size(); ++m) {
        auto it = modules_[m].interfaces.find(iface.name);
        if (it != modules_[m].interfaces.end() && it->second == &iface) type_module_override_ = m;
    }
    TypeId result = resolve_type(*written, false);
    type_module_override_ = saved_module;
    type_subst_ = std::move(saved);
    return result == types::error ? types::any : result;
}

// `value_type` stored where `target` (which mentions an interface) is expected.
bool Checker::check_interface_value(TypeId value_type, TypeId target, const ast::Expr& value,
                                    const std::string& what) {
    const TypeTable& t = types();
    if (t.is_silent(value_type) || value_type == target || value_type == types::any) return true;
    if (t.kind(target) == TypeKind::interface)
        return check_becomes_interface(value_type, target, value, what);
    const TypeInfo& to = t.info(target);
    const TypeInfo& from = t.info(value_type);
    // A literal: each element where it is written.
    if (!to.args.empty() &&
        (value.kind == ast::ExprKind::list || value.kind == ast::ExprKind::set) &&
        (to.kind == TypeKind::list || to.kind == TypeKind::set)) {
        const auto& elements = value.kind == ast::ExprKind::list
                                   ? value.as<ast::ListExpr>().elements
                                   : value.as<ast::SetExpr>().elements;
        bool ok = true;
        for (const auto& e : elements)
            ok = check_conversion(frame().body->type_of(*e), to.args[0], *e, what) && ok;
        return ok;
    }
    if (value.kind == ast::ExprKind::tuple && to.kind == TypeKind::tuple &&
        to.args.size() == value.as<ast::TupleExpr>().elements.size()) {
        const auto& elements = value.as<ast::TupleExpr>().elements;
        bool ok = true;
        for (std::size_t i = 0; i < elements.size(); ++i)
            ok = check_conversion(frame().body->type_of(*elements[i]), to.args[i], *elements[i],
                                  what) &&
                 ok;
        return ok;
    }
    // Another collection of the same kind: element by element. A mutable one is shared by
    // reference, so its element type must be the same already.
    if (from.kind == to.kind && from.args.size() == to.args.size() && !to.is_mut &&
        from.is_mut == to.is_mut) {
        for (std::size_t i = 0; i < to.args.size(); ++i) {
            if (!check_interface_value(from.args[i], to.args[i], value, what)) return false;
        }
        return true;
    }
    error(value.range.begin, fmt::format("type mismatch{}: expected {}, got {}", what,
                                         type_name(target), type_name(value_type)));
    return false;
}

// A record, a class instance or another interface's value becoming a value of `interface`.
bool Checker::check_becomes_interface(TypeId value_type, TypeId interface, const ast::Expr& value,
                                      const std::string& what) {
    const TypeTable& t = types();
    const ast::InterfaceStmt& iface = interface_decl(t, interface);
    if (t.kind(value_type) == TypeKind::interface) {
        // Another interface: it must promise each method (the values behind it have them).
        const ast::InterfaceStmt& other = interface_decl(t, value_type);
        for (const auto& m : iface.methods) {
            const ast::DefStmt* found = interface_method(other, m->name);
            if (found == nullptr || found->params.size() != m->params.size()) {
                error(
                    value.range.begin,
                    fmt::format("interface '{}' does not satisfy interface '{}'{}: {}",
                                type_name(value_type), type_name(interface), what,
                                found == nullptr ? fmt::format("it has no method '{}'", m->name)
                                                 : fmt::format("its method '{}' takes {} arguments",
                                                               m->name, found->params.size())));
                note(m->name_loc, fmt::format("'{}.{}' is declared here", iface.name, m->name));
                return false;
            }
        }
        return true;
    }
    if (!check_satisfies(value_type, interface, value, what)) return false;
    // Each method is called by name when the program runs (the C++ pyro_method): its C++
    // signature must be the one instance its annotations give.
    const ClassInfo* cls = class_of(value_type);
    for (const auto& m : iface.methods) {
        const FunctionDecl* found = find_method(*cls, m->name);
        for (std::size_t i = 1; found != nullptr && i < found->def->params.size(); ++i) {
            if (found->def->params[i].type != nullptr) continue;
            error(value.range.begin,
                  fmt::format("{} '{}' cannot become a value of interface '{}'{}: the parameter "
                              "'{}' of its method '{}' needs a type annotation",
                              cls->is_record() ? "record" : "class", cls->name, iface.name, what,
                              found->def->params[i].name, m->name));
            note(found->def->params[i].loc, "declared here");
            return false;
        }
    }
    return true;
}

// x.m(args) where x is an interface value (or a parameter of an uncalled function): m must be
// one of the interface's methods; arguments and result are typed by its declaration.
std::optional<TypeId> Checker::check_interface_call(const ast::Call& call, TypeId object) {
    const auto& member = call.callee->as<ast::Member>();
    const ast::InterfaceStmt& iface = interface_decl(types(), object);
    std::vector<TypeId> args;
    for (const auto& a : call.args)
        args.push_back(check_expr(*a));
    const ast::DefStmt* m = interface_method(iface, member.name);
    if (m == nullptr) {
        error(member.name_loc,
              fmt::format("interface '{}' has no method '{}'", type_name(object), member.name));
        return types::error;
    }
    if (m->params.size() != args.size()) {
        error(call.range.begin,
              fmt::format("'{}.{}' takes {} argument{}, got {}", iface.name, m->name,
                          m->params.size(), m->params.size() == 1 ? "" : "s", args.size()));
        return types::error;
    }
    bool failed = false;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const TypeId param = interface_member_type(object, m->params[i].type.get(), false);
        const std::string what =
            fmt::format(" for parameter '{}' of '{}.{}'", m->params[i].name, iface.name, m->name);
        if (!check_conversion(args[i], param, *call.args[i], what)) {
            note(m->params[i].loc,
                 fmt::format("parameter '{}' is declared here", m->params[i].name));
            failed = true;
        }
    }
    if (failed) return types::error;
    CallTarget target;
    target.dynamic = true;
    frame().body->calls[&call] = target;
    return interface_member_type(object, m->result.get(), true);
}

}  // namespace pyro2cpp::sema::detail
