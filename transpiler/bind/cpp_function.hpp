// The bind tool's plain description of the C++ functions a header declares. The Clang reader
// (bind_visitor.cpp) fills it in from Clang's AST; the mapping, naming and printing code reads
// it. Keeping Clang's types out of this description keeps Clang's headers, and their compile
// time, out of everything but the reader, and lets the unit tests build functions by hand.
#pragma once

#include <string>
#include <vector>

namespace pyro2cpp::bind {

// What a C++ type is, as far as the Pyro type mapping cares (LANGUAGE.md section 8).
enum class CppTypeKind {
    void_,
    bool_,
    char_,     // plain `char`: an integral type, and `const char*` is a string
    integral,  // every other integral type: signed/unsigned char, short, int, long, char16_t...
    floating,  // float, double (not long double: it does not fit a Pyro float)
    std_string,
    std_string_view,
    std_vector,        // args[0]: the element type
    pointer,           // args[0]: the pointee
    lvalue_reference,  // args[0]: the referee
    rvalue_reference,  // args[0]: the referee
    enumeration,
    record,  // any other class, struct or union
    other,   // arrays, function types, member pointers, long double, nullptr_t, auto...
};

struct CppType {
    CppTypeKind kind = CppTypeKind::other;
    bool is_const = false;      // const at the top level (a pointee's const is its own)
    std::string spelling;       // as the header writes it, for messages: "const std::string&"
    std::vector<CppType> args;  // exactly one for std_vector, pointer and references
};

// Why a function cannot be bound whatever its types are.
enum class Obstacle {
    none,
    function_template,
    template_specialization,  // an explicit specialization of a function template
    variadic,                 // C-style `...`
    anonymous_namespace,
    deleted,
    operator_,  // overloaded and literal operators
    consteval_,
};

struct CppParam {
    std::string name;  // empty when the declaration leaves it out
    CppType type;
};

struct CppFunction {
    std::string qualified_name;  // "geo::hypot2"; no inline namespaces
    std::vector<CppParam> params;
    CppType result;
    Obstacle obstacle = Obstacle::none;
};

}  // namespace pyro2cpp::bind
