// Methods and constructors as function values, and their currying (LANGUAGE.md 5.1):
// `p.move` (a bound method), `Point` (a constructor), `p.move(1)` and `Point(1)` (partial
// applications), `c.adder(1)(2)` or `c.adder(1, 2)` (over-application of a method whose
// result is a function).
//
// They reuse the plumbing of function values (check_func.cpp, check_curry.cpp): a method or
// __init__ with unannotated parameters makes a generic function value whose uses teach its
// parameter types (function_value), and over-application goes through apply_surplus. What a
// value calls is recorded where emit finds it: MemberTarget::method for `p.move`, a
// CallTarget with `constructs` for `Point` (keyed by the Name) and for `Point(1)`, and a
// CallTarget with `method` and `params` for `p.move(1)`.
#include <fmt/format.h>

#include "sema/checker.hpp"

namespace pyro2cpp::sema::detail {

namespace {

std::string method_label(const FunctionDecl& decl) {
    return decl.def->name == "__init__" ? decl.owner->name
                                        : decl.owner->name + "." + decl.def->name;
}

// The parameter types of a non-generic record's constructor (its fields).
std::optional<std::vector<TypeId>> record_params(const ClassInfo& cls) {
    if (!cls.type_params.empty()) return std::nullopt;
    std::vector<TypeId> params;
    for (const FieldInfo& f : cls.fields)
        params.push_back(f.type);
    return params;
}

}  // namespace

// obj.m as a value: a function of m's parameters after self, bound to obj.
TypeId Checker::bound_method(const ast::Member& member, FunctionDecl& decl, TypeId self_type) {
    const std::size_t n = decl.def->params.size() - 1;
    auto make = [&, self_type](const std::vector<TypeId>& taught) {
        std::vector<TypeId> params(n);
        for (std::size_t i = 0; i < n; ++i) {
            params[i] = decl.param_types[i + 1] ? *decl.param_types[i + 1] : taught[i];
            if (params[i] == types::error) return types::error;
        }
        FunctionInstance* inst = method_instance(decl, self_type, params);
        MemberTarget target{MemberTarget::Kind::method, decl.owner, nullptr};
        target.method = inst;
        frame().body->members[&member] = target;
        frame().body->also_reached.push_back(inst);  // emitted, though no call names it
        return types().function(params, inst->result);
    };
    if (!decl.generic) return make({});
    return function_value(&member, member.name_loc, n, make);
}

// obj.m(args) (or C(args) for a class's __init__, `constructs`) with fewer or more arguments
// than m's parameters after self.
TypeId Checker::call_method_curried(FunctionDecl& decl, const ast::Call& call, TypeId self_type,
                                    const std::vector<TypeId>& args, const ClassInfo* constructs) {
    const ast::DefStmt& def = *decl.def;
    const std::size_t n = def.params.size() - 1;
    const std::size_t k = args.size();
    const std::string what = method_label(decl);
    auto record = [&](FunctionInstance* inst) {
        CallTarget target;
        target.instance = inst;
        target.method = constructs == nullptr;
        target.constructs = constructs;
        target.params = static_cast<std::uint32_t>(n);
        frame().body->calls[&call] = target;
    };
    if (k > n) {
        // Over-application: the method's own call, then its result applied to the rest.
        const std::vector<TypeId> own(args.begin(), args.begin() + static_cast<long>(n));
        std::vector<TypeId> params;
        if (auto stop = given_params(decl, 1, call, own, what, params)) return *stop;
        FunctionInstance* inst = method_instance(decl, self_type, std::move(params));
        record(inst);
        if (inst->result == types::pending) return types::pending;
        return apply_surplus(inst->result, args, call, 0, n, fmt::format("'{}'", what));
    }
    // A partial application: a function of the parameters not given.
    std::vector<TypeId> given;
    if (auto stop = given_params(decl, 1, call, args, what, given)) return *stop;
    bool generic = false;
    for (std::size_t i = k; i < n; ++i)
        generic = generic || !decl.param_types[i + 1];
    auto make = [&, self_type](const std::vector<TypeId>& taught) {
        std::vector<TypeId> params = given;
        for (std::size_t i = k; i < n; ++i)
            params.push_back(decl.param_types[i + 1] ? *decl.param_types[i + 1] : taught[i - k]);
        for (TypeId t : params) {
            if (t == types::error) return types::error;
        }
        FunctionInstance* inst = method_instance(decl, self_type, params);
        record(inst);
        std::vector<TypeId> rest(params.begin() + static_cast<long>(k), params.end());
        const TypeId result = constructs != nullptr ? constructs->type : inst->result;
        return types().function(std::move(rest), result);
    };
    if (!generic) return make({});
    return function_value(&call, call.range.begin, n - k, make);
}

// `Point` / `Counter` as a value: its constructor.
TypeId Checker::constructor_value(const ast::Name& name, ClassInfo& cls) {
    CallTarget target;
    target.constructs = &cls;
    if (cls.is_record() && !cls.type_params.empty())
        return generic_record_value(cls, name, {}, nullptr);
    if (cls.is_record()) {
        auto params = record_params(cls);
        for (TypeId t : *params) {
            if (t == types::error) return types::error;
        }
        target.params = static_cast<std::uint32_t>(params->size());
        frame().body->calls[&name] = target;
        return types().function(std::move(*params), cls.type);
    }
    FunctionDecl* init = find_method(cls, "__init__");
    if (init == nullptr) {
        std::vector<TypeId> params;
        if (cls.derives_from(classes_.at("Error"))) params.push_back(types::string);
        target.params = static_cast<std::uint32_t>(params.size());
        frame().body->calls[&name] = target;
        return types().function(std::move(params), cls.type);
    }
    const std::size_t n = init->def->params.size() - 1;
    auto make = [&, init, target, n](const std::vector<TypeId>& taught) mutable {
        std::vector<TypeId> params(n);
        for (std::size_t i = 0; i < n; ++i) {
            params[i] = init->param_types[i + 1] ? *init->param_types[i + 1] : taught[i];
            if (params[i] == types::error) return types::error;
        }
        target.instance = method_instance(*init, init->owner->type, params);
        target.params = static_cast<std::uint32_t>(n);
        frame().body->calls[&name] = target;
        return types().function(std::move(params), cls.type);
    };
    if (!init->generic) return make({});
    return function_value(&name, name.range.begin, n, make);
}

// C(args) with fewer arguments than the constructor's parameters.
TypeId Checker::construct_partial(ClassInfo& cls, const ast::Call& call,
                                  const std::vector<TypeId>& args) {
    if (!cls.is_record()) {
        FunctionDecl* init = find_method(cls, "__init__");
        return call_method_curried(*init, call, init->owner->type, args, &cls);
    }
    if (!cls.type_params.empty()) return generic_record_value(cls, call, args, &call);
    auto params = record_params(cls);
    if (!params) return types::error;
    bool failed = false;
    for (std::size_t i = 0; i < args.size(); ++i) {
        if (!check_conversion(
                args[i], (*params)[i], *call.args[i],
                fmt::format(" for field '{}' of '{}'", cls.fields[i].name, cls.name))) {
            failed = true;
        }
    }
    if (failed) return types::error;
    for (TypeId a : args) {
        if (a == types::pending) return types::pending;
    }
    CallTarget target;
    target.constructs = &cls;
    target.params = static_cast<std::uint32_t>(params->size());
    frame().body->calls[&call] = target;
    std::vector<TypeId> rest(params->begin() + static_cast<long>(args.size()), params->end());
    return types().function(std::move(rest), cls.type);
}

// A generic record's constructor as a value (`Box`, keyed by its Name) or partly applied
// (`Pair(1)`, keyed by its Call, `given` its arguments): the record type comes from the
// given arguments and from what the value's uses teach about the others, as a generic
// function value's parameters do (docs/inference.md).
TypeId Checker::generic_record_value(ClassInfo& cls, const ast::Expr& site,
                                     const std::vector<TypeId>& given, const ast::Call* call) {
    const std::size_t n = cls.fields.size();
    const std::size_t k = given.size();
    for (TypeId t : given) {
        if (types().is_silent(t)) return t;
    }
    auto make = [&, n, k](const std::vector<TypeId>& taught) {
        std::vector<TypeId> values = given;
        values.insert(values.end(), taught.begin(), taught.end());
        values.resize(n, types::any);
        const TypeId type = infer_record_type(cls, values, site.range.begin);
        if (types().is_silent(type)) return type;
        std::vector<TypeId> params;
        for (const FieldInfo& f : cls.fields)
            params.push_back(record_field_type(cls, type, f));
        bool ok = true;
        for (std::size_t i = 0; i < k && call != nullptr; ++i) {
            ok = check_conversion(
                     given[i], params[i], *call->args[i],
                     fmt::format(" for field '{}' of '{}'", cls.fields[i].name, cls.name)) &&
                 ok;
        }
        if (!ok) return types::error;
        CallTarget target;
        target.constructs = &cls;
        target.params = static_cast<std::uint32_t>(n);
        frame().body->calls[&site] = target;
        instantiate_record_methods(type);
        std::vector<TypeId> rest(params.begin() + static_cast<long>(k), params.end());
        return types().function(std::move(rest), type);
    };
    // The given arguments may decide every type parameter already.
    std::vector<TypeId> bound(cls.type_params.size(), types::error);
    for (std::size_t i = 0; i < k; ++i) {
        if (cls.fields[i].annotation != nullptr)
            unify_record_param(cls, *cls.fields[i].annotation, given[i], bound);
    }
    bool decided = true;
    for (TypeId b : bound)
        decided = decided && b != types::error;
    if (decided) {
        const TypeId type = record_instance_type(cls, bound);
        std::vector<TypeId> rest;
        for (std::size_t i = k; i < n; ++i)
            rest.push_back(record_field_type(cls, type, cls.fields[i]));
        return make(rest);
    }
    return function_value(&site, site.range.begin, n - k, make);
}

}  // namespace pyro2cpp::sema::detail
