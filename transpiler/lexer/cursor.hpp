// The lexer's position in the text: a byte offset plus the line and column it stands for.
//
// Internal to the lexer. Columns count code points the same way SourceFile's caret printing
// does (a byte and the continuation bytes after it are one column), so a diagnostic's caret
// lands under the right character even in invalid UTF-8.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "source/source.hpp"

namespace pyro2cpp::lexer_detail {

// One decoded character: `len` is the byte length of its group (what Cursor::advance skips),
// `ok` is false when that group is not one well-formed UTF-8 sequence.
struct Decoded {
    char32_t cp = 0;
    std::size_t len = 1;
    bool ok = true;
};

inline bool is_continuation(unsigned char b) {
    return (b & 0xC0) == 0x80;
}

// Decodes the group at `pos` (pos < end).
inline Decoded decode_utf8(std::string_view text, std::size_t pos, std::size_t end) {
    Decoded d;
    auto lead = static_cast<unsigned char>(text[pos]);
    std::size_t group = 1;
    while (pos + group < end && is_continuation(static_cast<unsigned char>(text[pos + group]))) {
        ++group;
    }
    d.len = group;
    std::size_t want = 0;
    char32_t cp = 0;
    char32_t min = 0;
    if (lead < 0x80) {
        want = 1, cp = lead;
    } else if (lead >= 0xC2 && lead <= 0xDF) {
        want = 2, cp = lead & 0x1F, min = 0x80;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
        want = 3, cp = lead & 0x0F, min = 0x800;
    } else if (lead >= 0xF0 && lead <= 0xF4) {
        want = 4, cp = lead & 0x07, min = 0x10000;
    }
    if (want == 0 || want != group) {
        d.ok = false;
        d.cp = lead;
        return d;
    }
    for (std::size_t i = 1; i < want; ++i) {
        cp = (cp << 6) | (static_cast<unsigned char>(text[pos + i]) & 0x3F);
    }
    d.cp = cp;
    d.ok = cp >= min && cp <= 0x10FFFF && !(cp >= 0xD800 && cp <= 0xDFFF);
    return d;
}

inline void append_utf8(std::string& out, char32_t cp) {
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

class Cursor {
public:
    Cursor(std::string_view text, std::size_t begin, std::size_t end, Loc start)
        : text_(text),
          pos_(begin),
          end_(end),
          file_(start.file),
          line_(start.line),
          col_(start.col) {}

    bool done() const { return pos_ >= end_; }
    std::size_t pos() const { return pos_; }
    std::size_t end() const { return end_; }
    std::string_view text() const { return text_; }
    Loc loc() const { return Loc{file_, line_, col_}; }

    // The byte `ahead` bytes on, or -1 past the end (NUL bytes are real input).
    int peek(std::size_t ahead = 0) const {
        return pos_ + ahead < end_ ? static_cast<unsigned char>(text_[pos_ + ahead]) : -1;
    }
    bool at(char c, std::size_t ahead = 0) const {
        return peek(ahead) == static_cast<unsigned char>(c);
    }
    Decoded decode() const { return decode_utf8(text_, pos_, end_); }

    // Moves past one character (a byte and its continuation bytes).
    void advance() {
        if (pos_ >= end_) return;
        if (text_[pos_] == '\n') {
            ++pos_, ++line_, col_ = 1;
            return;
        }
        ++pos_;
        while (pos_ < end_ && is_continuation(static_cast<unsigned char>(text_[pos_])))
            ++pos_;
        ++col_;
    }
    void advance(std::size_t n) {
        for (std::size_t i = 0; i < n; ++i)
            advance();
    }

private:
    std::string_view text_;
    std::size_t pos_;
    std::size_t end_;
    FileId file_;
    std::uint32_t line_;
    std::uint32_t col_;
};

}  // namespace pyro2cpp::lexer_detail
