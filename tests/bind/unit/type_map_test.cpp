// The C++-to-Pyro type mapping: what maps (by value and by const reference), what does not,
// and the reason given for each kind of type that does not.
#include <catch2/catch.hpp>

#include "bind/type_map.hpp"
#include "bind_test_types.hpp"

using namespace pyro2cpp::bind;
using namespace bind_test;

namespace {

std::string param(const CppType& t) {
    const TypeMapping m = map_parameter_type(t);
    return m.ok() ? m.pyro : "no: " + m.why_not;
}

std::string result(const CppType& t) {
    const TypeMapping m = map_result_type(t);
    return m.ok() ? m.pyro : "no: " + m.why_not;
}

CppType pointer_to(CppType pointee, std::string spelling) {
    return type(CppTypeKind::pointer, std::move(spelling), false, {std::move(pointee)});
}

}  // namespace

TEST_CASE("bind type map: scalars") {
    CHECK(param(int_type()) == "int");
    CHECK(param(type(CppTypeKind::integral, "unsigned long long")) == "int");
    CHECK(param(type(CppTypeKind::char_, "char")) == "int");
    CHECK(param(double_type()) == "float");
    CHECK(param(type(CppTypeKind::floating, "float")) == "float");
    CHECK(param(bool_type()) == "bool");
    CHECK(param(type(CppTypeKind::integral, "const int", true)) == "int");
}

TEST_CASE("bind type map: strings") {
    CHECK(param(string_type()) == "string");
    CHECK(param(type(CppTypeKind::std_string_view, "std::string_view")) == "string");
    CHECK(param(const_ref(string_type())) == "string");
    const CppType const_char = type(CppTypeKind::char_, "const char", true);
    CHECK(param(pointer_to(const_char, "const char*")) == "string");
    CHECK(result(pointer_to(const_char, "const char*")) == "string");
    CHECK(param(pointer_to(type(CppTypeKind::char_, "char"), "char*")) ==
          "no: a pointer to non-const char, which has no Pyro type (only const char* maps, to "
          "string)");
    // Only plain char makes a string: unsigned char is a byte type.
    CHECK(param(pointer_to(type(CppTypeKind::integral, "const unsigned char", true),
                           "const unsigned char*")) ==
          "no: a pointer, which has no Pyro type (only const char* maps, to string)");
}

TEST_CASE("bind type map: vectors") {
    CHECK(param(vector_of(type(CppTypeKind::integral, "long long"))) == "list<int>");
    CHECK(param(const_ref(vector_of(string_type()))) == "list<string>");
    CHECK(result(vector_of(vector_of(double_type()))) == "list<list<float>>");
    CHECK(param(vector_of(record_type("geo::Opaque"))) ==
          "no: whose element type geo::Opaque has no Pyro type");
    CHECK(param(vector_of(vector_of(record_type("geo::Opaque")))) ==
          "no: whose element type std::vector<geo::Opaque> has no Pyro type");
}

TEST_CASE("bind type map: void only as a result") {
    CHECK(result(void_type()) == "void");
    CHECK(param(void_type()) == "no: which has no Pyro type");
}

TEST_CASE("bind type map: const references map like values, other references do not") {
    CHECK(param(const_ref(int_type())) == "int");
    CHECK(result(const_ref(string_type())) == "string");
    CHECK(param(const_ref(record_type("geo::Opaque"))) == "no: which has no Pyro type");
    const CppType int_ref = type(CppTypeKind::lvalue_reference, "int&", false, {int_type()});
    CHECK(param(int_ref) == "no: a non-const reference, which has no Pyro type");
    CHECK(result(int_ref) == "no: a non-const reference, which has no Pyro type");
    const CppType rvalue =
        type(CppTypeKind::rvalue_reference, "std::string&&", false, {string_type()});
    CHECK(param(rvalue) == "no: an rvalue reference, which has no Pyro type");
}

TEST_CASE("bind type map: types without a Pyro counterpart") {
    CHECK(result(record_type("geo::Opaque")) == "no: which has no Pyro type");
    CHECK(param(pointer_to(int_type(), "int*")) ==
          "no: a pointer, which has no Pyro type (only const char* maps, to string)");
    CHECK(param(type(CppTypeKind::enumeration, "geo::Axis")) ==
          "no: an enum, which has no Pyro type (a C++ wrapper taking or returning int can "
          "stand in)");
    CHECK(param(type(CppTypeKind::other, "long double")) == "no: which has no Pyro type");
}
