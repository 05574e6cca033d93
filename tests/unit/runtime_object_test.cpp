// Classes, records, Error and the try lowering: fields that exist from their first
// assignment, printing, identity, dispatch and super, raising any value, causes, Outcome.
#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <thread>
#include <vector>

#include "runtime_test_util.hpp"

using pyro::Any;
using pyro::Int;
using pyro::List;
using pyro::Object;
using pyro::Ref;
using pyro::Str;
using pyro::rt::Field;
using pyro::rt::FieldVisitor;
using runtime_test::error_of;
using runtime_test::text;
using namespace pyro::literals;

namespace {

// class Shape:
//     def __init__(self, name): self.name = name
//     def area(self) -> float: return 0.0
//     def describe(self) -> string: return self.name + " " + str(self.area())
class Shape : public Object {
public:
    static constexpr std::string_view pyro_name = "Shape";
    Field<Str, "name"> name;

    static Ref<Shape> pyro_new(Str n) {
        auto self = pyro::make<Shape>();
        self->pyro_init(std::move(n));
        return self;
    }
    void pyro_init(Str n) { pyro_set(name, std::move(n)); }
    virtual double area() { return 0.0; }
    Str describe() { return pyro_get(name) + " "_s + pyro::str(area()); }

    std::string_view pyro_class_name() const override { return pyro_name; }
    void pyro_fields(FieldVisitor& v) override { v(name); }
    Any pyro_method(std::string_view method, std::span<const Any> args) override {
        if (method == "area") {
            pyro::rt::expect_args(args, 0, method);
            return area();
        }
        return Object::pyro_method(method, args);
    }
};

// class Circle(Shape):
//     def __init__(self, r): super().__init__("circle"); self.r = r
//     def area(self): return 3.0 * self.r * self.r
//     def grow(self): self.scale = 2           (scale exists only after grow)
class Circle : public Shape {
public:
    static constexpr std::string_view pyro_name = "Circle";
    Field<double, "r"> r;
    Field<Int, "scale"> scale;

    static Ref<Circle> pyro_new(double radius) {
        auto self = pyro::make<Circle>();
        self->pyro_init(radius);
        return self;
    }
    void pyro_init(double radius) {
        Shape::pyro_init("circle"_s);
        pyro_set(r, radius);
    }
    double area() override { return 3.0 * pyro_get(r) * pyro_get(r); }
    double base_area() { return Shape::area(); }  // super().area()
    void grow() { pyro_set(scale, Int(2)); }

    std::string_view pyro_class_name() const override { return pyro_name; }
    void pyro_fields(FieldVisitor& v) override {
        Shape::pyro_fields(v);
        v(r);
        v(scale);
    }
};

// class Named: def __str__(self): return "<" + self.label + ">"
class Named : public Object {
public:
    static constexpr std::string_view pyro_name = "Named";
    Field<Str, "label"> label;
    Field<Any, "other"> other;
    std::string_view pyro_class_name() const override { return pyro_name; }
    void pyro_fields(FieldVisitor& v) override {
        v(label);
        v(other);
    }
    Str pyro_str() override { return "<"_s + pyro_get(label) + ">"_s; }
};

// class Node: (fields next, value) — may point at itself.
class Node : public Object {
public:
    static constexpr std::string_view pyro_name = "Node";
    Field<Int, "value"> value;
    Field<Any, "next"> next;
    std::string_view pyro_class_name() const override { return pyro_name; }
    void pyro_fields(FieldVisitor& v) override {
        v(value);
        v(next);
    }
};

// class HttpError(Error): def __init__(self, code): super().__init__("http " + str(code));
// self.code = code
class HttpError : public pyro::Error {
public:
    static constexpr std::string_view pyro_name = "HttpError";
    Field<Int, "code"> code;
    static Ref<HttpError> pyro_new(Int c) {
        auto self = pyro::make<HttpError>();
        self->pyro_init(c);
        return self;
    }
    void pyro_init(Int c) {
        Error::pyro_init("http "_s + pyro::str(c));
        pyro_set(code, c);
    }
    std::string_view pyro_class_name() const override { return pyro_name; }
    void pyro_fields(FieldVisitor& v) override {
        Error::pyro_fields(v);
        v(code);
    }
};

// record Point(x: int, y: int): def norm1(self) -> int: return abs(self.x) + abs(self.y)
struct Point {
    Int x;
    Int y;
    static constexpr std::string_view pyro_name = "Point";
    static constexpr std::array<std::string_view, 2> pyro_field_names{"x", "y"};
    auto pyro_fields() const { return std::tie(x, y); }
    friend bool operator==(const Point&, const Point&) = default;
    Int norm1() const { return pyro::abs(x) + pyro::abs(y); }
    Any pyro_method(std::string_view method, std::span<const Any> args) const {
        if (method == "norm1") {
            pyro::rt::expect_args(args, 0, method);
            return norm1();
        }
        pyro::rt::raise_error("no attribute '" + std::string(method) + "'");
    }
};

struct Labelled {
    Str label;
    List<Str> tags;
    static constexpr std::string_view pyro_name = "Labelled";
    static constexpr std::array<std::string_view, 2> pyro_field_names{"label", "tags"};
    auto pyro_fields() const { return std::tie(label, tags); }
    friend bool operator==(const Labelled&, const Labelled&) = default;
};

}  // namespace

