// List and ListMut: every method, indexing and slicing, the error messages, printing, and
// ListMut's atomicity under threads.
#include <algorithm>
#include <atomic>
#include <thread>
#include <vector>

#include "runtime_test_util.hpp"

using pyro::Any;
using pyro::Int;
using pyro::List;
using pyro::ListMut;
using pyro::Str;
using pyro::rt::open;
using runtime_test::error_of;
using runtime_test::text;
using namespace pyro::literals;

TEST_CASE("runtime: List basics: len, indexing, contains, index", "[runtime]") {
    const List<Int> xs{10, 20, 30};
    CHECK(xs.len() == 3);
    CHECK(pyro::len(xs) == 3);
    CHECK(xs.at(0) == 10);
    CHECK(xs.at(2) == 30);
    CHECK(xs.at(-1) == 30);
    CHECK(xs.at(-3) == 10);
    CHECK(error_of([&] { (void)xs.at(5); }) == "Error: index 5 out of range for length 3");
    CHECK(error_of([&] { (void)xs.at(-4); }) == "Error: index -4 out of range for length 3");
    CHECK(xs.contains(Int(20)));
    CHECK_FALSE(xs.contains(Int(25)));
    CHECK(xs.index(Int(30)) == 2);
    CHECK(error_of([&] { (void)xs.index(Int(7)); }) == "Error: 7 is not in list");
    const List<Str> words{"a"_s};
    CHECK(error_of([&] { (void)words.index("b"_s); }) == "Error: \"b\" is not in list");
    const List<Int> empty;
    CHECK(empty.len() == 0);
    CHECK_FALSE(pyro::truthy(empty));
    CHECK(pyro::truthy(xs));
    CHECK(error_of([&] { (void)empty.at(0); }) == "Error: index 0 out of range for length 0");
}

TEST_CASE("runtime: List slicing follows Python", "[runtime]") {
    const List<Int> xs{0, 1, 2, 3, 4, 5};
    CHECK(text(xs.slice(1, 4)) == "[1, 2, 3]");
    CHECK(text(xs.slice(open, 2)) == "[0, 1]");
    CHECK(text(xs.slice(4, open)) == "[4, 5]");
    CHECK(text(xs.slice(-2, open)) == "[4, 5]");
    CHECK(text(xs.slice(open, -2)) == "[0, 1, 2, 3]");
    CHECK(text(xs.slice(open, open, 2)) == "[0, 2, 4]");
    CHECK(text(xs.slice(1, open, 2)) == "[1, 3, 5]");
    CHECK(text(xs.slice(open, open, -1)) == "[5, 4, 3, 2, 1, 0]");
    CHECK(text(xs.slice(4, 1, -1)) == "[4, 3, 2]");
    CHECK(text(xs.slice(open, open, -2)) == "[5, 3, 1]");
    CHECK(text(xs.slice(-1, -4, -1)) == "[5, 4, 3]");
    CHECK(text(xs.slice(10, 20)) == "[]");
    CHECK(text(xs.slice(-100, 100)) == "[0, 1, 2, 3, 4, 5]");
    CHECK(text(xs.slice(3, 1)) == "[]");
    CHECK(text(xs.slice(open, open, Int::min())) == "[5]");
    CHECK(text(xs.slice(open, open, Int::max())) == "[0]");
    CHECK(error_of([&] { (void)xs.slice(open, open, 0); }) == "Error: slice step cannot be zero");
}

TEST_CASE("runtime: List concatenation, repetition, equality, order", "[runtime]") {
    const List<Int> a{1, 2};
    const List<Int> b{3};
    CHECK(text(a + b) == "[1, 2, 3]");
    CHECK(text(a * 3) == "[1, 2, 1, 2, 1, 2]");
    CHECK(text(Int(2) * b) == "[3, 3]");
    CHECK(text(a * -1) == "[]");
    CHECK(a + b == List<Int>{1, 2, 3});
    CHECK(a != b);
    CHECK(a == List<double>{1.0, 2.0});  // numbers compare by value
    CHECK(a < b);
    CHECK(List<Int>{1, 2} < List<Int>{1, 2, 0});
    CHECK(List<Int>{} < List<Int>{0});
    CHECK_FALSE(List<Int>{2} < List<Int>{1, 5});
    CHECK(List<Str>{"b"_s} > List<Str>{"a"_s, "z"_s});
    CHECK(pyro::rt::hash_of(List<Int>{1, 2}) == pyro::rt::hash_of(List<Int>{1, 2}));
}

