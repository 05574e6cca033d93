// std.json's reader and writer over plain C++ values (a small variant tree), so every rule of
// RFC 8259 and every error message is checked apart from Pyro's data model.
#include <pyro/std/json_read.hpp>
#include <pyro/std/json_write.hpp>

#include <bit>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>
#include <random>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "runtime_test_util.hpp"

namespace {

using runtime_test::error_of;

// A JSON value as the reader builds it here: null, bool, int, float, string, array, object.
struct J;
using Array = std::vector<J>;
using Object = std::vector<std::pair<std::string, J>>;
struct J {
    std::variant<std::monostate, bool, std::int64_t, double, std::string, Array, Object> v;
};

struct TestBuilder {
    using Value = J;
    J null_value() { return J{}; }
    J bool_value(bool b) { return J{b}; }
    J int_value(std::int64_t n) { return J{n}; }
    J float_value(double d) { return J{d}; }
    J string_value(std::string&& s) { return J{std::move(s)}; }
    J array_value(Array&& items) { return J{std::move(items)}; }
    J object_value(Object&& members) { return J{std::move(members)}; }
};

J parse(std::string_view text, std::size_t max_depth = pyro::json::detail::kMaxDepth) {
    TestBuilder b;
    return pyro::json::detail::read(text, b, max_depth);
}

std::string parse_error(std::string_view text) {
    return error_of([&] { parse(text); });
}

}  // namespace

namespace pyro::json::detail {

template <>
struct Encoder<J> {
    static void write(Writer& w, const J& j) {
        std::visit(
            [&w](const auto& x) {
                using T = std::decay_t<decltype(x)>;
                if constexpr (std::is_same_v<T, std::monostate>) {
                    w.null();
                } else if constexpr (std::is_same_v<T, bool>) {
                    w.boolean(x);
                } else if constexpr (std::is_same_v<T, std::int64_t>) {
                    w.integer(x);
                } else if constexpr (std::is_same_v<T, double>) {
                    w.number(x);
                } else if constexpr (std::is_same_v<T, std::string>) {
                    w.string(x);
                } else if constexpr (std::is_same_v<T, Array>) {
                    encode(w, x);
                } else {
                    w.open('{', nullptr);
                    bool first = true;
                    for (const auto& [k, v] : x) {
                        w.separate(first);
                        w.key(k);
                        encode(w, v);
                    }
                    w.close('}', nullptr);
                }
            },
            j.v);
    }
};

}  // namespace pyro::json::detail

namespace {

using pyro::json::detail::to_json;

// Parse then write: the compact form of `text`.
std::string normalise(std::string_view text) {
    return to_json(parse(text));
}

double as_float(const J& j) {
    REQUIRE(std::holds_alternative<double>(j.v));
    return std::get<double>(j.v);
}
std::int64_t as_int(const J& j) {
    REQUIRE(std::holds_alternative<std::int64_t>(j.v));
    return std::get<std::int64_t>(j.v);
}
std::string as_string(const J& j) {
    REQUIRE(std::holds_alternative<std::string>(j.v));
    return std::get<std::string>(j.v);
}

}  // namespace

TEST_CASE("std: json parse scalars", "[std][json]") {
    CHECK(std::holds_alternative<std::monostate>(parse("null").v));
    CHECK(std::get<bool>(parse("true").v) == true);
    CHECK(std::get<bool>(parse(" false ").v) == false);
    CHECK(as_int(parse("0")) == 0);
    CHECK(as_int(parse("-0")) == 0);  // an integer token: int 0 (as Python's json)
    CHECK(as_int(parse("42")) == 42);
    CHECK(as_int(parse("-17")) == -17);
    CHECK(as_int(parse("9223372036854775807")) == std::numeric_limits<std::int64_t>::max());
    CHECK(as_int(parse("-9223372036854775808")) == std::numeric_limits<std::int64_t>::min());
    CHECK(as_string(parse("\"hi\"")) == "hi");
    CHECK(as_string(parse("\"\"")) == "");
}

