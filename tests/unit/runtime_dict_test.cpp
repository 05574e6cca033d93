// Dict and DictMut: insertion order, every method, `key not found`, printing, the hash table
// against a model under random inserts and removals, keys of many kinds, and 8 threads.
#include <atomic>
#include <map>
#include <random>
#include <thread>
#include <vector>

#include "runtime_test_util.hpp"

using pyro::Any;
using pyro::Dict;
using pyro::DictMut;
using pyro::Int;
using pyro::List;
using pyro::Str;
using pyro::Tuple;
using runtime_test::error_of;
using runtime_test::text;
using namespace pyro::literals;

namespace {

struct Point {
    Int x;
    Int y;
    static constexpr std::string_view pyro_name = "Point";
    static constexpr std::array<std::string_view, 2> pyro_field_names{"x", "y"};
    auto pyro_fields() const { return std::tie(x, y); }
    friend bool operator==(const Point&, const Point&) = default;
};

}  // namespace

TEST_CASE("runtime: Dict literal keeps first position and last value", "[runtime]") {
    const Dict<Str, Int> d{{"b"_s, 1}, {"a"_s, 2}, {"b"_s, 3}};
    CHECK(text(d) == R"({"b": 3, "a": 2})");
    CHECK(d.len() == 2);
    CHECK(pyro::len(d) == 2);
    CHECK(text(Dict<Str, Int>{}) == "{}");
    CHECK_FALSE(pyro::truthy(Dict<Str, Int>{}));
    CHECK(pyro::truthy(d));
}

TEST_CASE("runtime: Dict lookups", "[runtime]") {
    const Dict<Str, Int> d{{"a"_s, 1}, {"b"_s, 2}};
    CHECK(d.at("a"_s) == 1);
    CHECK(error_of([&] { (void)d.at("k"_s); }) == R"(Error: key not found: "k")");
    CHECK(d.contains("b"_s));
    CHECK_FALSE(d.contains("z"_s));
    CHECK(d.get("a"_s) == Any(1));
    CHECK(d.get("z"_s).is_void());
    CHECK(d.get("z"_s, 7) == 7);
    CHECK(d.get("b"_s, 7) == 2);
    CHECK(d.get_opt("b"_s) == std::optional<Int>(2));
    CHECK_FALSE(d.get_opt("z"_s).has_value());
    CHECK(text(d.keys()) == R"(["a", "b"])");
    CHECK(text(d.values()) == "[1, 2]");
    CHECK(text(d.items()) == R"([("a", 1), ("b", 2)])");
    std::vector<std::string> keys;
    for (const Str& k : pyro::rt::iter(d)) {
        keys.push_back(k.std_string());
    }
    CHECK(keys == std::vector<std::string>{"a", "b"});
    const Dict<Int, Str> by_int{{3, "three"_s}};
    CHECK(error_of([&] { (void)by_int.at(4); }) == "Error: key not found: 4");
}

TEST_CASE("runtime: DictMut methods", "[runtime]") {
    const DictMut<Str, Int> d;
    d.set("x"_s, 1);
    d.set("y"_s, 2);
    d.insert("z"_s, 3);
    d.set("x"_s, 10);  // keeps its place
    CHECK(text(d) == R"({"x": 10, "y": 2, "z": 3})");
    d.remove("y"_s);
    CHECK(text(d) == R"({"x": 10, "z": 3})");
    CHECK(error_of([&] { d.remove("y"_s); }) == R"(Error: key not found: "y")");
    CHECK(error_of([&] { (void)d.at("y"_s); }) == R"(Error: key not found: "y")");
    d.set("y"_s, 5);  // a removed key comes back at the end
    CHECK(text(d.keys()) == R"(["x", "z", "y"])");
    CHECK(d.at("y"_s) == 5);
    CHECK(d.get("q"_s, 0) == 0);
    CHECK(d.get("q"_s).is_void());
    CHECK(d.contains("z"_s));
    CHECK(text(d.items()) == R"([("x", 10), ("z", 3), ("y", 5)])");
    CHECK(text(d.values()) == "[10, 3, 5]");
    d.clear();
    CHECK(d.len() == 0);
    CHECK(text(d) == "{}");
}

TEST_CASE("runtime: DictMut is shared; DictMutable copies; iteration is a snapshot", "[runtime]") {
    const Dict<Str, Int> base{{"a"_s, 1}};
    const DictMut<Str, Int> m = pyro::dict_mutable(base);
    const DictMut<Str, Int> alias = m;
    alias.set("b"_s, 2);
    CHECK(text(m) == R"({"a": 1, "b": 2})");
    CHECK(text(base) == R"({"a": 1})");
    const DictMut<Str, Int> copy = pyro::dict_mutable(m);
    copy.set("c"_s, 3);
    CHECK(m.len() == 2);
    CHECK(m == alias);
    CHECK_FALSE(m == copy);
    CHECK(m == DictMut<Str, Int>{{"b"_s, 2}, {"a"_s, 1}});  // order does not matter
    CHECK(m == Dict<Str, Int>{{"a"_s, 1}, {"b"_s, 2}});
    CHECK(Dict<Str, Int>{{"a"_s, 1}} != Dict<Str, Int>{{"a"_s, 2}});
    int visited = 0;
    for (const Str& k : pyro::rt::iter(m)) {
        m.remove(k);  // safe: the loop walks a snapshot of the keys
        m.set(k + "!"_s, 0);
        ++visited;
    }
    CHECK(visited == 2);
    CHECK(text(m) == R"({"a!": 0, "b!": 0})");
}

