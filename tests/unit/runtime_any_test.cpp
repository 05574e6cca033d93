// pyro::Any: every dynamic operation, its error message, conversions at typed boundaries,
// identity of mutable values inside an Any, and printing.
#include "runtime_test_util.hpp"

using pyro::Any;
using pyro::Dict;
using pyro::DictMut;
using pyro::Int;
using pyro::List;
using pyro::ListMut;
using pyro::Str;
using pyro::Tuple;
using pyro::rt::from_any;
using pyro::rt::is;
using runtime_test::error_of;
using runtime_test::text;
using namespace pyro::literals;

TEST_CASE("runtime: Any holds scalars inline and names their types", "[runtime]") {
    CHECK(sizeof(Any) == 24);
    CHECK(Any().is_void());
    CHECK(Any(pyro::void_).type_name() == "void");
    CHECK(Any(true).type_name() == "bool");
    CHECK(Any(42).type_name() == "int");
    CHECK(Any(Int(42)).int_value() == 42);
    CHECK(Any(2.5).type_name() == "float");
    CHECK(Any("s"_s).type_name() == "string");
    CHECK(pyro::type(Any(ListMut<Int>{})) == "list_mut"_s);
    CHECK(Any(ListMut<Int>{}).full_type_name() == "list_mut<int>");
    CHECK(pyro::type(Any(Dict<Str, Int>{})) == "dict"_s);
    CHECK(Any(Dict<Str, List<Int>>{}).full_type_name() == "dict<string, list<int>>");
    CHECK(pyro::type(Int(1)) == "int"_s);
    CHECK(pyro::type(List<Str>{}) == "list"_s);
    CHECK(pyro::type(pyro::range(3)) == "range"_s);
    CHECK(pyro::type(Any(pyro::range(3))) == "range"_s);
}

TEST_CASE("runtime: Any arithmetic follows the static rules", "[runtime]") {
    CHECK(Any(2) + Any(3) == Any(5));
    CHECK((Any(2) + Any(3)).is_int());
    CHECK((Any(2) + Any(0.5)).is_float());
    CHECK(Any(2) + Any(0.5) == Any(2.5));
    CHECK(Any(7) / Any(2) == Any(3));  // truncates
    CHECK(Any(-7) % Any(2) == Any(-1));
    CHECK(Any(7.0) / Any(2) == Any(3.5));
    CHECK(text(Any(1.0) / Any(0)) == "inf");
    CHECK(text(Any(1.0) % Any(0)) == "nan");
    CHECK(Any("ab"_s) + Any("c"_s) == Any("abc"_s));
    CHECK(Any("ab"_s) * Any(2) == Any("abab"_s));
    CHECK(Any(3) * Any("x"_s) == Any("xxx"_s));
    CHECK(text(Any(List<Int>{1}) + Any(List<Int>{2})) == "[1, 2]");
    CHECK(text(Any(List<Int>{1}) + Any(List<Str>{"a"_s})) == R"([1, "a"])");
    CHECK(text(Any(List<Int>{1, 2}) * Any(2)) == "[1, 2, 1, 2]");
    CHECK(-Any(5) == Any(-5));
    CHECK(-Any(2.5) == Any(-2.5));
    CHECK(~Any(0) == Any(-1));
    CHECK((Any(6) & Any(3)) == Any(2));
    CHECK((Any(6) | Any(3)) == Any(7));
    CHECK((Any(6) ^ Any(3)) == Any(5));
    CHECK((Any(1) << Any(4)) == Any(16));
    CHECK((Any(-16) >> Any(2)) == Any(-4));
    CHECK((Any(true) & Any(false)) == Any(false));
    CHECK(pyro::rt::pow(Any(2), Any(10)) == Any(1024));
    CHECK(pyro::rt::pow(Any(2), Any(0.5)).is_float());
    Any acc = 1;
    acc += Any(2);
    acc *= Any(3.0);
    CHECK(acc == Any(9.0));
    // Mixed with static values: the static side converts.
    CHECK(Any(1) + Int(2) == Any(3));
    CHECK(Int(1) + Any(2.5) == Any(3.5));
    CHECK("a"_s + Any("b"_s) == Any("ab"_s));
}