TEST_CASE("std: json parse numbers that become floats", "[std][json]") {
    const double neg_zero = as_float(parse("-0.0"));
    CHECK(neg_zero == 0.0);
    CHECK(std::signbit(neg_zero));
    CHECK(as_float(parse("0.1")) == 0.1);
    CHECK(as_float(parse("1.5")) == 1.5);
    CHECK(as_float(parse("1E2")) == 100.0);
    CHECK(as_float(parse("1e+2")) == 100.0);
    CHECK(as_float(parse("25e-1")) == 2.5);
    CHECK(as_float(parse("1.0")) == 1.0);
    // Integers beyond 64 bits become (correctly rounded) floats.
    CHECK(as_float(parse("9223372036854775808")) == 9223372036854775808.0);
    CHECK(as_float(parse("-9223372036854775809")) == -9223372036854775808.0);
    CHECK(as_float(parse("99999999999999999999")) == 1e20);
    CHECK(as_float(parse("4.9e-324")) == std::numeric_limits<double>::denorm_min());
    CHECK(as_float(parse("2.2250738585072014e-308")) == std::numeric_limits<double>::min());
    CHECK(as_float(parse("1.7976931348623157e308")) == std::numeric_limits<double>::max());
    // Past the float range: inf or zero, keeping the sign.
    CHECK(as_float(parse("1e400")) == HUGE_VAL);
    CHECK(as_float(parse("-1e400")) == -HUGE_VAL);
    CHECK(as_float(parse("123.456e99999999999999")) == HUGE_VAL);
    CHECK(as_float(parse(std::string(400, '9'))) == HUGE_VAL);
    const double tiny = as_float(parse("1e-400"));
    CHECK((tiny == 0.0 && !std::signbit(tiny)));
    const double neg_tiny = as_float(parse("-0.0000001e-400"));
    CHECK((neg_tiny == 0.0 && std::signbit(neg_tiny)));
    CHECK(as_float(parse("0e999999")) == 0.0);
}

