// Channels inside Any: methods by name, the send-only / receive-only checks, identity across
// views, conversions back to static views, iteration. Buffered channels, so nothing blocks.
#include "runtime_test_util.hpp"

using pyro::Any;
using pyro::Int;
using pyro::Str;
using runtime_test::error_of;
using runtime_test::text;
using namespace pyro::literals;

TEST_CASE("runtime: a channel inside Any pushes, collects and names its type", "[runtime]") {
    const auto c = pyro::chan<Int>(4);
    const Any a = c;
    CHECK(pyro::type(a) == "chan"_s);
    CHECK(a.full_type_name() == "chan<int>");
    CHECK(text(a) == "<chan int>");
    pyro::rt::call_method(a, "push", Any(1));
    c.push(2);
    CHECK(pyro::rt::call_method(a, "len") == Any(2));
    CHECK(pyro::rt::call_method(a, "capacity") == Any(4));
    CHECK(pyro::rt::call_method(a, "collect") == Any(1));
    CHECK(c.collect() == 2);
    CHECK(error_of([&] { (void)pyro::rt::call_method(a, "push", Any("x"_s)); }) ==
          "Error: type mismatch: expected int, got string");
    pyro::rt::call_method(a, "push", Any(7));
    pyro::rt::call_method(a, "close");
    std::vector<std::int64_t> got;
    for (const Any& v : pyro::rt::iterate(a)) {  // collects until closed and drained
        got.push_back(pyro::rt::from_any<Int>(v).v);
    }
    CHECK(got == std::vector<std::int64_t>{7});
    CHECK(error_of([&] { (void)pyro::rt::call_method(a, "collect"); }) ==
          "Error: collect on closed channel");
}

TEST_CASE("runtime: channel views inside Any check their direction", "[runtime]") {
    const auto c = pyro::chan<Str>(2);
    const Any tx = c.sender();
    const Any rx = c.receiver();
    CHECK(pyro::type(tx) == "Sender"_s);
    CHECK(text(rx) == "<Receiver string>");
    pyro::rt::call_method(tx, "push", Any("hi"_s));
    CHECK(pyro::rt::call_method(rx, "collect") == Any("hi"_s));
    CHECK(error_of([&] { (void)pyro::rt::call_method(tx, "collect"); }) ==
          "Error: channel is send-only");
    CHECK(error_of([&] { (void)pyro::rt::iterate(tx); }) == "Error: channel is send-only");
    CHECK(error_of([&] { (void)pyro::rt::call_method(rx, "push", Any("x"_s)); }) ==
          "Error: channel is receive-only");
    CHECK(error_of([&] { (void)pyro::rt::call_method(rx, "close"); }) ==
          "Error: channel is receive-only");
    CHECK(error_of([&] { (void)pyro::rt::call_method(rx, "sender"); }) ==
          "Error: no attribute 'sender'");
    // One channel, whatever the view; identity, not contents.
    CHECK(tx == rx);
    CHECK(tx == Any(c));
    CHECK(Any(c) != Any(pyro::chan<Str>(2)));
    CHECK(pyro::rt::hash_of(tx) == pyro::rt::hash_of(rx));
    // Back to static views: a chan held in an Any is accepted where a view is expected.
    const auto sender = pyro::rt::from_any<pyro::Sender<Str>>(Any(c));
    sender.push("via sender"_s);
    CHECK(pyro::rt::from_any<pyro::Receiver<Str>>(rx).collect() == "via sender"_s);
    CHECK(pyro::rt::is<pyro::Receiver<Str>>(Any(c)));
    CHECK_FALSE(pyro::rt::is<pyro::Chan<Str>>(rx));
    CHECK(error_of([&] { (void)pyro::rt::from_any<pyro::Sender<Str>>(rx); }) ==
          "Error: type mismatch: expected Sender<string>, got Receiver<string>");
    CHECK(text(pyro::rt::call_method(Any(c), "receiver")) == "<Receiver string>");
}

TEST_CASE("runtime: select cases on channels inside Any", "[runtime]") {
    const auto c = pyro::chan<Int>(1);
    const auto d = pyro::chan<Str>(1);
    const Any a = c;
    const Any rx = d.receiver();
    d.push("ready"_s);
    {
        auto case0 = pyro::rt::select_collect(a);  // empty: not ready
        auto case1 = pyro::rt::select_collect(rx);
        CHECK(pyro::rt::select(case0, case1) == 1);
        CHECK(case1.take() == Any("ready"_s));
    }
    {
        auto case0 = pyro::rt::select_push(a, Any(5));  // converted to the element type
        auto case1 = pyro::rt::select_collect(rx);
        CHECK(pyro::rt::select(case0, case1, pyro::rt::select_default()) == 0);
        CHECK(c.collect() == 5);
    }
    // Typed and any cases mix in one select.
    c.push(9);
    {
        auto case0 = pyro::rt::select_collect(d);
        auto case1 = pyro::rt::select_collect(a);
        CHECK(pyro::rt::select(case0, case1) == 1);
        CHECK(case1.take() == Any(9));
    }
    CHECK(error_of([&] { (void)pyro::rt::select_push(a, Any("x"_s)); }) ==
          "Error: type mismatch: expected int, got string");
    CHECK(error_of([&] { (void)pyro::rt::select_push(rx, Any("x"_s)); }) ==
          "Error: channel is receive-only");
    CHECK(error_of([&] { (void)pyro::rt::select_collect(Any(c.sender())); }) ==
          "Error: channel is send-only");
    CHECK(error_of([&] { (void)pyro::rt::select_collect(Any(3)); }) ==
          "Error: a select case needs a channel, got int");
    d.close();
    auto closed = pyro::rt::select_collect(rx);
    CHECK(error_of([&] { (void)pyro::rt::select(closed); }) == "Error: collect on closed channel");
}

TEST_CASE("runtime: a WaitGroup and a Mutex inside Any call their methods by name", "[runtime]") {
    const pyro::sync::WaitGroup wg;
    const Any a = wg;
    CHECK(pyro::type(a) == "WaitGroup"_s);
    CHECK(text(a) == "<WaitGroup>");
    pyro::rt::call_method(a, "add", Any(2));
    pyro::rt::call_method(a, "done");
    wg.done();
    pyro::rt::call_method(a, "wait");  // the counter is zero: returns at once
    CHECK(error_of([&] { (void)pyro::rt::call_method(a, "done"); }) ==
          "Error: negative WaitGroup counter");
    CHECK(a == Any(wg));
    CHECK(pyro::rt::from_any<pyro::sync::WaitGroup>(a) == wg);
    const Any m = pyro::sync::Mutex();
    pyro::rt::call_method(m, "lock");
    pyro::rt::call_method(m, "unlock");
    CHECK(error_of([&] { (void)pyro::rt::call_method(m, "unlock"); }) ==
          "Error: unlock of unlocked mutex");
    CHECK(error_of([&] { (void)pyro::rt::call_method(m, "wait"); }) == "Error: no attribute 'wait'");
    CHECK(error_of([&] { (void)pyro::rt::from_any<pyro::sync::Mutex>(a); }) ==
          "Error: type mismatch: expected Mutex, got WaitGroup");
}
