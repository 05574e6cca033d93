// Text as the inside of a string literal, for the two languages pyro2cpp writes: C++ (emit's
// string constants) and Pyro (bind's extern lines). Both escape quotes, backslashes, newlines,
// tabs and carriage returns. Other control bytes differ: C++ gets three-digit octal escapes,
// which (unlike \x) cannot swallow a following hex digit; Pyro has no octal escapes and gets
// \xHH. Every other byte, UTF-8 included, stays as it is.
#pragma once

#include <cstdio>
#include <string>
#include <string_view>

namespace pyro2cpp {

enum class LiteralLanguage { cpp, pyro };

inline void append_escaped(std::string& out, std::string_view text, LiteralLanguage language) {
    for (char c : text) {
        const auto byte = static_cast<unsigned char>(c);
        switch (c) {
            case '"':
                out += "\\\"";
                break;
            case '\\':
                out += "\\\\";
                break;
            case '\n':
                out += "\\n";
                break;
            case '\t':
                out += "\\t";
                break;
            case '\r':
                out += "\\r";
                break;
            default:
                if (byte < 0x20 || byte == 0x7f) {
                    char escape[8];
                    std::snprintf(escape, sizeof escape,
                                  language == LiteralLanguage::cpp ? "\\%03o" : "\\x%02X", byte);
                    out += escape;
                } else {
                    out += c;
                }
        }
    }
}

}  // namespace pyro2cpp
