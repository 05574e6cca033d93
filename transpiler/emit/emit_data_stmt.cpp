// Emitting the statements of the data model: unpacking (`let x, y = p`, `a, b = b, a`) and
// element assignment (`xs[i] = v` -> `xs.set(i, v)`, `t[1] = v` -> `t.set<1>(v)`, through
// an any `pyro::rt::set_index`), also compound (`d[k] += 1`).
//
// An unpacking assignment evaluates the whole value first, into temporaries, then assigns
// the targets left to right (so `a, b = b, a` swaps), inside a block of its own.
#include <fmt/format.h>

#include "emit/emitter.hpp"

namespace pyro2cpp::emit::detail {

using sema::TypeId;
using sema::TypeKind;
namespace types = sema::types;

namespace {

TypeId arg_of(const sema::TypeTable& table, TypeId type, std::size_t i) {
    const auto& args = table.info(type).args;
    if (i >= args.size() || args[i] == types::pending) return types::any;
    return args[i];
}

// The slot of `t[i]` on a tuple when i is a constant (else the store goes through
// pyro::rt::tuple_set, which picks the slot when it runs).
std::optional<std::int64_t> tuple_slot(const Ctx& ctx, const ast::Index& target) {
    const TypeId object = ctx.body.type_of(*target.object);
    const auto n = static_cast<std::int64_t>(ctx.program.types.info(object).args.size());
    const std::optional<std::int64_t> at = sema::literal_index(*target.index);
    if (!at) return std::nullopt;
    return *at < 0 ? *at + n : *at;
}

// The one element type of a tuple's slots, or any when they differ.
TypeId common_slot(const sema::TypeTable& table, TypeId tuple) {
    const std::size_t n = table.info(tuple).args.size();
    TypeId common = n == 0 ? types::any : arg_of(table, tuple, 0);
    for (std::size_t i = 1; i < n; ++i) {
        if (arg_of(table, tuple, i) != common) common = types::any;
    }
    return common;
}

// `object[index] = value_text` (value already of the element's C++ type, or convertible).
std::string element_store(const Ctx& ctx, const ast::Index& target, const std::string& key,
                          const std::string& value) {
    const sema::TypeTable& table = ctx.program.types;
    const TypeId object = ctx.body.type_of(*target.object);
    const std::string obj = parenthesize(emit_value(ctx, *target.object), prec_primary);
    if (table.kind(object) == TypeKind::tuple) {
        if (const auto slot = tuple_slot(ctx, target)) {
            return fmt::format("{}.set<{}>({});", obj, *slot, value);
        }
        return fmt::format("pyro::rt::tuple_set({}, {}, {});", emit_value(ctx, *target.object).text,
                           key, value);
    }
    if (object == types::any) {
        return fmt::format("pyro::rt::set_index({}, {}, {});", obj, key, value);
    }
    return fmt::format("{}.set({}, {});", obj, key, value);
}

// The key of `object[index]` as the container takes it.
std::string element_key(const Ctx& ctx, const ast::Index& target) {
    const sema::TypeTable& table = ctx.program.types;
    const TypeId object = ctx.body.type_of(*target.object);
    switch (table.kind(object)) {
        case TypeKind::list:
            return emit_as(ctx, *target.index, types::int_, true);
        case TypeKind::dict:
            return emit_as(ctx, *target.index, arg_of(table, object, 0), true);
        case TypeKind::tuple:
            return emit_as(ctx, *target.index, types::int_, false);
        default:
            return emit_as(ctx, *target.index, types::any, false);
    }
}

// The element type a store into `target` converts its value to.
TypeId element_type(const Ctx& ctx, const ast::Index& target) {
    const sema::TypeTable& table = ctx.program.types;
    const TypeId object = ctx.body.type_of(*target.object);
    switch (table.kind(object)) {
        case TypeKind::list:
            return arg_of(table, object, 0);
        case TypeKind::dict:
            return arg_of(table, object, 1);
        case TypeKind::tuple:
            if (const auto slot = tuple_slot(ctx, target)) {
                return arg_of(table, object, static_cast<std::size_t>(*slot));
            }
            return common_slot(table, object);
        default:
            return types::any;
    }
}

// Part i of an unpacked value held in `temp` of type `type`, as `want`.
std::string part(const sema::TypeTable& table, const std::string& temp, TypeId type, std::size_t i,
                 TypeId want) {
    switch (table.kind(type)) {
        case TypeKind::tuple: {
            const std::string text = fmt::format("{}.get<{}>()", temp, i);
            const TypeId have = arg_of(table, type, i);
            if (want == types::any && have != types::any) return "pyro::Any(" + text + ")";
            if (want == types::float_ && have == types::int_) return "pyro::to_float(" + text + ")";
            return text;
        }
        case TypeKind::list: {
            const std::string text = fmt::format("{}.at({})", temp, i);
            const TypeId have = arg_of(table, type, 0);
            if (want == types::any && have != types::any) return "pyro::Any(" + text + ")";
            if (want != types::any && have == types::any) {
                return "pyro::rt::from_any<" + cpp_type(table, want) + ">(" + text + ")";
            }
            if (want == types::float_ && have == types::int_) return "pyro::to_float(" + text + ")";
            return text;
        }
        default: {
            const std::string text = fmt::format("pyro::rt::index({}, pyro::Int({}))", temp, i);
            if (want == types::any) return text;
            return "pyro::rt::from_any<" + cpp_type(table, want) + ">(" + text + ")";
        }
    }
}

std::string unpack_temp(const ast::Stmt& stmt) {
    return fmt::format("pyro_unpack_{}", stmt.range.begin.line);
}

// The element `pyro_object[pyro_key]` of a compound assignment (the block's temporaries) in
// C++: how it is read, and its store up to the new value (which ");" closes). A tuple with a
// constant index takes its slot and needs no key.
struct AugElement {
    std::string read;
    std::string store_open;
    bool keyed = true;
};

AugElement aug_element(const Ctx& ctx, const ast::Index& target, TypeId element) {
    const TypeId object = ctx.body.type_of(*target.object);
    if (object == types::any) {
        return {"pyro::rt::index(pyro_object, pyro_key)",
                "pyro::rt::set_index(pyro_object, pyro_key, "};
    }
    if (ctx.program.types.kind(object) != TypeKind::tuple) {
        return {"pyro_object.at(pyro_key)", "pyro_object.set(pyro_key, "};
    }
    if (const auto slot = tuple_slot(ctx, target)) {
        const std::string n = std::to_string(*slot);
        return {"pyro_object.get<" + n + ">()", "pyro_object.set<" + n + ">(", false};
    }
    std::string read = "pyro::rt::index(pyro::Any(pyro_object), pyro_key)";
    if (element != types::any) {
        read = "pyro::rt::from_any<" + cpp_type(ctx.program.types, element) + ">(" + read + ")";
    }
    return {read, "pyro::rt::tuple_set(pyro_object, pyro_key, "};
}

}  // namespace

void emit_let_unpack(const Ctx& ctx, Writer& w, const ast::LetStmt& let, const std::string& prefix,
                     const std::string& comment) {
    const sema::TypeTable& table = ctx.program.types;
    const TypeId type = ctx.body.type_of(*let.value);
    const std::string temp = unpack_temp(let);
    w.line(prefix + "const " + cpp_type(table, type) + " " + temp + " = " +
           emit_value(ctx, *let.value).text + ";" + comment);
    if (table.kind(type) != TypeKind::tuple) {
        // A list (or an any) has its length only at run time.
        w.line(fmt::format("pyro::rt::check_unpack(pyro::len({}), {});", temp, let.names.size()));
    }
    for (std::size_t i = 0; i < let.names.size(); ++i) {
        const sema::VarRef ref =
            ctx.body.decls.at(sema::DeclKey{&let, static_cast<std::uint32_t>(i)});
        const sema::Variable& var = ctx.program.variable(ctx.body, ref);
        if (ref.global) {
            // Declared at namespace scope (module-level names); set here, in order.
            w.line(var.cpp_name + " = " + part(table, temp, type, i, var.type) + ";");
            if (var.check_set) w.line(set_flag(var) + " = true;");
            continue;
        }
        std::string decl = var.read ? "" : "[[maybe_unused]] ";
        if (!var.is_mut && !var.reassigned) decl += "const ";
        if (var.in_cell()) {
            // Captured by a closure and reassigned: shared with the closure (emit_func.cpp).
            w.line(decl + "pyro::rt::Cell<" + cpp_type(table, var.type) + "> " + var.cpp_name +
                   "(" + part(table, temp, type, i, var.type) + ");");
            continue;
        }
        w.line(decl + cpp_type(table, var.type) + " " + var.cpp_name + " = " +
               part(table, temp, type, i, var.type) + ";");
    }
}

void emit_assign_data(const Ctx& ctx, Writer& w, const ast::AssignStmt& assign,
                      const std::string& prefix, const std::string& comment) {
    const sema::TypeTable& table = ctx.program.types;
    if (assign.target->kind == ast::ExprKind::index) {
        const auto& target = assign.target->as<ast::Index>();
        const std::string value = emit_as(ctx, *assign.value, element_type(ctx, target), true);
        w.line(prefix + element_store(ctx, target, element_key(ctx, target), value) + comment);
        return;
    }
    // Unpacking: the parts into temporaries, then each target.
    const auto& targets = assign.target->as<ast::TupleExpr>().elements;
    auto target_type = [&](const ast::Expr& t) {
        if (t.kind == ast::ExprKind::index) return element_type(ctx, t.as<ast::Index>());
        return ctx.program.variable(ctx.body, ctx.body.vars.at(&t)).type;
    };
    w.line(prefix + "{" + comment);
    w.indent();
    std::vector<std::string> temps;
    if (assign.value->kind == ast::ExprKind::tuple &&
        assign.value->as<ast::TupleExpr>().elements.size() == targets.size()) {
        const auto& parts = assign.value->as<ast::TupleExpr>().elements;
        for (std::size_t i = 0; i < parts.size(); ++i) {
            const TypeId want = target_type(*targets[i]);
            temps.push_back(fmt::format("pyro_part{}", i));
            w.line("const " + cpp_type(table, want) + " " + temps.back() + " = " +
                   emit_as(ctx, *parts[i], want, true) + ";");
        }
    } else {
        const TypeId type = ctx.body.type_of(*assign.value);
        w.line("const " + cpp_type(table, type) +
               " pyro_value = " + emit_value(ctx, *assign.value).text + ";");
        if (table.kind(type) != TypeKind::tuple) {
            w.line(
                fmt::format("pyro::rt::check_unpack(pyro::len(pyro_value), {});", targets.size()));
        }
        for (std::size_t i = 0; i < targets.size(); ++i) {
            const TypeId want = target_type(*targets[i]);
            temps.push_back(fmt::format("pyro_part{}", i));
            w.line("const " + cpp_type(table, want) + " " + temps.back() + " = " +
                   part(table, "pyro_value", type, i, want) + ";");
        }
    }
    for (std::size_t i = 0; i < targets.size(); ++i) {
        const ast::Expr& t = *targets[i];
        if (t.kind == ast::ExprKind::index) {
            const auto& index = t.as<ast::Index>();
            w.line(element_store(ctx, index, element_key(ctx, index), temps[i]));
            continue;
        }
        const sema::VarRef ref = ctx.body.vars.at(&t);
        const sema::Variable& var = ctx.program.variable(ctx.body, ref);
        w.line(var.in_cell() ? var.cpp_name + ".set(" + temps[i] + ");"
                             : var_text(ctx, ref) + " = " + temps[i] + ";");
        if (var.check_set) w.line(set_flag(var) + " = true;");
    }
    w.dedent();
    w.line("}");
}

void emit_aug_assign_element(const Ctx& ctx, Writer& w, const ast::AugAssignStmt& aug,
                             const std::string& prefix, const std::string& comment) {
    const auto& target = aug.target->as<ast::Index>();
    const TypeId element = element_type(ctx, target);
    // The key once, in a temporary; the container by name (a handle: copying it is cheap).
    w.line(prefix + "{" + comment);
    w.indent();
    const AugElement access = aug_element(ctx, target, element);
    w.line("const auto pyro_object = " + emit_value(ctx, *target.object).text + ";");
    if (access.keyed) w.line("const auto pyro_key = " + element_key(ctx, target) + ";");
    const std::string& current = access.read;
    const TypeId value_type = ctx.body.type_of(*aug.value);
    std::string value = emit_as(ctx, *aug.value, value_type, true);
    std::string combined;
    if (aug.op == ast::BinaryOp::pow) {
        combined = "pyro::rt::pow(" + current + ", " + value + ")";
    } else if (aug.op == ast::BinaryOp::mod && element == types::float_) {
        combined = "pyro::rt::mod(" + current + ", " + value + ")";
    } else {
        if (is_int_literal(*aug.value) && element != types::int_) {
            value = emit_as(ctx, *aug.value, value_type, false);
        }
        combined = current + " " + ast::spelling(aug.op) + " " + value;
    }
    if (element == types::any) combined = "pyro::Any(" + combined + ")";
    // The result type of `element op value` may be wider (int += float): sema checked it fits.
    w.line(access.store_open + combined + ");");
    w.dedent();
    w.line("}");
}

}  // namespace pyro2cpp::emit::detail
