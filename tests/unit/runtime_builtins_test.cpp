// The builtins over values: abs min max sum sorted reversed enumerate zip map filter any all,
// list set dict tuple, the ...Mutable constructors, len, `in`, type, input.
#include <cstdio>

#include "runtime_test_util.hpp"

using pyro::Any;
using pyro::Dict;
using pyro::Int;
using pyro::List;
using pyro::ListMut;
using pyro::Set;
using pyro::Str;
using pyro::Tuple;
using runtime_test::error_of;
using runtime_test::text;
using namespace pyro::literals;

TEST_CASE("runtime: abs, min, max", "[runtime]") {
    CHECK(pyro::abs(Int(-3)) == 3);
    CHECK(pyro::abs(-2.5) == 2.5);
    CHECK(error_of([] { (void)pyro::abs(Int::min()); }) == "Error: integer overflow");
    CHECK(pyro::abs(Any(-4)) == Any(4));
    CHECK(pyro::abs(Any(-0.5)) == Any(0.5));
    CHECK(error_of([] { (void)pyro::abs(Any("a"_s)); }) == "Error: bad operand for abs(): string");
    CHECK(pyro::min(List<Int>{3, 1, 2}) == 1);
    CHECK(pyro::max(ListMut<Int>{3, 1, 2}) == 3);
    CHECK(pyro::min(Int(4), Int(2), Int(9)) == 2);
    CHECK(pyro::max(2.5, 1.0) == 2.5);
    CHECK(pyro::min("b"_s, "a"_s) == "a"_s);
    CHECK(pyro::max("héllo"_s) == "é"_s);  // by code point
    CHECK(pyro::min(pyro::range(5, 10)) == 5);
    CHECK(pyro::min(Any(List<Any>{Any(2), Any(1.5)})) == Any(1.5));
    CHECK(error_of([] { (void)pyro::min(List<Int>{}); }) ==
          "Error: min() arg is an empty sequence");
    CHECK(error_of([] { (void)pyro::max(Set<Int>{}); }) == "Error: max() arg is an empty sequence");
    CHECK(error_of([] {
              (void)pyro::max(List<Any>{Any(1), Any("a"_s)});
          }) == "Error: cannot compare int and string");
}

TEST_CASE("runtime: sum", "[runtime]") {
    CHECK(pyro::sum(List<Int>{1, 2, 3}) == 6);
    CHECK(pyro::sum(ListMut<Int>{4, 5}) == 9);
    CHECK(pyro::sum(List<double>{0.5, 0.25}) == 0.75);
    CHECK(pyro::sum(pyro::range(101)) == 5050);
    CHECK(pyro::sum(List<Int>{}) == 0);
    CHECK(pyro::sum(List<Any>{Any(1), Any(2.5)}) == Any(3.5));
    CHECK(pyro::sum(Set<Int>{1, 2}) == 3);
    CHECK(error_of([] { (void)pyro::sum(List<Int>{Int::max(), 1}); }) == "Error: integer overflow");
    CHECK(error_of([] {
              (void)pyro::sum(List<Any>{Any(1), Any("a"_s)});
          }) == "Error: cannot add int and string");
}

