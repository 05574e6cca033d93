// Emitting binary operators, comparisons and calls.
//
// Operators map to the runtime's C++ operators one for one, except `**` (pyro::rt::pow) and
// `%` with a float operand (pyro::rt::mod). Parentheses follow C++ precedence, plus the
// ones GCC's -Wparentheses asks for (an arithmetic operand of a shift or bit operator).
// A chained comparison whose middle operands are not plain names or literals is a lambda
// with one temporary per operand, so each is evaluated once and in order.
#include <fmt/format.h>

#include "emit/emitter.hpp"

namespace pyro2cpp::emit::detail {

using sema::TypeId;
namespace types = sema::types;

namespace {

int binary_prec(ast::BinaryOp op) {
    switch (op) {
        case ast::BinaryOp::add:
        case ast::BinaryOp::sub:
            return prec_additive;
        case ast::BinaryOp::mul:
        case ast::BinaryOp::div:
        case ast::BinaryOp::mod:
            return prec_multiplicative;
        case ast::BinaryOp::shl:
        case ast::BinaryOp::shr:
            return prec_shift;
        case ast::BinaryOp::bit_and:
            return prec_bit_and;
        case ast::BinaryOp::bit_xor:
            return prec_bit_xor;
        case ast::BinaryOp::bit_or:
            return prec_bit_or;
        case ast::BinaryOp::pow:
            return prec_primary;
    }
    return prec_primary;
}

// Whether an int literal operand may stay bare next to `other`: C++ then converts it with
// the other operand's operator. Beside another literal it may not (that would be int
// arithmetic); beside a float in a comparison only while the conversion is exact.
bool literal_ok(const Ctx& ctx, const ast::Expr& other, bool comparison, const ast::Expr& lit) {
    if (is_int_literal(other)) return false;
    const TypeId t = ctx.body.type_of(other);
    if (t == types::float_ && comparison) {
        const ast::Expr& digits =
            lit.kind == ast::ExprKind::int_lit ? lit : *lit.as<ast::Unary>().operand;
        const std::int64_t v = digits.as<ast::IntLit>().value;
        return v <= (std::int64_t{1} << 53) && v >= -(std::int64_t{1} << 53);
    }
    return t == types::int_ || t == types::float_ || t == types::string;
}

// One operand: an int literal beside a float in arithmetic is written as the float it
// becomes (`x * 2.0`), which is what C++ would compute and keeps `1.0 / 0` from warning.
Cpp operand(const Ctx& ctx, const ast::Expr& e, const ast::Expr& other, bool comparison,
            bool int_ok) {
    if (!comparison && is_int_literal(e) && ctx.body.type_of(other) == types::float_) {
        return {emit_as(ctx, e, types::float_, false), prec_unary};
    }
    return emit_value(ctx, e, int_ok);
}

// Both operands of a binary operator or one comparison link.
std::pair<Cpp, Cpp> operands(const Ctx& ctx, const ast::Expr& lhs, const ast::Expr& rhs,
                             bool comparison) {
    const bool lhs_ok = is_int_literal(lhs) && literal_ok(ctx, rhs, comparison, lhs);
    const bool rhs_ok =
        is_int_literal(rhs) && (is_int_literal(lhs) || literal_ok(ctx, lhs, comparison, rhs));
    return {operand(ctx, lhs, rhs, comparison, lhs_ok), operand(ctx, rhs, lhs, comparison, rhs_ok)};
}

// An operand of an operator of precedence `prec`; `right` for the right-hand side of a
// left-associative operator.
std::string operand_text(const Cpp& e, int prec, bool right) {
    const bool noisy =
        prec <= prec_shift && prec >= prec_bit_or && e.prec < prec_unary && e.prec != prec;
    if (noisy) return "(" + e.text + ")";
    return parenthesize(e, right ? prec + 1 : prec);
}

const char* compare_spelling(ast::CompareOp op) {
    return ast::spelling(op);
}

// One link `a op b` of a comparison.
Cpp compare_link(const Ctx& ctx, ast::CompareOp op, const ast::Expr& lhs_expr, const Cpp& lhs,
                 const ast::Expr& rhs_expr, const Cpp& rhs) {
    const TypeId lt = ctx.body.type_of(lhs_expr);
    const TypeId rt = ctx.body.type_of(rhs_expr);
    const sema::TypeTable& table = ctx.program.types;
    if ((op == ast::CompareOp::in || op == ast::CompareOp::not_in) &&
        (rt != types::string || lt != types::string)) {
        return emit_membership(ctx, op == ast::CompareOp::not_in, lhs, rhs);
    }
    if (op == ast::CompareOp::in || op == ast::CompareOp::not_in) {
        // A substring test: bytes of valid UTF-8 match exactly where code points do.
        return {parenthesize(rhs, prec_primary) + ".view().find(" +
                    parenthesize(lhs, prec_primary) + ".view()) " +
                    (op == ast::CompareOp::in ? "!=" : "==") + " std::string_view::npos",
                prec_equality};
    }
    const bool same_kind = lt == rt || (table.is_numeric(lt) && table.is_numeric(rt)) ||
                           erase_interfaces(table, lt) == types::any ||
                           erase_interfaces(table, rt) == types::any ||
                           (table.is_container(lt) && table.kind(lt) == table.kind(rt));
    if (!same_kind) {
        // Values of different kinds are never equal (sema warned).
        const char* result = op == ast::CompareOp::eq ? "false" : "true";
        return {fmt::format("(static_cast<void>({}), static_cast<void>({}), {})", lhs.text,
                            rhs.text, result),
                prec_primary};
    }
    const bool equality = op == ast::CompareOp::eq || op == ast::CompareOp::ne;
    const int prec = equality ? prec_equality : prec_relational;
    // A comparison inside a comparison always gets parentheses (-Wparentheses).
    auto side = [&](const Cpp& e, bool right) {
        if (e.prec == prec_equality || e.prec == prec_relational) return "(" + e.text + ")";
        return parenthesize(e, right ? prec + 1 : prec);
    };
    return {side(lhs, false) + " " + compare_spelling(op) + " " + side(rhs, true), prec};
}

bool is_plain(const ast::Expr& e) {
    switch (e.kind) {
        case ast::ExprKind::name:
        case ast::ExprKind::int_lit:
        case ast::ExprKind::float_lit:
        case ast::ExprKind::string_lit:
        case ast::ExprKind::bool_lit:
            return true;
        default:
            return is_int_literal(e);
    }
}

}  // namespace

Cpp emit_binary(const Ctx& ctx, const ast::Binary& binary) {
    if (auto ordered = emit_binary_in_order(ctx, binary)) return *ordered;
    const TypeId type = ctx.body.type_of(binary);
    auto [lhs, rhs] = operands(ctx, *binary.lhs, *binary.rhs, false);
    if (binary.op == ast::BinaryOp::pow) {
        return {"pyro::rt::pow(" + lhs.text + ", " + rhs.text + ")"};
    }
    const sema::TypeTable& table = ctx.program.types;
    const TypeId lt = ctx.body.type_of(*binary.lhs);
    const TypeId rt = ctx.body.type_of(*binary.rhs);
    if (binary.op == ast::BinaryOp::mul && type == types::any &&
        (table.kind(lt) == sema::TypeKind::tuple || table.kind(rt) == sema::TypeKind::tuple)) {
        // A tuple repeated: a tuple of run-time length, through its any adapter.
        const bool left = table.kind(lt) == sema::TypeKind::tuple;
        const std::string tuple = "pyro::Any(" + (left ? lhs : rhs).text + ")";
        const std::string count = (left ? rhs : lhs).text;
        return {tuple + " * " + parenthesize({count, left ? rhs.prec : lhs.prec}, prec_unary),
                prec_multiplicative};
    }
    if (binary.op == ast::BinaryOp::add && table.kind(type) == sema::TypeKind::list &&
        (lt != type || rt != type) && !table.has_pending(lt) && !table.has_pending(rt)) {
        // Lists of other element types or kinds ([1] + [0.5]): a new list of the result type.
        return {"pyro::rt::concat<" + cpp_type(table, type) + ">(" + lhs.text + ", " + rhs.text +
                ")"};
    }
    if (binary.op == ast::BinaryOp::mod && type == types::float_) {
        return {"pyro::rt::mod(" + lhs.text + ", " + rhs.text + ")"};
    }
    const int prec = binary_prec(binary.op);
    return {operand_text(lhs, prec, false) + " " + ast::spelling(binary.op) + " " +
                operand_text(rhs, prec, true),
            prec};
}

Cpp emit_compare(const Ctx& ctx, const ast::Compare& compare) {
    const auto& ops = compare.ops;
    const auto& exprs = compare.operands;
    if (auto ordered = emit_compare_in_order(ctx, compare)) return *ordered;
    if (ops.size() == 1) {
        auto [lhs, rhs] = operands(ctx, *exprs[0], *exprs[1], true);
        return compare_link(ctx, ops[0], *exprs[0], lhs, *exprs[1], rhs);
    }
    bool plain_middle = true;
    for (std::size_t i = 1; i + 1 < exprs.size(); ++i)
        plain_middle = plain_middle && is_plain(*exprs[i]);
    if (plain_middle) {
        // a < b && b < c: b is a name or a literal, so reading it twice is harmless.
        std::string text;
        for (std::size_t i = 0; i < ops.size(); ++i) {
            auto [lhs, rhs] = operands(ctx, *exprs[i], *exprs[i + 1], true);
            Cpp link = compare_link(ctx, ops[i], *exprs[i], lhs, *exprs[i + 1], rhs);
            if (i > 0) text += " && ";
            text += parenthesize(link, prec_and + 1);
        }
        return {text, prec_and};
    }
    // [&] { const T pyro_c0 = a; const T pyro_c1 = b; if (!(pyro_c0 < pyro_c1)) { return
    // false; } ... return pyro_c1 < c; }()
    const sema::TypeTable& table = ctx.program.types;
    auto temp = [](std::size_t i) { return fmt::format("pyro_c{}", i); };
    std::string text = "[&] {";
    const std::size_t last = exprs.size() - 1;
    for (std::size_t i = 0; i < last; ++i) {
        const TypeId t = ctx.body.type_of(*exprs[i]);
        text += fmt::format(" const {} {} = {};", cpp_type(table, t), temp(i),
                            emit_as(ctx, *exprs[i], t, true));
        if (i == 0) continue;
        Cpp a{temp(i - 1)};
        Cpp b{temp(i)};
        Cpp link = compare_link(ctx, ops[i - 1], *exprs[i - 1], a, *exprs[i], b);
        if (i + 1 < last) {
            text += " if (!(" + link.text + ")) { return false; }";
        } else {
            Cpp c = emit_value(
                ctx, *exprs[last],
                literal_ok(ctx, *exprs[i], true, *exprs[last]) && is_int_literal(*exprs[last]));
            Cpp final_link = compare_link(ctx, ops[i], *exprs[i], b, *exprs[last], c);
            text += " return " + parenthesize(link, prec_and + 1) + " && " +
                    parenthesize(final_link, prec_and + 1) + ";";
        }
    }
    text += " }()";
    return {text, prec_primary};
}

Cpp emit_call(const Ctx& ctx, const ast::Call& call) {
    if (auto ordered = emit_call_in_order(ctx, call)) return *ordered;
    if (auto conc = emit_conc_call(ctx, call)) return *conc;
    const sema::CallTarget& target = ctx.body.calls.at(&call);
    if (target.std_function != nullptr) return emit_std_call(ctx, call, *target.std_function);
    if (target.constructs != nullptr || target.method || target.dynamic || target.super_call ||
        target.isinstance) {
        return emit_object_call(ctx, call, target);
    }
    if (target.builtin && *target.builtin > sema::Builtin::range) {
        return emit_data_builtin(ctx, call, *target.builtin);
    }
    if (target.value || (target.instance != nullptr && call.args.size() != target.params)) {
        return emit_curried_call(ctx, call);
    }
    std::vector<std::string> args;
    std::string callee;
    if (target.instance != nullptr) {
        const sema::FunctionInstance& inst = *target.instance;
        // With several overloads a bare `5` would prefer a double parameter over pyro::Int.
        auto it = ctx.program.overloads.find(inst.cpp_name);
        const bool single = it == ctx.program.overloads.end() || it->second <= 1;
        for (std::size_t i = 0; i < call.args.size(); ++i) {
            args.push_back(emit_as(ctx, *call.args[i], inst.param_types[i], single));
        }
        callee = qualified(ctx, inst.module, inst.cpp_name);
    } else {
        switch (*target.builtin) {
            case sema::Builtin::print:
                callee = "pyro::print";
                break;
            case sema::Builtin::eprint:
                callee = "pyro::eprint";
                break;
            case sema::Builtin::str:
                callee = "pyro::str";
                break;
            case sema::Builtin::int_:
                callee = "pyro::to_int";
                break;
            case sema::Builtin::float_:
                callee = "pyro::to_float";
                break;
            case sema::Builtin::bool_:
                callee = "pyro::to_bool";
                break;
            case sema::Builtin::len:
                callee = "pyro::len";
                break;
            case sema::Builtin::range:
                callee = "pyro::range";
                break;
            default:
                break;
        }
        // pyro::range takes pyro::Int parameters, so its literals may stay bare.
        const bool int_ok = *target.builtin == sema::Builtin::range;
        for (const auto& arg : call.args)
            args.push_back(emit_value(ctx, *arg, int_ok).text);
    }
    std::string text = callee + "(";
    for (std::size_t i = 0; i < args.size(); ++i) {
        if (i > 0) text += ", ";
        text += args[i];
    }
    return {text + ")"};
}

}  // namespace pyro2cpp::emit::detail
