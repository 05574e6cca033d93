// Set and SetMut: insertion order, duplicates, every method, errors, printing, through Any.
#include "runtime_test_util.hpp"

using pyro::Any;
using pyro::Int;
using pyro::List;
using pyro::Set;
using pyro::SetMut;
using pyro::Str;
using runtime_test::error_of;
using runtime_test::text;
using namespace pyro::literals;

TEST_CASE("runtime: Set literal keeps first occurrences in order", "[runtime]") {
    const Set<Int> s{3, 1, 3, 2, 1};
    CHECK(text(s) == "{3, 1, 2}");
    CHECK(s.len() == 3);
    CHECK(pyro::len(s) == 3);
    CHECK(s.contains(2));
    CHECK_FALSE(s.contains(5));
    CHECK(text(Set<Int>{}) == "set()");
    CHECK_FALSE(pyro::truthy(Set<Int>{}));
    CHECK(text(Set<Str>{"a"_s, "b\t"_s}) == R"({"a", "b\t"})");
    CHECK(s == Set<Int>{1, 2, 3});  // order does not matter for equality
    CHECK(s != Set<Int>{1, 2});
    CHECK(pyro::rt::hash_of(s) == pyro::rt::hash_of(Set<Int>{2, 3, 1}));
    std::vector<std::int64_t> seen;
    for (const Int& x : pyro::rt::iter(s)) {
        seen.push_back(x.v);
    }
    CHECK(seen == std::vector<std::int64_t>{3, 1, 2});
}

TEST_CASE("runtime: SetMut methods", "[runtime]") {
    const SetMut<Str> s;
    s.add("a"_s);
    s.add("b"_s);
    s.add("a"_s);
    CHECK(text(s) == R"({"a", "b"})");
    CHECK(s.contains("b"_s));
    s.remove("a"_s);
    CHECK(text(s) == R"({"b"})");
    CHECK(error_of([&] { s.remove("a"_s); }) == R"(Error: "a" is not in set)");
    s.add("a"_s);
    CHECK(text(s) == R"({"b", "a"})");
    s.clear();
    CHECK(s.len() == 0);
    CHECK(text(s) == "set()");
    const SetMut<Int> nums{1, 2};
    const SetMut<Int> alias = nums;
    alias.add(3);
    CHECK(nums.len() == 3);
    const SetMut<Int> copy = pyro::set_mutable(nums);
    copy.add(4);
    CHECK(nums.len() == 3);
    CHECK(nums == alias);
    CHECK_FALSE(nums == copy);
    CHECK(nums == Set<Int>{3, 2, 1});
    int n = 0;
    for (const Int& x : pyro::rt::iter(nums)) {
        nums.remove(x);  // a snapshot: removal is safe
        ++n;
    }
    CHECK(n == 3);
    CHECK(nums.len() == 0);
    CHECK(text(pyro::set_mutable(List<Int>{5, 5, 6})) == "{5, 6}");
}

TEST_CASE("runtime: sets inside Any", "[runtime]") {
    const Any s = Set<Int>{1, 2};
    CHECK(pyro::type(s) == "set"_s);
    CHECK(pyro::rt::contains(s, Any(1)));
    CHECK(pyro::rt::contains(s, Any(1.0)));  // equal numbers
    CHECK_FALSE(pyro::rt::contains(s, Any("1"_s)));
    CHECK(pyro::rt::len(s) == 2);
    CHECK(s == Any(Set<Any>{Any(2), Any(1)}));
    CHECK(pyro::rt::from_any<Set<Int>>(Any(Set<Any>{Any(7)})) == Set<Int>{7});
    const Any m = SetMut<Int>{1};
    pyro::rt::call_method(m, "add", Any(5));
    pyro::rt::call_method(m, "remove", Any(1));
    CHECK(text(m) == "{5}");
    CHECK(error_of([&] { pyro::rt::call_method(m, "add", Any("x"_s)); }) ==
          "Error: type mismatch: expected int, got string");
    CHECK(error_of([&] { pyro::rt::call_method(m, "remove", Any(9)); }) ==
          "Error: 9 is not in set");
    CHECK(pyro::rt::call_method(m, "contains", Any(5)) == Any(true));
    CHECK(text(pyro::set(List<Str>{"x"_s, "y"_s, "x"_s})) == R"({"x", "y"})");
    CHECK(error_of([&] { (void)pyro::rt::hash_of(m); }) == "Error: unhashable type: set_mut");
}