TEST_CASE("runtime: List printing quotes strings and nests", "[runtime]") {
    CHECK(text(List<Str>{"a"_s, "b\n"_s, "say \"hi\""_s}) == R"(["a", "b\n", "say \"hi\""])");
    CHECK(text(List<Str>{"\t\r\\"_s, "\x01"_s, "é"_s}) == R"(["\t\r\\", "\x01", "é"])");
    CHECK(text(List<List<Int>>{{1}, {}, {2, 3}}) == "[[1], [], [2, 3]]");
    CHECK(text(List<double>{0.1, 4.0, 1e16}) == "[0.1, 4.0, 1e+16]");
    CHECK(text(List<bool>{true, false}) == "[true, false]");
    CHECK(text(List<Int>{}) == "[]");
    CHECK(text(ListMut<Int>{1, 2}) == "[1, 2]");  // mutable kinds print the same
}

TEST_CASE("runtime: ListMut methods", "[runtime]") {
    const ListMut<Int> xs;
    xs.push(3);
    xs.push(1);
    xs.push(2);
    CHECK(text(xs) == "[3, 1, 2]");
    CHECK(xs.pop() == 2);
    xs.insert(0, 9);    // front
    xs.insert(-1, 7);   // before the last
    xs.insert(100, 8);  // clamped to the end
    xs.insert(-100, 0);
    CHECK(text(xs) == "[0, 9, 3, 7, 1, 8]");
    xs.remove(Int(7));
    CHECK(text(xs) == "[0, 9, 3, 1, 8]");
    CHECK(error_of([&] { xs.remove(Int(42)); }) == "Error: 42 is not in list");
    xs.sort();
    CHECK(text(xs) == "[0, 1, 3, 8, 9]");
    xs.reverse();
    CHECK(text(xs) == "[9, 8, 3, 1, 0]");
    xs.set(0, 5);
    xs.set(-1, 6);
    CHECK(text(xs) == "[5, 8, 3, 1, 6]");
    CHECK(error_of([&] { xs.set(5, 0); }) == "Error: index 5 out of range for length 5");
    CHECK(xs.at(-2) == 1);
    CHECK(xs.index(Int(3)) == 2);
    CHECK(xs.contains(Int(8)));
    xs.extend(List<Int>{1, 2});
    xs.extend(pyro::range(3));
    CHECK(text(xs) == "[5, 8, 3, 1, 6, 1, 2, 0, 1, 2]");
    xs.clear();
    CHECK(xs.len() == 0);
    CHECK(error_of([&] { (void)xs.pop(); }) == "Error: pop from empty list");
    xs.push(1);
    xs.extend(xs);  // itself: a snapshot, not an endless loop
    CHECK(text(xs) == "[1, 1]");
    // mutate_items: a library function rearranging the list in place, atomically.
    xs.push(5);
    xs.mutate_items([](std::vector<Int>& items) { std::swap(items.front(), items.back()); });
    CHECK(text(xs) == "[5, 1, 1]");
}

TEST_CASE("runtime: ListMut is a shared reference; ListMutable copies", "[runtime]") {
    const ListMut<Int> a{1, 2};
    const ListMut<Int> alias = a;
    alias.push(3);
    CHECK(text(a) == "[1, 2, 3]");
    const ListMut<Int> copy = pyro::list_mutable(a);
    copy.push(4);
    CHECK(text(a) == "[1, 2, 3]");
    CHECK(text(copy) == "[1, 2, 3, 4]");
    CHECK(text(pyro::list_mutable(List<Int>{7})) == "[7]");
    CHECK(a == alias);
    CHECK(a != copy);
    CHECK(a == ListMut<Int>{1, 2, 3});  // structural
    CHECK(a == List<Int>{1, 2, 3});
    CHECK(text(a.slice(open, open, -1)) == "[3, 2, 1]");
    const ListMut<Int> part = a.slice(1, open);
    part.push(9);
    CHECK(text(a) == "[1, 2, 3]");  // a slice is a new list
    CHECK(text(a + part) == "[1, 2, 3, 2, 3, 9]");
    CHECK(text(a * 2) == "[1, 2, 3, 1, 2, 3]");
    CHECK(ListMut<Int>{1} < ListMut<Int>{2});
}

