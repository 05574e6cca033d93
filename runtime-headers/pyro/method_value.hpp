// A method named through its class (`Point.area`) or through super() (`super().area`) as a
// function value. The emitter writes the call as a lambda, since it must be non-virtual
// (`Shape.area(c)` runs Shape's own method even when c's class overrides it), and names the
// method by its member pointer, which gives the value its identity: two values of one
// method compare equal (for super(), when bound to the same instance), as Python's do.
//   pyro::rt::method_value<&Point::area, double(Point)>("Point.area",
//       [](Point pyro_self) -> double { return pyro_self.area(); })
#pragma once

#include <memory>
#include <utility>

#include "pyro/func.hpp"

namespace pyro::rt {

template <auto Method>
inline constexpr char method_tag = 0;

template <auto Method, class Sig, class F>
Func<Sig> method_value(const char* name, F call, const void* bound = nullptr) {
    return [&]<class R, class... A>(R (*)(A...)) {
        return Func<Sig>(std::make_shared<const CallableImpl<F, R, A...>>(
            name, std::move(call), &method_tag<Method>, bound));
    }(static_cast<Sig*>(nullptr));
}

}  // namespace pyro::rt
