// Hand-made C++ type descriptions for the bind unit tests, spelled as Clang would report them.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "bind/cpp_function.hpp"

namespace bind_test {

using pyro2cpp::bind::CppFunction;
using pyro2cpp::bind::CppParam;
using pyro2cpp::bind::CppType;
using pyro2cpp::bind::CppTypeKind;

inline CppType type(CppTypeKind kind, std::string spelling, bool is_const = false,
                    std::vector<CppType> args = {}) {
    return CppType{kind, is_const, std::move(spelling), std::move(args)};
}

inline CppType int_type() {
    return type(CppTypeKind::integral, "int");
}
inline CppType long_type() {
    return type(CppTypeKind::integral, "long");
}
inline CppType double_type() {
    return type(CppTypeKind::floating, "double");
}
inline CppType bool_type() {
    return type(CppTypeKind::bool_, "bool");
}
inline CppType void_type() {
    return type(CppTypeKind::void_, "void");
}
inline CppType string_type() {
    return type(CppTypeKind::std_string, "std::string");
}
inline CppType record_type(std::string name) {
    return type(CppTypeKind::record, std::move(name));
}

inline CppType const_ref(CppType referee) {
    referee.is_const = true;
    std::string spelling = "const " + referee.spelling + "&";
    return type(CppTypeKind::lvalue_reference, spelling, false, {std::move(referee)});
}
inline CppType vector_of(CppType element) {
    std::string spelling = "std::vector<" + element.spelling + ">";
    return type(CppTypeKind::std_vector, spelling, false, {std::move(element)});
}

inline CppFunction function(std::string name, std::vector<CppParam> params, CppType result) {
    CppFunction fn;
    fn.qualified_name = std::move(name);
    fn.params = std::move(params);
    fn.result = std::move(result);
    return fn;
}

}  // namespace bind_test
