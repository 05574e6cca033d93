// The JSON reader behind std.json's parse: RFC 8259 text to values, through a builder.
//
// The reader knows nothing of Pyro's values: it hands scalars, finished arrays and finished
// objects to a Builder (below), which makes them into whatever values it likes, so it can be
// tested over plain C++ types and json.hpp builds pyro::Any with it. It is iterative (an
// explicit stack of open arrays and objects), so deep nesting cannot overflow a task's stack;
// nesting is still limited, to kMaxDepth levels as Python's json effectively is, because the
// values built are destroyed, printed and stringified recursively: measured, destroying a
// nested Any takes ~80 bytes of stack per level at -O2 and ~770 at -O0, stringifying ~160 at
// -O2, and a task has 1 MiB, so 10,000 levels would overflow it.
//
// Strictly RFC 8259: no comments, trailing commas, single quotes, NaN or Infinity; strings
// must be valid UTF-8 with control characters escaped; a `\u` escape of a surrogate must be
// half of a pair (Pyro strings are UTF-8, which cannot hold a lone surrogate). A UTF-8 byte
// order mark before the value is skipped. Numbers without a fraction or exponent that fit in
// 64 bits become ints, other numbers floats (correctly rounded; beyond the float range, inf or
// 0.0 with the number's sign). In an object, a repeated key is passed on as it comes; the
// builder decides (a Pyro dict keeps the first position and the last value).
//
// Errors raise `invalid JSON at line L, column C: what` with 1-based line and column, the
// column counted in code points as compiler diagnostics count it.
#pragma once

#include <charconv>
#include <cmath>
#include <concepts>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>
#include <system_error>
#include <utility>
#include <vector>

#include "pyro/error.hpp"
#include "pyro/str.hpp"

namespace pyro::json::detail {

inline constexpr std::size_t kMaxDepth = 1000;

// What the reader asks of a builder, with Value any movable type:
//   Value null_value();  Value bool_value(bool);  Value int_value(std::int64_t);
//   Value float_value(double);  Value string_value(std::string&&);
//   Value array_value(std::vector<Value>&&);
//   Value object_value(std::vector<std::pair<std::string, Value>>&&);
template <class B>
concept Builder = std::movable<typename B::Value> &&
    std::default_initializable<typename B::Value> &&
    requires(B& b, std::string s, std::vector<typename B::Value> items,
             std::vector<std::pair<std::string, typename B::Value>> members) {
    { b.null_value() } -> std::same_as<typename B::Value>;
    { b.bool_value(true) } -> std::same_as<typename B::Value>;
    { b.int_value(std::int64_t{0}) } -> std::same_as<typename B::Value>;
    { b.float_value(0.0) } -> std::same_as<typename B::Value>;
    { b.string_value(std::move(s)) } -> std::same_as<typename B::Value>;
    { b.array_value(std::move(items)) } -> std::same_as<typename B::Value>;
    { b.object_value(std::move(members)) } -> std::same_as<typename B::Value>;
};

// Line and column (1-based, the column in code points) of byte `offset` of `text`.
inline std::pair<std::size_t, std::size_t> line_and_column(std::string_view text,
                                                           std::size_t offset) {
    std::size_t line = 1;
    std::size_t column = 1;
    for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c == '\n') {
            ++line;
            column = 1;
        } else if ((c & 0xc0) != 0x80) {
            ++column;
        }
    }
    return {line, column};
}

[[noreturn, gnu::cold, gnu::noinline]] inline void raise_at(std::string_view text,
                                                            std::size_t offset,
                                                            std::string_view what) {
    const auto [line, column] = line_and_column(text, offset);
    rt::raise_error("invalid JSON at line " + std::to_string(line) + ", column " +
                    std::to_string(column) + ": " + std::string(what));
}

