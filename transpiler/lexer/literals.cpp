// Literals: integers, floats, strings (with escapes, triple quotes) and f-strings.
//
// A malformed literal gives one error at the offending character, and the rest of the
// literal is swallowed so that `12abc` is one problem, not a number and then a name.
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <limits>

#include "lexer/lexer_impl.hpp"

namespace pyro2cpp::lexer_detail {

namespace {

int digit_value(int c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return 99;
}

bool is_digit_in(int base, int c) {
    return c >= 0 && digit_value(c) < base;
}

const char* base_name(int base) {
    switch (base) {
        case 16:
            return "hexadecimal";
        case 8:
            return "octal";
        case 2:
            return "binary";
        default:
            return "decimal";
    }
}

bool is_blank(std::string_view s) {
    return s.find_first_not_of(" \t\r\n\f") == std::string_view::npos;
}

}  // namespace

// Reads digits of `base` separated by single underscores into `digits` (underscores
// dropped). `underscore_first` allows `0x_1F`, as Python does. False after an error.
bool Lexer::scan_digits(int base, std::string& digits, bool underscore_first) {
    bool after_digit = underscore_first;
    for (;;) {
        int c = cur_.peek();
        if (is_digit_in(base, c)) {
            digits += static_cast<char>(c);
            cur_.advance();
            after_digit = true;
        } else if (c == '_') {
            if (!after_digit || !is_digit_in(base, cur_.peek(1))) {
                error(cur_.loc(), "'_' in a number must be between digits");
                return false;
            }
            cur_.advance();
            after_digit = false;
        } else {
            return true;
        }
    }
}

void Lexer::lex_number() {
    Loc begin = cur_.loc();
    std::size_t start = cur_.pos();
    std::string digits;
    int base = 10;
    bool is_float = false;
    bool ok = true;
    int prefix = cur_.peek(1);
    if (cur_.at('0') && (prefix == 'x' || prefix == 'X' || prefix == 'o' || prefix == 'O' ||
                         prefix == 'b' || prefix == 'B')) {
        base = (prefix | 0x20) == 'x' ? 16 : (prefix | 0x20) == 'o' ? 8 : 2;
        cur_.advance(2);
        Loc after = cur_.loc();
        ok = scan_digits(base, digits, true);
        if (ok && digits.empty()) {
            error(after, std::string("expected ") + base_name(base) + " digits after '0" +
                             static_cast<char>(prefix) + "'");
            ok = false;
        }
    } else {
        ok = scan_digits(10, digits, false);
        // A '.' is a decimal point only before a digit: `0..5` and `1.foo` keep their dots.
        if (ok && cur_.at('.') && is_digit_in(10, cur_.peek(1))) {
            is_float = true;
            digits += '.';
            cur_.advance();
            ok = scan_digits(10, digits, false);
        }
        if (ok && (cur_.at('e') || cur_.at('E'))) {
            is_float = true;
            digits += 'e';
            cur_.advance();
            if (cur_.at('+') || cur_.at('-')) {
                digits += static_cast<char>(cur_.peek());
                cur_.advance();
            }
            Loc exponent = cur_.loc();
            std::size_t before = digits.size();
            ok = scan_digits(10, digits, false);
            if (ok && digits.size() == before) {
                error(exponent, "expected digits in the exponent");
                ok = false;
            }
        }
    }
    if (ok && !cur_.done()) {
        Decoded d = cur_.decode();
        if (d.ok && is_name_char(d.cp)) {
            if (d.cp >= '0' && d.cp <= '9') {
                error(cur_.loc(), "invalid digit " + describe_char(d.cp) + " in " +
                                      base_name(base) + " literal");
            } else {
                error(cur_.loc(),
                      "invalid character " + describe_char(d.cp) + " in number literal");
            }
            ok = false;
        }
    }
    if (!ok) {
        while (!cur_.done()) {
            Decoded d = cur_.decode();
            if (!d.ok || !is_name_char(d.cp)) break;
            cur_.advance();
        }
    }

    Token& tok = push(is_float ? TokenKind::float_literal : TokenKind::int_literal, begin);
    tok.text = std::string(cur_.text().substr(start, cur_.pos() - start));
    if (!ok) return;
    if (is_float) {
        auto [ptr, ec] =
            std::from_chars(digits.data(), digits.data() + digits.size(), tok.float_value);
        if (ec == std::errc::result_out_of_range) {
            // from_chars refuses underflow too; like Python, a tiny literal is just 0 or subnormal.
            double v = std::strtod(digits.c_str(), nullptr);
            if (std::isinf(v)) {
                error(begin, "float literal out of range");
            } else {
                tok.float_value = v;
            }
        }
        return;
    }
    if (base == 10 && digits.size() > 1 && digits[0] == '0' &&
        digits.find_first_not_of('0') != std::string::npos) {
        error(begin, "leading zeros are not allowed in a decimal integer (use 0o for octal)");
        return;
    }
    constexpr auto max = static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max());
    std::uint64_t value = 0;
    for (char c : digits) {
        auto d = static_cast<std::uint64_t>(digit_value(c));
        if (value > (max - d) / static_cast<std::uint64_t>(base)) {
            error(begin, "integer literal out of range");
            return;
        }
        value = value * static_cast<std::uint64_t>(base) + d;
    }
    tok.int_value = static_cast<std::int64_t>(value);
}