TEST_CASE("runtime: Any arithmetic errors name the types", "[runtime]") {
    CHECK(error_of([] { (void)(Any("a"_s) + Any(1)); }) == "Error: cannot add string and int");
    CHECK(error_of([] { (void)(Any(1) - Any("a"_s)); }) == "Error: cannot subtract int and string");
    CHECK(error_of([] { (void)(Any(List<Int>{}) * Any(1.5)); }) ==
          "Error: cannot multiply list and float");
    CHECK(error_of([] { (void)(Any(true) / Any(1)); }) == "Error: cannot divide bool and int");
    CHECK(error_of([] { (void)(Any("a"_s) % Any(1)); }) ==
          "Error: cannot apply % to string and int");
    CHECK(error_of([] { (void)(Any(1.5) & Any(1)); }) == "Error: cannot apply & to float and int");
    CHECK(error_of([] { (void)(Any(1) << Any(2.0)); }) ==
          "Error: cannot apply << to int and float");
    CHECK(error_of([] { (void)-Any("a"_s); }) == "Error: cannot negate string");
    CHECK(error_of([] { (void)~Any(1.5); }) == "Error: cannot apply ~ to float");
    CHECK(error_of([] { (void)pyro::rt::pow(Any("a"_s), Any(2)); }) ==
          "Error: cannot apply ** to string and int");
    CHECK(error_of([] { (void)(Any(1) / Any(0)); }) == "Error: division by zero");
    CHECK(error_of([] { (void)(Any(Int::max()) + Any(1)); }) == "Error: integer overflow");
    CHECK(error_of([] { (void)pyro::rt::pow(Any(2), Any(-1)); }) == "Error: negative exponent");
    CHECK(error_of([] { (void)(Any(List<Int>{}) + Any(1)); }) == "Error: cannot add list and int");
    CHECK(error_of([] { (void)(Any(ListMut<Int>{}) + Any(List<Int>{})); }) ==
          "Error: cannot add list_mut and list");
}

TEST_CASE("runtime: Any comparisons", "[runtime]") {
    CHECK(Any(1) == Any(1.0));
    CHECK(Any(1.0) == Any(1));
    CHECK(Any(1) != Any("1"_s));
    CHECK(Any(true) != Any(1));  // bool is not a number
    CHECK(Any() == Any(pyro::void_));
    CHECK(Any(1) < Any(1.5));
    CHECK(Any(2.5) > Any(2));
    CHECK(Any("a"_s) < Any("b"_s));
    CHECK(Any(List<Int>{1, 2}) < Any(List<Int>{1, 3}));
    CHECK(Any(List<Int>{1, 2}) == Any(List<double>{1.0, 2.0}));
    CHECK(Any(List<Int>{1}) == Any(ListMut<Int>{1}));  // structural across kinds of list
    CHECK(Any(List<Int>{1}) != Any(Tuple<Int>(1)));
    CHECK(Any(Dict<Str, Int>{{"a"_s, 1}}) == Any(Dict<Any, Any>{{Any("a"_s), Any(1.0)}}));
    CHECK_FALSE(Any(std::numeric_limits<double>::quiet_NaN()) ==
                Any(std::numeric_limits<double>::quiet_NaN()));
    CHECK_FALSE(Any(std::numeric_limits<double>::quiet_NaN()) < Any(1));
    CHECK(Any(Int::max()) != Any(9223372036854775807.0));  // exact, as Python
    CHECK(error_of([] { (void)(Any(1) < Any("a"_s)); }) == "Error: cannot compare int and string");
    CHECK(error_of([] { (void)(Any(true) < Any(false)); }) ==
          "Error: cannot compare bool and bool");
    CHECK(error_of([] { (void)(Any(Dict<Int, Int>{}) < Any(Dict<Int, Int>{})); }) ==
          "Error: cannot compare dict and dict");
    CHECK(Any(1) == Int(1));
    CHECK(Int(2) > Any(1));
}

