// String methods, and strings as sequences of characters: indexing, slicing, iteration,
// ord/chr, case mapping beyond ASCII.
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

TEST_CASE("runtime: upper and lower use simple one-to-one case mapping", "[runtime]") {
    CHECK(pyro::upper("hello, World 42"_s) == "HELLO, WORLD 42"_s);
    CHECK(pyro::lower("HELLO, World"_s) == "hello, world"_s);
    CHECK(pyro::upper("é"_s) == "É"_s);
    CHECK(pyro::lower("É"_s) == "é"_s);
    CHECK(pyro::upper("straße"_s) == "STRAßE"_s);  // ß has no one-character uppercase
    CHECK(pyro::upper("ÿ"_s) == "Ÿ"_s);            // Latin-1 to Latin Extended-A
    CHECK(pyro::lower("ĀĒĪŌŪ Ł"_s) == "āēīōū ł"_s);
    CHECK(pyro::upper("αβγ ωάί"_s) == "ΑΒΓ ΩΆΊ"_s);
    CHECK(pyro::upper("ς"_s) == "Σ"_s);
    CHECK(pyro::lower("ΣΑΣ"_s) == "σασ"_s);  // simple mapping: no final-sigma rule
    CHECK(pyro::upper("привет ёж"_s) == "ПРИВЕТ ЁЖ"_s);
    CHECK(pyro::lower("МОСКВА ЄЇ"_s) == "москва єї"_s);
    CHECK(pyro::lower("İ"_s) == "i"_s);
    CHECK(pyro::upper("ı"_s) == "I"_s);
    CHECK(pyro::upper("日本 😀"_s) == "日本 😀"_s);  // no case: unchanged
    CHECK(pyro::upper(""_s) == ""_s);
}

TEST_CASE("runtime: contains, starts_with, ends_with, find", "[runtime]") {
    const Str s = "héllo wörld"_s;
    CHECK(pyro::contains(s, "llo"_s));
    CHECK(pyro::contains(s, ""_s));
    CHECK_FALSE(pyro::contains(s, "xyz"_s));
    CHECK(pyro::starts_with(s, "hé"_s));
    CHECK_FALSE(pyro::starts_with(s, "e"_s));
    CHECK(pyro::ends_with(s, "rld"_s));
    CHECK(pyro::find(s, "w"_s) == 6);  // characters, not bytes (é is two bytes)
    CHECK(pyro::find(s, "ö"_s) == 7);
    CHECK(pyro::find(s, "q"_s) == -1);
    CHECK(pyro::find(s, ""_s) == 0);
    CHECK(pyro::contains(s, "o"_s) == pyro::rt::contains(Any(s), Any("o"_s)));
}

TEST_CASE("runtime: split and strip", "[runtime]") {
    CHECK(text(pyro::split("a,b,,c"_s, ","_s)) == R"(["a", "b", "", "c"])");
    CHECK(text(pyro::split(","_s, ","_s)) == R"(["", ""])");
    CHECK(text(pyro::split(""_s, ","_s)) == R"([""])");
    CHECK(text(pyro::split("a::b"_s, "::"_s)) == R"(["a", "b"])");
    CHECK(error_of([] { (void)pyro::split("a"_s, ""_s); }) == "Error: empty separator");
    CHECK(text(pyro::split("  the quick\tbrown\n fox  "_s)) ==
          R"(["the", "quick", "brown", "fox"])");
    CHECK(text(pyro::split(""_s)) == "[]");
    CHECK(text(pyro::split("   "_s)) == "[]");
    CHECK(text(pyro::split("a\u00a0b\u3000c"_s)) == R"(["a", "b", "c"])");  // Unicode spaces
    CHECK(pyro::strip("  hi there \n"_s) == "hi there"_s);
    CHECK(pyro::strip("\u2003é\u2003"_s) == "é"_s);
    CHECK(pyro::strip("   "_s) == ""_s);
    CHECK(pyro::strip("x"_s) == "x"_s);
}

TEST_CASE("runtime: replace and join", "[runtime]") {
    CHECK(pyro::replace("a-b-c"_s, "-"_s, "+"_s) == "a+b+c"_s);
    CHECK(pyro::replace("aaa"_s, "aa"_s, "b"_s) == "ba"_s);
    CHECK(pyro::replace("abc"_s, "x"_s, "y"_s) == "abc"_s);
    CHECK(pyro::replace("abc"_s, "b"_s, ""_s) == "ac"_s);
    CHECK(pyro::replace("aé"_s, ""_s, "-"_s) == "-a-é-"_s);  // between every character
    CHECK(pyro::join(", "_s, List<Str>{"a"_s, "b"_s, "c"_s}) == "a, b, c"_s);
    CHECK(pyro::join(""_s, ListMut<Str>{"x"_s, "y"_s}) == "xy"_s);
    CHECK(pyro::join("-"_s, List<Str>{}) == ""_s);
    CHECK(pyro::join("."_s, "abc"_s) == "a.b.c"_s);  // a string iterates its characters
    CHECK(pyro::join("+"_s, Any(List<Any>{Any("p"_s), Any("q"_s)})) == "p+q"_s);
    CHECK(error_of([] { (void)pyro::join(","_s, Any(List<Any>{Any(1)})); }) ==
          "Error: type mismatch: expected string, got int");
}