// Length of the well-formed UTF-8 sequence starting at text[i] (a byte >= 0x80), or 0 if
// it is not one: no overlong forms, no surrogates, nothing above U+10FFFF.
inline std::size_t utf8_sequence_length(std::string_view text, std::size_t i) noexcept {
    const auto at = [&](std::size_t k) -> unsigned {
        return i + k < text.size() ? static_cast<unsigned char>(text[i + k]) : 0;
    };
    const auto cont = [](unsigned c) { return (c & 0xc0) == 0x80; };
    const unsigned c0 = at(0);
    if (c0 >= 0xc2 && c0 <= 0xdf) {
        return cont(at(1)) ? 2 : 0;
    }
    if (c0 >= 0xe0 && c0 <= 0xef) {
        const unsigned c1 = at(1);
        const bool ok1 = c0 == 0xe0   ? (c1 >= 0xa0 && c1 <= 0xbf)
                         : c0 == 0xed ? (c1 >= 0x80 && c1 <= 0x9f)
                                      : cont(c1);
        return ok1 && cont(at(2)) ? 3 : 0;
    }
    if (c0 >= 0xf0 && c0 <= 0xf4) {
        const unsigned c1 = at(1);
        const bool ok1 = c0 == 0xf0   ? (c1 >= 0x90 && c1 <= 0xbf)
                         : c0 == 0xf4 ? (c1 >= 0x80 && c1 <= 0x8f)
                                      : cont(c1);
        return ok1 && cont(at(2)) && cont(at(3)) ? 4 : 0;
    }
    return 0;
}

template <Builder B>
class Reader {
public:
    using Value = typename B::Value;

    Reader(std::string_view text, B& builder, std::size_t max_depth)
        : text_(text), builder_(builder), max_depth_(max_depth) {}

    Value read() {
        if (text_.substr(0, 3) == "\xef\xbb\xbf") {
            pos_ = 3;
        }
        Value result = read_nested();
        skip_space();
        if (pos_ < text_.size()) {
            fail("unexpected text after the value");
        }
        return result;
    }

private:
    // An array or object being read; only one of the vectors is used.
    struct Open {
        bool is_object;
        std::vector<Value> items;
        std::vector<std::pair<std::string, Value>> members;
        std::string key;  // the key whose value is being read
    };

    // One value, however deeply nested, with the open containers on `stack` instead of the
    // C++ stack. Each turn of the outer loop reads a scalar or opens a container; the inner
    // loop files the finished value into its container and closes the containers it ends.
    Value read_nested() {
        std::vector<Open> stack;
        while (true) {
            skip_space();
            Value value;
            const char c = peek();
            if (c == '[' || c == '{') {
                if (stack.size() >= max_depth_) {
                    fail("nesting deeper than " + std::to_string(max_depth_) + " levels");
                }
                ++pos_;
                stack.push_back(Open{c == '{', {}, {}, {}});
                skip_space();
                if (c == '{' ? peek() == '}' : peek() == ']') {
                    ++pos_;
                    value = close(stack);
                } else {
                    if (c == '{') {
                        read_key(stack.back(), "expected a string key or '}'");
                    }
                    continue;
                }
            } else {
                value = read_scalar();
            }
            // File `value`; each container it completes becomes the next value to file.
            while (true) {
                if (stack.empty()) {
                    return value;
                }
                Open& top = stack.back();
                if (top.is_object) {
                    top.members.emplace_back(std::move(top.key), std::move(value));
                } else {
                    top.items.push_back(std::move(value));
                }
                skip_space();
                const char next = peek();
                if (next == ',') {
                    ++pos_;
                    if (top.is_object) {
                        skip_space();
                        read_key(top, "expected a string key");
                    }
                    break;  // read the next element
                }
                if (next == (top.is_object ? '}' : ']')) {
                    ++pos_;
                    value = close(stack);
                    continue;
                }
                fail(top.is_object ? "expected ',' or '}'" : "expected ',' or ']'");
            }
        }
    }

    Value close(std::vector<Open>& stack) {
        Open top = std::move(stack.back());
        stack.pop_back();
        return top.is_object ? builder_.object_value(std::move(top.members))
                             : builder_.array_value(std::move(top.items));
    }