TEST_CASE("runtime: Any truthiness", "[runtime]") {
    CHECK_FALSE(pyro::truthy(Any()));
    CHECK_FALSE(pyro::truthy(Any(0)));
    CHECK_FALSE(pyro::truthy(Any(0.0)));
    CHECK_FALSE(pyro::truthy(Any(""_s)));
    CHECK_FALSE(pyro::truthy(Any(false)));
    CHECK_FALSE(pyro::truthy(Any(List<Int>{})));
    CHECK_FALSE(pyro::truthy(Any(DictMut<Int, Int>{})));
    CHECK_FALSE(pyro::truthy(Any(Tuple<>())));
    CHECK(pyro::truthy(Any(std::numeric_limits<double>::quiet_NaN())));
    CHECK(pyro::truthy(Any(-1)));
    CHECK(pyro::truthy(Any(" "_s)));
    CHECK(pyro::truthy(Any(List<Int>{0})));
    CHECK(pyro::to_bool(Any(3)));
}

TEST_CASE("runtime: from_any checks at typed boundaries", "[runtime]") {
    CHECK(from_any<Int>(Any(3)) == 3);
    CHECK(from_any<double>(Any(3)) == 3.0);  // int widens to float
    CHECK(error_of([] { (void)from_any<Int>(Any(3.0)); }) ==
          "Error: type mismatch: expected int, got float");
    CHECK(error_of([] { (void)from_any<Int>(Any("x"_s)); }) ==
          "Error: type mismatch: expected int, got string");
    CHECK(error_of([] { (void)from_any<Str>(Any()); }) ==
          "Error: type mismatch: expected string, got void");
    CHECK(error_of([] { (void)from_any<bool>(Any(1)); }) ==
          "Error: type mismatch: expected bool, got int");
    CHECK(from_any<List<Int>>(Any(List<Any>{Any(1), Any(2)})) == List<Int>{1, 2});
    CHECK(from_any<List<double>>(Any(List<Int>{1})) == List<double>{1.0});
    CHECK(error_of([] { (void)from_any<List<Int>>(Any(List<Any>{Any("a"_s)})); }) ==
          "Error: type mismatch: expected int, got string");
    CHECK(error_of([] { (void)from_any<List<Int>>(Any(ListMut<Int>{})); }) ==
          "Error: type mismatch: expected list<int>, got list_mut<int>");
    CHECK(error_of([] { (void)from_any<ListMut<Int>>(Any(ListMut<Any>{})); }) ==
          "Error: type mismatch: expected list_mut<int>, got list_mut<any>");
    CHECK(from_any<Dict<Str, Int>>(Any(Dict<Any, Any>{{Any("a"_s), Any(1)}})) ==
          Dict<Str, Int>{{"a"_s, 1}});
    CHECK(from_any<Any>(Any(5)) == Any(5));
    CHECK(pyro::to_int(Any("12"_s)) == 12);
    CHECK(pyro::to_int(Any(2.9)) == 2);
    CHECK(pyro::to_float(Any(2)) == 2.0);
    CHECK(error_of([] { (void)pyro::to_int(Any(List<Int>{})); }) ==
          "Error: cannot convert list to int");
}

TEST_CASE("runtime: is<T> tests the run-time type (isinstance, unions)", "[runtime]") {
    CHECK(is<Int>(Any(1)));
    CHECK_FALSE(is<Int>(Any(1.0)));
    CHECK(is<double>(Any(1.0)));
    CHECK_FALSE(is<double>(Any(1)));
    CHECK(is<Str>(Any("a"_s)));
    CHECK(is<pyro::Void>(Any()));
    CHECK(is<List<Int>>(Any(List<Int>{})));
    CHECK(is<List<Int>>(Any(List<Any>{Any(1)})));
    CHECK_FALSE(is<List<Int>>(Any(List<Any>{Any("a"_s)})));
    CHECK(is<List<Any>>(Any(List<Str>{"a"_s})));
    CHECK_FALSE(is<List<Int>>(Any(ListMut<Int>{})));
    CHECK(is<ListMut<Int>>(Any(ListMut<Int>{})));
    CHECK(pyro::rt::is_kind(Any(ListMut<Int>{}), "list_mut"));  // isinstance(x, list_mut)
    CHECK_FALSE(pyro::rt::is_kind(Any(List<Int>{}), "list_mut"));
    CHECK(pyro::rt::is_kind(Any(2.5), "float"));
    // A union `int | string` is an Any plus a membership check.
    const auto in_union = [](const Any& a) { return is<Int>(a) || is<Str>(a); };
    CHECK(in_union(Any(1)));
    CHECK(in_union(Any("x"_s)));
    CHECK_FALSE(in_union(Any(1.5)));
}