TEST_CASE("runtime: fields exist from their first assignment", "[runtime]") {
    const Ref<Circle> c = Circle::pyro_new(2.0);
    CHECK(c->pyro_get(c->r) == 2.0);
    CHECK(error_of([&] { (void)c->pyro_get(c->scale); }) == "Error: no attribute 'scale'");
    CHECK(text(c) == R"(Circle(name="circle", r=2.0))");  // parent's fields first
    c->grow();
    CHECK(text(c) == R"(Circle(name="circle", r=2.0, scale=2))");
    CHECK(c->pyro_has(c->scale));
    const Any a = c;
    const auto fields = a.object().field_values();  // parent's first, only those set
    REQUIRE(fields.size() == 3);
    CHECK(fields[0].first == "name");
    CHECK(fields[2].second == Any(2));
    CHECK(pyro::rt::get_attr(a, "r") == Any(2.0));
    pyro::rt::set_attr(a, "r", Any(3));  // an int widens to the float field
    CHECK(c->pyro_get(c->r) == 3.0);
    CHECK(error_of([&] { pyro::rt::set_attr(a, "r", Any("x"_s)); }) ==
          "Error: type mismatch: expected float, got string");
    CHECK(error_of([&] { pyro::rt::set_attr(a, "nope", Any(1)); }) == "Error: no attribute 'nope'");
    CHECK(error_of([&] { (void)pyro::rt::get_attr(a, "nope"); }) == "Error: no attribute 'nope'");
}

TEST_CASE("runtime: virtual dispatch, super and dynamic method calls", "[runtime]") {
    const Ref<Shape> s = Circle::pyro_new(1.0);
    CHECK(s->area() == 3.0);
    CHECK(s->describe() == "circle 3.0"_s);
    CHECK(pyro::rt::from_any<Ref<Circle>>(Any(s))->base_area() == 0.0);
    CHECK(pyro::rt::call_method(Any(s), "area") == Any(3.0));
    CHECK(error_of([&] { (void)pyro::rt::call_method(Any(s), "fly"); }) ==
          "Error: no attribute 'fly'");
    CHECK(Shape::pyro_new("blob"_s)->describe() == "blob 0.0"_s);
}

TEST_CASE("runtime: instances are shared and compare by identity", "[runtime]") {
    const Ref<Circle> a = Circle::pyro_new(1.0);
    const Ref<Circle> alias = a;
    const Ref<Circle> b = Circle::pyro_new(1.0);
    CHECK(a == alias);
    CHECK(a != b);
    const Ref<Shape> as_shape = a;  // an instance of a subclass is its parent's type too
    CHECK(as_shape == a);
    alias->grow();
    CHECK(a->pyro_has(a->scale));
    CHECK(Any(a) == Any(alias));
    CHECK(Any(a) != Any(b));
    CHECK(pyro::rt::is<Ref<Shape>>(Any(a)));
    CHECK(pyro::rt::is<Ref<Circle>>(Any(as_shape)));
    CHECK_FALSE(pyro::rt::is<Ref<Named>>(Any(a)));
    CHECK(error_of([&] { (void)pyro::rt::from_any<Ref<Named>>(Any(a)); }) ==
          "Error: type mismatch: expected Named, got Circle");
    CHECK(pyro::type(a) == "Circle"_s);
    CHECK(pyro::type(as_shape) == "Circle"_s);
    CHECK(pyro::type(Any(a)) == "Circle"_s);
    CHECK(pyro::rt::hash_of(Any(a)) == pyro::rt::hash_of(Any(alias)));
    CHECK(pyro::truthy(a));
}