TEST_CASE("runtime: ListMut iteration is index-based and sees pushes", "[runtime]") {
    const ListMut<Int> work{1};
    std::vector<std::int64_t> seen;
    for (const Int& x : pyro::rt::iter(work)) {
        seen.push_back(x.v);
        if (x < 4) {
            work.push(x + 1);  // a work list: the loop goes on
        }
    }
    CHECK(seen == std::vector<std::int64_t>{1, 2, 3, 4});
    // Shrinking during the loop ends it instead of reading past the end.
    const ListMut<Int> shrinking{1, 2, 3, 4};
    std::vector<std::int64_t> visited;
    for (const Int& x : pyro::rt::iter(shrinking)) {
        visited.push_back(x.v);
        shrinking.clear();
    }
    CHECK(visited == std::vector<std::int64_t>{1});
    // The loop walks the list it started with even if the variable is reassigned.
    List<Int> xs{1, 2, 3};
    std::int64_t total = 0;
    for (const Int& x : pyro::rt::iter(xs)) {
        total += x.v;
        xs = List<Int>{};
    }
    CHECK(total == 6);
}

TEST_CASE("runtime: ListMut iteration sees changes made by the loop body", "[runtime]") {
    // 200 elements: several read-ahead batches. At each even index, overwrite the next one.
    const ListMut<Int> xs = pyro::list_mutable(pyro::range(200));
    std::vector<std::int64_t> seen;
    std::int64_t i = 0;
    for (const Int& x : pyro::rt::iter(xs)) {
        seen.push_back(x.v);
        if (i % 2 == 0 && i + 1 < 200) {
            xs.set(i + 1, x + 1000);
        }
        ++i;
    }
    REQUIRE(seen.size() == 200);
    for (std::size_t k = 0; k < 200; ++k) {
        CHECK(seen[k] ==
              (k % 2 == 0 ? static_cast<std::int64_t>(k) : static_cast<std::int64_t>(k) + 999));
    }
    // Removing the element just visited shifts the rest, as in Python: every other one is seen.
    const ListMut<Int> ys = pyro::list_mutable(pyro::range(100));
    std::int64_t visited = 0;
    for (const Int& y : pyro::rt::iter(ys)) {
        ys.remove(y);
        ++visited;
    }
    CHECK(visited == 50);
    CHECK(ys.len() == 50);
}

TEST_CASE("runtime: a list that holds itself prints [...]", "[runtime]") {
    const ListMut<Any> xs{Any(1)};
    xs.push(Any(xs));
    CHECK(text(xs) == "[1, [...]]");
    const ListMut<Any> outer{Any(xs)};
    CHECK(text(outer) == "[[1, [...]]]");
    xs.clear();  // break the cycle so both are freed
}

TEST_CASE("runtime: ListMut of Any sorts, searches and removes on snapshots", "[runtime]") {
    const ListMut<Any> xs{Any(3), Any(1.5), Any(2)};
    xs.sort();
    CHECK(text(xs) == "[1.5, 2, 3]");
    CHECK(xs.contains(Any(2.0)));
    xs.remove(Any(2.0));  // 2 == 2.0
    CHECK(text(xs) == "[1.5, 3]");
    CHECK(xs.index(Any(3)) == 1);
    xs.push(Any("a"_s));
    CHECK_THAT(error_of([&] { xs.sort(); }),
               Catch::Matchers::StartsWith("Error: cannot compare string and "));
    // Stable: equal keys keep their order.
    const ListMut<double> zeros{0.0, -0.0, 0.0};
    zeros.sort();
    CHECK(text(zeros) == "[0.0, -0.0, 0.0]");
}

TEST_CASE("runtime: ListMut under 8 threads keeps every element", "[runtime]") {
    constexpr int kThreads = 8;
    constexpr int kPerThread = 20000;
    const ListMut<Int> shared;
    std::atomic<bool> go{false};
    std::atomic<std::int64_t> popped_sum{0};
    std::vector<std::thread> threads;
    for (int t = 0; t < kThreads; ++t) {
        threads.emplace_back([&, t] {
            while (!go.load()) {
            }
            for (int i = 0; i < kPerThread; ++i) {
                shared.push(Int(t * kPerThread + i));
                if (i % 4 == 3) {
                    popped_sum += shared.pop().v;  // never empty: this thread pushed before
                }
                if (i % 1000 == 0) {
                    (void)shared.len();
                    (void)pyro::str(shared.slice(0, 3));
                }
            }
        });
    }
    go = true;
    for (auto& th : threads) {
        th.join();
    }
    const auto items = shared.copy_items();
    CHECK(items.size() == kThreads * kPerThread * 3 / 4);
    std::int64_t total = popped_sum.load();
    for (const Int& x : items) {
        total += x.v;
    }
    const std::int64_t n = kThreads * kPerThread;
    CHECK(total == n * (n - 1) / 2);  // every pushed value is either still there or was popped
}