TEST_CASE("runtime: a mutable container inside Any keeps its identity", "[runtime]") {
    const ListMut<Int> xs{1};
    const Any a = xs;
    pyro::rt::call_method(a, "push", Any(2));
    CHECK(text(xs) == "[1, 2]");
    const ListMut<Int> back = from_any<ListMut<Int>>(a);
    back.push(3);
    CHECK(text(a) == "[1, 2, 3]");
    CHECK(back == xs);
    CHECK(a.object().identity() == xs.identity());
    const DictMut<Str, Int> d;
    const Any ad = d;
    pyro::rt::set_index(ad, Any("k"_s), Any(1));
    CHECK(d.at("k"_s) == 1);
    CHECK(error_of([&] { pyro::rt::set_index(ad, Any(1), Any(1)); }) ==
          "Error: type mismatch: expected string, got int");
    CHECK(error_of([&] { pyro::rt::call_method(a, "push", Any("s"_s)); }) ==
          "Error: type mismatch: expected int, got string");
}

TEST_CASE("runtime: Any indexing, slicing, len, in, iteration", "[runtime]") {
    const Any xs = List<Int>{10, 20, 30};
    CHECK(pyro::rt::index(xs, Any(-1)) == Any(30));
    CHECK(error_of([&] { (void)pyro::rt::index(xs, Any(3)); }) ==
          "Error: index 3 out of range for length 3");
    CHECK(error_of([&] { (void)pyro::rt::index(xs, Any("a"_s)); }) ==
          "Error: type mismatch: expected int, got string");
    CHECK(text(pyro::rt::slice(xs, 1, pyro::rt::open)) == "[20, 30]");
    CHECK(pyro::len(xs) == 3);
    CHECK(pyro::rt::contains(xs, Any(20.0)));
    CHECK_FALSE(pyro::rt::contains(xs, Any("20"_s)));
    const Any d = Dict<Str, Int>{{"a"_s, 1}};
    CHECK(pyro::rt::index(d, Any("a"_s)) == Any(1));
    CHECK(error_of([&] { (void)pyro::rt::index(d, Any("k"_s)); }) ==
          R"(Error: key not found: "k")");
    CHECK(error_of([&] { (void)pyro::rt::index(d, Any(5)); }) == "Error: key not found: 5");
    CHECK(pyro::rt::contains(d, Any("a"_s)));
    const Any s = "héllo"_s;
    CHECK(pyro::rt::index(s, Any(1)) == Any("é"_s));
    CHECK(pyro::len(s) == 5);
    CHECK(pyro::rt::contains(s, Any("ll"_s)));
    CHECK(error_of([&] { (void)pyro::rt::contains(s, Any(1)); }) ==
          "Error: type mismatch: expected string, got int");
    CHECK(text(pyro::rt::slice(s, pyro::rt::open, pyro::rt::open, -1)) == "olléh");
    std::string joined;
    for (const Any& c : pyro::rt::iterate(s)) {
        joined += text(c) + "|";
    }
    CHECK(joined == "h|é|l|l|o|");
    std::int64_t total = 0;
    for (const Any& x : pyro::rt::iterate(Any(pyro::range(4)))) {
        total += from_any<Int>(x).v;
    }
    CHECK(total == 6);
    CHECK(pyro::rt::contains(Any(pyro::range(0, 10, 2)), Any(4)));
    CHECK_FALSE(pyro::rt::contains(Any(pyro::range(0, 10, 2)), Any(5)));
    CHECK(error_of([] { (void)pyro::len(Any(1)); }) == "Error: int has no len()");
    CHECK(error_of([] { (void)pyro::rt::index(Any(1), Any(0)); }) == "Error: cannot index int");
    CHECK(error_of([] { (void)pyro::rt::iterate(Any(1.5)); }) == "Error: float is not iterable");
    CHECK(error_of([] { (void)pyro::rt::contains(Any(1), Any(1)); }) ==
          "Error: cannot test membership in int");
    CHECK(error_of([&] { pyro::rt::set_index(xs, Any(0), Any(1)); }) ==
          "Error: cannot assign to an element of list");
    CHECK(error_of([] { (void)pyro::rt::get_attr(Any(1), "x"); }) == "Error: no attribute 'x'");
    CHECK(error_of([] { (void)pyro::rt::call_method(Any(1), "x"); }) == "Error: no attribute 'x'");
    CHECK(error_of([&] { (void)pyro::rt::call_method(xs, "push", Any(1)); }) ==
          "Error: no attribute 'push'");
    CHECK(error_of([] { (void)pyro::rt::call(Any(1), 2); }) == "Error: int is not callable");
    // Methods by name.
    CHECK(pyro::rt::call_method(xs, "index", Any(20)) == Any(1));
    CHECK(pyro::rt::call_method(d, "get", Any("z"_s)).is_void());
    CHECK(pyro::rt::call_method(d, "get", Any("z"_s), Any(0)) == Any(0));
    CHECK(text(pyro::rt::call_method(d, "items")) == R"([("a", 1)])");
    CHECK(pyro::rt::call_method(s, "upper") == Any("HÉLLO"_s));
    CHECK(error_of([&] { (void)pyro::rt::call_method(s, "upper", Any(1)); }) ==
          "Error: upper() takes 0 arguments, got 1");
}

