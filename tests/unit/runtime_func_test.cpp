// Function values: naming, identity, closures, currying (partial and over-application),
// bound methods, calls through Any, and Cell.
#include <atomic>
#include <thread>
#include <vector>

#include "runtime_test_util.hpp"

using pyro::Any;
using pyro::Func;
using pyro::Int;
using pyro::List;
using pyro::Object;
using pyro::Ref;
using pyro::Str;
using pyro::rt::Cell;
using pyro::rt::func_ref;
using runtime_test::error_of;
using runtime_test::text;
using namespace pyro::literals;

namespace {

Int add(Int a, Int b) {
    return a + b;
}
Int add3(Int a, Int b, Int c) {
    return a * 100 + b * 10 + c;
}
Str greet(Str name) {
    return "hi "_s + name;
}
// def make_adder(n) -> (int) -> int: return lambda x: x + n
Func<Int(Int)> make_adder(Int n) {
    return Func<Int(Int)>("lambda", [n](Int x) { return x + n; });
}
// def curried(a) -> (int) -> ((int) -> int) -- a function returning a function
Func<Func<Int(Int)>(Int)> curried_maker() {
    return Func<Func<Int(Int)>(Int)>(
        "curried", [](Int a) { return Func<Int(Int)>("lambda", [a](Int b) { return a - b; }); });
}

class Counter : public Object {
public:
    static constexpr std::string_view pyro_name = "Counter";
    pyro::rt::Field<Int, "n"> n;
    Int add(Int k) {
        pyro_set(n, pyro_get(n) + k);
        return pyro_get(n);
    }
    std::string_view pyro_class_name() const override { return pyro_name; }
    void pyro_fields(pyro::rt::FieldVisitor& v) override { v(n); }
};

}  // namespace

TEST_CASE("runtime: functions print by name and compare by identity", "[runtime]") {
    const auto f = func_ref<Int(Int, Int), &add>("add");
    CHECK(f(2, 3) == 5);
    CHECK(text(f) == "<function add>");
    CHECK(text(make_adder(1)) == "<function lambda>");
    CHECK(text(Func<Int()>("Point.area", [] { return Int(1); })) == "<function Point.area>");
    CHECK(f == func_ref<Int(Int, Int), &add>("add"));  // the same function
    const auto g = make_adder(1);
    const auto g2 = g;
    CHECK(g == g2);
    CHECK(g != make_adder(1));  // another closure
    CHECK(pyro::type(f) == "function"_s);
    CHECK(pyro::rt::TypeName<Func<Int(Int, Str)>>::name() == "(int, string) -> int");
    CHECK(pyro::rt::TypeName<Func<void()>>::name() == "() -> void");
    CHECK(text(List<Func<Int(Int)>>{g}) == "[<function lambda>]");
}

TEST_CASE("runtime: closures capture through cells", "[runtime]") {
    // def counter(): mut n = 0; def inc(): n += 1; return n; return inc
    const auto counter = [] {
        const Cell<Int> n(Int(0));
        return Func<Int()>("inc", [n] {
            n.set(n.get() + 1);
            return n.get();
        });
    };
    const auto inc = counter();
    CHECK(inc() == 1);
    CHECK(inc() == 2);
    const auto other = counter();
    CHECK(other() == 1);  // its own variable
    CHECK(inc() == 3);
    const Cell<Str> s("a"_s);
    const Cell<Str> same = s;
    same.set("b"_s);
    CHECK(s.get() == "b"_s);
    const Cell<double> d;
    CHECK(d.get() == 0.0);
}

TEST_CASE("runtime: currying: partial application and over-application", "[runtime]") {
    const auto f = func_ref<Int(Int, Int), &add>("add");
    const Func<Int(Int)> add5 = pyro::rt::call(f, Int(5));
    CHECK(add5(10) == 15);
    CHECK(text(add5) == "<function add>");
    CHECK(pyro::rt::call(f, Int(1), Int(2)) == 3);
    const auto f3 = func_ref<Int(Int, Int, Int), &add3>("add3");
    CHECK(pyro::rt::call(pyro::rt::call(pyro::rt::call(f3, Int(1)), Int(2)), Int(3)) == 123);
    CHECK(pyro::rt::call(pyro::rt::call(f3, Int(1), Int(2)), Int(3)) == 123);
    CHECK(pyro::rt::call(pyro::rt::call(f3, Int(1)), Int(2), Int(3)) == 123);
    const auto p = pyro::rt::partial(f3, Int(7));
    CHECK(p(8, 9) == 789);
    // Over-application: the result is applied to the surplus.
    const auto maker = curried_maker();
    CHECK(pyro::rt::call(maker, Int(10), Int(3)) == 7);
    CHECK(pyro::rt::call_over(maker, Int(10), Int(4)) == 6);
    // A partial of a string function keeps argument types.
    const auto gr = func_ref<Str(Str), &greet>("greet");
    CHECK(pyro::rt::call(gr, "bo"_s) == "hi bo"_s);
}