TEST_CASE("std: json parse every escape and unicode", "[std][json]") {
    CHECK(as_string(parse(R"("\"\\\/\b\f\n\r\t")")) == "\"\\/\b\f\n\r\t");
    CHECK(as_string(parse(R"("\u0041\u00e9\u00E9\u20ac")")) == "A\u00e9\u00e9\u20ac");
    CHECK(as_string(parse(R"("\u0000")")) == std::string(1, '\0'));
    CHECK(as_string(parse(R"("\ud83d\ude00")")) == "\U0001F600");  // a surrogate pair
    CHECK(as_string(parse(R"("\uD834\uDD1E")")) == "\U0001D11E");
    CHECK(as_string(parse(R"("\udbff\udfff")")) == "\U0010FFFF");
    // Raw UTF-8 passes through, DEL needs no escape.
    CHECK(as_string(parse("\"h\u00e9llo \u4e16\u754c \U0001F600 \x7f\"")) ==
          "h\u00e9llo \u4e16\u754c \U0001F600 \x7f");
    CHECK(as_string(parse("\xef\xbb\xbf\"bom\"")) == "bom");  // a leading BOM is skipped
}

TEST_CASE("std: json parse containers keep order and duplicates", "[std][json]") {
    CHECK(normalise(" { \"a\" : [1, 2.5, {\"b\": null}],\n\t\"c\": \"d\" , \"e\":{}, \"f\":[]}") ==
          R"({"a":[1,2.5,{"b":null}],"c":"d","e":{},"f":[]})");
    CHECK(normalise("[[], [[]], {}]") == "[[],[[]],{}]");
    // The reader passes repeated keys on in order; the builder decides what wins.
    CHECK(normalise(R"({"k":1,"k":2})") == R"({"k":1,"k":2})");
    CHECK(normalise("[true,false,null]") == "[true,false,null]");
}

TEST_CASE("std: json parse deep nesting without recursion", "[std][json]") {
    const std::size_t depth = pyro::json::detail::kMaxDepth;
    const std::string ok = std::string(depth, '[') + std::string(depth, ']');
    CHECK(normalise(ok) == ok);
    const std::string objects = [&] {
        std::string s;
        for (std::size_t i = 0; i < depth; ++i) {
            s += "{\"a\":";
        }
        s += "1" + std::string(depth, '}');
        return s;
    }();
    CHECK(normalise(objects) == objects);
    const std::string too_deep = std::string(depth + 1, '[') + std::string(depth + 1, ']');
    CHECK(parse_error(too_deep) ==
          "Error: invalid JSON at line 1, column 1001: nesting deeper than 1000 levels");
    // The reader itself keeps no C++ frame per level: with the limit lifted it reads 200,000
    // levels (a recursive reader would need megabytes of stack for that), here into a builder
    // whose values are depths, so nothing deep is built.
    struct DepthBuilder {
        using Value = std::size_t;
        std::size_t null_value() { return 0; }
        std::size_t bool_value(bool) { return 0; }
        std::size_t int_value(std::int64_t) { return 0; }
        std::size_t float_value(double) { return 0; }
        std::size_t string_value(std::string&&) { return 0; }
        std::size_t array_value(std::vector<std::size_t>&& items) {
            return 1 + (items.empty() ? 0 : items[0]);
        }
        std::size_t object_value(std::vector<std::pair<std::string, std::size_t>>&& members) {
            return 1 + (members.empty() ? 0 : members[0].second);
        }
    };
    DepthBuilder depths;
    const std::size_t huge = 200000;
    CHECK(pyro::json::detail::read(std::string(huge, '[') + std::string(huge, ']'), depths, huge) ==
          huge);
    // A small limit, as a caller may set.
    CHECK(parse_error("[[1]]") == "<no error>");
    CHECK(error_of([] { parse("[[1]]", 1); }) ==
          "Error: invalid JSON at line 1, column 2: nesting deeper than 1 levels");
}

TEST_CASE("std: json parse errors name line and column", "[std][json]") {
    const std::pair<const char*, const char*> cases[] = {
        {"", "line 1, column 1: unexpected end of input"},
        {"   ", "line 1, column 4: unexpected end of input"},
        {"[1, 2", "line 1, column 6: unexpected end of input"},
        {"{\n  \"a\": 1,\n  \"b\": 2 \"c\"\n}", "line 3, column 10: expected ',' or '}'"},
        {"[1 2]", "line 1, column 4: expected ',' or ']'"},
        {"[1,]", "line 1, column 4: expected a value"},
        {"{\"a\":1,}", "line 1, column 8: expected a string key"},
        {"{,}", "line 1, column 2: expected a string key or '}'"},
        {"{a:1}", "line 1, column 2: expected a string key or '}'"},
        {"{\"a\" 1}", "line 1, column 6: expected ':'"},
        {"{\"a\":}", "line 1, column 6: expected a value"},
        {"nul", "line 1, column 1: expected a value"},
        {"True", "line 1, column 1: expected a value"},
        {"NaN", "line 1, column 1: expected a value"},
        {"Infinity", "line 1, column 1: expected a value"},
        {"'a'", "line 1, column 1: expected a value"},
        {"1 2", "line 1, column 3: unexpected text after the value"},
        {"[] x", "line 1, column 4: unexpected text after the value"},
        {"01", "line 1, column 2: leading zeros are not allowed"},
        {"-", "line 1, column 2: unexpected end of input"},
        {"-a", "line 1, column 2: expected a digit"},
        {"+1", "line 1, column 1: expected a value"},
        {".5", "line 1, column 1: expected a value"},
        {"1.", "line 1, column 3: unexpected end of input"},
        {"1.e5", "line 1, column 3: expected a digit after '.'"},
        {"1e", "line 1, column 3: unexpected end of input"},
        {"1e+x", "line 1, column 4: expected a digit in the exponent"},
        {"\"abc", "line 1, column 1: unterminated string"},
        {"[\"a\\", "line 1, column 4: unterminated string"},
        {"\"a\\qb\"", "line 1, column 3: invalid escape"},
        {"\"\\u12g4\"", "line 1, column 2: \\u must be followed by four hex digits"},
        {"\"\\u12\"", "line 1, column 2: \\u must be followed by four hex digits"},
        {"\"\\ud800\"", "line 1, column 2: lone high surrogate in \\u escape"},
        {"\"\\ud800\\u0041\"", "line 1, column 2: lone high surrogate in \\u escape"},
        {"\"x\\udc00\"", "line 1, column 3: lone low surrogate in \\u escape"},
        {"\"a\nb\"", "line 1, column 3: control character U+000A in string"},
        {"\"a\tb\"", "line 1, column 3: control character U+0009 in string"},
        {"\"\xff\"", "line 1, column 2: invalid UTF-8"},
        {"\"\xc0\x80\"", "line 1, column 2: invalid UTF-8"},          // overlong
        {"\"\xed\xa0\x80\"", "line 1, column 2: invalid UTF-8"},      // encoded surrogate
        {"\"\xf4\x90\x80\x80\"", "line 1, column 2: invalid UTF-8"},  // above U+10FFFF
        {"\"\xe2\x82\"", "line 1, column 2: invalid UTF-8"},          // truncated
        // Columns count code points, not bytes.
        {"[\"\u00e9\u00e9\", x]", "line 1, column 8: expected a value"},
        {"[1,\r\n 2,\n\n   ?]", "line 4, column 4: expected a value"},
        {"\x01", "line 1, column 1: expected a value"},
    };
    for (const auto& [text, message] : cases) {
        INFO("input: " << text);
        CHECK(parse_error(text) == std::string("Error: invalid JSON at ") + message);
    }
}

TEST_CASE("std: json write scalars and escapes", "[std][json]") {
    CHECK(to_json(pyro::Int(-42)) == "-42");
    CHECK(to_json(pyro::Int::min()) == "-9223372036854775808");
    CHECK(to_json(true) == "true");
    CHECK(to_json(pyro::void_) == "null");
    CHECK(to_json(1.0) == "1.0");
    CHECK(to_json(0.1) == "0.1");
    CHECK(to_json(-0.0) == "-0.0");
    CHECK(to_json(1e16) == "1e+16");
    CHECK(to_json(2.5e-05) == "2.5e-05");
    CHECK(to_json(1e22) == "1e+22");
    CHECK(to_json(std::numeric_limits<double>::denorm_min()) == "5e-324");
    CHECK(to_json(std::string("\"\\/\b\f\n\r\t")) == R"("\"\\/\b\f\n\r\t")");
    CHECK(to_json(std::string("a\x01\x1f\x7f"
                              "b",
                              5)) ==
          "\"a\\u0001\\u001f\x7f"
          "b\"");
    CHECK(to_json(std::string(1, '\0')) == R"("\u0000")");
    CHECK(to_json(std::string("\u00e9\u20ac\U0001F600")) == "\"\u00e9\u20ac\U0001F600\"");
    CHECK(to_json(std::vector<pyro::Int>{1, 2, 3}) == "[1,2,3]");
    CHECK(to_json(std::vector<std::vector<double>>{{}, {0.5}}) == "[[],[0.5]]");
}

TEST_CASE("std: json write errors", "[std][json]") {
    const auto err = [](double d) { return error_of([d] { to_json(d); }); };
    CHECK(err(std::nan("")) == "Error: cannot convert nan to JSON");
    CHECK(err(HUGE_VAL) == "Error: cannot convert inf to JSON");
    CHECK(err(-HUGE_VAL) == "Error: cannot convert -inf to JSON");
    CHECK(error_of([] { to_json(std::string("a\xff")); }) ==
          "Error: cannot convert a string that is not valid UTF-8 to JSON");
    CHECK(error_of([] { to_json(std::string("\xed\xb0\x80")); }) ==
          "Error: cannot convert a string that is not valid UTF-8 to JSON");
    // A container that holds itself is caught by its identity.
    pyro::json::detail::Writer w;
    int identity = 0;
    w.open('[', &identity);
    CHECK(error_of([&] { w.open('[', &identity); }) ==
          "Error: cannot convert a value that contains itself to JSON");
    // Too deep: the writer's limit matches the reader's.
    pyro::json::detail::Writer deep;
    CHECK(error_of([&] {
              for (std::size_t i = 0; i <= pyro::json::detail::kMaxWriteDepth; ++i) {
                  deep.open('[', nullptr);
              }
          }) == "Error: cannot convert a value nested deeper than 1000 levels to JSON");
}

TEST_CASE("std: json floats read back exactly", "[std][json]") {
    std::mt19937_64 bits(12345);
    for (int i = 0; i < 100000; ++i) {
        const double d = std::bit_cast<double>(bits());
        if (!std::isfinite(d)) {
            continue;
        }
        const std::string text = to_json(d);
        const double back = as_float(parse(text));
        INFO(text);
        REQUIRE(std::bit_cast<std::uint64_t>(back) == std::bit_cast<std::uint64_t>(d));
    }
    for (const double d : {0.1, 0.2, 0.3, 1.0 / 3, 1e-7, 123456789.0, 1e15, 1e16, 5e-324}) {
        CHECK(as_float(parse(to_json(d))) == d);
    }
}

TEST_CASE("std: json strings round trip", "[std][json]") {
    std::string all;
    for (int c = 0; c < 0x80; ++c) {
        all.push_back(static_cast<char>(c));
    }
    all += "\u00e9\u0800\uffff\U00010000\U0010FFFF";
    CHECK(as_string(parse(to_json(all))) == all);
    // Every escape the writer makes, read back.
    const std::string text = to_json(all);
    CHECK(text.find("\\u001b") != std::string::npos);
    CHECK(text.find("\\n") != std::string::npos);
}

TEST_CASE("std: json survives mutated input", "[std][json]") {
    // Random byte edits of valid documents: each result either raises an `invalid JSON at`
    // error or parses, and then writes back to text that reads back to the same text.
    const std::string seeds[] = {
        R"({"a": [1, -2.5e3, "x\u00e9\ud83d\ude00", null, true, false], "b": {"c": {}}})",
        R"([[[[0.1]]], {"k": "\\\"\/\b\f\n\r\t"}, 12345678901234567890, -0])",
        "  \"\xe4\xb8\x96\" ",
    };
    const char alphabet[] = "{}[]\",:\\-+.eE0123456789aflnrstu \n\t\x01\xc3\xa9\xff";
    std::mt19937 rng(2024);
    int parsed = 0;
    for (int round = 0; round < 20000; ++round) {
        std::string text = seeds[round % 3];
        const int edits = 1 + static_cast<int>(rng() % 4);
        for (int e = 0; e < edits; ++e) {
            const std::size_t at = rng() % (text.size() + 1);
            const char c = alphabet[rng() % (sizeof alphabet - 1)];
            switch (rng() % 3) {
                case 0:
                    text.insert(text.begin() + static_cast<std::ptrdiff_t>(at), c);
                    break;
                case 1:
                    if (at < text.size()) {
                        text.erase(at, 1);
                    }
                    break;
                default:
                    if (at < text.size()) {
                        text[at] = c;
                    }
            }
        }
        INFO("input: " << text);
        J value;
        try {
            value = parse(text);
        } catch (const pyro::rt::Raised& e) {
            REQUIRE(e.str().rfind("Error: invalid JSON at line ", 0) == 0);
            continue;
        }
        ++parsed;
        // A number beyond the float range reads as inf, which JSON cannot write back.
        const std::string once = error_of([&] { to_json(value); });
        if (once != "<no error>") {
            REQUIRE((once == "Error: cannot convert inf to JSON" ||
                     once == "Error: cannot convert -inf to JSON"));
            continue;
        }
        const std::string text_once = to_json(value);
        REQUIRE(to_json(parse(text_once)) == text_once);
    }
    CHECK(parsed > 100);  // the edits leave some documents valid
}
