// Emitting the collection types and expressions (docs/internals/runtime-contract.md, "Data
// model"): C++ type names, displays, indexing, slicing, comprehensions, membership, and the
// conversions at typed boundaries that involve `any` or an empty literal.
//
// A type with an empty literal's unknown element (pending) is spelled with pyro::Any there:
// sema found no use that fixes it (LANGUAGE.md 9).
#include <fmt/format.h>

#include "emit/emitter.hpp"

namespace pyro2cpp::emit::detail {

using sema::TypeId;
using sema::TypeKind;
namespace types = sema::types;

namespace {

std::string join_types(const sema::TypeTable& table, const std::vector<TypeId>& args) {
    std::string out;
    for (std::size_t i = 0; i < args.size(); ++i) {
        if (i > 0) out += ", ";
        out += cpp_type(table, args[i]);
    }
    return out;
}

TypeId element_of(const sema::TypeTable& table, TypeId type, std::size_t i = 0) {
    const auto& args = table.info(type).args;
    if (i >= args.size() || args[i] == types::pending) return types::any;
    return args[i];
}

std::string receiver(const Ctx& ctx, const ast::Expr& e) {
    return parenthesize(emit_value(ctx, e), prec_primary);
}

bool is_empty_literal(const ast::Expr& e) {
    switch (e.kind) {
        case ast::ExprKind::list:
            return e.as<ast::ListExpr>().elements.empty();
        case ast::ExprKind::set:
            return e.as<ast::SetExpr>().elements.empty();
        case ast::ExprKind::dict:
            return e.as<ast::DictExpr>().entries.empty();
        default:
            return false;
    }
}

}  // namespace

std::string cpp_data_type(const sema::TypeTable& table, TypeId type) {
    if (type == types::pending) return "pyro::Any";
    const sema::TypeInfo& info = table.info(type);
    switch (info.kind) {
        case TypeKind::list:
            return fmt::format("pyro::{}<{}>", info.is_mut ? "ListMut" : "List",
                               join_types(table, info.args));
        case TypeKind::set:
            return fmt::format("pyro::{}<{}>", info.is_mut ? "SetMut" : "Set",
                               join_types(table, info.args));
        case TypeKind::dict:
            return fmt::format("pyro::{}<{}>", info.is_mut ? "DictMut" : "Dict",
                               join_types(table, info.args));
        case TypeKind::tuple:
            return fmt::format("pyro::{}<{}>", info.is_mut ? "TupleMut" : "Tuple",
                               join_types(table, info.args));
        default:
            return "/* " + table.name(type) + " */ void";
    }
}

Cpp emit_display(const Ctx& ctx, const ast::Expr& expr, TypeId target) {
    const sema::TypeTable& table = ctx.program.types;
    if (expr.kind == ast::ExprKind::comprehension) {
        return emit_comprehension(ctx, expr.as<ast::Comprehension>());
    }
    const std::string type = cpp_type(table, target);
    auto items = [&](const std::vector<ast::ExprPtr>& elements, TypeId element) {
        std::string out;
        for (std::size_t i = 0; i < elements.size(); ++i) {
            if (i > 0) out += ", ";
            out += emit_as(ctx, *elements[i], element, true);
        }
        return out;
    };
    switch (expr.kind) {
        case ast::ExprKind::list:
            return {type + "{" +
                    items(expr.as<ast::ListExpr>().elements, element_of(table, target)) + "}"};
        case ast::ExprKind::set:
            return {type + "{" +
                    items(expr.as<ast::SetExpr>().elements, element_of(table, target)) + "}"};
        case ast::ExprKind::tuple: {
            const auto& elements = expr.as<ast::TupleExpr>().elements;
            std::string out;
            for (std::size_t i = 0; i < elements.size(); ++i) {
                if (i > 0) out += ", ";
                out += emit_as(ctx, *elements[i], element_of(table, target, i), true);
            }
            return {type + "(" + out + ")"};
        }
        default: {
            std::string out;
            const TypeId key = element_of(table, target, 0);
            const TypeId value = element_of(table, target, 1);
            for (const ast::DictEntry& entry : expr.as<ast::DictExpr>().entries) {
                if (!out.empty()) out += ", ";
                out += "{" + emit_as(ctx, *entry.key, key, true) + ", " +
                       emit_as(ctx, *entry.value, value, true) + "}";
            }
            return {type + "{" + out + "}"};
        }
    }
}

Cpp emit_index(const Ctx& ctx, const ast::Index& index) {
    const sema::TypeTable& table = ctx.program.types;
    const TypeId object = ctx.body.type_of(*index.object);
    const std::string obj = receiver(ctx, *index.object);
    switch (table.kind(object)) {
        case TypeKind::string:
            return {"pyro::char_at(" + emit_value(ctx, *index.object).text + ", " +
                    emit_as(ctx, *index.index, types::int_, true) + ")"};
        case TypeKind::list:
        case TypeKind::range:
            return {obj + ".at(" + emit_as(ctx, *index.index, types::int_, true) + ")"};
        case TypeKind::dict:
            return {obj + ".at(" + emit_as(ctx, *index.index, element_of(table, object), true) +
                    ")"};
        case TypeKind::tuple: {
            const auto n = static_cast<std::int64_t>(table.info(object).args.size());
            if (auto i = sema::literal_index(*index.index)) {
                const std::int64_t at = *i < 0 ? *i + n : *i;
                return {fmt::format("{}.get<{}>()", obj, at)};
            }
            std::string text = "pyro::rt::index(pyro::Any(" + emit_value(ctx, *index.object).text +
                               "), " + emit_as(ctx, *index.index, types::int_, false) + ")";
            const TypeId result = ctx.body.type_of(index);
            if (result != types::any) {
                text = "pyro::rt::from_any<" + cpp_type(table, result) + ">(" + text + ")";
            }
            return {text};
        }
        default:
            return {"pyro::rt::index(" + emit_value(ctx, *index.object).text + ", " +
                    emit_as(ctx, *index.index, types::any, false) + ")"};
    }
}

Cpp emit_slice(const Ctx& ctx, const ast::Slice& slice) {
    const TypeId object = ctx.body.type_of(*slice.object);
    std::vector<std::string> bounds;
    for (const ast::Expr* b : {slice.lo.get(), slice.hi.get(), slice.step.get()}) {
        bounds.push_back(b == nullptr ? "pyro::rt::open" : emit_as(ctx, *b, types::int_, true));
    }
    if (slice.step == nullptr) bounds.pop_back();
    std::string args;
    for (const std::string& b : bounds)
        args += ", " + b;
    switch (ctx.program.types.kind(object)) {
        case TypeKind::string:
            return {"pyro::slice(" + emit_value(ctx, *slice.object).text + args + ")"};
        case TypeKind::list:
            return {receiver(ctx, *slice.object) + ".slice(" + args.substr(2) + ")"};
        case TypeKind::tuple:
            return {"pyro::rt::slice(pyro::Any(" + emit_value(ctx, *slice.object).text + ")" +
                    args + ")"};
        default:
            return {"pyro::rt::slice(" + emit_value(ctx, *slice.object).text + args + ")"};
    }
}

Cpp emit_membership(const Ctx& ctx, bool negated, const Cpp& element, const Cpp& container) {
    static_cast<void>(ctx);
    return {std::string(negated ? "!" : "") + "pyro::contains(" + container.text + ", " +
                element.text + ")",
            negated ? prec_unary : prec_primary};
}

std::optional<std::string> emit_data_conversion(const Ctx& ctx, const ast::Expr& expr,
                                                TypeId target, bool int_ok) {
    const sema::TypeTable& table = ctx.program.types;
    const TypeId source = ctx.body.type_of(expr);
    if (source == target || table.is_silent(target) || table.is_silent(source)) {
        return std::nullopt;
    }
    if (target == types::any) {
        if (is_int_literal(expr)) return "pyro::Any(" + emit_expr(ctx, expr, true).text + ")";
        return "pyro::Any(" + emit_value(ctx, expr, false).text + ")";
    }
    if (source == types::any) {
        return "pyro::rt::from_any<" + cpp_type(table, target) + ">(" +
               emit_value(ctx, expr, false).text + ")";
    }
    if (table.is_container(target) && table.has_pending(source)) {
        if (is_empty_literal(expr)) return cpp_type(table, target) + "{}";
        if (expr.kind == ast::ExprKind::list || expr.kind == ast::ExprKind::set ||
            expr.kind == ast::ExprKind::tuple || expr.kind == ast::ExprKind::dict) {
            return emit_display(ctx, expr, target).text;
        }
        if (expr.kind == ast::ExprKind::call) {
            // ListMutable([]), set(), SetMutable([]): a new empty collection of the target type.
            // A builtin's result with an unknown element is a new empty collection.
            auto it = ctx.body.calls.find(&expr.as<ast::Call>());
            if (it != ctx.body.calls.end() && it->second.builtin && !it->second.instance) {
                return cpp_type(table, target) + "()";
            }
        }
    }
    if (table.is_container(target) && table.is_container(source) && !table.has_pending(source)) {
        // A list<int> where a list<float> or list<any> is expected, or a fresh value where a
        // mutable kind is (sema: TypeTable::copies_into): a new container.
        if (expr.kind == ast::ExprKind::list || expr.kind == ast::ExprKind::tuple ||
            expr.kind == ast::ExprKind::set || expr.kind == ast::ExprKind::dict) {
            return emit_display(ctx, expr, target).text;
        }
        return "pyro::rt::convert_elements<" + cpp_type(table, target) + ">(" +
               emit_value(ctx, expr, false).text + ")";
    }
    static_cast<void>(int_ok);
    return std::nullopt;
}

}  // namespace pyro2cpp::emit::detail

