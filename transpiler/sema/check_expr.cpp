// Checking expressions: each gets a type, recorded in the body's table for emit. Literals,
// names, unary operators, conditions, `x if c else y`, f-strings, ranges, and a clean
// "not supported yet" for the expressions of later issues. (Binary operators and
// comparisons: check_ops.cpp; calls: check_call.cpp.)
#include <fmt/format.h>

#include "sema/checker.hpp"

namespace pyro2cpp::sema::detail {

TypeId Checker::check_expr(const ast::Expr& expr) {
    TypeId type = check_expr_kind(expr);
    frame().body->expr_types[&expr] = type;
    return type;
}

TypeId Checker::check_expr_kind(const ast::Expr& expr) {
    switch (expr.kind) {
        case ast::ExprKind::int_lit:
            return types::int_;
        case ast::ExprKind::float_lit:
            return types::float_;
        case ast::ExprKind::string_lit:
            return types::string;
        case ast::ExprKind::bool_lit:
            return types::bool_;
        case ast::ExprKind::void_lit:
            return types::void_;
        case ast::ExprKind::fstring:
            return check_fstring(expr.as<ast::FString>());
        case ast::ExprKind::name:
            return check_name(expr.as<ast::Name>());
        case ast::ExprKind::unary:
            return check_unary(expr.as<ast::Unary>());
        case ast::ExprKind::binary:
            return check_binary(expr.as<ast::Binary>());
        case ast::ExprKind::compare:
            return check_compare(expr.as<ast::Compare>());
        case ast::ExprKind::logical: {
            const auto& e = expr.as<ast::Logical>();
            TypeId lhs = check_condition(*e.lhs);
            TypeId rhs = check_condition(*e.rhs);
            if (lhs == types::error || rhs == types::error) return types::error;
            return types::bool_;
        }
        case ast::ExprKind::range: {
            const auto& e = expr.as<ast::RangeExpr>();
            TypeId lo = check_expr(*e.lo);
            TypeId hi = check_expr(*e.hi);
            bool ok = true;
            for (auto [type, bound] : {std::pair{lo, e.lo.get()}, std::pair{hi, e.hi.get()}}) {
                if (types().is_silent(type)) {
                    ok = false;
                } else if (type != types::int_ && type != types::any) {
                    error(
                        bound->range.begin,
                        fmt::format("the bounds of a range must be ints, got {}", type_name(type)));
                    ok = false;
                }
            }
            return ok ? types::range : types::error;
        }
        case ast::ExprKind::conditional:
            return check_conditional(expr.as<ast::Conditional>());
        case ast::ExprKind::call:
            return check_call(expr.as<ast::Call>());
        case ast::ExprKind::index:
            return check_index(expr.as<ast::Index>());
        case ast::ExprKind::slice:
            return check_slice(expr.as<ast::Slice>());
        case ast::ExprKind::member: {
            const auto& e = expr.as<ast::Member>();
            // A module's function used without a call (stdlib), else a field.
            if (auto t = check_std_member(e)) return *t;
            return check_member(e);
        }
        case ast::ExprKind::tuple:
        case ast::ExprKind::list:
        case ast::ExprKind::set:
        case ast::ExprKind::dict:
            return check_display(expr);
        case ast::ExprKind::comprehension:
            return check_comprehension(expr.as<ast::Comprehension>());
        case ast::ExprKind::lambda:
            return check_lambda(expr.as<ast::Lambda>());
        case ast::ExprKind::chan_new:
            return check_chan_new(expr.as<ast::ChanNew>());
    }
    return types::error;
}

TypeId Checker::unsupported(Loc loc, const std::string& what) {
    error(loc, what);
    return types::error;
}

// A condition is a bool, or truthy (LANGUAGE.md 2); every type of this version is.
TypeId Checker::check_condition(const ast::Expr& expr) {
    return check_expr(expr);
}

TypeId Checker::check_name(const ast::Name& name) {
    Resolved r = resolve(name.id, name.range.begin);
    switch (r.kind) {
        case Resolved::Kind::variable:
            frame().body->vars[&name] = r.var;
            return read_variable(r.var);
        case Resolved::Kind::function:
            return function_ref(name, *r.function);
        case Resolved::Kind::builtin:
        case Resolved::Kind::unsupported_builtin:
            return unsupported(
                name.range.begin,
                fmt::format("'{}' is a builtin function; it can only be called", name.id));
        case Resolved::Kind::reported:
            return types::error;
        case Resolved::Kind::class_:
            return constructor_value(name, *r.cls);
        case Resolved::Kind::none:
            if (auto t = check_module_name(name)) return *t;
            break;
    }
    return unsupported(name.range.begin, fmt::format("unknown name '{}'", name.id));
}

TypeId Checker::check_unary(const ast::Unary& unary) {
    if (unary.op == ast::UnaryOp::not_) {
        return check_condition(*unary.operand) == types::error ? types::error : types::bool_;
    }
    TypeId t = check_expr(*unary.operand);
    if (types().is_silent(t) || t == types::any) return t;
    if (unary.op == ast::UnaryOp::bit_not ? t == types::int_ : types().is_numeric(t)) return t;
    return unsupported(unary.range.begin, fmt::format("cannot apply unary '{}' to {}",
                                                      ast::spelling(unary.op), type_name(t)));
}

// then_value if cond else else_value: the join of the two branches.
TypeId Checker::check_conditional(const ast::Conditional& cond) {
    TypeId then_type = check_expr(*cond.then_value);
    TypeId c = check_condition(*cond.cond);
    TypeId else_type = check_expr(*cond.else_value);
    if (c == types::error) return types::error;
    TypeId joined = types().join(then_type, else_type);
    if (joined == types::any && then_type != types::any && else_type != types::any) {
        note_any(cond.range.begin, fmt::format("the two branches of this conditional have "
                                               "different types ({} and {})",
                                               type_name(then_type), type_name(else_type)));
    }
    return joined;
}

TypeId Checker::check_fstring(const ast::FString& fstring) {
    bool failed = false;
    for (const ast::FStringPiece& piece : fstring.pieces) {
        if (piece.expr && check_expr(*piece.expr) == types::error) failed = true;
    }
    return failed ? types::error : types::string;
}

bool Checker::check_conversion(TypeId value_type, TypeId target, const ast::Expr& value,
                               const std::string& what) {
    if (types().is_generic_function(value_type) && types().kind(target) == TypeKind::function) {
        teach_site(value_type, types().info(target).args, true);
    }
    learn_element_from(value_type, target);
    if (mentions_interface(target)) return check_interface_value(value_type, target, value, what);
    if (types().convertible(value_type, target)) {
        // A variable holding an empty literal takes the type it is first used as.
        if (types().has_pending(value_type)) refine_receiver(value, target);
        return true;
    }
    std::string hint;
    if (converts_fresh(value_type, target, value, hint)) {
        if (types().has_pending(value_type)) refine_receiver(value, target);
        return true;
    }
    if (target == types::int_ && value_type == types::float_) hint = " (convert it with int(...))";
    if (target == types::string) hint = " (convert it with str(...))";
    error(value.range.begin, fmt::format("type mismatch{}: expected {}, got {}{}", what,
                                         type_name(target), type_name(value_type), hint));
    return false;
}

std::string Checker::a_type(TypeId t) const {
    if (t == types::void_) return "void";
    const std::string name = type_name(t);
    const bool vowel = name.find_first_of("aeiou") == 0;
    return (vowel ? "an " : "a ") + name;
}

// ---------------------------------------------------------------------------------------
// Diagnostics: buffered in the current pass (only the last pass's are kept), or straight
// to the sink when no body is being checked (signatures).

void Checker::error(Loc loc, std::string message) {
    if (frames_.empty()) {
        sink_.error(loc, std::move(message));
    } else {
        frame().diags.push_back(Diagnostic{Severity::error, loc, std::move(message)});
    }
}

void Checker::warning(Loc loc, std::string message) {
    if (frames_.empty()) {
        sink_.warning(loc, std::move(message));
    } else {
        frame().diags.push_back(Diagnostic{Severity::warning, loc, std::move(message)});
    }
}

void Checker::note(Loc loc, std::string message) {
    if (frames_.empty()) {
        sink_.note(loc, std::move(message));
    } else {
        frame().diags.push_back(Diagnostic{Severity::note, loc, std::move(message)});
    }
}

void Checker::note_any(Loc loc, std::string why) {
    if (frames_.empty() || frame().check_only) return;
    frame().any_sites.push_back(AnySite{loc, std::move(why)});
}

}  // namespace pyro2cpp::sema::detail