bool Lexer::at_closing_quote(char quote, bool triple) const {
    return cur_.at(quote) && (!triple || (cur_.at(quote, 1) && cur_.at(quote, 2)));
}

bool Lexer::at_line_end() const {
    return cur_.at('\n') || (cur_.at('\r') && cur_.at('\n', 1));
}

// The cursor is on the opening quote (after the `f` of an f-string).
void Lexer::lex_string(Loc begin, bool is_fstring) {
    char quote = static_cast<char>(cur_.peek());
    bool triple = cur_.at(quote, 1) && cur_.at(quote, 2);
    cur_.advance(triple ? 3 : 1);
    std::string lit;
    Loc lit_loc;
    std::vector<FStringPart> parts;
    bool closed = false;
    bool reported = false;  // an unclosed '{' already explained the missing quote
    auto flush = [&] {
        if (lit.empty()) return;
        FStringPart& part = parts.emplace_back();
        part.text = std::move(lit);
        part.loc = lit_loc;
        lit.clear();
    };
    while (!cur_.done()) {
        if (at_closing_quote(quote, triple)) {
            cur_.advance(triple ? 3 : 1);
            closed = true;
            break;
        }
        if (!triple && at_line_end()) break;
        if (lit.empty()) lit_loc = cur_.loc();
        int c = cur_.peek();
        if (c == '\\') {
            lex_escape(lit);
        } else if (c == '\r' && cur_.at('\n', 1)) {
            lit += '\n';
            cur_.advance(2);
        } else if (is_fstring && (c == '{' || c == '}') && cur_.at(static_cast<char>(c), 1)) {
            lit += static_cast<char>(c);
            cur_.advance(2);
        } else if (is_fstring && c == '{') {
            flush();
            lex_fstring_field(parts, triple, quote, reported);
        } else if (is_fstring && c == '}') {
            error(cur_.loc(), "single '}' is not allowed in an f-string (write '}}')");
            cur_.advance();
        } else {
            Decoded d = cur_.decode();
            if (d.ok) {
                lit.append(cur_.text().substr(cur_.pos(), d.len));
            } else {
                if (cur_.pos() != last_bad_end_)
                    error(cur_.loc(), "invalid UTF-8 in string literal");
                append_utf8(lit, 0xFFFD);
            }
            cur_.advance();
            if (!d.ok) last_bad_end_ = cur_.pos();
        }
    }
    if (!closed && !reported) {
        error(begin, is_fstring ? "unterminated f-string"
                     : triple   ? "unterminated triple-quoted string"
                                : "unterminated string literal");
    }
    if (is_fstring) {
        flush();
        push(TokenKind::fstring, begin).fstring_parts = std::move(parts);
    } else {
        push(TokenKind::string_literal, begin).text = std::move(lit);
    }
}