TEST_CASE("runtime: __str__ is used by str and print, also inside containers", "[runtime]") {
    const Ref<Named> n = pyro::make<Named>();
    n->pyro_set(n->label, "x"_s);
    CHECK(text(n) == "<x>");
    CHECK(text(List<Ref<Named>>{n, n}) == "[<x>, <x>]");
    CHECK(text(List<Any>{Any(n)}) == "[<x>]");
    const Ref<Node> node = pyro::make<Node>();
    CHECK(text(node) == "Node()");
    node->pyro_set(node->value, Int(1));
    node->pyro_set(node->next, Any(node));
    CHECK(text(node) == "Node(value=1, next=Node(...))");
    node->pyro_set(node->next, Any());  // break the cycle
    CHECK(text(node) == "Node(value=1, next=void)");
}

TEST_CASE("runtime: field reads and writes are atomic across threads", "[runtime]") {
    const Ref<Named> n = pyro::make<Named>();
    n->pyro_set(n->label, Str(std::string(40, 'a')));
    std::atomic<int> torn{0};
    std::vector<std::thread> threads;
    for (int t = 0; t < 8; ++t) {
        threads.emplace_back([n, t, &torn] {
            const Str mine(std::string(40, static_cast<char>('a' + t)));  // heap strings
            for (int i = 0; i < 20000; ++i) {
                if (i % 2 == 0) {
                    n->pyro_set(n->label, mine);
                } else {
                    // Never a torn or freed string: 40 copies of one letter.
                    const Str s = n->pyro_get(n->label);
                    const std::string_view v = s.view();
                    if (v.size() != 40 || v.find_first_not_of(v[0]) != std::string_view::npos) {
                        ++torn;
                    }
                }
            }
        });
    }
    for (auto& th : threads) {
        th.join();
    }
    CHECK(torn.load() == 0);
    CHECK(n->pyro_get(n->label).size() == 40);
}

TEST_CASE("runtime: Error prints as Name: message and carries a cause", "[runtime]") {
    const Ref<pyro::Error> e = pyro::Error::pyro_new("boom"_s);
    CHECK(text(e) == "Error: boom");
    CHECK(e->pyro_get(e->message) == "boom"_s);
    CHECK(e->pyro_get(e->cause).is_void());
    CHECK_FALSE(pyro::truthy(e->pyro_get(e->cause)));
    const Ref<HttpError> h = HttpError::pyro_new(404);
    CHECK(text(h) == "HttpError: http 404");
    CHECK(pyro::rt::get_attr(Any(h), "code") == Any(404));
    CHECK(pyro::rt::get_attr(Any(h), "message") == Any("http 404"_s));
    CHECK(pyro::rt::is<Ref<pyro::Error>>(Any(h)));
    CHECK(text(List<Any>{Any(h)}) == "[HttpError: http 404]");
}

TEST_CASE("runtime: raise keeps any value; except binds it unchanged", "[runtime]") {
    try {
        pyro::rt::raise(Any("oops"_s));
        FAIL("no raise");
    } catch (const pyro::rt::Raised& r) {
        const Any v = pyro::rt::caught_value(r);
        CHECK(v.is_str());
        CHECK(v == Any("oops"_s));
        CHECK(r.str() == "oops");
    }
    try {
        pyro::rt::raise(Any(List<Int>{1, 2}));
    } catch (const pyro::rt::Raised& r) {
        CHECK(text(pyro::rt::caught_value(r)) == "[1, 2]");
    }
    // A runtime fault becomes an Error instance with its message.
    try {
        (void)(Int(1) / Int(0));
    } catch (const pyro::rt::Raised& r) {
        const Any v = pyro::rt::caught_value(r);
        REQUIRE(pyro::rt::is<Ref<pyro::Error>>(v));
        CHECK(pyro::rt::get_attr(v, "message") == Any("division by zero"_s));
        CHECK(text(v) == "Error: division by zero");
    }
}

