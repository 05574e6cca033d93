// Emitting the methods of collections and strings (members of the runtime's containers;
// free functions in pyro:: for strings), method calls on `any` (pyro::rt::call_method), and
// the builtins of LANGUAGE.md 5.5 on collections (pyro::abs, pyro::sorted, ...).
//
// Arguments convert to what the method stores (an element, a key, a value) as at any typed
// boundary, so `xs.push(1)` on a list_mut<float> pushes `1.0`.
#include <fmt/format.h>

#include <map>

#include "emit/emitter.hpp"

namespace pyro2cpp::emit::detail {

using sema::TypeId;
using sema::TypeKind;
namespace types = sema::types;

namespace {

std::string join_args(const std::vector<std::string>& args) {
    std::string out;
    for (std::size_t i = 0; i < args.size(); ++i) {
        if (i > 0) out += ", ";
        out += args[i];
    }
    return out;
}

TypeId arg_of(const sema::TypeTable& table, TypeId type, std::size_t i) {
    const auto& args = table.info(type).args;
    if (i >= args.size() || args[i] == types::pending) return types::any;
    return args[i];
}

// map(f, xs) / filter(f, xs) with a function value: the value itself when it takes the
// element type as it is, else wrapped in a lambda that converts each element.
Cpp emit_map_value(const Ctx& ctx, const ast::Call& call, sema::Builtin builtin) {
    const sema::TypeTable& table = ctx.program.types;
    const char* head = builtin == sema::Builtin::map ? "pyro::map(" : "pyro::filter(";
    const ast::Expr& fexpr = *call.args[0];
    if (fexpr.kind == ast::ExprKind::name && ctx.body.vars.count(&fexpr) == 0 &&
        ctx.body.calls.count(&fexpr) == 0) {  // (a constructor named directly is a value)
        // A builtin named directly (map(str, xs)): sema left the name unchecked.
        static const std::map<std::string, std::string> callees{
            {"str", "pyro::str"},    {"type", "pyro::type"},      {"bool", "pyro::to_bool"},
            {"int", "pyro::to_int"}, {"float", "pyro::to_float"}, {"len", "pyro::len"},
            {"abs", "pyro::abs"},    {"chr", "pyro::chr"},        {"ord", "pyro::ord"}};
        const std::string& id = fexpr.as<ast::Name>().id;
        std::string x = "pyro_x";
        const TypeId element =
            table.iter_element(ctx.body.type_of(*call.args[1])).value_or(types::any);
        if (element == types::any && (id == "chr" || id == "ord")) {
            x = fmt::format("pyro::rt::from_any<{}>(pyro_x)",
                            id == "chr" ? "pyro::Int" : "pyro::Str");
        }
        return {fmt::format("{}[](const auto& pyro_x) {{ return {}({}); }}, {})", head,
                            callees.at(id), x, emit_value(ctx, *call.args[1]).text)};
    }
    const TypeId fn = ctx.body.type_of(*call.args[0]);
    const TypeId element = table.iter_element(ctx.body.type_of(*call.args[1])).value_or(types::any);
    std::string f = emit_value(ctx, *call.args[0]).text;
    if (table.kind(fn) == TypeKind::function) {
        const TypeId param = table.info(fn).args[0];
        std::string x = "pyro_x";
        if (param == types::any && element != types::any) {
            x = "pyro::Any(pyro_x)";
        } else if (element == types::any && param != types::any) {
            x = "pyro::rt::from_any<" + cpp_type(table, param) + ">(pyro_x)";
        } else if (param == types::float_ && element == types::int_) {
            x = "pyro::to_float(pyro_x)";
        }
        if (x != "pyro_x") {
            f = fmt::format("[pyro_f = {}](const {}& pyro_x) {{ return pyro_f({}); }}", f,
                            cpp_type(table, element), x);
        }
    }
    return {std::string(builtin == sema::Builtin::map ? "pyro::map(" : "pyro::filter(") + f + ", " +
            emit_value(ctx, *call.args[1]).text + ")"};
}

}  // namespace

std::optional<Cpp> emit_method_call(const Ctx& ctx, const ast::Call& call) {
    const auto& member = call.callee->as<ast::Member>();
    const sema::TypeTable& table = ctx.program.types;
    const TypeId recv_type = ctx.body.type_of(*member.object);
    const TypeKind kind = table.kind(recv_type);
    if (!table.is_container(recv_type) && kind != TypeKind::string && kind != TypeKind::any) {
        return std::nullopt;
    }
    const std::string& name = member.name;
    const Cpp recv_value = emit_value(ctx, *member.object);
    if (kind == TypeKind::any) {
        std::string text = "pyro::rt::call_method(" + recv_value.text + ", " + c_string(name);
        for (const auto& arg : call.args)
            text += ", " + emit_value(ctx, *arg).text;
        return Cpp{text + ")"};
    }
    if (kind == TypeKind::string) {
        std::vector<std::string> args{recv_value.text};
        for (const auto& arg : call.args)
            args.push_back(emit_as(ctx, *arg, types::string, false));
        if (name == "join") {
            // sep.join(xs) is pyro::join(sep, xs): any iterable of strings.
            return Cpp{"pyro::join(" + recv_value.text + ", " +
                       emit_value(ctx, *call.args[0]).text + ")"};
        }
        return Cpp{"pyro::" + name + "(" + join_args(args) + ")"};
    }
    // Which type each argument converts to.
    std::vector<TypeId> wants(call.args.size(), types::error);
    const TypeId e0 = arg_of(table, recv_type, 0);
    if (kind == TypeKind::list) {
        if (name == "push" || name == "remove" || name == "contains" || name == "index") {
            wants[0] = e0;
        } else if (name == "insert") {
            wants = {types::int_, e0};
        }
    } else if (kind == TypeKind::set) {
        if (!wants.empty()) wants[0] = e0;
    } else if (kind == TypeKind::dict) {
        const TypeId v = arg_of(table, recv_type, 1);
        if (!wants.empty()) wants[0] = e0;
        if (wants.size() == 2) wants[1] = v;
    }
    std::vector<std::string> args;
    for (std::size_t i = 0; i < call.args.size(); ++i) {
        args.push_back(wants[i] == types::error ? emit_value(ctx, *call.args[i]).text
                                                : emit_as(ctx, *call.args[i], wants[i], true));
    }
    return Cpp{parenthesize(recv_value, prec_primary) + "." + name + "(" + join_args(args) + ")"};
}

Cpp emit_data_builtin(const Ctx& ctx, const ast::Call& call, sema::Builtin builtin) {
    const sema::TypeTable& table = ctx.program.types;
    const TypeId result = ctx.body.type_of(call);
    std::vector<std::string> args;
    auto values = [&] {
        for (const auto& arg : call.args)
            args.push_back(emit_value(ctx, *arg).text);
    };
    auto simple = [&](const char* callee) {
        values();
        return Cpp{std::string(callee) + "(" + join_args(args) + ")"};
    };
    switch (builtin) {
        case sema::Builtin::type:
            return simple("pyro::type");
        case sema::Builtin::input:
            return simple("pyro::input");
        case sema::Builtin::abs:
            return simple("pyro::abs");
        case sema::Builtin::sum:
            return simple("pyro::sum");
        case sema::Builtin::sorted:
            return simple("pyro::sorted");
        case sema::Builtin::reversed:
            return simple("pyro::reversed");
        case sema::Builtin::enumerate:
            return simple("pyro::enumerate");
        case sema::Builtin::zip:
            return simple("pyro::zip");
        case sema::Builtin::any_:
            return simple("pyro::any");
        case sema::Builtin::all:
            return simple("pyro::all");
        case sema::Builtin::list:
            return simple("pyro::list");
        case sema::Builtin::dict:
            return simple("pyro::dict");
        case sema::Builtin::tuple:
            if (result != types::any) return emit_value(ctx, *call.args[0]);
            return simple("pyro::tuple");
        case sema::Builtin::chr:
            return {"pyro::chr(" + emit_as(ctx, *call.args[0], types::int_, true) + ")"};
        case sema::Builtin::ord:
            return {"pyro::ord(" + emit_as(ctx, *call.args[0], types::string, false) + ")"};
        case sema::Builtin::min:
        case sema::Builtin::max: {
            const char* callee = builtin == sema::Builtin::min ? "pyro::min" : "pyro::max";
            if (call.args.size() == 1) return simple(callee);
            // Two or more values of one type: convert each to the join.
            for (const auto& arg : call.args)
                args.push_back(emit_as(ctx, *arg, result, false));
            return {std::string(callee) + "(" + join_args(args) + ")"};
        }
        case sema::Builtin::set:
            if (call.args.empty()) return {cpp_type(table, result) + "()"};
            return simple("pyro::set");
        case sema::Builtin::list_mutable:
        case sema::Builtin::set_mutable:
            // ListMutable([]): an empty one of the type its first use gave it.
            if (table.has_pending(ctx.body.type_of(*call.args[0]))) {
                return {cpp_type(table, result) + "()"};
            }
            return simple(builtin == sema::Builtin::list_mutable ? "pyro::list_mutable"
                                                                 : "pyro::set_mutable");
        case sema::Builtin::dict_mutable:
            if (table.has_pending(ctx.body.type_of(*call.args[0]))) {
                return {cpp_type(table, result) + "()"};
            }
            return simple("pyro::dict_mutable");
        case sema::Builtin::tuple_mutable:
            return simple("pyro::tuple_mutable");
        case sema::Builtin::map:
        case sema::Builtin::filter: {
            const sema::CallTarget& target = ctx.body.calls.at(&call);
            if (target.instance == nullptr) return emit_map_value(ctx, call, builtin);
            // A lambda picks the instance (the def may have several overloads).
            const sema::FunctionInstance& inst = *target.instance;
            const std::string param = cpp_type(table, inst.param_types[0]);
            if (inst.param_types.size() > 1) {
                // map(add, xs) with a def of several parameters: each element gives a
                // partial application (LANGUAGE.md 5.1).
                return {fmt::format(
                    "pyro::map([](const {}& pyro_x) {{ return "
                    "pyro::rt::partial({}, pyro_x); }}, {})",
                    param, function_ref(ctx, inst), emit_value(ctx, *call.args[1]).text)};
            }
            const std::string f =
                fmt::format("[](const {}& pyro_x) {{ return {}(pyro_x); }}", param, inst.cpp_name);
            return {std::string(builtin == sema::Builtin::map ? "pyro::map(" : "pyro::filter(") +
                    f + ", " + emit_value(ctx, *call.args[1]).text + ")"};
        }
        default:
            break;
    }
    return simple("/* builtin */");
}

}  // namespace pyro2cpp::emit::detail
