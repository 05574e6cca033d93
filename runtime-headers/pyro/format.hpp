// f-string pieces with a format spec: `f"{x:.2f}"` is pyro::rt::format(x, ".2f").
//
// The spec language is Python's: [[fill]align][sign][#][0][width][,|_][.precision][type].
// fmt's is close but differs where it matters (no `,` or `_` grouping, no `=` alignment, no
// `%`, widths measured in terminal columns rather than code points, no Python rule for a
// float without a type), so the spec is parsed here; fmt and the float layout of
// float_repr.hpp render the number's digits, and grouping and padding are done here. An int
// with a float type (`{n:.2f}`) formats as a float, a bool without a numeric type formats as
// its text `true`/`false`. A spec that does not apply raises `invalid format spec ".2f" for
// string`.
#pragma once

#include <fmt/format.h>

#include <cmath>
#include <cstdint>
#include <string>
#include <string_view>

#include "pyro/error.hpp"
#include "pyro/float_repr.hpp"
#include "pyro/int.hpp"
#include "pyro/str.hpp"
#include "pyro/void.hpp"

namespace pyro::rt {

struct FormatSpec {
    std::string_view fill = " ";  // one code point
    char align = 0;               // '<' '>' '^' '=' or 0 for the type's default
    char sign = '-';              // '-' '+' ' '
    bool alternate = false;       // '#'
    bool zero = false;            // '0' before the width
    std::size_t width = 0;
    char grouping = 0;  // ',' '_' or 0
    int precision = -1;
    char type = 0;
};

[[noreturn, gnu::cold, gnu::noinline]] inline void raise_bad_spec(std::string_view spec,
                                                                  const char* type_name) {
    std::string message = "invalid format spec ";
    append_quoted(message, spec);
    message += " for ";
    message += type_name;
    raise_error(message);
}

inline std::size_t utf8_length(std::string_view s) noexcept {
    std::size_t n = 0;
    for (const char c : s) {
        n += (static_cast<unsigned char>(c) & 0xc0) != 0x80;
    }
    return n;
}

inline bool is_align(char c) noexcept {
    return c == '<' || c == '>' || c == '^' || c == '=';
}

// Parses a spec; false if it is malformed. The type is checked by each formatter.
inline bool parse_spec(std::string_view s, FormatSpec& spec) {
    std::size_t i = 0;
    bool fill_given = false;
    // A fill is any one code point followed by an alignment.
    std::size_t first = s.empty() ? 0 : 1;
    while (first < s.size() && (static_cast<unsigned char>(s[first]) & 0xc0) == 0x80) {
        ++first;
    }
    if (first < s.size() && is_align(s[first])) {
        spec.fill = s.substr(0, first);
        spec.align = s[first];
        fill_given = true;
        i = first + 1;
    } else if (!s.empty() && is_align(s[0])) {
        spec.align = s[0];
        i = 1;
    }
    if (i < s.size() && (s[i] == '+' || s[i] == '-' || s[i] == ' ')) {
        spec.sign = s[i++];
    }
    if (i < s.size() && s[i] == '#') {
        spec.alternate = true;
        ++i;
    }
    if (i < s.size() && s[i] == '0') {
        // Zero padding: '0' is the fill unless one was given; a number without an alignment
        // puts the zeros between its sign and its digits.
        spec.zero = true;
        if (!fill_given) {
            spec.fill = "0";
        }
        ++i;
    }
    const auto read_number = [&](std::size_t& value) {
        const std::size_t start = i;
        value = 0;
        while (i < s.size() && s[i] >= '0' && s[i] <= '9' && i - start < 6) {
            value = value * 10 + static_cast<std::size_t>(s[i++] - '0');
        }
        return i > start && !(i < s.size() && s[i] >= '0' && s[i] <= '9');
    };
    if (i < s.size() && s[i] >= '1' && s[i] <= '9' && !read_number(spec.width)) {
        return false;
    }
    if (i < s.size() && (s[i] == ',' || s[i] == '_')) {
        spec.grouping = s[i++];
    }
    if (i < s.size() && s[i] == '.') {
        ++i;
        std::size_t precision = 0;
        if (!read_number(precision)) {
            return false;
        }
        spec.precision = static_cast<int>(precision);
    }
    if (i < s.size()) {
        spec.type = s[i++];
    }
    return i == s.size();
}

// Pads `head` (sign and prefix) followed by `digits` to the spec's width.
inline std::string pad(const FormatSpec& spec, std::string_view head, std::string_view digits,
                       char align) {
    const std::size_t length = utf8_length(head) + utf8_length(digits);
    std::string out;
    const std::size_t fill_count = spec.width > length ? spec.width - length : 0;
    const auto fill = [&](std::size_t count) {
        for (std::size_t k = 0; k < count; ++k) {
            out.append(spec.fill);
        }
    };
    switch (align) {
        case '<':
            out.append(head).append(digits);
            fill(fill_count);
            break;
        case '^':
            fill(fill_count / 2);
            out.append(head).append(digits);
            fill(fill_count - fill_count / 2);
            break;
        case '=':
            out.append(head);
            fill(fill_count);
            out.append(digits);
            break;
        default:
            fill(fill_count);
            out.append(head).append(digits);
    }
    return out;
}

// Inserts `sep` every `group` digits in the leading run of digits of `body`; with zero
// padding, first adds leading zeros so that the grouped number reaches `min_length`, as
// Python does (`{:010,}` of 1234 is `00,001,234`).
inline std::string group_digits(std::string_view body, char sep, std::size_t group,
                                std::size_t min_length) {
    // Groups of 4 are binary, octal or hex digits; groups of 3 decimal ones, where an 'e'
    // starts the exponent.
    const auto is_digit = [group](char c) {
        return (c >= '0' && c <= '9') ||
               (group == 4 && ((c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F')));
    };
    std::size_t run = 0;
    while (run < body.size() && is_digit(body[run])) {
        ++run;
    }
    std::size_t digits = run;
    const auto grouped_length = [&](std::size_t n) { return n + (n - 1) / group; };
    while (run > 0 && grouped_length(digits) + (body.size() - run) < min_length) {
        ++digits;
    }
    std::string out;
    for (std::size_t k = 0; k < digits; ++k) {
        if (k > 0 && (digits - k) % group == 0) {
            out.push_back(sep);
        }
        out.push_back(k < digits - run ? '0' : body[k - (digits - run)]);
    }
    out.append(body.substr(run));
    return out;
}

// Sign, digits and padding, shared by ints and floats.
inline Str finish_number(const FormatSpec& spec, bool negative, std::string_view prefix,
                         std::string body, std::size_t group) {
    std::string head;
    if (negative) {
        head.push_back('-');
    } else if (spec.sign != '-') {
        head.push_back(spec.sign);
    }
    head.append(prefix);
    const char align = spec.align ? spec.align : spec.zero ? '=' : '>';
    if (spec.grouping) {
        const bool zero_pad = align == '=' && spec.fill == "0";
        const std::size_t min_length =
            zero_pad && spec.width > head.size() ? spec.width - head.size() : 0;
        body = group_digits(body, spec.grouping, group, min_length);
    }
    return Str(pad(spec, head, body, align));
}

inline Str format_float(double x, const FormatSpec& spec, std::string_view spec_text) {
    const char type = spec.type;
    if (type != 0 && type != 'e' && type != 'E' && type != 'f' && type != 'F' && type != 'g' &&
        type != 'G' && type != '%') {
        raise_bad_spec(spec_text, "float");
    }
    const bool negative = std::signbit(x) && !std::isnan(x);
    const double mag = std::fabs(x);
    std::string body;
    if (type == 0 && spec.precision < 0) {
        append_float_repr(body, mag);
    } else if (type == 0) {
        // Python's rule for a precision without a type: like 'g', but positional output keeps
        // one digit after the point, so the exponent form starts one place earlier.
        const int precision = spec.precision == 0 ? 1 : spec.precision;
        if (!std::isfinite(mag)) {
            append_float_repr(body, mag);
        } else {
            const std::string sci = fmt::format("{:.{}e}", mag, precision - 1);
            const std::size_t e_pos = sci.find('e');
            std::string digits;
            for (std::size_t k = 0; k < e_pos; ++k) {
                if (sci[k] != '.') {
                    digits.push_back(sci[k]);
                }
            }
            while (!spec.alternate && digits.size() > 1 && digits.back() == '0') {
                digits.pop_back();
            }
            const int exp = std::stoi(sci.substr(e_pos + 1));
            append_float_layout(body, digits, exp, exp < -4 || exp >= precision - 1);
        }
    } else {
        const int precision = spec.precision < 0 ? 6 : spec.precision;
        const char fmt_type = type == '%' ? 'f' : type;
        const double value = type == '%' ? mag * 100 : mag;
        const std::string fmt_spec =
            fmt::format("{{:{}.{}{}}}", spec.alternate ? "#" : "", precision, fmt_type);
        body = fmt::format(fmt::runtime(fmt_spec), value);
        if (type == '%') {
            body.push_back('%');
        }
    }
    return finish_number(spec, negative, "", std::move(body), 3);
}

inline Str format_int(std::int64_t x, const FormatSpec& spec, std::string_view spec_text) {
    switch (spec.type) {
        case 'e':
        case 'E':
        case 'f':
        case 'F':
        case 'g':
        case 'G':
        case '%':
            return format_float(static_cast<double>(x), spec, spec_text);
        case 0:
        case 'd':
        case 'b':
        case 'o':
        case 'x':
        case 'X':
        case 'c':
            break;
        default:
            raise_bad_spec(spec_text, "int");
    }
    if (spec.precision >= 0 || (spec.grouping == ',' && spec.type != 0 && spec.type != 'd')) {
        raise_bad_spec(spec_text, "int");
    }
    if (spec.type == 'c') {
        if (x < 0 || x > 0x10ffff || (x >= 0xd800 && x < 0xe000) || spec.sign != '-' ||
            spec.alternate || spec.grouping) {
            raise_bad_spec(spec_text, "int");
        }
        std::string utf8;
        append_utf8(utf8, static_cast<char32_t>(x));
        return Str(pad(spec, "", utf8, spec.align ? spec.align : '>'));
    }
    const bool negative = x < 0;
    const std::uint64_t mag = negative ? 0 - static_cast<std::uint64_t>(x) : x;
    std::string_view prefix;
    std::size_t group = 3;
    char fmt_type = 'd';
    switch (spec.type) {
        case 'b':
            prefix = "0b";
            group = 4;
            fmt_type = 'b';
            break;
        case 'o':
            prefix = "0o";
            group = 4;
            fmt_type = 'o';
            break;
        case 'x':
            prefix = "0x";
            group = 4;
            fmt_type = 'x';
            break;
        case 'X':
            prefix = "0X";
            group = 4;
            fmt_type = 'X';
            break;
        default:
            break;
    }
    const char fmt_spec[] = {'{', ':', fmt_type, '}', '\0'};
    std::string body = fmt::format(fmt::runtime(fmt_spec), mag);
    return finish_number(spec, negative, spec.alternate ? prefix : "", std::move(body), group);
}

inline Str format_text(std::string_view text, const FormatSpec& spec, std::string_view spec_text,
                       const char* type_name) {
    if ((spec.type != 0 && spec.type != 's') || spec.sign != '-' || spec.alternate ||
        spec.grouping || spec.align == '=') {
        raise_bad_spec(spec_text, type_name);
    }
    if (spec.precision >= 0) {
        // Keep `precision` code points.
        std::size_t count = 0;
        std::size_t end = 0;
        while (end < text.size()) {
            if ((static_cast<unsigned char>(text[end]) & 0xc0) != 0x80) {
                if (count == static_cast<std::size_t>(spec.precision)) {
                    break;
                }
                ++count;
            }
            ++end;
        }
        text = text.substr(0, end);
    }
    return Str(pad(spec, "", text, spec.align ? spec.align : '<'));
}

inline FormatSpec parse_or_raise(std::string_view spec_text, const char* type_name) {
    FormatSpec spec;
    if (!parse_spec(spec_text, spec)) {
        raise_bad_spec(spec_text, type_name);
    }
    return spec;
}

inline Str format(Int x, std::string_view spec) {
    return format_int(x.v, parse_or_raise(spec, "int"), spec);
}

template <Double D>
Str format(D x, std::string_view spec) {
    return format_float(x, parse_or_raise(spec, "float"), spec);
}

inline Str format(bool x, std::string_view spec) {
    const FormatSpec parsed = parse_or_raise(spec, "bool");
    if (parsed.type == 0 || parsed.type == 's') {
        return format_text(x ? "true" : "false", parsed, spec, "bool");
    }
    return format_int(x ? 1 : 0, parsed, spec);
}

inline Str format(const Str& x, std::string_view spec) {
    return format_text(x.view(), parse_or_raise(spec, "string"), spec, "string");
}

inline Str format(Void, std::string_view spec) {
    return format_text("void", parse_or_raise(spec, "void"), spec, "void");
}

}  // namespace pyro::rt
