// Emitting concurrency (docs/internals/runtime-contract.md, "Concurrency"): channel types,
// `chan<T>(n)` and `chan(n)`, method calls on channels, `go` and `select`. (std.time and
// std.sync calls are the standard library's: emit_stdlib.cpp.)
//
// `go` of a named function passes the function itself (cast to the instance's pointer type
// when monomorphisation made overloads) and its converted arguments to pyro::go, which copies
// them into the new task; `go` of print or a method wraps the call in a generic lambda whose
// parameters receive the values evaluated here. `select` becomes one case object per channel
// case, declared in source order (so operands are evaluated once, in order), a call of
// pyro::rt::select, and an if-chain on the chosen position (not a switch: `break` and
// `continue` in a case must reach the enclosing loop).
#include <fmt/format.h>

#include "emit/emitter.hpp"

namespace pyro2cpp::emit::detail {

using sema::TypeId;
using sema::TypeKind;
namespace types = sema::types;

namespace {

bool is_channel(const sema::TypeTable& t, TypeId id) {
    const TypeKind k = t.kind(id);
    return k == TypeKind::chan || k == TypeKind::sender || k == TypeKind::receiver;
}

TypeId element_of(const sema::TypeTable& t, TypeId channel) {
    return t.info(channel).args[0];
}

std::string join(const std::vector<std::string>& parts) {
    std::string out;
    for (std::size_t i = 0; i < parts.size(); ++i) {
        if (i > 0) out += ", ";
        out += parts[i];
    }
    return out;
}

// The arguments of a channel method call, converted where the callee's parameter is known.
std::vector<std::string> call_args(const Ctx& ctx, const ast::Call& call, TypeId object) {
    std::vector<std::string> args;
    const auto& member = call.callee->as<ast::Member>();
    const sema::TypeTable& t = ctx.program.types;
    for (const auto& arg : call.args) {
        if (object != types::error && is_channel(t, object) && member.name == "push") {
            args.push_back(emit_as(ctx, *arg, element_of(t, object), true));
        } else {
            args.push_back(emit_value(ctx, *arg).text);
        }
    }
    return args;
}

}  // namespace

std::optional<std::string> conc_cpp_type(const sema::TypeTable& types, TypeId type) {
    switch (types.kind(type)) {
        case TypeKind::chan:
            return "pyro::Chan<" + cpp_type(types, element_of(types, type)) + ">";
        case TypeKind::sender:
            return "pyro::Sender<" + cpp_type(types, element_of(types, type)) + ">";
        case TypeKind::receiver:
            return "pyro::Receiver<" + cpp_type(types, element_of(types, type)) + ">";
        case TypeKind::wait_group:
            return "pyro::sync::WaitGroup";
        case TypeKind::mutex:
            return "pyro::sync::Mutex";
        default:
            return std::nullopt;
    }
}

Cpp emit_chan_new(const Ctx& ctx, const ast::Expr& expr, const ast::Expr& capacity) {
    const sema::TypeTable& t = ctx.program.types;
    const TypeId element = element_of(t, ctx.body.type_of(expr));
    return {"pyro::chan<" + cpp_type(t, element) + ">(" + emit_expr(ctx, capacity, true).text +
            ")"};
}

std::optional<Cpp> emit_conc_call(const Ctx& ctx, const ast::Call& call) {
    const ast::Expr& callee = *call.callee;
    if (callee.kind == ast::ExprKind::name) {
        if (callee.as<ast::Name>().id != "chan" || ctx.body.calls.count(&call) != 0 ||
            ctx.body.vars.count(&callee) != 0) {
            return std::nullopt;
        }
        return emit_chan_new(ctx, call, *call.args[0]);
    }
    if (callee.kind != ast::ExprKind::member) return std::nullopt;
    // Methods of records, classes and any are emit_objects.cpp's.
    if (auto it = ctx.body.calls.find(&call); it != ctx.body.calls.end()) {
        const sema::CallTarget& t = it->second;
        if (t.method || t.dynamic || t.super_call || t.constructs != nullptr ||
            t.std_function != nullptr || t.value) {
            return std::nullopt;
        }
    }
    const auto& member = callee.as<ast::Member>();
    const TypeId object = ctx.body.type_of(*member.object);
    const std::string self = parenthesize(emit_expr(ctx, *member.object), prec_primary);
    return Cpp{self + "." + member.name + "(" + join(call_args(ctx, call, object)) + ")"};
}

namespace {

// `go obj.m(a)`, `go f_value(a)`, `go make(cfg)(1)`, `go time.sleep(1)`: the object (or the
// callee value) and the arguments are evaluated here, into temporaries the task's lambda
// copies; the call itself is emitted as usual, reading the temporaries.
void emit_go_call(const Ctx& ctx, Writer& w, const ast::Call& call, const std::string& at,
                  const std::string& comment) {
    std::vector<const ast::Expr*> parts;
    const ast::Expr* callee = call.callee.get();
    if (callee->kind == ast::ExprKind::member) {
        const auto& member = callee->as<ast::Member>();
        // A library function's object is its module (`time.sleep`), not a value.
        auto it = ctx.body.calls.find(&call);
        const bool module = (it != ctx.body.calls.end() && it->second.std_function != nullptr &&
                             it->second.std_function->receiver.empty()) ||
                            ctx.body.type_of(*member.object) == types::error;
        if (!module) parts.push_back(member.object.get());
    } else if (callee->kind != ast::ExprKind::name || ctx.body.vars.count(callee) != 0) {
        parts.push_back(callee);  // a function value or the result of a call
    }
    for (const auto& arg : call.args)
        parts.push_back(arg.get());
    std::string text = at + "{";
    for (std::size_t i = 0; i < parts.size(); ++i) {
        text += fmt::format(" auto pyro_go{} = {};", i, emit_value(ctx, *parts[i]).text);
    }
    for (std::size_t i = 0; i < parts.size(); ++i)
        ctx.hoisted.emplace(parts[i], fmt::format("pyro_go{}", i));
    const std::string body = emit_call(ctx, call).text;
    for (const ast::Expr* part : parts)
        ctx.hoisted.erase(part);
    w.line(text + " pyro::go([=]() mutable { " + body + "; }); }" + comment);
}

}  // namespace

void emit_go(const Ctx& ctx, Writer& w, const ast::GoStmt& stmt, const std::string& comment) {
    const auto& call = stmt.call->as<ast::Call>();
    const std::string at =
        fmt::format("PYRO_AT({}, {}); ", stmt.range.begin.line, stmt.range.begin.col);
    const sema::TypeTable& t = ctx.program.types;
    auto target = ctx.body.calls.find(&call);
    std::vector<std::string> parts;
    const bool plain = target != ctx.body.calls.end() && target->second.instance != nullptr &&
                       target->second.instance->owner == nullptr && !target->second.value &&
                       !target->second.method && target->second.constructs == nullptr &&
                       call.callee->kind == ast::ExprKind::name;
    if (plain) {
        const sema::FunctionInstance& inst = *target->second.instance;
        const std::string name = qualified(ctx, inst.module, inst.cpp_name);  // another file's
        auto overloads = ctx.program.overloads.find(inst.cpp_name);
        if (overloads != ctx.program.overloads.end() && overloads->second > 1) {
            std::vector<std::string> params;
            for (TypeId p : inst.param_types)
                params.push_back(cpp_type(t, p));
            parts.push_back(fmt::format("static_cast<{} (*)({})>(&{})",
                                        cpp_type(t, inst.result, true), join(params), name));
        } else {
            parts.push_back(name);
        }
        for (std::size_t i = 0; i < call.args.size(); ++i)
            parts.push_back(emit_as(ctx, *call.args[i], inst.param_types[i], false));
    } else if (target != ctx.body.calls.end() && target->second.builtin) {
        const char* fn =
            *target->second.builtin == sema::Builtin::print ? "pyro::print" : "pyro::eprint";
        parts.push_back(fmt::format("[](const auto&... args) {{ {}(args...); }}", fn));
        for (const auto& arg : call.args)
            parts.push_back(emit_value(ctx, *arg).text);
    } else {
        emit_go_call(ctx, w, call, at, comment);
        return;
    }
    w.line(at + "pyro::go(" + join(parts) + ");" + comment);
}

void emit_select(const Ctx& ctx, Writer& w, const ast::SelectStmt& stmt,
                 const std::string& comment) {
    const sema::TypeTable& t = ctx.program.types;
    w.line("{" + comment);
    w.indent();
    w.line(fmt::format("PYRO_AT({}, {});", stmt.range.begin.line, stmt.range.begin.col));
    std::vector<std::string> operands;
    for (std::size_t i = 0; i < stmt.cases.size(); ++i) {
        const ast::SelectCase& c = stmt.cases[i];
        const std::string name = fmt::format("pyro_case{}", i);
        switch (c.kind) {
            case ast::SelectCaseKind::collect:
                w.line(fmt::format("auto {} = pyro::rt::select_collect({});", name,
                                   emit_expr(ctx, *c.channel).text));
                operands.push_back(name);
                break;
            case ast::SelectCaseKind::push: {
                // An any channel takes the value as an Any and converts it when it runs.
                const TypeId channel = ctx.body.type_of(*c.channel);
                const TypeId element = channel == types::any ? types::any : element_of(t, channel);
                w.line(fmt::format("auto {} = pyro::rt::select_push({}, {});", name,
                                   emit_expr(ctx, *c.channel).text,
                                   emit_as(ctx, *c.value, element, true)));
                operands.push_back(name);
                break;
            }
            case ast::SelectCaseKind::after:
                operands.push_back("pyro::rt::select_after(" + emit_value(ctx, *c.value).text +
                                   ")");
                break;
            case ast::SelectCaseKind::default_:
                operands.push_back("pyro::rt::select_default()");
                break;
        }
    }
    w.line("const int pyro_chosen = pyro::rt::select(" + join(operands) + ");");
    for (std::size_t i = 0; i < stmt.cases.size(); ++i) {
        const ast::SelectCase& c = stmt.cases[i];
        const std::string test = fmt::format("if (pyro_chosen == {}) {{", i);
        w.line(i == 0 ? test : "} else " + test);
        w.indent();
        if (c.kind == ast::SelectCaseKind::collect && !c.binding.empty()) {
            const sema::VarRef ref = ctx.body.decls.at(sema::DeclKey{&c, 0});
            const sema::Variable& var = ctx.program.variable(ctx.body, ref);
            std::string decl = var.read ? "" : "[[maybe_unused]] ";
            if (!var.reassigned) decl += "const ";
            w.line(fmt::format("{}{} {} = pyro_case{}.take();", decl, cpp_type(t, var.type),
                               var.cpp_name, i));
        }
        emit_block(ctx, w, c.body);
        w.dedent();
    }
    w.line("}");
    w.dedent();
    w.line("}");
}

}  // namespace pyro2cpp::emit::detail
