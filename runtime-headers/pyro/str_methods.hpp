// The string methods of LANGUAGE.md 5.4, as free functions: `s.upper()` is
// pyro::upper(s), `s.split(",")` is pyro::split(s, ","_s), `sep.join(xs)` is
// pyro::join(sep, xs).
//
// Positions are in characters (find gives a character index, -1 if absent). split() without a
// separator splits on runs of whitespace and drops empty pieces, with one it keeps them and
// raises `empty separator` for ""; strip() removes leading and trailing whitespace; both know
// the Unicode white space characters, as Python's do. upper() and lower() use the simple
// one-to-one case mapping of case_map.hpp. replace("", b) inserts b around every character,
// as Python does. join takes any iterable of strings.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "pyro/case_map.hpp"
#include "pyro/iterable.hpp"
#include "pyro/list.hpp"
#include "pyro/str.hpp"
#include "pyro/str_chars.hpp"

namespace pyro {

namespace rt {

constexpr bool is_unicode_space(char32_t c) noexcept {
    switch (c) {
        case ' ':
        case '\t':
        case '\n':
        case '\v':
        case '\f':
        case '\r':
        case 0x1c:
        case 0x1d:
        case 0x1e:
        case 0x1f:
        case 0x85:
        case 0xa0:
        case 0x1680:
        case 0x2028:
        case 0x2029:
        case 0x202f:
        case 0x205f:
        case 0x3000:
            return true;
        default:
            return c >= 0x2000 && c <= 0x200a;
    }
}

// Length in bytes of the whitespace character at `at`, or 0.
inline std::size_t space_at(std::string_view s, std::size_t at) noexcept {
    const std::string_view c = char_at_byte(s, at);
    return is_unicode_space(decode_utf8(c)) ? c.size() : 0;
}

template <class Map>
Str map_chars(const Str& s, Map map) {
    std::string out;
    out.reserve(s.size());
    const std::string_view text = s.view();
    for (std::size_t i = 0; i < text.size();) {
        const std::string_view c = char_at_byte(text, i);
        if (c.size() == 1) {
            out.push_back(static_cast<char>(map(static_cast<unsigned char>(c[0]))));
        } else {
            append_utf8(out, map(decode_utf8(c)));
        }
        i += c.size();
    }
    return Str(out);
}

}  // namespace rt

inline Str upper(const Str& s) {
    return rt::map_chars(s, rt::to_upper);
}
inline Str lower(const Str& s) {
    return rt::map_chars(s, rt::to_lower);
}

inline bool contains(const Str& s, const Str& part) noexcept {
    return s.view().find(part.view()) != std::string_view::npos;
}
// `x in s` with an any x: it must hold a string.
inline bool contains(const Str& s, const Any& part) {
    return contains(s, rt::from_any<Str>(part));
}
inline bool starts_with(const Str& s, const Str& prefix) noexcept {
    return s.view().starts_with(prefix.view());
}
inline bool ends_with(const Str& s, const Str& suffix) noexcept {
    return s.view().ends_with(suffix.view());
}

// The character index of the first occurrence of part, or -1.
inline Int find(const Str& s, const Str& part) {
    const std::size_t at = s.view().find(part.view());
    if (at == std::string_view::npos) {
        return Int(-1);
    }
    return Int(Str::count_code_points(s.view().substr(0, at)));
}

inline Str strip(const Str& s) {
    const std::string_view text = s.view();
    std::size_t begin = 0;
    while (begin < text.size()) {
        const std::size_t n = rt::space_at(text, begin);
        if (n == 0) {
            break;
        }
        begin += n;
    }
    std::size_t end = text.size();
    while (end > begin) {
        std::size_t start = end - 1;
        while (start > begin && (static_cast<unsigned char>(text[start]) & 0xc0) == 0x80) {
            --start;
        }
        if (rt::space_at(text, start) == 0) {
            break;
        }
        end = start;
    }
    if (begin == 0 && end == text.size()) {
        return s;
    }
    return Str(text.substr(begin, end - begin));
}

inline List<Str> split(const Str& s, const Str& sep) {
    const std::string_view text = s.view();
    const std::string_view by = sep.view();
    if (by.empty()) {
        rt::raise_error("empty separator");
    }
    std::vector<Str> parts;
    std::size_t start = 0;
    while (true) {
        const std::size_t at = text.find(by, start);
        if (at == std::string_view::npos) {
            parts.emplace_back(text.substr(start));
            break;
        }
        parts.emplace_back(text.substr(start, at - start));
        start = at + by.size();
    }
    return List<Str>(std::move(parts));
}

// Split on runs of whitespace; no empty pieces.
inline List<Str> split(const Str& s) {
    const std::string_view text = s.view();
    std::vector<Str> parts;
    std::size_t i = 0;
    while (i < text.size()) {
        std::size_t n;
        while (i < text.size() && (n = rt::space_at(text, i)) != 0) {
            i += n;
        }
        const std::size_t start = i;
        while (i < text.size() && rt::space_at(text, i) == 0) {
            i += rt::utf8_length_of(static_cast<unsigned char>(text[i]));
        }
        if (i > start) {
            parts.emplace_back(text.substr(start, i - start));
        }
    }
    return List<Str>(std::move(parts));
}

inline Str replace(const Str& s, const Str& from, const Str& to) {
    const std::string_view text = s.view();
    const std::string_view a = from.view();
    const std::string_view b = to.view();
    std::string out;
    if (a.empty()) {
        out.append(b);
        for (std::size_t i = 0; i < text.size();) {
            const std::string_view c = rt::char_at_byte(text, i);
            out.append(c).append(b);
            i += c.size();
        }
        return Str(out);
    }
    std::size_t start = 0;
    while (true) {
        const std::size_t at = text.find(a, start);
        if (at == std::string_view::npos) {
            break;
        }
        out.append(text.substr(start, at - start)).append(b);
        start = at + a.size();
    }
    if (start == 0) {
        return s;
    }
    out.append(text.substr(start));
    return Str(out);
}

// sep.join(xs): the strings of xs with sep between them.
template <class Iterable>
Str join(const Str& sep, const Iterable& xs) {
    std::string out;
    bool first = true;
    for (const Str& x : rt::to_vector<Str>(xs)) {
        if (!first) {
            out.append(sep.view());
        }
        first = false;
        out.append(x.view());
    }
    return Str(out);
}

}  // namespace pyro
