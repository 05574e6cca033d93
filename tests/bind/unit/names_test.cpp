// Pyro names for C++ functions and parameters, and pyro2cpp-bind's command line.
#include <catch2/catch.hpp>

#include "bind/bind_args.hpp"
#include "bind/names.hpp"

using namespace pyro2cpp::bind;
using Names = std::vector<std::string>;

TEST_CASE("bind names: keywords come from the lexer's table") {
    CHECK(is_pyro_keyword("lambda"));
    CHECK(is_pyro_keyword("from"));
    CHECK(is_pyro_keyword("chan"));
    CHECK_FALSE(is_pyro_keyword("type"));  // contextual: a name in a parameter list
    CHECK_FALSE(is_pyro_keyword("value"));
    CHECK(pyro_identifier("pass") == "pass_");
    CHECK(pyro_identifier("count") == "count");
    CHECK(pyro_identifier("a$b") == "a_b");
    CHECK(pyro_identifier("größe") == "größe");
}

TEST_CASE("bind names: qualified names join with underscores") {
    CHECK(function_base_name("geo::hypot2") == "geo_hypot2");
    CHECK(function_base_name("geo::detail::norm") == "geo_detail_norm");
    CHECK(function_base_name("hypot") == "hypot");
    CHECK(function_base_name("lambda") == "lambda_");
    CHECK(function_base_name("geo::lambda") == "geo_lambda");
}

TEST_CASE("bind names: overload suffixes from Pyro types") {
    CHECK(type_suffix({"int"}) == "int");
    CHECK(type_suffix({"float", "float"}) == "float_float");
    CHECK(type_suffix({"list<int>", "string"}) == "list_int_string");
    CHECK(type_suffix({"list<list<bool>>"}) == "list_list_bool");
    CHECK(type_suffix({}) == "");
}

TEST_CASE("bind names: parameters") {
    CHECK(parameter_names({"x", "y"}) == Names{"x", "y"});
    CHECK(parameter_names({"", "y", ""}) == Names{"arg1", "y", "arg3"});
    CHECK(parameter_names({"from", "lambda"}) == Names{"from_", "lambda_"});
    // Real names win over invented ones; clashes made by the `_` rule move aside too.
    CHECK(parameter_names({"", "arg1"}) == Names{"arg1_", "arg1"});
    CHECK(parameter_names({"from", "from_"}) == Names{"from_", "from__"});
    CHECK(parameter_names({}).empty());
}

TEST_CASE("bind names: the name table numbers repeats") {
    NameTable table;
    CHECK(table.claim("geo_x_y") == "geo_x_y");
    CHECK(table.claim("geo_x_y") == "geo_x_y_2");
    CHECK(table.claim("geo_x_y") == "geo_x_y_3");
    CHECK(table.claim("geo_z") == "geo_z");
}

TEST_CASE("bind args: header and Clang arguments") {
    const BindInvocation inv = parse_bind_args({"geo.hpp", "--", "-DX=1", "-I", "inc", "--"});
    CHECK_FALSE(inv.help);
    CHECK(inv.header == "geo.hpp");
    CHECK(inv.clang_args == Names{"-DX=1", "-I", "inc", "--"});
    CHECK(parse_bind_args({"geo.hpp"}).clang_args.empty());
    CHECK(parse_bind_args({"geo.hpp", "--"}).clang_args.empty());
    CHECK(parse_bind_args({"--help"}).help);
    CHECK(parse_bind_args({"-h", "geo.hpp"}).help);
    CHECK(parse_bind_args({"-"}).header == "-");  // a file name, as for other tools
}

TEST_CASE("bind args: usage errors") {
    CHECK_THROWS_WITH(parse_bind_args({}), "bind: no header given");
    CHECK_THROWS_WITH(parse_bind_args({"--", "-DX"}), "bind: no header given");
    CHECK_THROWS_WITH(parse_bind_args({"a.hpp", "b.hpp"}),
                      "bind: one header at a time (got 'a.hpp' and 'b.hpp')");
    CHECK_THROWS_WITH(parse_bind_args({"geo.hpp", "-DX"}),
                      "bind: unknown option '-DX' (Clang's options go after '--')");
}
