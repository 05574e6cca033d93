// Methods named through their class or through super() as function values (LANGUAGE.md 5.1,
// 5.6): `Point.area` is the unbound method, a function whose first parameter is the instance
// (`let f = Point.area` then `f(p)`, `map(Point.area, pts)`); `super().describe` inside a
// method is the parent's method bound to self. Both print as `<function Point.area>`.
//
// Like a bound method (check_object_values.cpp), a method with unannotated parameters makes a
// generic function value whose uses teach its parameter types. `Point.area(p)` is this value
// called. As in Python, `Shape.area(c)` runs Shape's own `area` even when c's class overrides
// it, and so does `super().area` (emit: a qualified, non-virtual call).
#include <fmt/format.h>

#include "sema/checker.hpp"

namespace pyro2cpp::sema::detail {

// `Point.area`: a record or class name (not hidden by a variable) and a member.
bool Checker::names_class_method(const ast::Member& member) {
    if (member.object->kind != ast::ExprKind::name) return false;
    return resolve(member.object->as<ast::Name>().id, member.object->range.begin).kind ==
           Resolved::Kind::class_;
}

std::optional<TypeId> Checker::check_method_value(const ast::Member& member) {
    const bool super = is_super_call(*member.object);
    const ClassInfo* cls = nullptr;
    TypeId self_type = types::error;
    if (super) {
        cls = super_class(*member.object);
        if (cls == nullptr) return types::error;
        self_type = cls->type;
    } else {
        if (member.object->kind != ast::ExprKind::name) return std::nullopt;
        const Resolved r = resolve(member.object->as<ast::Name>().id, member.object->range.begin);
        if (r.kind != Resolved::Kind::class_ || r.cls == nullptr) return std::nullopt;
        cls = r.cls;
        self_type = cls->type;
        frame().body->expr_types[member.object.get()] = types::error;
    }
    FunctionDecl* decl = find_method(*cls, member.name);
    const std::string label = (super ? std::string("super()") : cls->name) + "." + member.name;
    if (decl == nullptr || member.name == "__init__" || !cls->type_params.empty() ||
        cls->kind == ClassInfo::Kind::builtin_error) {
        std::string why = fmt::format("'{}' has no method '{}'", cls->name, member.name);
        if (decl != nullptr && member.name == "__init__") {
            why =
                fmt::format("'{}' cannot be a value (use the class '{}' itself)", label, cls->name);
        } else if (decl == nullptr && cls->find_field(member.name) != nullptr) {
            why = fmt::format("'{}' is a field of '{}': read it from an instance", member.name,
                              cls->name);
        } else if (decl != nullptr || cls->kind == ClassInfo::Kind::builtin_error) {
            why = fmt::format("the methods of '{}' cannot be values", cls->name);
        }
        error(member.name_loc, why);
        return types::error;
    }
    const std::size_t n = decl->def->params.size() - 1;
    auto make = [&, self_type, super, decl](const std::vector<TypeId>& taught) {
        std::vector<TypeId> params(n);
        for (std::size_t i = 0; i < n; ++i) {
            // The taught types are the value's parameters: an unbound one's start with self.
            params[i] =
                decl->param_types[i + 1] ? *decl->param_types[i + 1] : taught[super ? i : i + 1];
            if (params[i] == types::error) return types::error;
        }
        FunctionInstance* inst = method_instance(*decl, self_type, params);
        MemberTarget target{
            super ? MemberTarget::Kind::super_method : MemberTarget::Kind::unbound_method,
            decl->owner, nullptr};
        target.method = inst;
        frame().body->members[&member] = target;
        frame().body->also_reached.push_back(inst);  // emitted, though no call names it
        if (!super) params.insert(params.begin(), self_type);
        return types().function(std::move(params), inst->result);
    };
    if (!decl->generic) return make({});
    return function_value(&member, member.name_loc, super ? n : n + 1, make);
}

}  // namespace pyro2cpp::sema::detail
