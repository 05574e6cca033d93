// std.json over Pyro's values: parse builds an Any of dicts, lists and scalars; stringify
// writes every container kind, static or inside an Any, and refuses what JSON cannot say.
#include <pyro/std/json.hpp>

#include <array>
#include <cmath>
#include <string>
#include <string_view>
#include <tuple>

#include "runtime_test_util.hpp"

using namespace pyro::literals;
using pyro::Any;
using pyro::Dict;
using pyro::DictMut;
using pyro::Int;
using pyro::List;
using pyro::ListMut;
using pyro::Set;
using pyro::Str;
using pyro::Tuple;
using runtime_test::error_of;
namespace json = pyro::json;

namespace {

struct Point {
    Int x;
    Int y;
    static constexpr std::string_view pyro_name = "Point";
    static constexpr std::array<std::string_view, 2> pyro_field_names{"x", "y"};
    auto pyro_fields() const { return std::tie(x, y); }
    friend bool operator==(const Point&, const Point&) = default;
};

// A class as the emitter writes one: fields exist once assigned.
class Node : public pyro::Object {
public:
    static constexpr std::string_view pyro_name = "Node";
    pyro::rt::Field<Int, "value"> value;
    pyro::rt::Field<Str, "label"> label;
    pyro::rt::Field<Any, "next"> next;
    std::string_view pyro_class_name() const override { return pyro_name; }
    void pyro_fields(pyro::rt::FieldVisitor& v) override {
        v(value);
        v(label);
        v(next);
    }
};

// A value with no JSON form, named like a channel.
struct FakeChan {
    friend bool operator==(const FakeChan&, const FakeChan&) = default;
};

std::string text(const Str& s) {
    return s.std_string();
}

}  // namespace

template <>
struct pyro::rt::TypeName<FakeChan> {
    static std::string name() { return "chan<int>"; }
};
template <>
struct pyro::rt::Printer<FakeChan> {
    static void str(Buf& out, const FakeChan&) { append(out, "<chan int>"); }
};

TEST_CASE("std: json parse gives dicts, lists and scalars in an any", "[std][json]") {
    const Any a = json::parse(R"( {"a": [1, 2.5, "x", null, true, false], "b": {}, "c": []} )"_s);
    CHECK(text(pyro::str(a)) == R"({"a": [1, 2.5, "x", void, true, false], "b": {}, "c": []})");
    CHECK(a.type_name() == "dict");
    const auto d = pyro::rt::from_any<Dict<Str, Any>>(a);
    CHECK(d.at("a"_s).type_name() == "list");
    const auto xs = pyro::rt::from_any<List<Any>>(d.at("a"_s));
    CHECK(xs.at(Int(0)).is_int());
    CHECK(xs.at(Int(1)).is_float());
    CHECK(xs.at(Int(2)).is_str());
    CHECK(xs.at(Int(3)).is_void());
    CHECK(xs.at(Int(4)).is_bool());
    // Scalars at the top level.
    CHECK(json::parse("42"_s).int_value() == Int(42));
    CHECK(json::parse("\"\\u00e9\""_s).str_value() == "\u00e9"_s);
    CHECK(json::parse("null"_s).is_void());
    CHECK(json::parse("12345678901234567890"_s).is_float());
}

TEST_CASE("std: json parse keeps the first position and the last value of a key", "[std][json]") {
    CHECK(text(pyro::str(json::parse(R"({"k": 1, "j": 2, "k": 3})"_s))) == R"({"k": 3, "j": 2})");
}

TEST_CASE("std: json parse errors are Pyro errors", "[std][json]") {
    CHECK(error_of([] { json::parse("{\n  \"a\": 1,\n  \"b\" 2\n}"_s); }) ==
          "Error: invalid JSON at line 3, column 7: expected ':'");
}

TEST_CASE("std: json stringify static values", "[std][json]") {
    CHECK(text(json::stringify(Int(7))) == "7");
    CHECK(text(json::stringify(1.0)) == "1.0");
    CHECK(text(json::stringify("a\"b"_s)) == R"("a\"b")");
    CHECK(text(json::stringify(pyro::void_)) == "null");
    CHECK(text(json::stringify(List<Int>{1, 2, 3})) == "[1,2,3]");
    CHECK(text(json::stringify(List<Int>{})) == "[]");
    CHECK(text(json::stringify(Tuple<Int, Str>(Int(1), "a"_s))) == R"([1,"a"])");
    CHECK(text(json::stringify(Tuple<>())) == "[]");
    CHECK(text(json::stringify(Set<Str>{"b"_s, "a"_s, "b"_s})) == R"(["b","a"])");
    CHECK(text(json::stringify(Dict<Str, List<double>>{{"x"_s, {0.5}}, {"y"_s, {}}})) ==
          R"({"x":[0.5],"y":[]})");
    CHECK(text(json::stringify(Dict<Str, Int>{})) == "{}");
    CHECK(text(json::stringify(ListMut<Int>{4, 5})) == "[4,5]");
    CHECK(text(json::stringify(pyro::SetMut<Int>{1})) == "[1]");
    CHECK(text(json::stringify(pyro::TupleMut<Int, bool>(Int(1), true))) == "[1,true]");
    const DictMut<Str, Any> dm{{"n"_s, Any(Int(1))}, {"s"_s, Any("t"_s)}};
    CHECK(text(json::stringify(dm)) == R"({"n":1,"s":"t"})");
}

