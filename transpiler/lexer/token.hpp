// Tokens: what the lexer hands the parser.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "source/source.hpp"

namespace pyro2cpp {

enum class TokenKind : std::uint8_t {
#define TOKEN(name, spelling) name,
#include "lexer/token_kinds.def"
};

// "(" for lparen, "let" for kw_let, "identifier" for identifier: used in messages.
const char* token_spelling(TokenKind kind);

struct Token;

// One part of an f-string: literal text, or an embedded expression (already lexed, ending in
// an eof token) with its optional format spec (the text after a top-level ':').
struct FStringPart {
    bool is_expr = false;
    std::string text;           // literal text (escapes decoded), or the expression's source
    std::vector<Token> tokens;  // is_expr only: the expression's tokens, then eof
    std::string format_spec;    // "" when none; e.g. ".2f", ">5"
    Loc loc;                    // where the part starts in the file
};

struct Token {
    TokenKind kind = TokenKind::eof;
    Range range;
    // identifier: its name; string_literal: the decoded value; comment: the text after
    // '#' or '//' (leading space kept); int/float literal: the source spelling.
    std::string text;
    std::int64_t int_value = 0;
    double float_value = 0;
    std::vector<FStringPart> fstring_parts;  // fstring only
    // For comments: true when the comment is alone on its line (a leading comment of the
    // next statement), false when it follows code on the same line (a trailing comment).
    bool own_line = false;
};

}  // namespace pyro2cpp