    // A key and its colon; leaves pos_ at the value.
    void read_key(Open& object, std::string_view expected) {
        if (peek() != '"') {
            fail(expected);
        }
        object.key = read_string();
        skip_space();
        if (peek() != ':') {
            fail("expected ':'");
        }
        ++pos_;
    }

    Value read_scalar() {
        const char c = peek();
        switch (c) {
            case '"':
                return builder_.string_value(read_string());
            case 't':
                return read_word("true", builder_.bool_value(true));
            case 'f':
                return read_word("false", builder_.bool_value(false));
            case 'n':
                return read_word("null", builder_.null_value());
            default:
                if (c == '-' || (c >= '0' && c <= '9')) {
                    return read_number();
                }
                fail("expected a value");
        }
    }

    Value read_word(std::string_view word, Value value) {
        if (text_.substr(pos_, word.size()) != word) {
            fail("expected a value");
        }
        pos_ += word.size();
        return value;
    }

    // number = [ "-" ] int [ frac ] [ exp ]; int = "0" / digit1-9 *digit
    Value read_number() {
        const std::size_t start = pos_;
        bool negative = false;
        if (peek() == '-') {
            negative = true;
            ++pos_;
        }
        const std::size_t int_start = pos_;
        if (peek() == '0') {
            ++pos_;
            if (is_digit(peek())) {
                fail("leading zeros are not allowed");
            }
        } else if (!skip_digits()) {
            fail("expected a digit");
        }
        const std::size_t int_end = pos_;
        bool integral = true;
        std::int64_t exponent = 0;  // only its sign and size matter, for out-of-range floats
        if (peek() == '.') {
            integral = false;
            ++pos_;
            if (!skip_digits()) {
                fail("expected a digit after '.'");
            }
        }
        const std::size_t frac_end = pos_;
        if (peek() == 'e' || peek() == 'E') {
            integral = false;
            ++pos_;
            bool exp_negative = false;
            if (peek() == '+' || peek() == '-') {
                exp_negative = peek() == '-';
                ++pos_;
            }
            const std::size_t exp_start = pos_;
            if (!skip_digits()) {
                fail("expected a digit in the exponent");
            }
            for (std::size_t i = exp_start; i < pos_ && exponent < 1'000'000'000; ++i) {
                exponent = exponent * 10 + (text_[i] - '0');
            }
            exponent = exp_negative ? -exponent : exponent;
        }
        const char* first = text_.data() + start;
        const char* last = text_.data() + pos_;
        if (integral) {
            std::int64_t n = 0;
            if (std::from_chars(first, last, n).ec == std::errc{}) {
                return builder_.int_value(n);
            }
        }
        double d = 0;
        if (std::from_chars(first, last, d).ec == std::errc::result_out_of_range) {
            // The decimal exponent of the leading digit decides between overflow and underflow.
            std::int64_t magnitude = exponent;
            std::size_t i = int_start;
            while (i < frac_end && (text_[i] == '0' || text_[i] == '.')) {
                ++i;
            }
            magnitude += i < int_end ? static_cast<std::int64_t>(int_end - i)
                                     : -static_cast<std::int64_t>(i - int_end);
            d = magnitude > 0 ? HUGE_VAL : 0.0;
            d = negative ? -d : d;
        }
        return builder_.float_value(d);
    }

    // string = quotation-mark *char quotation-mark, with pos_ at the opening quote.
    std::string read_string() {
        const std::size_t open = pos_;
        ++pos_;
        std::string out;
        while (true) {
            // Copy the plain run up to the next quote, backslash, control or non-ASCII byte.
            std::size_t run = pos_;
            while (run < text_.size()) {
                const auto u = static_cast<unsigned char>(text_[run]);
                if (u == '"' || u == '\\' || u < 0x20 || u >= 0x80) {
                    break;
                }
                ++run;
            }
            out.append(text_, pos_, run - pos_);
            pos_ = run;
            if (pos_ >= text_.size()) {
                fail_at(open, "unterminated string");
            }
            const auto u = static_cast<unsigned char>(text_[pos_]);
            if (u == '"') {
                ++pos_;
                return out;
            }
            if (u == '\\') {
                read_escape(out);
            } else if (u < 0x20) {
                char what[64];
                std::snprintf(what, sizeof what, "control character U+%04X in string", u);
                fail(what);
            } else {
                const std::size_t n = utf8_sequence_length(text_, pos_);
                if (n == 0) {
                    fail("invalid UTF-8");
                }
                out.append(text_, pos_, n);
                pos_ += n;
            }
        }
    }