TEST_CASE("runtime: the hash table agrees with a model under churn", "[runtime]") {
    std::mt19937_64 rng(12345);
    const DictMut<Int, Int> d;
    std::map<std::int64_t, std::int64_t> model;
    std::vector<std::int64_t> order;  // insertion order of the live keys
    for (int step = 0; step < 200000; ++step) {
        const std::int64_t k = static_cast<std::int64_t>(rng() % 3000);
        const int op = static_cast<int>(rng() % 3);
        if (op < 2) {
            d.set(k, Int(step));
            if (model.count(k) == 0) {
                order.push_back(k);
            }
            model[k] = step;
        } else if (model.count(k) != 0) {
            d.remove(k);
            model.erase(k);
            order.erase(std::find(order.begin(), order.end(), k));
        } else {
            CHECK_FALSE(d.contains(k));
        }
    }
    REQUIRE(d.len() == static_cast<std::int64_t>(model.size()));
    const List<Int> keys = d.keys();
    REQUIRE(keys.size() == order.size());
    for (std::size_t i = 0; i < order.size(); ++i) {
        CHECK(keys.items()[i] == order[i]);
        CHECK(d.at(order[i]) == model[order[i]]);
    }
    // Remove everything, then the table still works.
    for (const std::int64_t k : order) {
        d.remove(k);
    }
    CHECK(d.len() == 0);
    d.set(1, 1);
    CHECK(text(d) == "{1: 1}");
}

TEST_CASE("runtime: dict keys of every immutable kind", "[runtime]") {
    const DictMut<Tuple<Int, Str>, Int> by_tuple;
    by_tuple.set(Tuple<Int, Str>(1, "a"_s), 1);
    by_tuple.set(Tuple<Int, Str>(1, "a"_s), 2);
    by_tuple.set(Tuple<Int, Str>(2, "a"_s), 3);
    CHECK(text(by_tuple) == R"({(1, "a"): 2, (2, "a"): 3})");
    const DictMut<Point, Str> by_record;
    by_record.set(Point{1, 2}, "p"_s);
    CHECK(by_record.at(Point{1, 2}) == "p"_s);
    CHECK(text(by_record) == R"({Point(x=1, y=2): "p"})");
    const Dict<double, Int> by_float{{0.5, 1}, {-0.0, 2}, {0.0, 3}};
    CHECK(text(by_float) == "{0.5: 1, -0.0: 3}");  // 0.0 == -0.0
    const Dict<bool, Int> by_bool{{true, 1}, {false, 0}};
    CHECK(by_bool.at(false) == 0);
}

TEST_CASE("runtime: keys of any: 1 and 1.0 are one key, kinds stay apart", "[runtime]") {
    const DictMut<Any, Str> d;
    d.set(Any(1), "int"_s);
    d.set(Any(1.0), "float"_s);  // equal to 1: replaces its value
    d.set(Any(true), "bool"_s);  // a bool is not a number in Pyro
    d.set(Any("1"_s), "string"_s);
    d.set(Any(Tuple<Int, Int>(1, 2)), "tuple"_s);
    d.set(Any(Tuple<Any, Any>(Any(1.0), Any(2))), "tuple again"_s);
    CHECK(text(d) == R"({1: "float", true: "bool", "1": "string", (1, 2): "tuple again"})");
    CHECK(d.at(Any(1.0)) == "float"_s);
    CHECK(error_of([&] { d.set(Any(pyro::ListMut<Int>{1}), "x"_s); }) ==
          "Error: unhashable type: list_mut");
    CHECK(error_of([&] { (void)d.at(Any(2)); }) == "Error: key not found: 2");
}

TEST_CASE("runtime: dict printing nests and quotes", "[runtime]") {
    const Dict<Str, List<Str>> d{{"k\n"_s, {"v"_s}}};
    CHECK(text(d) == R"({"k\n": ["v"]})");
    const DictMut<Str, Any> self;
    self.set("me"_s, Any(self));
    CHECK(text(self) == R"({"me": {...}})");
    self.clear();
}

TEST_CASE("runtime: DictMut under 8 threads loses nothing", "[runtime]") {
    constexpr int kThreads = 8;
    constexpr int kPerThread = 20000;
    const DictMut<Str, Int> d;
    std::atomic<bool> go{false};
    std::vector<std::thread> threads;
    for (int t = 0; t < kThreads; ++t) {
        threads.emplace_back([&, t] {
            while (!go.load()) {
            }
            for (int i = 0; i < kPerThread; ++i) {
                const Str key = pyro::str(Int(t)) + "/"_s + pyro::str(Int(i));
                d.set(key, Int(i));
                if (i % 2 == 1) {
                    d.remove(key);  // only this thread touches its keys
                }
                if (i % 5000 == 0) {
                    (void)d.keys();
                    (void)d.len();
                }
            }
        });
    }
    go = true;
    for (auto& th : threads) {
        th.join();
    }
    CHECK(d.len() == kThreads * kPerThread / 2);
    for (int t = 0; t < kThreads; ++t) {
        for (int i = 0; i < kPerThread; i += 2) {
            const Str key = pyro::str(Int(t)) + "/"_s + pyro::str(Int(i));
            REQUIRE(d.get(key, -1) == i);
        }
    }
}
