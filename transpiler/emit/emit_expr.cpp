// Emitting expressions: literals, names, unary operators, conditions, `x if c else y`,
// f-strings, ranges, conversions at typed boundaries, and whether an expression can fail.
//
// Int literals: C++ gives `42` the type `int`, which converts to pyro::Int only where a
// pyro::Int is expected. Where that is certain (`int_ok`: an Int variable, parameter or
// result, the other operand of an Int operator) the literal stays bare; elsewhere it is
// spelled `pyro::Int(42)`, so templates such as pyro::print and overload sets such as
// pyro::to_int see an int and not a C++ int (which would pick the bool overload).
#include <fmt/format.h>

#include "emit/emitter.hpp"

namespace pyro2cpp::emit::detail {

using sema::TypeId;
namespace types = sema::types;

std::string set_flag(const sema::Variable& global) {
    return "pyro_set_" + global.cpp_name;
}

Cpp emit_variable_read(const Ctx& ctx, sema::VarRef ref) {
    const sema::Variable& var = ctx.program.variable(ctx.body, ref);
    if (var.in_cell()) return {var.cpp_name + ".get()"};
    const std::string name = var_text(ctx, ref);
    if (!ref.global || !var.check_set || ctx.instance == nullptr) return {name};
    return {fmt::format("({} ? {} : (pyro::rt::raise_error({}), {}))",
                        qualified(ctx, var.module, set_flag(var)), name,
                        c_string("'" + var.name + "' used before it is set"), name)};
}

bool is_int_literal(const ast::Expr& expr) {
    if (expr.kind == ast::ExprKind::int_lit) return true;
    if (expr.kind != ast::ExprKind::unary) return false;
    const auto& u = expr.as<ast::Unary>();
    return u.op == ast::UnaryOp::neg && u.operand->kind == ast::ExprKind::int_lit;
}

namespace {

std::string int_literal_text(const ast::Expr& expr) {
    if (expr.kind == ast::ExprKind::int_lit) return int_literal(expr.as<ast::IntLit>());
    return "-" + int_literal(expr.as<ast::Unary>().operand->as<ast::IntLit>());
}

std::int64_t int_literal_value(const ast::Expr& expr) {
    if (expr.kind == ast::ExprKind::int_lit) return expr.as<ast::IntLit>().value;
    return -expr.as<ast::Unary>().operand->as<ast::IntLit>().value;
}

Cpp emit_name(const Ctx& ctx, const ast::Expr& expr) {
    if (is_self_name(ctx, expr)) return emit_self(ctx);
    if (ctx.body.vars.count(&expr) == 0) return emit_function_ref(ctx, expr);
    return emit_variable_read(ctx, ctx.body.vars.at(&expr));
}

Cpp emit_unary(const Ctx& ctx, const ast::Unary& unary) {
    if (unary.op == ast::UnaryOp::not_) {
        return {"!" + parenthesize(emit_condition(ctx, *unary.operand), prec_unary), prec_unary};
    }
    const char* op = unary.op == ast::UnaryOp::neg    ? "-"
                     : unary.op == ast::UnaryOp::plus ? "+"
                                                      : "~";
    std::string operand = parenthesize(emit_expr(ctx, *unary.operand), prec_unary);
    // `- -x` must not become the decrement `--x`.
    if (operand[0] == '-' || operand[0] == '+') operand = "(" + operand + ")";
    return {op + operand, prec_unary};
}

Cpp emit_conditional(const Ctx& ctx, const ast::Conditional& cond, bool int_ok) {
    const TypeId type = ctx.body.type_of(cond);
    std::string c = parenthesize(emit_condition(ctx, *cond.cond), prec_or);
    std::string a = emit_as(ctx, *cond.then_value, type, int_ok);
    std::string b = emit_as(ctx, *cond.else_value, type, int_ok);
    // Nested conditionals get parentheses for the reader, not for C++.
    auto wrap = [&](const ast::Expr& e, std::string text) {
        return e.kind == ast::ExprKind::conditional ? "(" + text + ")" : text;
    };
    return {c + " ? " + wrap(*cond.then_value, a) + " : " + wrap(*cond.else_value, b),
            prec_conditional};
}

// f"a {x} b {y:.2f}" -> "a "_s + pyro::str(x) + " b "_s + pyro::rt::format(y, ".2f")
Cpp emit_fstring(const Ctx& ctx, const ast::FString& fstring) {
    if (auto ordered =
            emit_fstring_in_order(ctx, fstring, [&] { return emit_fstring(ctx, fstring); }))
        return *ordered;
    std::vector<std::string> parts;
    for (const ast::FStringPiece& piece : fstring.pieces) {
        if (!piece.expr) {
            if (!piece.text.empty()) parts.push_back(string_literal(piece.text));
            continue;
        }
        const TypeId type = ctx.body.type_of(*piece.expr);
        Cpp value = emit_value(ctx, *piece.expr);
        if (!piece.format_spec.empty()) {
            parts.push_back(
                fmt::format("pyro::rt::format({}, {})", value.text, c_string(piece.format_spec)));
        } else if (type == types::string) {
            parts.push_back(parenthesize(value, prec_additive + 1));
        } else {
            parts.push_back("pyro::str(" + value.text + ")");
        }
    }
    if (parts.empty()) return {"\"\"_s", prec_primary};
    if (parts.size() == 1) {
        // A lone string-typed piece keeps its own precedence.
        return {parts[0], parts[0].starts_with("(") ? prec_primary : prec_additive};
    }
    std::string text = parts[0];
    for (std::size_t i = 1; i < parts.size(); ++i)
        text += " + " + parts[i];
    return {text, prec_additive};
}

}  // namespace

Cpp emit_expr(const Ctx& ctx, const ast::Expr& expr, bool int_ok) {
    if (auto temp = hoisted(ctx, expr)) return *temp;
    if (is_int_literal(expr)) {
        std::string text = int_literal_text(expr);
        if (int_ok) return {text, expr.kind == ast::ExprKind::int_lit ? prec_primary : prec_unary};
        return {"pyro::Int(" + text + ")", prec_primary};
    }
    switch (expr.kind) {
        case ast::ExprKind::float_lit:
            return {float_literal(expr.as<ast::FloatLit>())};
        case ast::ExprKind::string_lit:
            return {string_literal(expr.as<ast::StringLit>().value)};
        case ast::ExprKind::bool_lit:
            return {expr.as<ast::BoolLit>().value ? "true" : "false"};
        case ast::ExprKind::void_lit:
            return {"pyro::void_"};
        case ast::ExprKind::fstring:
            return emit_fstring(ctx, expr.as<ast::FString>());
        case ast::ExprKind::name:
            return emit_name(ctx, expr);
        case ast::ExprKind::unary:
            return emit_unary(ctx, expr.as<ast::Unary>());
        case ast::ExprKind::binary:
            return emit_binary(ctx, expr.as<ast::Binary>());
        case ast::ExprKind::compare:
            return emit_compare(ctx, expr.as<ast::Compare>());
        case ast::ExprKind::logical: {
            const auto& e = expr.as<ast::Logical>();
            const bool is_and = e.op == ast::LogicalOp::and_;
            const int prec = is_and ? prec_and : prec_or;
            // `a && b || c` gets parentheses: C++ compilers ask for them (-Wparentheses).
            auto side = [&](const ast::Expr& s) {
                Cpp c = emit_condition(ctx, s);
                return parenthesize(c, c.prec == prec ? prec : prec_and + 1);
            };
            return {side(*e.lhs) + (is_and ? " && " : " || ") + side(*e.rhs), prec};
        }
        case ast::ExprKind::range: {
            const auto& e = expr.as<ast::RangeExpr>();
            return {"pyro::range(" + emit_expr(ctx, *e.lo, true).text + ", " +
                    emit_expr(ctx, *e.hi, true).text + ")"};
        }
        case ast::ExprKind::conditional:
            return emit_conditional(ctx, expr.as<ast::Conditional>(), int_ok);
        case ast::ExprKind::call: {
            const auto& call = expr.as<ast::Call>();
            if (call.callee->kind == ast::ExprKind::member) {
                if (auto method = emit_method_call(ctx, call)) return *method;
            }
            return emit_call(ctx, call);
        }
        case ast::ExprKind::member:
            return emit_member(ctx, expr.as<ast::Member>());
        case ast::ExprKind::chan_new:
            return emit_chan_new(ctx, expr, *expr.as<ast::ChanNew>().capacity);
        case ast::ExprKind::lambda:
            return emit_lambda(ctx, expr.as<ast::Lambda>());
        case ast::ExprKind::list:
        case ast::ExprKind::tuple:
        case ast::ExprKind::set:
        case ast::ExprKind::dict:
            return emit_display(ctx, expr, ctx.body.type_of(expr));
        case ast::ExprKind::comprehension:
            return emit_comprehension(ctx, expr.as<ast::Comprehension>());
        case ast::ExprKind::index:
            return emit_index(ctx, expr.as<ast::Index>());
        case ast::ExprKind::slice:
            return emit_slice(ctx, expr.as<ast::Slice>());
        default:
            break;
    }
    // Sema has rejected every other kind of expression.
    return {"/* not supported */"};
}

Cpp emit_value(const Ctx& ctx, const ast::Expr& expr, bool int_ok) {
    if (auto temp = hoisted(ctx, expr)) return *temp;
    Cpp e = emit_expr(ctx, expr, int_ok);
    // Only a call has the C++ type void; void variables and `void` are pyro::Void values.
    if (ctx.body.type_of(expr) == types::void_ && expr.kind == ast::ExprKind::call) {
        return {"(" + e.text + ", pyro::void_)", prec_primary};
    }
    return e;
}

std::string emit_as(const Ctx& ctx, const ast::Expr& expr, TypeId target, bool int_ok) {
    const TypeId source = ctx.body.type_of(expr);
    if (auto check = emit_union_check(ctx, expr)) return *check;
    if (auto value = emit_interface_conversion(ctx, expr, target, int_ok)) return *value;
    if (auto converted = emit_data_conversion(ctx, expr, target, int_ok)) return *converted;
    if (target == types::float_ && source == types::int_) {
        if (is_int_literal(expr)) return std::to_string(int_literal_value(expr)) + ".0";
        return "pyro::to_float(" + emit_expr(ctx, expr).text + ")";
    }
    return emit_value(ctx, expr, int_ok && target == types::int_).text;
}

Cpp emit_condition(const Ctx& ctx, const ast::Expr& expr) {
    if (ctx.body.type_of(expr) == types::bool_) return emit_expr(ctx, expr);
    return {"pyro::truthy(" + emit_value(ctx, expr).text + ")"};
}

bool can_fail(const Ctx& ctx, const ast::Expr& expr) {
    const auto any_fails = [&](std::initializer_list<const ast::Expr*> parts) {
        for (const ast::Expr* p : parts) {
            if (p != nullptr && can_fail(ctx, *p)) return true;
        }
        return false;
    };
    if (ctx.body.union_checks.count(&expr) != 0) return true;
    if (bool fails = false; data_can_fail(ctx, expr, fails)) return fails;
    switch (expr.kind) {
        case ast::ExprKind::call:
        case ast::ExprKind::chan_new:
            return true;
        case ast::ExprKind::unary: {
            const auto& e = expr.as<ast::Unary>();
            if (is_int_literal(expr)) return false;
            if (e.op == ast::UnaryOp::neg && ctx.body.type_of(expr) == types::int_) return true;
            return can_fail(ctx, *e.operand);
        }
        case ast::ExprKind::binary: {
            const auto& e = expr.as<ast::Binary>();
            const TypeId type = ctx.body.type_of(expr);
            const bool bitwise = e.op == ast::BinaryOp::bit_and || e.op == ast::BinaryOp::bit_or ||
                                 e.op == ast::BinaryOp::bit_xor;
            if ((type == types::int_ && !bitwise) ||
                (type == types::string && e.op == ast::BinaryOp::mul)) {
                return true;
            }
            return any_fails({e.lhs.get(), e.rhs.get()});
        }
        case ast::ExprKind::compare: {
            for (const auto& o : expr.as<ast::Compare>().operands) {
                if (can_fail(ctx, *o)) return true;
            }
            return false;
        }
        case ast::ExprKind::logical: {
            const auto& e = expr.as<ast::Logical>();
            return any_fails({e.lhs.get(), e.rhs.get()});
        }
        case ast::ExprKind::range: {
            const auto& e = expr.as<ast::RangeExpr>();
            return any_fails({e.lo.get(), e.hi.get()});
        }
        case ast::ExprKind::conditional: {
            const auto& e = expr.as<ast::Conditional>();
            return any_fails({e.cond.get(), e.then_value.get(), e.else_value.get()});
        }
        case ast::ExprKind::fstring: {
            for (const auto& piece : expr.as<ast::FString>().pieces) {
                if (!piece.expr) continue;
                if (!piece.format_spec.empty() || can_fail(ctx, *piece.expr)) return true;
            }
            return false;
        }
        case ast::ExprKind::member: {
            // A class field may be unset (`no attribute 'x'`); a record's never is.
            const auto& m = expr.as<ast::Member>();
            auto it = ctx.body.members.find(&m);
            if (it == ctx.body.members.end() || it->second.owner == nullptr ||
                !it->second.owner->is_record()) {
                return true;
            }
            return can_fail(ctx, *m.object);
        }
        case ast::ExprKind::name: {
            if (ctx.body.vars.count(&expr) == 0) return false;  // a function as a value
            const sema::VarRef ref = ctx.body.vars.at(&expr);
            return ref.global && ctx.instance != nullptr &&
                   ctx.program.variable(ctx.body, ref).check_set;
        }
        default:
            return false;
    }
}

}  // namespace pyro2cpp::emit::detail
