// Tuple and TupleMut: element access, unpacking, equality, order, hash, printing, and tuples
// whose length is known only at run time (through Any).
#include "runtime_test_util.hpp"

using pyro::Any;
using pyro::Int;
using pyro::List;
using pyro::Str;
using pyro::Tuple;
using pyro::TupleMut;
using runtime_test::error_of;
using runtime_test::text;
using namespace pyro::literals;

TEST_CASE("runtime: Tuple access, unpacking and printing", "[runtime]") {
    const Tuple<Int, Str> t(1, "a"_s);
    CHECK(t.get<0>() == 1);
    CHECK(t.get<1>() == "a"_s);
    const auto [n, s] = t;
    CHECK(n == 1);
    CHECK(s == "a"_s);
    CHECK(t.len() == 2);
    CHECK(pyro::len(t) == 2);
    CHECK(text(t) == R"((1, "a"))");
    CHECK(text(Tuple<Int>(1)) == "(1,)");
    CHECK(text(Tuple<>()) == "()");
    CHECK_FALSE(pyro::truthy(Tuple<>()));
    CHECK(pyro::truthy(Tuple<Int>(0)));
    CHECK(text(Tuple<List<Int>, double>({1}, 2.5)) == "([1], 2.5)");
    CHECK(t.contains("a"_s));
    CHECK_FALSE(t.contains("b"_s));
}

TEST_CASE("runtime: Tuple equality, order, hash, concatenation", "[runtime]") {
    using P = Tuple<Int, Int>;
    CHECK(P(1, 2) == P(1, 2));
    CHECK(P(1, 2) != P(2, 1));
    CHECK(P(1, 2) == Tuple<double, double>(1.0, 2.0));
    CHECK(P(1, 2) < P(1, 3));
    CHECK(P(0, 9) < P(1, 0));
    CHECK(Tuple<Int>(1) < P(1, 0));  // a prefix is smaller
    CHECK_FALSE(P(1, 0) < Tuple<Int>(1));
    CHECK(Tuple<Str, Int>("a"_s, 5) < Tuple<Str, Int>("b"_s, 0));
    CHECK(pyro::rt::hash_of(P(1, 2)) == pyro::rt::hash_of(P(1, 2)));
    CHECK(pyro::rt::hash_of(P(1, 2)) != pyro::rt::hash_of(P(2, 1)));
    // The hash does not depend on the static types of equal elements.
    CHECK(pyro::rt::hash_of(P(1, 2)) == pyro::rt::hash_of(Tuple<double, Int>(1.0, 2)));
    const auto joined = P(1, 2) + Tuple<Str>("x"_s);
    CHECK(text(joined) == R"((1, 2, "x"))");
    CHECK(joined.get<2>() == "x"_s);
    CHECK(text(List<Int>(pyro::rt::iter(Tuple<Int, Int, Int>(4, 5, 6)))) == "[4, 5, 6]");
}

TEST_CASE("runtime: TupleMut get, set, copies and sharing", "[runtime]") {
    const TupleMut<Int, Str> t(1, "a"_s);
    const TupleMut<Int, Str> alias = t;
    t.set<0>(Int(5));
    alias.set<1>("b"_s);
    CHECK(t.get<0>() == 5);
    CHECK(t.get<1>() == "b"_s);
    CHECK(text(t) == R"((5, "b"))");
    const auto copy = pyro::tuple_mutable(Tuple<Int, Str>(1, "a"_s));
    CHECK(text(copy) == R"((1, "a"))");
    CHECK(t == alias);
    CHECK_FALSE(t == copy);
    CHECK(t == TupleMut<Int, Str>(5, "b"_s));
    CHECK(text(t.snapshot()) == R"((5, "b"))");
    CHECK(t.len() == 2);
    CHECK(t.contains(Int(5)));
}

TEST_CASE("runtime: tuples inside Any", "[runtime]") {
    const Any t = Tuple<Int, Str>(1, "a"_s);
    CHECK(pyro::type(t) == "tuple"_s);
    CHECK(t.full_type_name() == "tuple<int, string>");
    CHECK(pyro::rt::index(t, Any(0)) == Any(1));
    CHECK(pyro::rt::index(t, Any(-1)) == Any("a"_s));
    CHECK(error_of([&] { (void)pyro::rt::index(t, Any(2)); }) ==
          "Error: index 2 out of range for length 2");
    CHECK(pyro::rt::len(t) == 2);
    CHECK(pyro::rt::contains(t, Any("a"_s)));
    // Run-time lengths: concatenation and slices make dynamic tuples that behave alike.
    const Any joined = t + Any(Tuple<Int>(2));
    CHECK(text(joined) == R"((1, "a", 2))");
    CHECK(pyro::type(joined) == "tuple"_s);
    CHECK(text(pyro::rt::slice(joined, 1, pyro::rt::open)) == R"(("a", 2))");
    CHECK(text(pyro::rt::slice(t, 0, 1)) == "(1,)");
    CHECK(text(t * Any(2)) == R"((1, "a", 1, "a"))");
    CHECK(joined == Any(Tuple<Int, Str, Int>(1, "a"_s, 2)));
    CHECK(pyro::rt::hash_of(joined) == pyro::rt::hash_of(Any(Tuple<Int, Str, Int>(1, "a"_s, 2))));
    CHECK(pyro::rt::from_any<Tuple<Int, Str, Int>>(joined) == Tuple<Int, Str, Int>(1, "a"_s, 2));
    CHECK(pyro::rt::is<Tuple<Int, Str, Int>>(joined));
    CHECK_FALSE(pyro::rt::is<Tuple<Int, Int, Int>>(joined));
    CHECK(error_of([&] { (void)pyro::rt::from_any<Tuple<Int, Int>>(t); }) ==
          "Error: type mismatch: expected tuple<int, int>, got tuple<int, string>");
    CHECK(text(pyro::tuple(List<Int>{1, 2})) == "(1, 2)");
    CHECK(text(pyro::tuple(List<Int>{})) == "()");
    CHECK(Any(Tuple<Int, Int>(1, 2)) < Any(Tuple<Int, Int>(1, 3)));
    const Any m = TupleMut<Int, Str>(1, "a"_s);
    pyro::rt::set_index(m, Any(0), Any(7));
    pyro::rt::set_index(m, Any(-1), Any("z"_s));
    CHECK(text(m) == R"((7, "z"))");
    CHECK(error_of([&] { pyro::rt::set_index(m, Any(1), Any(3)); }) ==
          "Error: type mismatch: expected string, got int");
    CHECK(error_of([&] { pyro::rt::set_index(t, Any(0), Any(3)); }) ==
          "Error: cannot assign to an element of tuple");
    CHECK(pyro::type(m) == "tuple_mut"_s);
    std::vector<std::string> seen;
    for (const Any& x : pyro::rt::iterate(t)) {
        seen.push_back(text(x));
    }
    CHECK(seen == std::vector<std::string>{"1", "a"});
}
