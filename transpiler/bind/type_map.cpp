// The C++-to-Pyro type mapping of type_map.hpp. Parameters and results follow the same rules
// except that only a result may be `void`: a C++ function taking `const T&` gets a temporary
// the call converts from the Pyro value, and one returning `const T&` has its result copied.
#include "bind/type_map.hpp"

namespace pyro2cpp::bind {
namespace {

const char* const no_pyro_type = "which has no Pyro type";

TypeMapping mapped(std::string pyro) {
    return {std::move(pyro), ""};
}
TypeMapping unmapped(std::string why_not) {
    return {"", std::move(why_not)};
}

// A type passed or returned by value (top-level const does not matter then).
TypeMapping map_value(const CppType& type) {
    switch (type.kind) {
        case CppTypeKind::bool_:
            return mapped("bool");
        case CppTypeKind::char_:
        case CppTypeKind::integral:
            return mapped("int");
        case CppTypeKind::floating:
            return mapped("float");
        case CppTypeKind::std_string:
        case CppTypeKind::std_string_view:
            return mapped("string");
        case CppTypeKind::std_vector: {
            const CppType& element = type.args.at(0);
            const TypeMapping inner = map_value(element);
            if (!inner.ok()) {
                return unmapped("whose element type " + element.spelling + " has no Pyro type");
            }
            return mapped("list<" + inner.pyro + ">");
        }
        case CppTypeKind::pointer: {
            const CppType& pointee = type.args.at(0);
            if (pointee.kind == CppTypeKind::char_ && pointee.is_const) return mapped("string");
            if (pointee.kind == CppTypeKind::char_) {
                return unmapped(
                    "a pointer to non-const char, which has no Pyro type (only const char* "
                    "maps, to string)");
            }
            return unmapped(std::string("a pointer, ") + no_pyro_type +
                            " (only const char* maps, to string)");
        }
        case CppTypeKind::lvalue_reference:
            return unmapped(std::string("a non-const reference, ") + no_pyro_type);
        case CppTypeKind::rvalue_reference:
            return unmapped(std::string("an rvalue reference, ") + no_pyro_type);
        case CppTypeKind::enumeration:
            // An enum converts to int at best one way (unscoped enums, as results), never from
            // it, so mapping it to int would produce externs that do not compile.
            return unmapped(std::string("an enum, ") + no_pyro_type +
                            " (a C++ wrapper taking or returning int can stand in)");
        case CppTypeKind::void_:
        case CppTypeKind::record:
        case CppTypeKind::other:
            break;
    }
    return unmapped(no_pyro_type);
}

// By value, or by const reference to something that maps by value.
TypeMapping map_type(const CppType& type) {
    if (type.kind == CppTypeKind::lvalue_reference) {
        const CppType& referee = type.args.at(0);
        // When the referee does not map, its reason is the reason: "const geo::Opaque&,
        // which has no Pyro type".
        return referee.is_const ? map_value(referee) : map_value(type);
    }
    return map_value(type);
}

}  // namespace

TypeMapping map_parameter_type(const CppType& type) {
    return map_type(type);
}

TypeMapping map_result_type(const CppType& type) {
    if (type.kind == CppTypeKind::void_) return mapped("void");
    return map_type(type);
}

}  // namespace pyro2cpp::bind
