// pyro::Error, Pyro's built-in class `Error` (LANGUAGE.md 5.3): fields `message: string` and
// `cause` (void unless `raise X from C` set it), printed `Error: message` — or
// `MyError: message` for a subclass without __str__.
//
// User subclasses derive from it like any generated class (`class MyError(Error)`): they call
// `Error::pyro_init(message)` for `super().__init__(message)` and may add fields, listing
// Error's first in their pyro_fields. Errors the runtime detects are raised as plain
// rt::BuiltinError payloads (error.hpp, cheap and free of this header); they become Error
// instances when a handler binds them (exception.hpp).
#pragma once

#include <string_view>

#include "pyro/any.hpp"
#include "pyro/object.hpp"

namespace pyro {

class Error : public Object {
public:
    static constexpr std::string_view pyro_name = "Error";

    rt::Field<Str, "message"> message;
    rt::Field<Any, "cause"> cause;

    Error() { pyro_set(cause, Any()); }

    // Error(message)
    static Ref<Error> pyro_new(Str message) {
        Ref<Error> self = make<Error>();
        self->pyro_init(std::move(message));
        return self;
    }
    // Error.__init__(self, message)
    void pyro_init(Str text) { pyro_set(message, std::move(text)); }

    std::string_view pyro_class_name() const override { return pyro_name; }
    void pyro_fields(rt::FieldVisitor& v) override {
        v(message);
        v(cause);
    }
    Str pyro_str() override {
        std::string text(pyro_class_name());
        if (pyro_has(message)) {
            text += ": ";
            text += pyro_get(message).view();
        }
        return Str(text);
    }
};

}  // namespace pyro
