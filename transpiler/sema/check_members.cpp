// Members of records, classes and `any` values: field reads `obj.x`, field writes
// `obj.x = v` (classes only: records are immutable), and method calls `obj.m(args)`,
// `super().m(args)`.
//
// A class field's type is the join of every value its class's methods (and other code)
// assign to it, remembered across whole-module runs like a module-level variable's: a field
// that widens after someone read it makes the module be checked again (docs/inference.md).
#include <fmt/format.h>

#include "sema/checker.hpp"

namespace pyro2cpp::sema::detail {

bool is_super_call(const ast::Expr& e) {
    if (e.kind != ast::ExprKind::call) return false;
    const auto& c = e.as<ast::Call>();
    return c.args.empty() && c.callee->kind == ast::ExprKind::name &&
           c.callee->as<ast::Name>().id == "super";
}

// The parent class `super()` names in the method being checked; nullptr (reported) when
// there is none.
const ClassInfo* Checker::super_class(const ast::Expr& super_call) {
    const FunctionDecl* here = frame().info != nullptr ? frame().info->decl : nullptr;
    if (here == nullptr || here->owner == nullptr || !here->owner->is_class()) {
        error(super_call.range.begin, "super() is only valid inside a class's method");
        return nullptr;
    }
    if (here->owner->parent == nullptr) {
        error(super_call.range.begin,
              fmt::format("super(): class '{}' has no parent class", here->owner->name));
        return nullptr;
    }
    return here->owner->parent;
}

// A method called with `self_type` and the arguments `args` (mirrors call_function).
TypeId Checker::call_method(FunctionDecl& decl, const ast::Call& call, TypeId self_type,
                            const std::vector<TypeId>& args) {
    const ast::DefStmt& def = *decl.def;
    const std::size_t n = def.params.size() - 1;
    // A constructor's arguments are __init__'s after self: name the class.
    const std::string what =
        def.name == "__init__" ? decl.owner->name : decl.owner->name + "." + def.name;
    if (args.size() != n) return call_method_curried(decl, call, self_type, args, nullptr);
    std::vector<TypeId> params;
    bool failed = false;
    bool pending = false;
    for (std::size_t i = 0; i < n; ++i) {
        if (args[i] == types::error) failed = true;
        if (args[i] == types::pending) pending = true;
        if (decl.param_types[i + 1]) {
            params.push_back(*decl.param_types[i + 1]);
            const std::string for_what =
                fmt::format(" for parameter '{}' of '{}'", def.params[i + 1].name, what);
            if (!check_conversion(args[i], params.back(), *call.args[i], for_what)) failed = true;
        } else {
            params.push_back(args[i]);
        }
    }
    if (failed) return types::error;
    if (pending) return types::pending;
    FunctionInstance* inst = method_instance(decl, self_type, std::move(params));
    CallTarget target;
    target.instance = inst;
    target.method = true;
    target.params = static_cast<std::uint32_t>(n);
    frame().body->calls[&call] = target;
    return inst->result;
}

// The instance of a method for `self_type` and the types of its other parameters; by dynamic
// dispatch a call may reach any override in a subclass, so those are instantiated too.
FunctionInstance* Checker::method_instance(FunctionDecl& decl, TypeId self_type,
                                           std::vector<TypeId> params) {
    const ast::DefStmt& def = *decl.def;
    const std::size_t n = params.size();
    params.insert(params.begin(), decl.param_types[0] ? *decl.param_types[0] : self_type);
    if (decl.generic && nesting_of(decl) >= max_nested_instances) {
        for (std::size_t i = 1; i <= n; ++i) {
            if (!decl.param_types[i]) params[i] = types::any;
        }
    }
    FunctionInstance* inst = find_or_check(decl, params);
    inst->owner = decl.owner;
    if (decl.owner->overridden.count(def.name) != 0) {
        for (const auto& [key, other] : methods_) {
            if (key.second != def.name || other == &decl || !key.first->derives_from(decl.owner)) {
                continue;
            }
            std::vector<TypeId> sub = params;
            sub[0] = key.first->type;
            for (std::size_t i = 1; i < sub.size() && i < other->param_types.size(); ++i) {
                if (other->param_types[i]) sub[i] = *other->param_types[i];
            }
            if (other->param_types.size() != sub.size()) continue;
            FunctionInstance* o = find_or_check(*other, sub);
            o->owner = other->owner;
            frame().body->also_reached.push_back(o);
        }
    }
    return inst;
}

// obj.name as a value: a field.
TypeId Checker::check_member(const ast::Member& member) {
    if (auto method = check_method_value(member)) return *method;
    TypeId object = check_expr(*member.object);
    if (types().is_silent(object)) return object;
    if (object == types::any) {
        frame().body->members[&member] =
            MemberTarget{MemberTarget::Kind::any_attr, nullptr, nullptr};
        return types::any;
    }
    const ClassInfo* cls = class_of(object);
    if (cls == nullptr) {
        // Built-in types have methods, never fields; their methods are not values yet.
        const TypeKind kind = types().kind(object);
        if (types().is_container(object) || kind == TypeKind::string || kind == TypeKind::chan ||
            kind == TypeKind::sender || kind == TypeKind::receiver ||
            kind == TypeKind::wait_group || kind == TypeKind::mutex) {
            return unsupported(member.name_loc,
                               fmt::format("the method '{}' of {} can only be called", member.name,
                                           type_name(object)));
        }
        return unsupported(member.name_loc,
                           fmt::format("{} has no attribute '{}'", type_name(object), member.name));
    }
    if (const FieldInfo* field = cls->find_field(member.name)) {
        const ClassInfo* owner = cls;
        while (owner->parent != nullptr && owner->parent->find_field(member.name) == field)
            owner = owner->parent;
        frame().body->members[&member] = MemberTarget{MemberTarget::Kind::field, owner, field};
        if (cls->is_record()) return record_field_type(*cls, object, *field);
        if (owner->kind == ClassInfo::Kind::builtin_error) return field->type;
        FieldMemory& memory = field_memory_[field];
        memory.read = true;
        return memory.type;
    }
    if (FunctionDecl* method = method_for(object, *cls, member.name)) {
        return bound_method(member, *method, object);
    }
    return unsupported(member.name_loc, fmt::format("'{}' has no field or method '{}'",
                                                    type_name(object), member.name));
}

// obj.m(args), super().m(args); nullopt when the object is not a record, class or any (so
// the caller reports it as it does other values' attributes).
std::optional<TypeId> Checker::check_method_call(const ast::Call& call,
                                                 std::optional<TypeId> object_type) {
    const auto& member = call.callee->as<ast::Member>();
    const bool super = is_super_call(*member.object);
    TypeId object = types::error;
    const ClassInfo* cls = nullptr;
    if (super) {
        cls = super_class(*member.object);
        if (cls == nullptr) return types::error;
        object = cls->type;
    } else {
        object = object_type ? *object_type : check_expr(*member.object);
        if (object == types::any) {
            bool failed = false;
            check_args(call, &failed);
            if (failed) return types::error;
            CallTarget target;
            target.dynamic = true;
            frame().body->calls[&call] = target;
            return types::any;
        }
        if (types().kind(object) == TypeKind::interface) return check_interface_call(call, object);
        cls = class_of(object);
        if (cls == nullptr) return std::nullopt;
    }
    frame().body->expr_types[call.callee.get()] = types::error;
    const std::vector<TypeId> args = check_args(call);
    if (super && member.name == "__init__" && cls->kind == ClassInfo::Kind::builtin_error) {
        if (args.size() != 1) {
            error(
                call.range.begin,
                fmt::format("Error.__init__ takes 1 argument (the message), got {}", args.size()));
            return types::error;
        }
        if (!check_conversion(args[0], types::string, *call.args[0], " for the message")) {
            return types::error;
        }
        CallTarget target;
        target.super_call = true;
        target.constructs = cls;
        frame().body->calls[&call] = target;
        return types::void_;
    }
    FunctionDecl* decl = method_for(object, *cls, member.name);
    if (decl == nullptr) {
        if (cls->find_field(member.name) != nullptr) {
            return unsupported(member.name_loc,
                               fmt::format("'{}.{}' is a field; calling a field's value is not "
                                           "supported yet",
                                           cls->name, member.name));
        }
        return unsupported(member.name_loc,
                           fmt::format("'{}' has no method '{}'", type_name(object), member.name));
    }
    TypeId result = call_method(*decl, call, object, args);
    if (super) {
        auto it = frame().body->calls.find(&call);
        if (it != frame().body->calls.end()) it->second.super_call = true;
    }
    return result;
}

// obj.x = v, obj.x op= v
void Checker::check_member_assign(const ast::Member& target, TypeId value,
                                  const ast::Expr& value_expr, std::optional<ast::BinaryOp> op) {
    TypeId object = check_expr(*target.object);
    frame().body->expr_types[&target] = types::error;
    if (types().is_silent(object) || value == types::error) return;
    if (object == types::any) {
        frame().body->members[&target] =
            MemberTarget{MemberTarget::Kind::any_attr, nullptr, nullptr};
        frame().body->expr_types[&target] = types::any;
        return;
    }
    const ClassInfo* cls = class_of(object);
    if (cls == nullptr) {
        error(target.name_loc,
              fmt::format("cannot assign to '.{}' of {}", target.name, a_type(object)));
        return;
    }
    if (cls->is_record()) {
        error(target.name_loc,
              fmt::format("cannot assign to field '{}' of record '{}' (records are immutable)",
                          target.name, cls->name));
        return;
    }
    const FieldInfo* field = cls->find_field(target.name);
    if (field == nullptr) {
        error(
            target.name_loc,
            find_method(*cls, target.name) != nullptr
                ? fmt::format("cannot assign to method '{}' of class '{}'", target.name, cls->name)
                : fmt::format("class '{}' has no field '{}' (no method of the class assigns "
                              "self.{})",
                              cls->name, target.name, target.name));
        return;
    }
    const ClassInfo* owner = cls;
    while (owner->parent != nullptr && owner->parent->find_field(target.name) == field)
        owner = owner->parent;
    frame().body->members[&target] = MemberTarget{MemberTarget::Kind::field, owner, field};
    if (owner->kind == ClassInfo::Kind::builtin_error) {
        frame().body->expr_types[&target] = field->type;
        if (op) value = binary_result(*op, field->type, value, operator_loc(target));
        check_conversion(value, field->type, value_expr,
                         fmt::format(" for field '{}'", field->name));
        return;
    }
    FieldMemory& memory = field_memory_[field];
    if (op) {
        memory.read = true;
        frame().body->expr_types[&target] = memory.type;
        value = binary_result(*op, memory.type, value, operator_loc(target));
    } else {
        frame().body->expr_types[&target] = memory.type;
    }
    if (frame().check_only || value == types::error) return;
    // Joined like a variable's values (sema/scope.cpp's widen).
    if (value == types::pending) return;
    TypeId joined = types().join(memory.type, value);
    if (joined == types::any && memory.type != types::any && value != types::any &&
        memory.type != types::pending && !memory.why_any) {
        memory.why_any = AnySite{
            target.name_loc,
            fmt::format("field '{}' of '{}' is assigned values of different "
                        "types ({} and {})",
                        field->name, owner->name, type_name(memory.type), type_name(value))};
    }
    if (joined != memory.type) {
        memory.type = joined;
        const_cast<FieldInfo*>(field)->type = joined;
        if (memory.read) rerun_ = true;
    }
    frame().body->expr_types[&target] = memory.type;
}

}  // namespace pyro2cpp::sema::detail