TEST_CASE("runtime: sorted, reversed, enumerate, zip", "[runtime]") {
    CHECK(text(pyro::sorted(List<Int>{3, 1, 2})) == "[1, 2, 3]");
    CHECK(text(pyro::sorted(ListMut<Str>{"b"_s, "a"_s})) == R"(["a", "b"])");
    CHECK(text(pyro::sorted("cab"_s)) == R"(["a", "b", "c"])");
    CHECK(text(pyro::sorted(List<List<Int>>{{2}, {1, 5}, {1}})) == "[[1], [1, 5], [2]]");
    CHECK(text(pyro::sorted(Set<Int>{5, 4})) == "[4, 5]");
    const List<Int> xs{1, 2};
    (void)pyro::sorted(xs);
    CHECK(text(xs) == "[1, 2]");  // a new list
    CHECK(text(pyro::reversed(List<Int>{1, 2, 3})) == "[3, 2, 1]");
    CHECK(text(pyro::reversed(pyro::range(3))) == "[2, 1, 0]");
    CHECK(text(pyro::enumerate(List<Str>{"a"_s, "b"_s})) == R"([(0, "a"), (1, "b")])");
    CHECK(text(pyro::zip(List<Int>{1, 2, 3}, List<Str>{"a"_s, "b"_s})) ==
          R"([(1, "a"), (2, "b")])");
    CHECK(text(pyro::zip(pyro::range(2), "xy"_s, List<bool>{true, false})) ==
          R"([(0, "x", true), (1, "y", false)])");
    CHECK(text(pyro::zip(List<Int>{}, List<Int>{1})) == "[]");
}

TEST_CASE("runtime: map, filter, any, all", "[runtime]") {
    const auto sq = pyro::Func<Int(Int)>("lambda", [](Int x) { return x * x; });
    CHECK(text(pyro::map(sq, pyro::range(4))) == "[0, 1, 4, 9]");
    const auto positive = pyro::Func<bool(Int)>("lambda", [](Int x) { return x > 0; });
    CHECK(text(pyro::filter(positive, List<Int>{-1, 2, 0, 3})) == "[2, 3]");
    const auto ident = pyro::Func<Int(Int)>("lambda", [](Int x) { return x; });
    CHECK(text(pyro::filter(ident, List<Int>{0, 1, 2})) == "[1, 2]");  // truthy results
    CHECK(pyro::any(List<Int>{0, 0, 3}));
    CHECK_FALSE(pyro::any(List<Int>{}));
    CHECK(pyro::all(List<Int>{}));
    CHECK_FALSE(pyro::all(List<Str>{"a"_s, ""_s}));
    CHECK(pyro::all(List<bool>{true, true}));
    CHECK_FALSE(pyro::any(List<Any>{Any(), Any(0.0), Any(List<Int>{})}));
}

TEST_CASE("runtime: list, set, dict, tuple and the Mutable constructors", "[runtime]") {
    CHECK(text(pyro::list(pyro::range(3))) == "[0, 1, 2]");
    CHECK(text(pyro::list(Set<Str>{"a"_s})) == R"(["a"])");
    CHECK(text(pyro::list(Dict<Str, Int>{{"k"_s, 1}})) == R"(["k"])");  // a dict's keys
    CHECK(text(pyro::set(List<Int>{2, 1, 2})) == "{2, 1}");
    CHECK(text(Set<Int>()) == "set()");
    const List<Tuple<Str, Int>> pairs{{"a"_s, 1}, {"b"_s, 2}, {"a"_s, 3}};
    CHECK(text(pyro::dict(pairs)) == R"({"a": 3, "b": 2})");
    CHECK(text(pyro::dict(Any(List<Any>{Any(Tuple<Int, Int>(1, 2))}))) == "{1: 2}");
    CHECK(error_of([] { (void)pyro::dict(Any(List<Any>{Any(1)})); }) ==
          "Error: type mismatch: expected tuple<any, any>, got int");
    CHECK(text(pyro::tuple(List<Int>{1})) == "(1,)");
    CHECK(text(pyro::tuple("ab"_s)) == R"(("a", "b"))");
    const ListMut<Int> m = pyro::list_mutable(pyro::range(2));
    m.push(2);
    CHECK(text(m) == "[0, 1, 2]");
    CHECK(text(pyro::set_mutable(List<Int>{1, 1})) == "{1}");
    CHECK(text(pyro::dict_mutable(Dict<Int, Int>{{1, 2}})) == "{1: 2}");
    CHECK(text(pyro::tuple_mutable(Tuple<Int, Int>(1, 2))) == "(1, 2)");
}