    // One escape, pos_ at its backslash.
    void read_escape(std::string& out) {
        const std::size_t backslash = pos_;
        if (pos_ + 1 >= text_.size()) {
            fail("unterminated string");
        }
        const char c = text_[pos_ + 1];
        pos_ += 2;
        switch (c) {
            case '"':
            case '\\':
            case '/':
                out.push_back(c);
                return;
            case 'b':
                out.push_back('\b');
                return;
            case 'f':
                out.push_back('\f');
                return;
            case 'n':
                out.push_back('\n');
                return;
            case 'r':
                out.push_back('\r');
                return;
            case 't':
                out.push_back('\t');
                return;
            case 'u':
                break;
            default:
                fail_at(backslash, "invalid escape");
        }
        char32_t cp = read_hex4(backslash);
        if (cp >= 0xdc00 && cp <= 0xdfff) {
            fail_at(backslash, "lone low surrogate in \\u escape");
        }
        if (cp >= 0xd800 && cp <= 0xdbff) {
            if (text_.substr(pos_, 2) != "\\u") {
                fail_at(backslash, "lone high surrogate in \\u escape");
            }
            const std::size_t second = pos_;
            pos_ += 2;
            const char32_t low = read_hex4(second);
            if (low < 0xdc00 || low > 0xdfff) {
                fail_at(backslash, "lone high surrogate in \\u escape");
            }
            cp = 0x10000 + ((cp - 0xd800) << 10) + (low - 0xdc00);
        }
        rt::append_utf8(out, cp);
    }

    // The four hex digits after `\u` (pos_ at the first); `backslash` is where errors point.
    char32_t read_hex4(std::size_t backslash) {
        char32_t cp = 0;
        for (int i = 0; i < 4; ++i, ++pos_) {
            const char c = pos_ < text_.size() ? text_[pos_] : '\0';
            unsigned digit;
            if (c >= '0' && c <= '9') {
                digit = c - '0';
            } else if (c >= 'a' && c <= 'f') {
                digit = c - 'a' + 10;
            } else if (c >= 'A' && c <= 'F') {
                digit = c - 'A' + 10;
            } else {
                fail_at(backslash, "\\u must be followed by four hex digits");
            }
            cp = cp * 16 + digit;
        }
        return cp;
    }

    static bool is_digit(char c) noexcept { return c >= '0' && c <= '9'; }
    bool skip_digits() noexcept {
        const std::size_t start = pos_;
        while (pos_ < text_.size() && is_digit(text_[pos_])) {
            ++pos_;
        }
        return pos_ > start;
    }
    void skip_space() noexcept {
        while (pos_ < text_.size()) {
            const char c = text_[pos_];
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                return;
            }
            ++pos_;
        }
    }
    // The current byte, or '\0' at the end (a NUL in the text is never valid where peek is
    // used, and fail() tells the end apart by position).
    char peek() const noexcept { return pos_ < text_.size() ? text_[pos_] : '\0'; }

    [[noreturn]] void fail(std::string_view what) const { fail_at(pos_, what); }
    [[noreturn]] void fail_at(std::size_t offset, std::string_view what) const {
        if (offset >= text_.size()) {
            raise_at(text_, text_.size(), "unexpected end of input");
        }
        raise_at(text_, offset, what);
    }

    std::string_view text_;
    B& builder_;
    std::size_t max_depth_;
    std::size_t pos_ = 0;
};

// Reads `text`, a whole JSON document, into the builder's values.
template <Builder B>
typename B::Value read(std::string_view text, B& builder, std::size_t max_depth = kMaxDepth) {
    return Reader<B>(text, builder, max_depth).read();
}

}  // namespace pyro::json::detail
