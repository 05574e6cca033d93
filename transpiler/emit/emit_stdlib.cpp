// Emitting the standard library (docs/internals/runtime-contract.md, "Standard library"):
// the `#include <pyro/std/NAME.hpp>` of each imported module, calls (`math.sqrt(x)` and
// `std.math.sqrt(x)` are both `pyro::math::sqrt(x)`; a WaitGroup's `add(1)` is `wg.add(1)`),
// and the C++ spelling of the types the library's functions take and return: lists and dicts
// of the data model, and the library's objects.
//
// An argument whose static type is `any` is converted to the parameter's C++ type with the
// runtime's checked conversion, so a wrong value raises `type mismatch: ...` at the call.
#include <fmt/format.h>

#include "emit/emitter.hpp"

namespace pyro2cpp::emit::detail {

using sema::StdParam;
using sema::TypeId;
namespace types = sema::types;

std::string std_includes(const sema::Program& program) {
    std::string out;
    for (const std::string& module : program.std_imports)
        out += "#include <pyro/std/" + module + ".hpp>\n";
    return out;
}

std::string container_cpp_type(const sema::TypeTable& types, TypeId type) {
    const sema::TypeInfo& info = types.info(type);
    switch (info.kind) {
        case sema::TypeKind::list:
            return fmt::format("pyro::{}<{}>", info.is_mut ? "ListMut" : "List",
                               cpp_type(types, info.args.at(0)));
        case sema::TypeKind::dict:
            return fmt::format("pyro::{}<{}, {}>", info.is_mut ? "DictMut" : "Dict",
                               cpp_type(types, info.args.at(0)), cpp_type(types, info.args.at(1)));
        default:
            return "";
    }
}

namespace {

// The C++ type an `any` argument is converted to; empty: the runtime takes the Any itself.
const char* any_target(StdParam p) {
    switch (p) {
        case StdParam::number:
            return "double";
        case StdParam::int_:
            return "pyro::Int";
        case StdParam::string:
        case StdParam::strings:
            return "pyro::Str";
        case StdParam::string_list:
            return "pyro::List<pyro::Str>";
        case StdParam::value:
        case StdParam::list:
        case StdParam::list_mut:
            return "";
    }
    return "";
}

std::string std_argument(const Ctx& ctx, const ast::Expr& arg, StdParam p) {
    const sema::TypeTable& table = ctx.program.types;
    const TypeId type = ctx.body.type_of(arg);
    const char* target = any_target(p);
    if (type == types::any && *target != '\0') {
        return fmt::format("pyro::rt::from_any<{}>({})", target, emit_value(ctx, arg).text);
    }
    if (p == StdParam::string_list && table.kind(type) == sema::TypeKind::list &&
        table.info(type).args.at(0) == types::any) {
        // A list of any: its elements are checked to be strings when the call runs.
        std::string list = parenthesize(emit_value(ctx, arg), prec_primary);
        if (table.info(type).is_mut) list += ".snapshot()";
        return fmt::format("pyro::rt::from_any<pyro::List<pyro::Str>>(pyro::Any({}))", list);
    }
    return emit_value(ctx, arg, p == StdParam::int_).text;
}

}  // namespace

Cpp emit_std_call(const Ctx& ctx, const ast::Call& call, const sema::StdFunction& fn) {
    std::string callee;
    if (fn.receiver.empty()) {
        callee = fmt::format("pyro::{}::{}", fn.module, fn.name);
    } else {
        const auto& member = call.callee->as<ast::Member>();
        callee = parenthesize(emit_value(ctx, *member.object), prec_primary) + "." +
                 std::string(fn.name);
    }
    const bool variadic = fn.params.size() == 1 && fn.params[0] == StdParam::strings;
    std::string text = callee + "(";
    for (std::size_t i = 0; i < call.args.size(); ++i) {
        StdParam p = variadic ? StdParam::strings : fn.params[i];
        // path.join(parts) with one list, or one any (most likely a list).
        if (variadic && call.args.size() == 1) {
            const TypeId t = ctx.body.type_of(*call.args[0]);
            if (t == types::any || ctx.program.types.kind(t) == sema::TypeKind::list) {
                p = StdParam::string_list;
            }
        }
        if (i > 0) text += ", ";
        text += std_argument(ctx, *call.args[i], p);
    }
    return {text + ")"};
}

}  // namespace pyro2cpp::emit::detail
