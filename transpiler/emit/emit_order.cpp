// Left-to-right evaluation (LANGUAGE.md: arguments and operands are evaluated in order).
//
// C++ leaves the order of a call's arguments and of most operators' operands unspecified (g++
// goes right to left). Where that can be seen (two of the parts may have effects, or one may
// and another reads something it could change, as in `print(c.add(1), c.n)`), the expression
// becomes a lambda that evaluates the parts into temporaries in source order:
//   [&] { auto pyro_a0 = c.collect(); auto pyro_a1 = c.collect(); return pyro::print(pyro_a0,
//   pyro_a1); }()
// Everywhere else the plain C++ expression stays. The call itself is emitted by the usual code
// (so conversions to parameter types and int literal handling are unchanged): while it runs,
// Ctx::hoisted makes emit_expr and emit_value answer each hoisted part with its temporary.
// Parts that nothing can change (literals, locals outside cells, lambdas) stay in place.
#include <fmt/format.h>

#include <functional>

#include "emit/emitter.hpp"

namespace pyro2cpp::emit::detail {

namespace {

bool any_effects(const Ctx& ctx, std::initializer_list<const ast::Expr*> parts) {
    for (const ast::Expr* p : parts) {
        if (p != nullptr && may_have_effects(ctx, *p)) return true;
    }
    return false;
}

bool any_effects(const Ctx& ctx, const std::vector<ast::ExprPtr>& parts) {
    for (const auto& p : parts) {
        if (may_have_effects(ctx, *p)) return true;
    }
    return false;
}

// Whether the part's value is the same wherever the part is evaluated among the others.
bool is_stable(const Ctx& ctx, const ast::Expr& expr) {
    if (is_int_literal(expr)) return true;
    switch (expr.kind) {
        case ast::ExprKind::float_lit:
        case ast::ExprKind::string_lit:
        case ast::ExprKind::bool_lit:
        case ast::ExprKind::void_lit:
        case ast::ExprKind::lambda:
            return true;
        // Pure operations and calls (len, math.floor) of stable parts give the same value
        // anywhere.
        case ast::ExprKind::unary:
            return is_stable(ctx, *expr.as<ast::Unary>().operand);
        case ast::ExprKind::binary: {
            const auto& e = expr.as<ast::Binary>();
            return is_stable(ctx, *e.lhs) && is_stable(ctx, *e.rhs);
        }
        case ast::ExprKind::logical: {
            const auto& e = expr.as<ast::Logical>();
            return is_stable(ctx, *e.lhs) && is_stable(ctx, *e.rhs);
        }
        case ast::ExprKind::compare: {
            for (const auto& operand : expr.as<ast::Compare>().operands) {
                if (!is_stable(ctx, *operand)) return false;
            }
            return true;
        }
        case ast::ExprKind::call: {
            if (may_have_effects(ctx, expr)) return false;
            for (const auto& arg : expr.as<ast::Call>().args) {
                if (!is_stable(ctx, *arg)) return false;
            }
            return true;
        }
        case ast::ExprKind::member: {
            // A record's field: the record is immutable.
            const auto& member = expr.as<ast::Member>();
            const sema::TypeTable& t = ctx.program.types;
            return t.kind(ctx.body.type_of(*member.object)) == sema::TypeKind::record &&
                   is_stable(ctx, *member.object);
        }
        case ast::ExprKind::name: {
            if (is_self_name(ctx, expr)) return true;
            if (may_have_effects(ctx, expr)) return false;  // a global that may be unset
            auto it = ctx.body.vars.find(&expr);
            if (it == ctx.body.vars.end()) return true;  // a function or a type
            // A function may assign a global, or a local through the closure sharing its cell;
            // a `let` global is set once.
            const sema::Variable& v = ctx.program.variable(ctx.body, it->second);
            if (it->second.global) return !v.is_mut && !v.reassigned;
            return !v.in_cell();
        }
        default:
            return false;
    }
}

// Whether C++'s order of evaluating `parts` could be seen: two may have effects, or one may
// and another is not stable (it could read what the first changes).
bool order_matters(const Ctx& ctx, const std::vector<const ast::Expr*>& parts) {
    std::size_t effects = 0;
    for (const ast::Expr* p : parts)
        effects += may_have_effects(ctx, *p) ? 1 : 0;
    if (effects != 1) return effects > 1;
    for (const ast::Expr* p : parts) {
        if (!may_have_effects(ctx, *p) && !is_stable(ctx, *p)) return true;
    }
    return false;
}

// Emits `emit()` with `parts` evaluated in order: each part that is not stable goes into a
// temporary named `names(i)`.
Cpp hoist(const Ctx& ctx, const std::vector<const ast::Expr*>& parts,
          const std::function<std::string(std::size_t)>& names, const std::function<Cpp()>& emit) {
    std::string text = "[&] {";
    std::vector<std::pair<const ast::Expr*, std::string>> temps;
    for (std::size_t i = 0; i < parts.size(); ++i) {
        if (is_stable(ctx, *parts[i]) && !may_have_effects(ctx, *parts[i])) continue;
        // Emitted before any is entered, so that their own parts still emit themselves.
        text += fmt::format(" auto {} = {};", names(i), emit_value(ctx, *parts[i]).text);
        temps.emplace_back(parts[i], names(i));
    }
    for (const auto& [part, name] : temps)
        ctx.hoisted.emplace(part, name);
    const Cpp result = emit();
    for (const auto& temp : temps)
        ctx.hoisted.erase(temp.first);
    return {text + " return " + result.text + "; }()", prec_primary};
}

// Two operands, both with effects: `pyro_lhs` and `pyro_rhs`.
std::optional<Cpp> operands_in_order(const Ctx& ctx, const ast::Expr& lhs, const ast::Expr& rhs,
                                     const std::function<Cpp()>& emit) {
    if (ctx.hoisted.count(&lhs) != 0 || ctx.hoisted.count(&rhs) != 0) return std::nullopt;
    if (!order_matters(ctx, {&lhs, &rhs})) return std::nullopt;
    return hoist(
        ctx, {&lhs, &rhs}, [](std::size_t i) { return i == 0 ? "pyro_lhs" : "pyro_rhs"; }, emit);
}

}  // namespace

bool may_have_effects(const Ctx& ctx, const ast::Expr& expr) {
    switch (expr.kind) {
        case ast::ExprKind::call: {
            // The builtins other than print, eprint, input, map and filter (which call a function)
            // only compute a value, and so
            // do std.math and std.path.
            const auto& call = expr.as<ast::Call>();
            auto it = ctx.body.calls.find(&call);
            if (it == ctx.body.calls.end()) return true;
            const sema::CallTarget& target = it->second;
            if (target.std_function != nullptr) {
                const std::string_view module = target.std_function->module;
                const bool pure =
                    target.std_function->receiver.empty() && (module == "math" || module == "path");
                return !pure || any_effects(ctx, call.args);
            }
            if (!target.builtin || *target.builtin == sema::Builtin::print ||
                *target.builtin == sema::Builtin::eprint ||
                *target.builtin == sema::Builtin::input || *target.builtin == sema::Builtin::map ||
                *target.builtin == sema::Builtin::filter) {
                return true;
            }
            return any_effects(ctx, call.args);
        }
        case ast::ExprKind::chan_new:
            return true;
        case ast::ExprKind::int_lit:
        case ast::ExprKind::float_lit:
        case ast::ExprKind::string_lit:
        case ast::ExprKind::bool_lit:
        case ast::ExprKind::void_lit:
        case ast::ExprKind::lambda:  // its body runs when it is called
            return false;
        case ast::ExprKind::name: {
            // A module-level variable read before its `let` may have run raises.
            auto it = ctx.body.vars.find(&expr);
            return it != ctx.body.vars.end() && it->second.global && ctx.instance != nullptr &&
                   ctx.program.variable(ctx.body, it->second).check_set;
        }
        case ast::ExprKind::unary:
            return may_have_effects(ctx, *expr.as<ast::Unary>().operand);
        case ast::ExprKind::binary: {
            const auto& e = expr.as<ast::Binary>();
            return any_effects(ctx, {e.lhs.get(), e.rhs.get()});
        }
        case ast::ExprKind::compare:
            return any_effects(ctx, expr.as<ast::Compare>().operands);
        case ast::ExprKind::logical: {
            const auto& e = expr.as<ast::Logical>();
            return any_effects(ctx, {e.lhs.get(), e.rhs.get()});
        }
        case ast::ExprKind::range: {
            const auto& e = expr.as<ast::RangeExpr>();
            return any_effects(ctx, {e.lo.get(), e.hi.get()});
        }
        case ast::ExprKind::conditional: {
            const auto& e = expr.as<ast::Conditional>();
            return any_effects(ctx, {e.cond.get(), e.then_value.get(), e.else_value.get()});
        }
        case ast::ExprKind::fstring: {
            for (const auto& piece : expr.as<ast::FString>().pieces) {
                if (piece.expr && may_have_effects(ctx, *piece.expr)) return true;
            }
            return false;
        }
        case ast::ExprKind::member:
            return may_have_effects(ctx, *expr.as<ast::Member>().object);
        case ast::ExprKind::index: {
            const auto& e = expr.as<ast::Index>();
            return any_effects(ctx, {e.object.get(), e.index.get()});
        }
        case ast::ExprKind::slice: {
            const auto& e = expr.as<ast::Slice>();
            return any_effects(ctx, {e.object.get(), e.lo.get(), e.hi.get(), e.step.get()});
        }
        case ast::ExprKind::tuple:
            return any_effects(ctx, expr.as<ast::TupleExpr>().elements);
        case ast::ExprKind::list:
            return any_effects(ctx, expr.as<ast::ListExpr>().elements);
        case ast::ExprKind::set:
            return any_effects(ctx, expr.as<ast::SetExpr>().elements);
        case ast::ExprKind::dict: {
            for (const auto& entry : expr.as<ast::DictExpr>().entries) {
                if (any_effects(ctx, {entry.key.get(), entry.value.get()})) return true;
            }
            return false;
        }
        default:
            return true;  // comprehensions and anything new: assume the worst
    }
}

std::optional<Cpp> hoisted(const Ctx& ctx, const ast::Expr& expr) {
    if (ctx.hoisted.empty()) return std::nullopt;
    auto it = ctx.hoisted.find(&expr);
    if (it == ctx.hoisted.end()) return std::nullopt;
    return Cpp{it->second};
}

std::optional<Cpp> emit_call_in_order(const Ctx& ctx, const ast::Call& call) {
    if (call.args.size() < 2) return std::nullopt;
    std::vector<const ast::Expr*> parts;
    for (const auto& arg : call.args) {
        if (ctx.hoisted.count(arg.get()) != 0) return std::nullopt;  // being emitted in order
        parts.push_back(arg.get());
    }
    if (!order_matters(ctx, parts)) return std::nullopt;
    parts.clear();
    // The callee comes first; a plain C++ call evaluates it first too, but the lambda's own
    // call comes last. `super()` is no value.
    const ast::Expr* callee = call.callee.get();
    if (callee->kind == ast::ExprKind::member) callee = callee->as<ast::Member>().object.get();
    auto target = ctx.body.calls.find(&call);
    const bool super_call = target != ctx.body.calls.end() && target->second.super_call;
    if (!super_call && may_have_effects(ctx, *callee)) parts.push_back(callee);
    const std::size_t first_arg = parts.size();
    for (const auto& arg : call.args)
        parts.push_back(arg.get());
    return hoist(
        ctx, parts,
        [first_arg](std::size_t i) {
            return i < first_arg ? std::string("pyro_callee")
                                 : fmt::format("pyro_a{}", i - first_arg);
        },
        [&] { return emit_call(ctx, call); });
}

std::optional<Cpp> emit_binary_in_order(const Ctx& ctx, const ast::Binary& binary) {
    return operands_in_order(ctx, *binary.lhs, *binary.rhs,
                             [&] { return emit_binary(ctx, binary); });
}

std::optional<Cpp> emit_compare_in_order(const Ctx& ctx, const ast::Compare& compare) {
    // A chain of several is already a lambda with one temporary per operand.
    if (compare.ops.size() != 1) return std::nullopt;
    return operands_in_order(ctx, *compare.operands[0], *compare.operands[1],
                             [&] { return emit_compare(ctx, compare); });
}

std::optional<Cpp> emit_fstring_in_order(const Ctx& ctx, const ast::FString& fstring,
                                         const std::function<Cpp()>& emit) {
    std::vector<const ast::Expr*> parts;
    int effects = 0;
    for (const auto& piece : fstring.pieces) {
        if (!piece.expr) continue;
        if (ctx.hoisted.count(piece.expr.get()) != 0) return std::nullopt;
        if (may_have_effects(ctx, *piece.expr)) ++effects;
        parts.push_back(piece.expr.get());
    }
    if (effects < 2) return std::nullopt;
    return hoist(
        ctx, parts, [](std::size_t i) { return fmt::format("pyro_p{}", i); }, emit);
}

}  // namespace pyro2cpp::emit::detail
