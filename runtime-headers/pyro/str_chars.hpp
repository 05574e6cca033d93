// Strings as sequences of characters (code points): iteration, `s[i]`, `s[i:j:k]`, ord, chr.
//
// Pyro counts string positions in code points (LANGUAGE.md 9). A character is returned as a
// one-character Str, which is always inline (at most 4 bytes), so iterating a string allocates
// nothing. Positions map to byte offsets by a scan, except for ASCII text — recognised in O(1)
// for heap strings through the code point count Str caches — where they are the same.
// Invalid UTF-8 (from a file, say) is not rejected: a stray byte counts as one character.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "pyro/error.hpp"
#include "pyro/int.hpp"
#include "pyro/slice.hpp"
#include "pyro/str.hpp"

namespace pyro::rt {

// Bytes in the UTF-8 sequence that starts with `lead` (1 for a stray continuation byte).
constexpr std::size_t utf8_length_of(unsigned char lead) noexcept {
    if (lead < 0xc0) {
        return 1;
    }
    if (lead < 0xe0) {
        return 2;
    }
    return lead < 0xf0 ? 3 : 4;
}

// The character starting at byte `at` of `s`, clipped to the text.
inline std::string_view char_at_byte(std::string_view s, std::size_t at) noexcept {
    const std::size_t n = utf8_length_of(static_cast<unsigned char>(s[at]));
    return s.substr(at, n);
}

// The code point of one UTF-8 sequence (a stray byte decodes as itself).
inline char32_t decode_utf8(std::string_view c) noexcept {
    const auto b = [&](std::size_t i) {
        return static_cast<char32_t>(static_cast<unsigned char>(c[i]));
    };
    switch (c.size()) {
        case 2:
            return ((b(0) & 0x1f) << 6) | (b(1) & 0x3f);
        case 3:
            return ((b(0) & 0x0f) << 12) | ((b(1) & 0x3f) << 6) | (b(2) & 0x3f);
        case 4:
            return ((b(0) & 0x07) << 18) | ((b(1) & 0x3f) << 12) | ((b(2) & 0x3f) << 6) |
                   (b(3) & 0x3f);
        default:
            return c.empty() ? 0 : b(0);
    }
}

// The byte offsets where each character of `s` starts.
inline std::vector<std::size_t> char_offsets(std::string_view s) {
    std::vector<std::size_t> out;
    for (std::size_t i = 0; i < s.size(); i += utf8_length_of(static_cast<unsigned char>(s[i]))) {
        out.push_back(i);
    }
    return out;
}

// Iterates a string's characters, each a one-character Str.
class CharRange {
public:
    explicit CharRange(Str s) : s_(std::move(s)) {}

    struct End {};
    class Iterator {
    public:
        using value_type = Str;
        using difference_type = std::ptrdiff_t;

        Iterator(std::string_view text, std::size_t at) : text_(text), at_(at) {}
        Str operator*() const { return Str(char_at_byte(text_, at_)); }
        Iterator& operator++() noexcept {
            at_ += utf8_length_of(static_cast<unsigned char>(text_[at_]));
            return *this;
        }
        friend bool operator==(const Iterator& it, End) noexcept {
            return it.at_ >= it.text_.size();
        }

    private:
        std::string_view text_;
        std::size_t at_;
    };

    Iterator begin() const noexcept { return Iterator(s_.view(), 0); }
    End end() const noexcept { return {}; }

private:
    Str s_;  // keeps the text alive for the loop
};

inline CharRange chars(const Str& s) {
    return CharRange(s);
}

}  // namespace pyro::rt

namespace pyro {

// s[i]: the i-th character (negative counts from the end).
inline Str char_at(const Str& s, Int i) {
    const std::string_view text = s.view();
    if (s.is_ascii()) {
        return Str(text.substr(rt::normalize_index(i, text.size()), 1));
    }
    const auto offsets = rt::char_offsets(text);
    return Str(rt::char_at_byte(text, offsets[rt::normalize_index(i, offsets.size())]));
}

// s[i:j:k], by characters.
inline Str slice(const Str& s, rt::Bound start, rt::Bound stop, rt::Bound step = rt::open) {
    const std::string_view text = s.view();
    const rt::SliceArgs args{start, stop, step};
    if (s.is_ascii()) {
        const rt::SliceRange r = rt::slice_range(args, text.size());
        if (r.step == 1) {
            return Str(
                text.substr(static_cast<std::size_t>(r.start), static_cast<std::size_t>(r.count)));
        }
        std::string out;
        for (std::int64_t k = 0, i = r.start; k < r.count; ++k, i += r.step) {
            out.push_back(text[static_cast<std::size_t>(i)]);
        }
        return Str(out);
    }
    const auto offsets = rt::char_offsets(text);
    const rt::SliceRange r = rt::slice_range(args, offsets.size());
    std::string out;
    for (std::int64_t k = 0, i = r.start; k < r.count; ++k, i += r.step) {
        out.append(rt::char_at_byte(text, offsets[static_cast<std::size_t>(i)]));
    }
    return Str(out);
}

// ord(c): the code point of a one-character string.
inline Int ord(const Str& c) {
    const std::string_view text = c.view();
    if (text.empty() || rt::utf8_length_of(static_cast<unsigned char>(text[0])) < text.size()) {
        rt::raise_error("ord() expected a character, got a string of length " +
                        std::to_string(len(c).v));
    }
    return Int(static_cast<std::int64_t>(rt::decode_utf8(text)));
}

// chr(n): the one-character string of code point n.
inline Str chr(Int n) {
    if (n.v < 0 || n.v > 0x10ffff || (n.v >= 0xd800 && n.v < 0xe000)) {
        rt::raise_error("chr() arg not a valid code point: " + std::to_string(n.v));
    }
    std::string out;
    rt::append_utf8(out, static_cast<char32_t>(n.v));
    return Str(out);
}

}  // namespace pyro