TEST_CASE("runtime: raise X from C chains causes for the uncaught report", "[runtime]") {
    const Ref<pyro::Error> inner = pyro::Error::pyro_new("disk full"_s);
    try {
        pyro::rt::raise_from(Any(HttpError::pyro_new(500)), Any(inner));
    } catch (const pyro::rt::Raised& r) {
        CHECK(pyro::rt::uncaught_report(r.value(), nullptr) ==
              "uncaught error: HttpError: http 500\nnote: caused by: Error: disk full");
        const Any v = pyro::rt::caught_value(r);
        CHECK(pyro::rt::get_attr(v, "cause") == Any(inner));  // e.cause is the instance
    }
    try {
        pyro::rt::raise_from(Any("text"_s), Any("reason"_s));
    } catch (const pyro::rt::Raised& r) {
        CHECK(pyro::rt::uncaught_report(r.value(), nullptr) ==
              "uncaught error: text\nnote: caused by: reason");
    }
    // A chain through a runtime fault.
    try {
        try {
            (void)(Int(1) / Int(0));
        } catch (const pyro::rt::Raised& r) {
            pyro::rt::raise_from(Any(pyro::Error::pyro_new("bad input"_s)),
                                 pyro::rt::caught_value(r));
        }
    } catch (const pyro::rt::Raised& r) {
        CHECK(pyro::rt::uncaught_report(r.value(), nullptr) ==
              "uncaught error: Error: bad input\nnote: caused by: Error: division by zero");
    }
}

namespace {

void raises_http_error_from_cause() {
    pyro::rt::raise_from(Any(HttpError::pyro_new(503)), Any("upstream down"_s));
}

}  // namespace

TEST_CASE("runtime: PYRO_MAIN reports a raised value with its causes", "[runtime]") {
    char* err_text = nullptr;
    std::size_t err_size = 0;
    std::FILE* err = open_memstream(&err_text, &err_size);
    pyro::rt::set_output(nullptr, err);
    const int status = pyro::rt::run_body(raises_http_error_from_cause);
    pyro::rt::set_output(nullptr, nullptr);
    std::fclose(err);
    const std::string report(err_text, err_size);
    std::free(err_text);
    CHECK(status == 1);
    CHECK(report == "uncaught error: HttpError: http 503\nnote: caused by: upstream down\n");
}

namespace {

// Hand-lowered as the emitter lowers (exception.hpp):
// def f(kind, log: list_mut<string>) -> int:
//     try:
//         if kind == 1: raise HttpError(404)
//         if kind == 2: return 10
//         if kind == 3: raise "plain"
//         if kind == 4: 1 / 0
//         log.push("body")
//     except HttpError as e:
//         log.push("http " + str(e.code))
//         if kind == 1: return e.code
//     except e:
//         log.push("any " + str(e))
//         raise
//     finally:
//         log.push("finally")
//     return 0
Int lowered(Int kind, const pyro::ListMut<Str>& log) {
    pyro::rt::Outcome<Int> pyro_out;
    try {
        if (kind == 1) {
            pyro::rt::raise(Any(HttpError::pyro_new(404)));
        }
        if (kind == 2) {
            pyro_out.set_return(Int(10));
            goto pyro_finally_1;
        }
        if (kind == 3) {
            pyro::rt::raise(Any("plain"_s));
        }
        if (kind == 4) {
            (void)(Int(1) / Int(0));
        }
        log.push("body"_s);
    } catch (pyro::rt::Raised& e) {
        pyro_out.set_raised(std::move(e));
    }
    if (pyro_out.raised()) {
        if (pyro::rt::is<Ref<HttpError>>(pyro_out.error())) {
            const pyro::rt::Raised pyro_caught = pyro_out.take_raised();
            const auto e = pyro::rt::from_any<Ref<HttpError>>(pyro::rt::caught_value(pyro_caught));
            try {
                log.push("http "_s + pyro::str(e->pyro_get(e->code)));
                if (kind == 1) {
                    pyro_out.set_return(e->pyro_get(e->code));
                    goto pyro_finally_1;
                }
            } catch (pyro::rt::Raised& e2) {
                pyro_out.set_raised(std::move(e2));
            }
        } else {
            const pyro::rt::Raised pyro_caught = pyro_out.take_raised();
            const Any e = pyro::rt::caught_value(pyro_caught);
            try {
                log.push("any "_s + pyro::str(e));
                throw pyro_caught;  // bare raise
            } catch (pyro::rt::Raised& e2) {
                pyro_out.set_raised(std::move(e2));
            }
        }
    }
pyro_finally_1:
    log.push("finally"_s);
    if (pyro_out.returning()) {
        return pyro_out.take_return();
    }
    pyro_out.rethrow_if_raised();
    return 0;
}

}  // namespace

