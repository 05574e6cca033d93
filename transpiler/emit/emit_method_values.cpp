// `Point.area` and `super().describe` as function values (sema/check_method_values.cpp):
//   Point.area        pyro::rt::method_value<&Point::area, double(Point)>("Point.area",
//                         [](Point pyro_self) -> double { return pyro_self.area(); })
//   Shape.area        ... [](pyro::Ref<Shape> pyro_self) -> double {
//                             return pyro_self->Shape::area(); })
//   super().describe  pyro::rt::method_value<&Shape::describe, pyro::Str()>("Shape.describe",
//                         [pyro_self = pyro::rt::self_ref(this)]() -> pyro::Str {
//                             return pyro_self->Shape::describe(); }, this)
// A class's method is called qualified, so an override in the instance's class is not what
// runs (Python's `Shape.area(c)` and `super().area` run Shape's own). The member pointer
// gives the value its identity (pyro/method_value.hpp).
#include <fmt/format.h>

#include "emit/emitter.hpp"

namespace pyro2cpp::emit::detail {

Cpp emit_method_value(const Ctx& ctx, const ast::Member& member) {
    const sema::MemberTarget& m = ctx.body.members.at(&member);
    const sema::FunctionInstance& inst = *m.method;
    const sema::TypeTable& types = ctx.program.types;
    const bool unbound = m.kind == sema::MemberTarget::Kind::unbound_method;
    const bool record = inst.owner->is_record();
    const std::string result = cpp_type(types, inst.result, true);
    std::string sig_params;
    std::string params;
    std::string args;
    if (unbound) {
        sig_params = cpp_type(types, inst.param_types[0]);
        params = sig_params + " pyro_self";
    }
    for (std::size_t i = 1; i < inst.param_types.size(); ++i) {
        const std::string t = cpp_type(types, inst.param_types[i]);
        const std::string name = fmt::format("pyro_arg{}", i - 1);
        const char* sep = sig_params.empty() ? "" : ", ";
        sig_params += sep + t;
        params += sep + t + " " + name;
        args += (i > 1 ? ", " : "") + name;
    }
    const std::string call =
        record ? fmt::format("pyro_self.{}({})", inst.cpp_name, args)
               : fmt::format("pyro_self->{}::{}({})", inst.owner->cpp_name, inst.cpp_name, args);
    const std::string capture = unbound ? "[]" : "[pyro_self = pyro::rt::self_ref(this)]";
    return {fmt::format("pyro::rt::method_value<{}, {}({})>({}, {}({}) -> {} {{ return {}; }}{})",
                        method_pointer(ctx, inst), result, sig_params,
                        c_string(inst.owner->name + "." + inst.def->name), capture, params, result,
                        call, unbound ? "" : ", this")};
}

}  // namespace pyro2cpp::emit::detail
