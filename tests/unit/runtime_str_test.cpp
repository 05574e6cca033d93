// pyro::Str: the three storage forms, concatenation, repetition, code point length, byte
// (= code point) order, hashing and quoting.
#include <string>
#include <unordered_set>
#include <utility>

#include "runtime_test_util.hpp"

using pyro::Int;
using pyro::Str;
using namespace pyro::literals;

TEST_CASE("runtime: Str literals are static and copy without allocating", "[runtime]") {
    static const char kText[] = "a literal longer than fifteen bytes";
    const Str lit = Str::from_static(kText, sizeof kText - 1);
    CHECK(lit.is_static());
    CHECK(lit.data() == kText);  // wraps the bytes in place: nothing was allocated
    const Str copy = lit;
    CHECK(copy.is_static());
    CHECK(copy.data() == kText);  // no copy of the bytes, no reference count
    const Str udl = "hello"_s;
    CHECK(udl.is_static());
    CHECK(udl.view() == "hello");
    CHECK(udl.size() == 5);
    CHECK(Str().empty());
    CHECK(Str(std::string_view{}).empty());
    CHECK(Str(std::string("from std::string")).view() == "from std::string");
    CHECK(Str().view() == "");
}

TEST_CASE("runtime: Str short strings are inline, long ones shared", "[runtime]") {
    const Str small(std::string_view("fifteen bytes!!"));
    CHECK(small.is_inline());
    CHECK(small.view() == "fifteen bytes!!");
    const Str big(std::string_view("sixteen bytes!!!"));
    CHECK_FALSE(big.is_inline());
    CHECK_FALSE(big.is_static());
    Str shared = big;
    CHECK(shared.data() == big.data());  // copies share the buffer
    Str moved = std::move(shared);
    CHECK(moved.view() == "sixteen bytes!!!");
    CHECK(shared.empty());
    Str target = "x"_s;
    target = big;
    CHECK(target == big);
    const Str& alias = target;
    target = alias;  // self-assignment keeps the text
    CHECK(target.view() == "sixteen bytes!!!");
}

TEST_CASE("runtime: Str concatenation", "[runtime]") {
    CHECK(("ab"_s + "cd"_s).view() == "abcd");
    CHECK(("ab"_s + "cd"_s).is_inline());
    const Str long_text = "0123456789"_s + "abcdefghij"_s;
    CHECK(long_text.view() == "0123456789abcdefghij");
    CHECK(("a"_s + ""_s).view() == "a");
    CHECK((""_s + ""_s).empty());
    // A chain of temporaries, as f-strings are emitted.
    const Str name = "world"_s;
    CHECK(("hello, "_s + name + "! "_s + name + " again"_s).view() == "hello, world! world again");

    Str built;
    std::string expected;
    for (int i = 0; i < 200; ++i) {
        const Str piece(std::to_string(i));
        built += piece;
        expected += std::to_string(i);
    }
    CHECK(built.view() == expected);

    // Appending to a shared buffer must not change the other owner.
    Str first(std::string_view("a string on the heap"));
    first += "!"_s;  // now has room to grow in place
    const Str second = first;
    first += "?"_s;
    CHECK(second.view() == "a string on the heap!");
    CHECK(first.view() == "a string on the heap!?");

    Str twice(std::string_view("self-append test text"));
    twice += "."_s;
    twice += twice;
    CHECK(twice.view() == "self-append test text.self-append test text.");
}

TEST_CASE("runtime: Str repetition", "[runtime]") {
    CHECK(("ab"_s * 3).view() == "ababab");
    CHECK((Int(3) * "ab"_s).view() == "ababab");
    CHECK(("ab"_s * 0).empty());
    CHECK(("ab"_s * -2).empty());
    CHECK((""_s * 5).empty());
    CHECK(("xyz"_s * 1).view() == "xyz");
    const Str long_rep = "abc"_s * 11;
    CHECK(long_rep.size() == 33);
    CHECK(long_rep.view() == "abcabcabcabcabcabcabcabcabcabcabc");
    CHECK_THROWS_AS("ab"_s * Int::max(), std::bad_alloc);
}

TEST_CASE("runtime: Str len counts code points", "[runtime]") {
    CHECK(pyro::len(""_s) == 0);
    CHECK(pyro::len("hello"_s) == 5);
    CHECK(pyro::len("h\xc3\xa9llo"_s) == 5);                          // héllo
    CHECK(pyro::len("\xe6\x97\xa5\xe6\x9c\xac\xe8\xaa\x9e"_s) == 3);  // 日本語
    CHECK(pyro::len("\xf0\x9f\x98\x80!"_s) == 2);                     // emoji + !
    CHECK(("h\xc3\xa9llo"_s).size() == 6);
}

TEST_CASE("runtime: Str comparisons are by code point", "[runtime]") {
    CHECK("a"_s < "b"_s);
    CHECK("abc"_s < "abd"_s);
    CHECK("ab"_s < "abc"_s);
    CHECK(""_s < "a"_s);
    CHECK("B"_s < "a"_s);
    CHECK("z"_s < "\xc3\xa9"_s);  // 'z' (U+007A) < 'é' (U+00E9): bytes compare unsigned
    CHECK("\xef\xbd\x81"_s < "\xf0\x9f\x98\x80"_s);  // U+FF41 < U+1F600
    CHECK("abc"_s >= "abc"_s);
    CHECK("abc"_s != "abd"_s);
    // Equal text is equal whatever the storage form.
    const Str heap(std::string_view("the same text, long enough"));
    const Str lit = "the same text, long enough"_s;
    CHECK(heap == lit);
    CHECK(Str(std::string_view("short")) == "short"_s);
}

TEST_CASE("runtime: Str hash, fmt and quoting", "[runtime]") {
    const Str heap(std::string_view("the same text, long enough"));
    const Str lit = "the same text, long enough"_s;
    CHECK(std::hash<Str>{}(heap) == std::hash<Str>{}(lit));
    std::unordered_set<Str> set{"a"_s, "b"_s, Str(std::string_view("a"))};
    CHECK(set.size() == 2);
    CHECK(fmt::format("[{}] [{:>4}]", "ab"_s, "ab"_s) == "[ab] [  ab]");
    std::string quoted;
    pyro::rt::append_quoted(quoted, "a\"b\\c\nd\te\rf\x01g\x7f\xc3\xa9");
    CHECK(quoted == "\"a\\\"b\\\\c\\nd\\te\\rf\\x01g\\x7f\xc3\xa9\"");
}