TEST_CASE("runtime: strings index, slice and iterate by characters", "[runtime]") {
    const Str s = "añb😀c"_s;
    CHECK(pyro::len(s) == 5);
    CHECK(pyro::char_at(s, 0) == "a"_s);
    CHECK(pyro::char_at(s, 1) == "ñ"_s);
    CHECK(pyro::char_at(s, 3) == "😀"_s);
    CHECK(pyro::char_at(s, -1) == "c"_s);
    CHECK(error_of([&] { (void)pyro::char_at(s, 5); }) ==
          "Error: index 5 out of range for length 5");
    CHECK(error_of([&] { (void)pyro::char_at("abc"_s, -4); }) ==
          "Error: index -4 out of range for length 3");
    CHECK(pyro::slice(s, 1, 4) == "ñb😀"_s);
    CHECK(pyro::slice(s, open, open, -1) == "c😀bña"_s);
    CHECK(pyro::slice(s, open, open, 2) == "abc"_s);
    CHECK(pyro::slice("hello"_s, 1, open) == "ello"_s);
    CHECK(pyro::slice("hello"_s, -3, -1) == "ll"_s);
    CHECK(pyro::slice("hello"_s, open, open, -2) == "olh"_s);
    CHECK(error_of([] { (void)pyro::slice("x"_s, open, open, 0); }) ==
          "Error: slice step cannot be zero");
    std::string seen;
    for (const Str c : pyro::rt::iter(s)) {
        CHECK(c.is_inline());  // characters never allocate
        seen += c.std_string() + "|";
    }
    CHECK(seen == "a|ñ|b|😀|c|");
    CHECK(text(pyro::list(s)) == R"(["a", "ñ", "b", "😀", "c"])");
    // A long ASCII string indexes without scanning (cached count), a long non-ASCII one works.
    const Str long_ascii(std::string(1000, 'z') + "!");
    CHECK(long_ascii.is_ascii());
    CHECK(pyro::char_at(long_ascii, 1000) == "!"_s);
    const Str long_utf8(std::string("é") + std::string(100, 'q') + "ü");
    CHECK_FALSE(long_utf8.is_ascii());
    CHECK(pyro::char_at(long_utf8, -1) == "ü"_s);
    CHECK(pyro::len(long_utf8) == 102);
}

TEST_CASE("runtime: ord and chr", "[runtime]") {
    CHECK(pyro::ord("A"_s) == 65);
    CHECK(pyro::ord("é"_s) == 0xe9);
    CHECK(pyro::ord("😀"_s) == 0x1f600);
    CHECK(error_of([] { (void)pyro::ord("ab"_s); }) ==
          "Error: ord() expected a character, got a string of length 2");
    CHECK(error_of([] { (void)pyro::ord(""_s); }) ==
          "Error: ord() expected a character, got a string of length 0");
    CHECK(pyro::chr(97) == "a"_s);
    CHECK(pyro::chr(0x3b1) == "α"_s);
    CHECK(pyro::chr(0x1f600) == "😀"_s);
    CHECK(error_of([] { (void)pyro::chr(-1); }) == "Error: chr() arg not a valid code point: -1");
    CHECK(error_of([] { (void)pyro::chr(0x110000); }) ==
          "Error: chr() arg not a valid code point: 1114112");
    CHECK(error_of([] { (void)pyro::chr(0xd800); }) ==
          "Error: chr() arg not a valid code point: 55296");
}

TEST_CASE("runtime: string methods called through Any", "[runtime]") {
    const Any s = " A,b "_s;
    CHECK(pyro::rt::call_method(s, "strip") == Any("A,b"_s));
    CHECK(pyro::rt::call_method(s, "lower") == Any(" a,b "_s));
    CHECK(text(pyro::rt::call_method(s, "split", Any(","_s))) == R"([" A", "b "])");
    CHECK(text(pyro::rt::call_method(s, "split")) == R"(["A,b"])");
    CHECK(pyro::rt::call_method(s, "replace", Any(","_s), Any(";"_s)) == Any(" A;b "_s));
    CHECK(pyro::rt::call_method(s, "find", Any("b"_s)) == Any(3));
    CHECK(pyro::rt::call_method(s, "starts_with", Any(" "_s)) == Any(true));
    CHECK(pyro::rt::call_method(s, "ends_with", Any("x"_s)) == Any(false));
    CHECK(pyro::rt::call_method(s, "contains", Any("A"_s)) == Any(true));
    CHECK(pyro::rt::call_method(s, "len") == Any(5));
    CHECK(pyro::rt::call_method(Any("-"_s), "join", Any(List<Str>{"a"_s, "b"_s})) == Any("a-b"_s));
    CHECK(error_of([&] { (void)pyro::rt::call_method(s, "find", Any(1)); }) ==
          "Error: type mismatch: expected string, got int");
    CHECK(error_of([&] { (void)pyro::rt::call_method(s, "shout"); }) ==
          "Error: no attribute 'shout'");
    CHECK(error_of([&] { (void)pyro::rt::call_method(s, "replace", Any("a"_s)); }) ==
          "Error: replace() takes 2 arguments, got 1");
}

TEST_CASE("runtime: a heap Str caches its hash and length and resets them as it grows",
          "[runtime]") {
    Str s(std::string(20, 'a'));
    s += "b"_s;  // a new buffer with room to grow
    CHECK(pyro::len(s) == 21);
    CHECK(s.hash() == Str(std::string(20, 'a') + "b").hash());
    CHECK(s.is_ascii());
    s += "é"_s;  // appended in place: the cached values must not survive
    CHECK(pyro::len(s) == 22);
    CHECK_FALSE(s.is_ascii());
    CHECK(s.hash() == Str(std::string(20, 'a') + "bé").hash());
    CHECK(s.hash() == ("aaaaaaaaaaaaaaaaaaaabé"_s).hash());  // whatever the storage form
    CHECK(pyro::rt::hash_of(Str("k"_s)) == pyro::rt::hash_of(Any("k"_s)));
}
