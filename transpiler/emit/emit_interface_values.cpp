// Interface values in the C++ (docs/internals/runtime-contract.md, "Interface values"): a
// value whose static type is an interface is a `pyro::Any` holding the record or instance,
// so `list<Shape>` is `pyro::List<pyro::Any>`. Sema has checked every method call and every
// conversion statically; here a record or instance becomes an Any where an interface is
// expected, and a call through the interface is dispatched by name with its result converted
// to the type the interface declares.
#include <fmt/format.h>

#include "emit/emitter.hpp"

namespace pyro2cpp::emit::detail {

using sema::TypeId;
namespace types = sema::types;

// The type with each interface in it replaced by any: the type its C++ stands for.
TypeId erase_interfaces(const sema::TypeTable& table, TypeId type) {
    const sema::TypeInfo& info = table.info(type);
    if (info.kind == sema::TypeKind::interface) return types::any;
    if (!table.is_container(type)) return type;
    std::vector<TypeId> args;
    bool changed = false;
    for (TypeId arg : info.args) {
        args.push_back(erase_interfaces(table, arg));
        changed = changed || args.back() != arg;
    }
    return changed ? table.container(info.kind, std::move(args), info.is_mut) : type;
}

std::optional<std::string> emit_interface_conversion(const Ctx& ctx, const ast::Expr& expr,
                                                     TypeId target, bool int_ok) {
    const sema::TypeTable& table = ctx.program.types;
    const TypeId source = ctx.body.type_of(expr);
    const TypeId erased = erase_interfaces(table, target);
    if (erased == target && erase_interfaces(table, source) == source) return std::nullopt;
    if (erase_interfaces(table, source) == erased) return emit_value(ctx, expr).text;
    if (erased == types::any) return "pyro::Any(" + emit_value(ctx, expr).text + ")";
    return emit_as(ctx, expr, erased, int_ok);
}

// x.m(args) on an interface value, whose result the interface declares.
Cpp emit_interface_result(const ast::Call& call, const Ctx& ctx, std::string dispatched) {
    const sema::TypeTable& table = ctx.program.types;
    const TypeId result = ctx.body.type_of(call);
    if (erase_interfaces(table, result) == types::any || result == types::void_ ||
        table.is_silent(result)) {
        return {std::move(dispatched)};
    }
    return {fmt::format("pyro::rt::from_any<{}>({})", cpp_type(table, result), dispatched)};
}

}  // namespace pyro2cpp::emit::detail