TEST_CASE("runtime: len and in for every collection", "[runtime]") {
    CHECK(pyro::len("héllo"_s) == 5);
    CHECK(pyro::len(List<Int>{1}) == 1);
    CHECK(pyro::len(ListMut<Int>{1, 2}) == 2);
    CHECK(pyro::len(Tuple<Int, Int>(1, 2)) == 2);
    CHECK(pyro::len(Set<Int>{1, 2, 3}) == 3);
    CHECK(pyro::len(pyro::SetMut<Int>{1}) == 1);
    CHECK(pyro::len(Dict<Int, Int>{{1, 1}}) == 1);
    CHECK(pyro::len(pyro::DictMut<Int, Int>{}) == 0);
    CHECK(pyro::len(pyro::range(0, 10, 3)) == 4);
    CHECK(pyro::len(Any(List<Int>{1, 2})) == 2);
    CHECK(pyro::contains(List<Int>{1, 2}, Int(2)));
    CHECK(pyro::contains(Dict<Str, Int>{{"k"_s, 1}}, "k"_s));
    CHECK(pyro::contains(Set<Int>{3}, Int(3)));
    CHECK(pyro::contains("abc"_s, "bc"_s));
    CHECK(pyro::contains(pyro::range(0, 10, 3), Int(9)));
    CHECK_FALSE(pyro::contains(pyro::range(0, 10, 3), Int(10)));
    CHECK(pyro::contains(pyro::range(10, 0, -2), Int(4)));
    CHECK_FALSE(pyro::contains(pyro::range(10, 0, -2), Int(0)));
    CHECK(pyro::contains(Any(List<Int>{1}), Any(1)));
    CHECK(pyro::contains(Tuple<Int, Str>(1, "a"_s), "a"_s));
}

TEST_CASE("runtime: type names", "[runtime]") {
    CHECK(pyro::type(Int(1)) == "int"_s);
    CHECK(pyro::type(1.5) == "float"_s);
    CHECK(pyro::type(true) == "bool"_s);
    CHECK(pyro::type("s"_s) == "string"_s);
    CHECK(pyro::type(pyro::void_) == "void"_s);
    CHECK(pyro::type(ListMut<Int>{}) == "list_mut"_s);
    CHECK(pyro::type(Tuple<Int>(1)) == "tuple"_s);
    CHECK(pyro::type(pyro::TupleMut<Int>(1)) == "tuple_mut"_s);
    CHECK(pyro::type(Set<Int>{}) == "set"_s);
    CHECK(pyro::type(pyro::SetMut<Int>{}) == "set_mut"_s);
    CHECK(pyro::type(Dict<Int, Int>{}) == "dict"_s);
    CHECK(pyro::type(pyro::DictMut<Int, Int>{}) == "dict_mut"_s);
    CHECK(pyro::type(Any(1.5)) == "float"_s);
}

TEST_CASE("runtime: input reads a line, void at the end", "[runtime]") {
    char data[] = "first line\nsecond\nlast without newline";
    std::FILE* in = fmemopen(data, sizeof data - 1, "r");
    char* out_text = nullptr;
    std::size_t out_size = 0;
    std::FILE* out = open_memstream(&out_text, &out_size);
    pyro::rt::in_override = in;
    pyro::rt::set_output(out, nullptr);
    const Any a = pyro::input("name? "_s);
    const Any b = pyro::input();
    const Any c = pyro::input();
    const Any d = pyro::input();
    pyro::rt::in_override = nullptr;
    pyro::rt::set_output(nullptr, nullptr);
    std::fclose(in);
    std::fclose(out);
    const std::string prompt(out_text, out_size);
    std::free(out_text);
    CHECK(a == Any("first line"_s));
    CHECK(b == Any("second"_s));
    CHECK(c == Any("last without newline"_s));
    CHECK(d.is_void());
    CHECK(prompt == "name? ");
}
