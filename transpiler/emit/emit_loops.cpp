// Emitting loops over collections, strings and any: `for` statements, comprehensions (an
// immediately called lambda that fills a std::vector and wraps it), and the loop headers
// both share, with tuple targets as structured bindings (`for k, v in d.items()`).
//
// Every collection is walked through pyro::rt::iter (a copy of the handle, a snapshot for
// sets and dicts), an any through pyro::rt::iterate; ranges keep their plain form.
#include <fmt/format.h>

#include "emit/emitter.hpp"

namespace pyro2cpp::emit::detail {

using sema::TypeId;
using sema::TypeKind;
namespace types = sema::types;

namespace {

std::string iterable_text(const Ctx& ctx, const ast::Expr& iter) {
    const TypeId type = ctx.body.type_of(iter);
    const std::string value = emit_value(ctx, iter).text;
    switch (ctx.program.types.kind(type)) {
        case TypeKind::range:
            return value;
        case TypeKind::any:
            return "pyro::rt::iterate(" + value + ")";
        case TypeKind::tuple: {
            // A tuple of mixed element types is walked as Anys.
            const auto& args = ctx.program.types.info(type).args;
            for (TypeId arg : args) {
                if (arg != args[0]) return "pyro::rt::iterate(pyro::Any(" + value + "))";
            }
            return "pyro::rt::iter(" + value + ")";
        }
        default:
            return "pyro::rt::iter(" + value + ")";
    }
}

const sema::Variable& declared(const Ctx& ctx, const void* node, std::uint32_t i) {
    return ctx.program.variable(ctx.body, ctx.body.decls.at(sema::DeclKey{node, i}));
}

}  // namespace

LoopHeader loop_header(const Ctx& ctx, const ast::Target& target, const void* node,
                       const ast::Expr& iter) {
    const sema::TypeTable& table = ctx.program.types;
    const std::string source = iterable_text(ctx, iter);
    LoopHeader out;
    const std::size_t n = target.names.size();
    if (n == 1 && !target.parenthesized_tuple) {
        const sema::Variable& var = declared(ctx, node, 0);
        std::string decl = var.read ? "" : "[[maybe_unused]] ";
        const std::string type = cpp_type(table, var.type);
        decl += var.reassigned || type == "pyro::Int" || type == "double" || type == "bool"
                    ? type + " " + var.cpp_name
                    : "const " + type + "& " + var.cpp_name;
        out.header = "for (" + decl + " : " + source + ")";
        return out;
    }
    bool any_unread = false;
    bool any_reassigned = false;
    for (std::uint32_t i = 0; i < n; ++i) {
        any_unread = any_unread || !declared(ctx, node, i).read;
        any_reassigned = any_reassigned || declared(ctx, node, i).reassigned;
    }
    // The element's type: a tuple unpacks with a structured binding.
    const TypeId iter_type = ctx.body.type_of(iter);
    TypeId element_type = types::any;
    if (table.is_container(iter_type) && !table.info(iter_type).args.empty()) {
        element_type = table.info(iter_type).args[0];
    }
    if (table.kind(element_type) == TypeKind::tuple) {
        std::string names;
        for (std::uint32_t i = 0; i < n; ++i) {
            if (i > 0) names += ", ";
            names += declared(ctx, node, i).cpp_name;
        }
        out.header = fmt::format("for ({}{} [{}] : {})", any_unread ? "[[maybe_unused]] " : "",
                                 any_reassigned ? "auto" : "const auto&", names, source);
        return out;
    }
    out.header = "for (const auto& pyro_item : " + source + ")";
    // A list or an any has its length only at run time.
    out.prelude.push_back(fmt::format("pyro::rt::check_unpack(pyro::len(pyro_item), {});", n));
    for (std::uint32_t i = 0; i < n; ++i) {
        const sema::Variable& var = declared(ctx, node, i);
        std::string read = table.kind(element_type) == TypeKind::list
                               ? fmt::format("pyro_item.at({})", i)
                               : fmt::format("pyro::rt::index(pyro_item, pyro::Int({}))", i);
        if (var.type != types::any && table.kind(element_type) != TypeKind::list) {
            read = "pyro::rt::from_any<" + cpp_type(table, var.type) + ">(" + read + ")";
        }
        out.prelude.push_back(fmt::format("{}{}{} {} = {};", var.read ? "" : "[[maybe_unused]] ",
                                          var.reassigned ? "" : "const ", cpp_type(table, var.type),
                                          var.cpp_name, read));
    }
    return out;
}

void emit_for_data(const Ctx& ctx, Writer& w, const ast::ForStmt& stmt, const std::string& prefix,
                   const std::string& comment) {
    LoopHeader h = loop_header(ctx, stmt.target, &stmt, *stmt.iter);
    w.line(prefix + h.header + " {" + comment);
    w.indent();
    for (const std::string& line : h.prelude)
        w.line(line);
    ctx.regions.push_back(Region{Region::Kind::loop, 0});
    emit_block(ctx, w, stmt.body);
    ctx.regions.pop_back();
    w.dedent();
    w.line("}");
}

Cpp emit_comprehension(const Ctx& ctx, const ast::Comprehension& comp) {
    const sema::TypeTable& table = ctx.program.types;
    const TypeId type = ctx.body.type_of(comp);
    const auto& args = table.info(type).args;
    auto arg = [&](std::size_t i) {
        return i < args.size() && args[i] != types::pending ? args[i] : types::any;
    };
    std::string text = "[&] { ";
    std::string add;
    std::string result;
    switch (comp.comp) {
        case ast::CompKind::list:
        case ast::CompKind::set:
            text += "std::vector<" + cpp_type(table, arg(0)) + "> pyro_items; ";
            add = "pyro_items.push_back(" + emit_as(ctx, *comp.element, arg(0), true) + ");";
            result = cpp_type(table, type) + "(std::move(pyro_items))";
            break;
        case ast::CompKind::dict: {
            const TypeId mut = table.container(TypeKind::dict, {arg(0), arg(1)}, true);
            text += cpp_type(table, mut) + " pyro_items; ";
            add = "pyro_items.set(" + emit_as(ctx, *comp.key, arg(0), true) + ", " +
                  emit_as(ctx, *comp.element, arg(1), true) + ");";
            result = "pyro_items.snapshot()";
            break;
        }
    }
    std::string closing;
    for (const ast::CompClause& clause : comp.clauses) {
        LoopHeader h = loop_header(ctx, clause.target, &clause, *clause.iter);
        text += h.header + " { ";
        for (const std::string& line : h.prelude)
            text += line + " ";
        closing += "} ";
        for (const auto& cond : clause.conditions) {
            text += "if (" + emit_condition(ctx, *cond).text + ") { ";
            closing += "} ";
        }
    }
    text += add + " " + closing + "return " + result + "; }()";
    return {text};
}

}  // namespace pyro2cpp::emit::detail