TEST_CASE("runtime: the try lowering with Outcome", "[runtime]") {
    const pyro::ListMut<Str> log;
    CHECK(lowered(1, log) == 404);
    CHECK(text(log) == R"(["http 404", "finally"])");
    log.clear();
    CHECK(lowered(2, log) == 10);
    CHECK(text(log) == R"(["finally"])");
    log.clear();
    CHECK(lowered(0, log) == 0);
    CHECK(text(log) == R"(["body", "finally"])");
    log.clear();
    try {
        (void)lowered(3, log);
        FAIL("no raise");
    } catch (const pyro::rt::Raised& r) {
        CHECK(pyro::rt::caught_value(r) == Any("plain"_s));
    }
    CHECK(text(log) == R"(["any plain", "finally"])");
    log.clear();
    // A runtime fault re-raised bare is the same Error instance the handler saw.
    try {
        (void)lowered(4, log);
    } catch (const pyro::rt::Raised& r) {
        CHECK(r.str() == "Error: division by zero");
        CHECK(dynamic_cast<const pyro::rt::AnyRaised*>(&r.value()) != nullptr);
    }
    CHECK(text(log) == R"(["any Error: division by zero", "finally"])");
}

TEST_CASE("runtime: Outcome records break, continue and return", "[runtime]") {
    std::vector<int> seen;
    for (int i = 0; i < 5; ++i) {
        pyro::rt::Outcome<> out;
        try {
            if (i == 1) {
                out.set_continue();
                goto fin;
            }
            if (i == 3) {
                out.set_break();
                goto fin;
            }
            seen.push_back(i);
        } catch (pyro::rt::Raised& e) {
            out.set_raised(std::move(e));
        }
    fin:
        seen.push_back(100 + i);
        if (out.breaking()) {
            break;
        }
        if (out.continuing()) {
            continue;
        }
        out.rethrow_if_raised();
    }
    CHECK(seen == std::vector<int>{0, 100, 101, 2, 102, 103});
    pyro::rt::Outcome<> v;
    v.set_return();
    CHECK(v.returning());
    v.take_return();
    CHECK(v.kind() == pyro::rt::Outcome<>::Kind::kNormal);
}

TEST_CASE("runtime: records print, compare, hash and live in Any", "[runtime]") {
    const Point p{1, -2};
    CHECK(text(p) == "Point(x=1, y=-2)");
    CHECK(text(Labelled{"a\n"_s, {"t"_s}}) == R"(Labelled(label="a\n", tags=["t"]))");
    CHECK(p == Point{1, -2});
    CHECK(p != Point{1, 2});
    CHECK(pyro::rt::hash_of(p) == pyro::rt::hash_of(Point{1, -2}));
    CHECK(pyro::rt::hash_of(p) != pyro::rt::hash_of(Point{-2, 1}));
    CHECK(pyro::type(p) == "Point"_s);
    const Any a = p;
    CHECK(pyro::type(a) == "Point"_s);
    CHECK(text(a) == "Point(x=1, y=-2)");
    CHECK(pyro::rt::get_attr(a, "y") == Any(-2));
    CHECK(error_of([&] { (void)pyro::rt::get_attr(a, "z"); }) == "Error: no attribute 'z'");
    CHECK(error_of([&] { pyro::rt::set_attr(a, "x", Any(5)); }) ==
          "Error: cannot assign to field 'x' of record Point");
    CHECK(pyro::rt::call_method(a, "norm1") == Any(3));
    CHECK(a == Any(Point{1, -2}));
    CHECK(a != Any(Point{1, 2}));
    CHECK(pyro::rt::from_any<Point>(a) == p);
    CHECK(error_of([] { (void)pyro::rt::from_any<Point>(Any(1)); }) ==
          "Error: type mismatch: expected Point, got int");
    CHECK(pyro::rt::lock_free_v<Point>);
    REQUIRE(a.object().has_fields());
    const auto fields = a.object().field_values();
    REQUIRE(fields.size() == 2);
    CHECK(fields[0].first == "x");
    CHECK(fields[1].second == Any(-2));
    CHECK_FALSE(Any(List<Int>{}).object().has_fields());
    const pyro::Set<Point> s{p, Point{1, -2}, Point{0, 0}};
    CHECK(text(s) == "{Point(x=1, y=-2), Point(x=0, y=0)}");
}
