// Emitting methods and constructors as function values, and their curried calls
// (docs/internals/runtime-contract.md, "Functions"):
//   p.move          pyro::rt::bind_method<&Point::move>(p, "Point.move")
//   Point           pyro::rt::record_constructor<Point(pyro::Int, pyro::Int)>("Point")
//   Counter         pyro::rt::func_ref<pyro::Ref<Counter>(pyro::Int),
//   &Counter::pyro_new>("Counter") Point(1)        pyro::rt::partial(<the constructor>,
//   pyro::Int(1)) p.move(1)       pyro::rt::partial(<the bound method>, pyro::Int(1)) c.adder(1, 2)
//   pyro::rt::call(c->adder(1), pyro::Int(2))
// The curried forms go through emit_curried (emit_func.cpp), as calls of functions do.
// Also the run-time check of a union's members for an `any` value (check_union).
#include <fmt/format.h>

#include "emit/emitter.hpp"

namespace pyro2cpp::emit::detail {

using sema::TypeId;
namespace types = sema::types;

// `&Point::move`, cast to its member-pointer type when the method has several instances
// (C++ overloads).
std::string method_pointer(const Ctx& ctx, const sema::FunctionInstance& inst) {
    const sema::ClassInfo& owner = *inst.owner;
    const sema::TypeTable& types = ctx.program.types;
    const std::string owner_name = owner_cpp_name(types, inst);
    const std::string address = "&" + owner_name + "::" + inst.cpp_name;
    auto it = ctx.program.overloads.find(inst.cpp_name);
    if (it == ctx.program.overloads.end() || it->second <= 1) return address;
    std::string params;
    for (std::size_t i = 1; i < inst.param_types.size(); ++i)
        params += (i > 1 ? ", " : "") + cpp_type(types, inst.param_types[i]);
    return fmt::format("static_cast<{} ({}::*)({}){}>({})", cpp_type(types, inst.result, true),
                       owner_name, params, owner.is_record() ? " const" : "", address);
}

namespace {

std::string bound_method(const Ctx& ctx, const std::string& object,
                         const sema::FunctionInstance& inst) {
    return fmt::format("pyro::rt::bind_method<{}>({}, {})", method_pointer(ctx, inst), object,
                       c_string(inst.owner->name + "." + inst.def->name));
}

// The record type a constructor value or partial construction at `site` makes: its
// function type's result.
TypeId made_type(const Ctx& ctx, const ast::Expr& site) {
    const sema::TypeTable& types = ctx.program.types;
    TypeId t = ctx.body.type_of(site);
    while (types.kind(t) == sema::TypeKind::function)
        t = types.info(t).result;
    return t;
}

// The constructor of target.constructs as a pyro::Func (`type`: the record type it makes).
std::string constructor_value(const Ctx& ctx, const sema::CallTarget& target, TypeId type) {
    const sema::ClassInfo& c = *target.constructs;
    const sema::TypeTable& types = ctx.program.types;
    std::vector<std::string> params;
    if (c.is_record()) {
        for (TypeId f : record_field_types(types, type))
            params.push_back(cpp_type(types, f));
    } else if (target.instance != nullptr) {
        for (std::size_t i = 1; i < target.instance->param_types.size(); ++i)
            params.push_back(cpp_type(types, target.instance->param_types[i]));
    } else if (target.params == 1) {
        params.push_back("pyro::Str");  // an Error subclass without __init__: the message
    }
    std::string sig = object_cpp_type(types, c.is_record() ? type : c.type) + "(";
    for (std::size_t i = 0; i < params.size(); ++i)
        sig += (i > 0 ? ", " : "") + params[i];
    sig += ")";
    if (c.is_record()) {
        return fmt::format("pyro::rt::record_constructor<{}>({})", sig, c_string(c.name));
    }
    return fmt::format("pyro::rt::func_ref<{}, &{}::pyro_new>({})", sig, c.cpp_name,
                       c_string(c.name));
}

}  // namespace

Cpp emit_bound_method(const Ctx& ctx, const ast::Member& member) {
    const sema::FunctionInstance& inst = *ctx.body.members.at(&member).method;
    return {bound_method(ctx, emit_value(ctx, *member.object).text, inst)};
}

Cpp emit_constructor_value(const Ctx& ctx, const sema::CallTarget& target, const ast::Expr& site) {
    return {constructor_value(ctx, target, made_type(ctx, site))};
}

// p.move(1), Point(1), c.adder(1, 2): a method or constructor called with fewer or more
// arguments than it has parameters.
Cpp emit_object_curried(const Ctx& ctx, const ast::Call& call, const sema::CallTarget& target) {
    const sema::TypeTable& types = ctx.program.types;
    const std::size_t n = target.params;
    const std::size_t m = call.args.size();
    // The parameter type each argument converts to.
    std::vector<TypeId> targets;
    if (target.method) {
        const auto& params = target.instance->param_types;
        targets.assign(params.begin() + 1, params.end());
        for (TypeId fn = target.instance->result;
             targets.size() < m && types.kind(fn) == sema::TypeKind::function;
             fn = types.info(fn).result) {
            for (TypeId t : types.info(fn).args)
                targets.push_back(t);
        }
    } else {
        const sema::ClassInfo& c = *target.constructs;
        if (c.is_record()) {
            targets = record_field_types(types, made_type(ctx, call));
        } else if (target.instance != nullptr) {
            const auto& params = target.instance->param_types;
            targets.assign(params.begin() + 1, params.end());
        }
    }
    targets.resize(m, types::any);
    std::vector<std::string> args;
    for (std::size_t i = 0; i < m; ++i)
        args.push_back(emit_as(ctx, *call.args[i], targets[i], m > n && i < n));
    if (!target.method) {
        return emit_curried("", constructor_value(ctx, target, made_type(ctx, call)), n, args);
    }
    const auto& member = call.callee->as<ast::Member>();
    const sema::FunctionInstance& inst = *target.instance;
    std::string callee;
    std::string value;
    if (is_self_name(ctx, *member.object)) {
        callee = inst.cpp_name;
        value = bound_method(ctx, emit_self(ctx).text, inst);
    } else if (m > n) {
        const Cpp obj = emit_expr(ctx, *member.object);
        callee = parenthesize(obj, prec_primary) + (inst.owner->is_record() ? "." : "->") +
                 inst.cpp_name;
    } else {
        value = bound_method(ctx, emit_value(ctx, *member.object).text, inst);
    }
    return emit_curried(callee, value, n, args);
}

// The run-time membership check of a union (LANGUAGE.md 9, "any at a typed boundary").
std::optional<std::string> emit_union_check(const Ctx& ctx, const ast::Expr& expr) {
    auto it = ctx.body.union_checks.find(&expr);
    if (it == ctx.body.union_checks.end()) return std::nullopt;
    std::string members;
    for (TypeId t : it->second)
        members += (members.empty() ? "" : ", ") + cpp_type(ctx.program.types, t);
    return fmt::format("pyro::rt::check_union<{}>({})", members, emit_value(ctx, expr).text);
}

}  // namespace pyro2cpp::emit::detail
