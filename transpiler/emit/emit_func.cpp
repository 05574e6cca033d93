// Emitting functions as values (docs/internals/runtime-contract.md, "Functions"): a named
// function as a value (rt::func_ref), lambdas and nested defs (C++ lambdas inside a
// pyro::Func), calls of function values, and curried calls (rt::partial, rt::call).
//
// A direct call of a known function with all its arguments never comes here: it stays a plain
// C++ call (emit_ops.cpp). Closures capture with `[=]`: a captured variable that is never
// reassigned is copied (nobody can tell), and one that is lives in a pyro::rt::Cell, whose
// copies are the same variable.
#include <fmt/format.h>

#include "emit/emitter.hpp"

namespace pyro2cpp::emit::detail {

using sema::TypeId;
namespace types = sema::types;

namespace {

// `R(A, B)`
std::string signature_of(const sema::TypeTable& types, const std::vector<TypeId>& params,
                         TypeId result) {
    std::string text = cpp_type(types, result, true) + "(";
    for (std::size_t i = 0; i < params.size(); ++i) {
        if (i > 0) text += ", ";
        text += cpp_type(types, params[i]);
    }
    return text + ")";
}

}  // namespace

std::string func_signature(const sema::TypeTable& types, TypeId fn) {
    return signature_of(types, types.info(fn).args, types.info(fn).result);
}

namespace {

// `pyro::rt::func_ref<pyro::Int(pyro::Int, pyro::Int), &add>("add")`
std::string function_ref(const Ctx& ctx, const sema::FunctionInstance& inst) {
    // Another file's function is written with its file's namespace.
    const std::string name =
        inst.owner != nullptr ? inst.cpp_name : qualified(ctx, inst.module, inst.cpp_name);
    return fmt::format("pyro::rt::func_ref<{}, &{}>({})",
                       signature_of(ctx.program.types, inst.param_types, inst.result), name,
                       c_string(inst.def->name));
}

// `[=](pyro::Int x, double y) -> R`
std::string lambda_head(const Ctx& ctx, const sema::Closure& closure) {
    const sema::TypeTable& types = ctx.program.types;
    // Inside a method the closure may outlive the call (`return lambda d: self.x + d`): it
    // keeps a record's copy, or a counted handle of the instance.
    std::string text = "[=](";
    if (ctx.instance != nullptr && ctx.instance->owner != nullptr) {
        text = ctx.instance->owner->is_record()
                   ? "[=, *this]("
                   : "[=, this, pyro_self = pyro::rt::self_ref(this)](";
    }
    for (std::size_t i = 0; i < closure.params.size(); ++i) {
        const sema::Variable& p = ctx.body.locals[closure.params[i]];
        if (i > 0) text += ", ";
        if (!p.read) text += "[[maybe_unused]] ";
        text += cpp_type(types, p.type) + " " + p.cpp_name;
    }
    return text + ") -> " + cpp_type(types, types.info(closure.type).result, true);
}

// The parameter type each argument of a curried call converts to (any past what is known).
std::vector<TypeId> argument_targets(const sema::TypeTable& types, TypeId fn, std::size_t m) {
    std::vector<TypeId> out;
    while (out.size() < m && types.kind(fn) == sema::TypeKind::function) {
        const sema::TypeInfo& info = types.info(fn);
        for (std::size_t i = 0; i < info.args.size() && out.size() < m; ++i)
            out.push_back(info.args[i]);
        fn = info.result;
    }
    out.resize(m, types::any);
    return out;
}

std::string join_args(const std::vector<std::string>& args, std::size_t from = 0) {
    std::string text;
    for (std::size_t i = from; i < args.size(); ++i) {
        if (i > from) text += ", ";
        text += args[i];
    }
    return text;
}

}  // namespace

Cpp emit_function_ref(const Ctx& ctx, const ast::Expr& name) {
    const sema::CallTarget& target = ctx.body.calls.at(&name);
    if (target.constructs != nullptr) return emit_constructor_value(ctx, target, name);
    return {function_ref(ctx, *target.instance)};
}

// pyro::Func<pyro::Int(pyro::Int)>("lambda", [=](pyro::Int x) -> pyro::Int { ... })
Cpp emit_lambda(const Ctx& ctx, const ast::Lambda& lambda) {
    const sema::Closure& closure = ctx.body.closures.at(&lambda);
    const TypeId result = ctx.program.types.info(closure.type).result;
    std::string body = "PYRO_ENTER(); ";
    if (can_fail(ctx, *lambda.body)) {
        body += fmt::format("PYRO_AT({}, {}); ", lambda.body->range.begin.line,
                            lambda.body->range.begin.col);
    }
    if (result == types::void_) {
        Cpp e = emit_expr(ctx, *lambda.body);
        body += (lambda.body->kind == ast::ExprKind::call ? e.text
                                                          : "static_cast<void>(" + e.text + ")") +
                ";";
    } else {
        body += "return " + emit_as(ctx, *lambda.body, result, true) + ";";
    }
    return {fmt::format("pyro::Func<{}>(\"lambda\", {} {{ {} }})",
                        func_signature(ctx.program.types, closure.type), lambda_head(ctx, closure),
                        body)};
}

// A nested def: a pyro::Func bound to a local; a recursive one is a Cell set after it is
// declared, so that the closure can call itself through it.
void emit_nested_def(const Ctx& ctx, Writer& w, const ast::DefStmt& def) {
    const sema::Closure& closure = ctx.body.closures.at(&def);
    const sema::Variable& var = ctx.body.locals[closure.var];
    const std::string func_type =
        "pyro::Func<" + func_signature(ctx.program.types, closure.type) + ">";
    const std::string maybe_unused = var.read ? "" : "[[maybe_unused]] ";
    const std::string comment =
        def.has_trailing_comment ? "  " + comment_text(def.trailing_comment) : "";
    const std::string head =
        func_type + "(" + c_string(def.name) + ", " + lambda_head(ctx, closure) + " {" + comment;
    if (closure.recursive) {
        w.line(maybe_unused + "const pyro::rt::Cell<" + func_type + "> " + var.cpp_name + ";");
        w.line(var.cpp_name + ".set(" + head);
    } else {
        w.line(maybe_unused + "const " + func_type + " " + var.cpp_name + " = " + head);
    }
    w.indent();
    w.line("PYRO_ENTER();");
    Ctx inner = ctx;
    inner.closure = &closure;
    emit_block(inner, w, def.body);
    const TypeId result = ctx.program.types.info(closure.type).result;
    if (closure.falls_off_end && result == types::any) {
        w.line("return pyro::Any();");  // void is one of the values an `any` result holds
    } else if (closure.falls_off_end && result != types::void_) {
        w.line(fmt::format(
            "pyro::rt::raise_error({});",
            c_string("type mismatch: expected " + ctx.program.types.name(result) + ", got void")));
    }
    w.dedent();
    w.line(closure.recursive ? "}));" : "});");
}

// A call that is not a plain C++ call of a known function with all its arguments: a call of
// a function value, a partial application, an over-application.
Cpp emit_curried_call(const Ctx& ctx, const ast::Call& call) {
    const sema::CallTarget& target = ctx.body.calls.at(&call);
    const sema::TypeTable& types = ctx.program.types;
    const std::size_t m = call.args.size();
    const std::size_t n = target.params;
    std::vector<TypeId> targets;
    std::string callee;
    if (target.value && ctx.body.type_of(*call.callee) == types::any) {
        // A function inside an any: called dynamically, with checked conversions and currying.
        std::string text = "pyro::rt::call_span(" + emit_value(ctx, *call.callee).text +
                           ", std::array<pyro::Any, " + std::to_string(m) + ">{";
        for (std::size_t i = 0; i < m; ++i)
            text += (i > 0 ? ", " : "") + emit_as(ctx, *call.args[i], types::any, false);
        return {text + "})"};
    }
    if (target.value) {
        targets = argument_targets(types, ctx.body.type_of(*call.callee), m);
        callee = parenthesize(emit_expr(ctx, *call.callee), prec_primary);
    } else {
        const sema::FunctionInstance& inst = *target.instance;
        targets = inst.param_types;
        if (m > n) {
            std::vector<TypeId> more = argument_targets(types, inst.result, m - n);
            targets.insert(targets.end(), more.begin(), more.end());
        }
        targets.resize(m);
        callee = inst.owner != nullptr ? inst.cpp_name : qualified(ctx, inst.module, inst.cpp_name);
    }
    std::vector<std::string> args;
    // A Func's call operator takes its parameter types, so a bare int literal converts; the
    // templates rt::partial and rt::call would deduce a C++ int instead.
    const bool plain = target.value && m == n;
    // The known function's own arguments in an over-application are a plain call's.
    bool single = false;
    if (!target.value && m > n) {
        auto it = ctx.program.overloads.find(target.instance->cpp_name);
        single = it == ctx.program.overloads.end() || it->second <= 1;
    }
    for (std::size_t i = 0; i < m; ++i)
        args.push_back(emit_as(ctx, *call.args[i], targets[i], plain || (single && i < n)));
    if (target.value) {
        if (m == n) return {callee + "(" + join_args(args) + ")"};
        if (m < n) return emit_curried(callee, callee, n, args);
        return {"pyro::rt::call(" + callee + ", " + join_args(args) + ")"};
    }
    return emit_curried(callee, m < n ? function_ref(ctx, *target.instance) : "", n, args);
}

Cpp emit_curried(const std::string& callee, const std::string& value, std::size_t params,
                 const std::vector<std::string>& args) {
    const std::size_t m = args.size();
    if (m == params) return {callee + "(" + join_args(args) + ")"};
    if (m < params) {
        return {"pyro::rt::partial(" + value + (args.empty() ? "" : ", ") + join_args(args) + ")"};
    }
    // Over-applied: call it with its own arguments, then apply the result to the rest.
    std::vector<std::string> first(args.begin(), args.begin() + static_cast<long>(params));
    return {"pyro::rt::call(" + callee + "(" + join_args(first) + "), " + join_args(args, params) +
            ")"};
}

}  // namespace pyro2cpp::emit::detail