// The cursor is on a backslash inside a string; appends the decoded character to `out`.
void Lexer::lex_escape(std::string& out) {
    Loc at = cur_.loc();
    cur_.advance();
    if (cur_.done()) return;  // the string loop reports the missing quote
    int e = cur_.peek();
    const char* simple = nullptr;
    switch (e) {
        case 'n':
            simple = "\n";
            break;
        case 't':
            simple = "\t";
            break;
        case 'r':
            simple = "\r";
            break;
        case '\\':
            simple = "\\";
            break;
        case '"':
            simple = "\"";
            break;
        case '\'':
            simple = "'";
            break;
        case '0':
            out += '\0';
            cur_.advance();
            return;
        case '\n':
            cur_.advance();
            return;  // a backslash-newline joins the lines, as in Python
        default:
            break;
    }
    if (simple != nullptr) {
        out += simple;
        cur_.advance();
        return;
    }
    if (e == '\r' && cur_.at('\n', 1)) {
        cur_.advance(2);
        return;
    }
    if (e == 'x') {
        cur_.advance();
        unsigned value = 0;
        int count = 0;
        while (count < 2 && is_digit_in(16, cur_.peek())) {
            value = value * 16 + static_cast<unsigned>(digit_value(cur_.peek()));
            ++count;
            cur_.advance();
        }
        if (count != 2) {
            error(at, "invalid escape '\\x': expected two hex digits");
        } else {
            append_utf8(out, value);
        }
        return;
    }
    if (e == 'u') {
        cur_.advance();
        const char* bad_form =
            "invalid escape '\\u': expected '\\u{' then 1 to 6 hex digits and '}'";
        if (!cur_.at('{')) {
            error(at, bad_form);
            return;
        }
        cur_.advance();
        std::uint32_t value = 0;
        int count = 0;
        while (is_digit_in(16, cur_.peek())) {
            if (count < 8)
                value = value * 16 + static_cast<std::uint32_t>(digit_value(cur_.peek()));
            ++count;
            cur_.advance();
        }
        if (count == 0 || count > 6 || !cur_.at('}')) {
            error(at, bad_form);
            if (cur_.at('}')) cur_.advance();
            return;
        }
        cur_.advance();
        if (value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF)) {
            error(at, "invalid code point in '\\u{...}' escape");
            return;
        }
        append_utf8(out, value);
        return;
    }
    // Kept as written (as Python does); the error stops the program anyway.
    Decoded d = cur_.decode();
    out += '\\';
    out.append(cur_.text().substr(cur_.pos(), d.len));
    if (d.ok && d.cp > 0x20 && d.cp != 0x7F) {
        error(at, "unknown escape sequence '\\" +
                      std::string(cur_.text().substr(cur_.pos(), d.len)) + "'");
    } else {
        error(at, "unknown escape sequence: '\\' followed by " + describe_char(d.cp));
    }
    cur_.advance();
}

// Skips a string literal inside an f-string's expression; the expression's own lexer
// decodes it later. Stops (without consuming) at the enclosing f-string's closing quote.
void Lexer::skip_nested_string(char outer_quote, bool outer_triple) {
    char quote = static_cast<char>(cur_.peek());
    bool triple = cur_.at(quote, 1) && cur_.at(quote, 2);
    cur_.advance(triple ? 3 : 1);
    while (!cur_.done() && !at_closing_quote(outer_quote, outer_triple)) {
        if (!(triple && outer_triple) && at_line_end()) return;
        if (at_closing_quote(quote, triple)) {
            cur_.advance(triple ? 3 : 1);
            return;
        }
        cur_.advance(cur_.at('\\') ? 2 : 1);
    }
}

// The cursor is on the '{' of a replacement field `{expr}` or `{expr:spec}`.
void Lexer::lex_fstring_field(std::vector<FStringPart>& parts, bool triple, char quote,
                              bool& reported) {
    Loc brace = cur_.loc();
    cur_.advance();
    std::size_t expr_begin = cur_.pos();
    Loc expr_loc = cur_.loc();
    auto cut_short = [&] {
        if (!cur_.done() && !at_closing_quote(quote, triple) && (triple || !at_line_end())) {
            return false;
        }
        error(brace, "'{' in f-string was never closed");
        reported = true;
        return true;
    };
    int depth = 0;
    for (;;) {
        if (cut_short()) return;
        int c = cur_.peek();
        if (c == '"' || c == '\'') {
            skip_nested_string(quote, triple);
            continue;
        }
        if (c == '(' || c == '[' || c == '{') {
            ++depth;
        } else if ((c == ')' || c == ']') && depth > 0) {
            --depth;
        } else if (c == '}' || c == ':') {
            if (depth == 0) break;
            if (c == '}') --depth;
        }
        cur_.advance();
    }
    std::size_t expr_end = cur_.pos();
    FStringPart part;
    part.is_expr = true;
    part.loc = expr_loc;
    part.text = std::string(cur_.text().substr(expr_begin, expr_end - expr_begin));
    if (cur_.at(':')) {
        cur_.advance();
        std::size_t spec_begin = cur_.pos();
        int nested = 0;
        for (;;) {
            if (cut_short()) return;
            if (cur_.at('}') && nested == 0) break;
            if (cur_.at('{')) {
                if (nested++ == 0) {
                    error(cur_.loc(), "a '{...}' field inside a format spec is not supported");
                }
            } else if (cur_.at('}')) {
                --nested;
            }
            cur_.advance();
        }
        part.format_spec = std::string(cur_.text().substr(spec_begin, cur_.pos() - spec_begin));
    }
    cur_.advance();  // the closing '}'
    if (is_blank(part.text)) {
        error(brace, "empty expression in f-string");
        return;
    }
    Lexer sub(file_, diags_, expr_begin, expr_end, expr_loc, true);
    part.tokens = sub.run().tokens;
    parts.push_back(std::move(part));
}

}  // namespace pyro2cpp::lexer_detail