TEST_CASE("runtime: Any printing quotes strings only inside containers", "[runtime]") {
    CHECK(text(Any("top"_s)) == "top");
    CHECK(text(Any()) == "void");
    CHECK(text(Any(0.1)) == "0.1");
    CHECK(text(Any(true)) == "true");
    CHECK(text(List<Any>{Any(1), Any("two"_s), Any(3.0), Any(), Any(false)}) ==
          R"([1, "two", 3.0, void, false])");
    CHECK(text(Dict<Any, Any>{{Any("k"_s), Any(List<Str>{"v\n"_s})}}) == R"({"k": ["v\n"]})");
    CHECK(text(Any(pyro::range(0, 5))) == "range(0, 5)");
    CHECK(pyro::str(Any(2.5e-05)) == "2.5e-05"_s);
}

TEST_CASE("runtime: Any values share storage and copy cheaply", "[runtime]") {
    Any a = List<Int>{1, 2};
    Any b = a;
    CHECK(&a.object() == &b.object());
    Any c = std::move(b);
    CHECK(b.is_void());  // NOLINT: moved-from is void by contract
    CHECK(c == a);
    Any s = Str(std::string_view("a string long enough for the heap"));
    Any t = s;
    CHECK(t == s);
    s = Any(1);
    CHECK(t.str_value().view() == "a string long enough for the heap");
}

TEST_CASE("runtime: f-string specs format what an Any holds", "[runtime]") {
    CHECK(pyro::rt::format(Any(3.14159), ".2f") == "3.14"_s);
    CHECK(pyro::rt::format(Any(42), ">5") == "   42"_s);
    CHECK(pyro::rt::format(Any(true), "") == "true"_s);
    CHECK(pyro::rt::format(Any("ab"_s), "^6") == "  ab  "_s);
    CHECK(pyro::rt::format(Any(), "") == "void"_s);
    CHECK(pyro::rt::format(Any(List<Int>{1}), "") == "[1]"_s);
    CHECK(error_of([] { (void)pyro::rt::format(Any(List<Int>{1}), ">8"); }) ==
          R"(Error: invalid format spec ">8" for list)");
    CHECK(error_of([] { (void)pyro::rt::format(Any("s"_s), "d"); }) ==
          R"(Error: invalid format spec "d" for string)");
    CHECK(pyro::rt::format(List<Int>{1, 2}, "") == "[1, 2]"_s);
    CHECK(pyro::rt::format(pyro::range(3), "") == "range(0, 3)"_s);
    CHECK(error_of([] { (void)pyro::rt::format(Tuple<Int>(1), "d"); }) ==
          R"(Error: invalid format spec "d" for tuple)");
    CHECK(pyro::rt::format(Int(7), "03") == "007"_s);  // the static overloads still win
}