namespace pyro2cpp::emit::detail {

bool data_can_fail(const Ctx& ctx, const ast::Expr& expr, bool& fails) {
    auto type = [&](const ast::Expr& e) { return ctx.body.type_of(e); };
    auto any_of = [&](const auto& exprs) {
        for (const auto& e : exprs) {
            if (can_fail(ctx, *e)) return true;
        }
        return false;
    };
    switch (expr.kind) {
        case ast::ExprKind::index:
        case ast::ExprKind::slice:
        case ast::ExprKind::comprehension:
            fails = true;  // bad index, missing key, zero step; a comprehension calls things
            return true;
        case ast::ExprKind::list:
            fails = any_of(expr.as<ast::ListExpr>().elements);
            return true;
        case ast::ExprKind::tuple:
            fails = any_of(expr.as<ast::TupleExpr>().elements);
            return true;
        case ast::ExprKind::set:
            fails = any_of(expr.as<ast::SetExpr>().elements);
            return true;
        case ast::ExprKind::dict:
            fails = false;
            for (const ast::DictEntry& entry : expr.as<ast::DictExpr>().entries) {
                fails = fails || can_fail(ctx, *entry.key) || can_fail(ctx, *entry.value);
            }
            return true;
        case ast::ExprKind::binary: {
            // Operations on any are checked when they run; list * n may overflow.
            const auto& e = expr.as<ast::Binary>();
            if (type(*e.lhs) == types::any || type(*e.rhs) == types::any ||
                ctx.program.types.is_container(type(expr))) {
                fails = true;
                return true;
            }
            return false;
        }
        case ast::ExprKind::unary:
            if (type(*expr.as<ast::Unary>().operand) == types::any) {
                fails = true;
                return true;
            }
            return false;
        case ast::ExprKind::compare:
            for (const auto& o : expr.as<ast::Compare>().operands) {
                if (type(*o) == types::any) {
                    fails = true;
                    return true;
                }
            }
            return false;
        default:
            return false;
    }
}

bool data_stmt_can_fail(const Ctx& ctx, const ast::Stmt& stmt) {
    auto from_any = [&](const ast::Expr& value, TypeId target) {
        return ctx.body.type_of(value) == types::any && target != types::any;
    };
    switch (stmt.kind) {
        case ast::StmtKind::let: {
            const auto& let = stmt.as<ast::LetStmt>();
            if (let.names.size() != 1) return true;  // a list of the wrong length, an any
            const sema::VarRef ref = ctx.body.decls.at(sema::DeclKey{&let, 0});
            return from_any(*let.value, ctx.program.variable(ctx.body, ref).type);
        }
        case ast::StmtKind::assign: {
            const auto& assign = stmt.as<ast::AssignStmt>();
            if (assign.target->kind != ast::ExprKind::name) return true;
            const sema::VarRef ref = ctx.body.vars.at(assign.target.get());
            return from_any(*assign.value, ctx.program.variable(ctx.body, ref).type);
        }
        case ast::StmtKind::aug_assign:
            return ctx.body.type_of(*stmt.as<ast::AugAssignStmt>().target) == types::any;
        case ast::StmtKind::for_: {
            const auto& loop = stmt.as<ast::ForStmt>();
            const TypeId iter = ctx.body.type_of(*loop.iter);
            if (iter == types::any) return true;
            // `for a, b in xs` over lists: each element's length is checked.
            const bool unpacks = loop.target.names.size() > 1 || loop.target.parenthesized_tuple;
            return unpacks &&
                   ctx.program.types.kind(element_of(ctx.program.types, iter)) != TypeKind::tuple;
        }
        case ast::StmtKind::return_: {
            const auto& ret = stmt.as<ast::ReturnStmt>();
            return ret.value && ctx.instance != nullptr &&
                   from_any(*ret.value, ctx.instance->result);
        }
        default:
            return false;
    }
}

}  // namespace pyro2cpp::emit::detail