TEST_CASE("std: json stringify values inside an any", "[std][json]") {
    const List<Any> mixed{Any(Int(1)),
                          Any("two"_s),
                          Any(3.0),
                          Any(),
                          Any(true),
                          Any(List<Int>{4}),
                          Any(Dict<Str, Int>{{"five"_s, 5}}),
                          Any(Tuple<Int, Int>(Int(6), Int(7))),
                          Any(Set<Int>{8}),
                          Any(DictMut<Str, Any>{{"k"_s, Any(ListMut<Int>{9})}})};
    CHECK(text(json::stringify(mixed)) ==
          R"([1,"two",3.0,null,true,[4],{"five":5},[6,7],[8],{"k":[9]}])");
    // A dict of any other static type, inside an any, goes through its items.
    CHECK(text(json::stringify(Any(Dict<Str, List<Int>>{{"a"_s, {1}}, {"b"_s, {}}}))) ==
          R"({"a":[1],"b":[]})");
}

TEST_CASE("std: json round trips through parse and stringify", "[std][json]") {
    const std::string compact =
        R"({"name":"Ada","langs":["en","fr"],"age":36,"ratio":0.1,"one":1.0,"big":1e+300,)"
        R"("neg":-0.0,"nested":{"deep":[[[]],{}],"t":true,"n":null},"esc":"a\"\\\n\u0001\u00e9"})";
    CHECK(text(json::stringify(json::parse(Str(compact)))) ==
          R"({"name":"Ada","langs":["en","fr"],"age":36,"ratio":0.1,"one":1.0,"big":1e+300,)"
          R"("neg":-0.0,"nested":{"deep":[[[]],{}],"t":true,"n":null},"esc":"a\"\\\n\u0001)"
          "\u00e9\"}");
    const Any again = json::parse(json::stringify(json::parse(Str(compact))));
    CHECK(again == json::parse(Str(compact)));
}

TEST_CASE("std: json stringify refuses what JSON cannot say", "[std][json]") {
    CHECK(error_of([] {
              json::stringify(List<double>{1.0, NAN});
          }) == "Error: cannot convert nan to JSON");
    CHECK(error_of([] {
              json::stringify(Dict<Int, Int>{{1, 2}});
          }) == "Error: JSON object keys must be strings, got int");
    CHECK(error_of([] {
              json::stringify(Dict<Any, Int>{{Any("a"_s), 1}, {Any(2.5), 2}});
          }) == "Error: JSON object keys must be strings, got float");
    CHECK(error_of([] {
              json::stringify(Any(Dict<Tuple<Int>, Int>{{Tuple<Int>(Int(1)), 2}}));
          }) == "Error: JSON object keys must be strings, got tuple");
    CHECK(error_of([] { json::stringify(FakeChan{}); }) == "Error: cannot convert chan to JSON");
    CHECK(error_of([] { json::stringify(List<Any>{Any(FakeChan{})}); }) ==
          "Error: cannot convert chan to JSON");
    const pyro::Func<Int(Int)> f("lambda", [](Int x) { return x; });
    CHECK(error_of([&] { json::stringify(f); }) == "Error: cannot convert function to JSON");
    CHECK(error_of([&] { json::stringify(List<Any>{Any(f)}); }) ==
          "Error: cannot convert function to JSON");
}

TEST_CASE("std: json stringify finds a value that contains itself", "[std][json]") {
    const ListMut<Any> xs{Any(Int(1))};
    xs.push(Any(xs));
    CHECK(error_of([&] { json::stringify(xs); }) ==
          "Error: cannot convert a value that contains itself to JSON");
    const DictMut<Str, Any> d;
    d.set("self"_s, Any(List<Any>{Any(d)}));
    CHECK(error_of([&] { json::stringify(Any(d)); }) ==
          "Error: cannot convert a value that contains itself to JSON");
    // The same list twice, side by side, is not a cycle.
    const ListMut<Int> shared{1};
    CHECK(text(json::stringify(List<Any>{Any(shared), Any(shared)})) == "[[1],[1]]");
    xs.clear();  // break the cycles: reference counting does not reclaim them
    d.clear();
}

TEST_CASE("std: json stringify records and instances as objects", "[std][json]") {
    CHECK(text(json::stringify(Point{Int(1), Int(2)})) == R"({"x":1,"y":2})");
    CHECK(text(json::stringify(List<Point>{{Int(1), Int(2)}, {Int(3), Int(4)}})) ==
          R"([{"x":1,"y":2},{"x":3,"y":4}])");
    CHECK(text(json::stringify(List<Any>{Any(Point{Int(5), Int(6)}), Any(Int(7))})) ==
          R"([{"x":5,"y":6},7])");  // a record inside an any
    const auto a = pyro::make<Node>();
    a->pyro_set(a->value, Int(1));
    // Only the fields that are set, in the class's order.
    CHECK(text(json::stringify(a)) == R"({"value":1})");
    const auto b = pyro::make<Node>();
    b->pyro_set(b->label, "b"_s);
    b->pyro_set(b->value, Int(2));
    a->pyro_set(a->next, Any(b));
    CHECK(text(json::stringify(a)) == R"({"value":1,"next":{"value":2,"label":"b"}})");
    CHECK(text(json::stringify(Any(b))) == R"({"value":2,"label":"b"})");  // inside an any
    // The same instance twice side by side is fine; an instance that reaches itself is not.
    CHECK(text(json::stringify(List<pyro::Ref<Node>>{b, b})) ==
          R"([{"value":2,"label":"b"},{"value":2,"label":"b"}])");
    b->pyro_set(b->next, Any(a));
    CHECK(error_of([&] { json::stringify(a); }) ==
          "Error: cannot convert a value that contains itself to JSON");
    b->pyro_set(b->next, Any());  // break the cycle: instance cycles are not reclaimed
}