TEST_CASE("runtime: bound methods", "[runtime]") {
    const Ref<Counter> c = pyro::make<Counter>();
    c->pyro_set(c->n, Int(0));
    const auto m = pyro::rt::bind_method<&Counter::add>(c, "Counter.add");
    CHECK(m(5) == 5);
    CHECK(m(1) == 6);
    CHECK(c->pyro_get(c->n) == 6);
    CHECK(text(m) == "<function Counter.add>");
    CHECK(m == pyro::rt::bind_method<&Counter::add>(c, "Counter.add"));  // same method, instance
    const Ref<Counter> d = pyro::make<Counter>();
    CHECK(m != pyro::rt::bind_method<&Counter::add>(d, "Counter.add"));
}

TEST_CASE("runtime: functions inside Any check and curry their arguments", "[runtime]") {
    const Any f = func_ref<Int(Int, Int), &add>("add");
    CHECK(pyro::type(f) == "function"_s);
    CHECK(text(f) == "<function add>");
    CHECK(pyro::rt::call(f, 2, 3) == Any(5));
    const Any add2 = pyro::rt::call(f, 2);
    CHECK(text(add2) == "<function add>");
    CHECK(pyro::rt::call(add2, 40) == Any(42));
    CHECK(error_of([&] { (void)pyro::rt::call(f, "a"_s, 1); }) ==
          "Error: type mismatch: expected int, got string");
    const Any maker = curried_maker();
    CHECK(pyro::rt::call(maker, 10, 4) == Any(6));  // over-application through Any
    CHECK(error_of([&] { (void)pyro::rt::call(f, 1, 2, 3); }) == "Error: int is not callable");
    CHECK(f == Any(func_ref<Int(Int, Int), &add>("add")));
    CHECK(pyro::rt::from_any<Func<Int(Int, Int)>>(f)(1, 1) == 2);
    CHECK(error_of([&] { (void)pyro::rt::from_any<Func<Int(Int)>>(f); }) ==
          "Error: type mismatch: expected (int) -> int, got (int, int) -> int");
    const Any v = Func<void(Int)>("sink", [](Int) {});
    CHECK(pyro::rt::call(v, 1).is_void());
    CHECK(pyro::truthy(f));
}

TEST_CASE("runtime: map and filter take function values", "[runtime]") {
    const auto inc = make_adder(1);
    CHECK(text(pyro::map(inc, List<Int>{1, 2})) == "[2, 3]");
    const Any any_inc = inc;
    CHECK(text(pyro::map(any_inc, List<Int>{1})) == "[2]");
    const auto odd = Func<bool(Int)>("lambda", [](Int x) { return x % 2 != 0; });
    CHECK(text(pyro::filter(odd, pyro::range(6))) == "[1, 3, 5]");
}

TEST_CASE("runtime: Cell loads and stores are atomic across threads", "[runtime]") {
    const Cell<Int> flag(Int(0));
    const Cell<Str> text_cell(Str(std::string(32, 'x')));
    std::atomic<int> bad{0};
    std::vector<std::thread> threads;
    for (int t = 0; t < 8; ++t) {
        threads.emplace_back([&, t] {
            const Str mine(std::string(32, static_cast<char>('a' + t)));
            for (int i = 0; i < 20000; ++i) {
                flag.set(Int(t));
                const Int seen = flag.get();
                if (seen.v < 0 || seen.v >= 8) {
                    ++bad;
                }
                text_cell.set(mine);
                const Str s = text_cell.get();
                if (s.size() != 32 ||
                    s.view().find_first_not_of(s.view()[0]) != std::string_view::npos) {
                    ++bad;
                }
            }
        });
    }
    for (auto& th : threads) {
        th.join();
    }
    CHECK(bad.load() == 0);
}
