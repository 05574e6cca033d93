// The lexer's state machine, shared by its source files (internal to the lexer).
//
// lexer.cpp holds the layout rules (NEWLINE, INDENT, DEDENT, brackets), names, operators and
// comments; literals.cpp holds numbers, strings and f-strings. An f-string's embedded
// expression is lexed by a second Lexer over just that slice of the file ("expression mode":
// no layout tokens), so its tokens carry real file locations.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "lexer/cursor.hpp"
#include "lexer/lexer.hpp"

namespace pyro2cpp::lexer_detail {

// True for characters that may continue a name: ASCII letters, digits, '_', and any
// non-ASCII code point that is not whitespace.
bool is_name_char(char32_t cp);
bool is_name_start(char32_t cp);
bool is_unicode_space(char32_t cp);
// "'x'" for printable ASCII, "U+00A0" otherwise: how messages name a character.
std::string describe_char(char32_t cp);

class Lexer {
public:
    Lexer(const SourceFile& file, DiagnosticSink& diags, std::size_t begin, std::size_t end,
          Loc start, bool expr_mode);
    LexResult run();

private:
    // Layout (lexer.cpp).
    void start_line();
    void newline();
    void apply_indentation(Loc first_token);
    void finish();

    // Names, operators, comments (lexer.cpp).
    void lex_name();
    void lex_operator();
    void lex_comment(std::size_t marker_len);
    void open_bracket(TokenKind kind);
    void close_bracket(TokenKind kind);
    void unexpected(Loc at, std::size_t pos, std::string message);

    // Literals (literals.cpp).
    void lex_number();
    bool scan_digits(int base, std::string& digits, bool underscore_first);
    void lex_string(Loc begin, bool is_fstring);
    void lex_escape(std::string& out);
    void lex_fstring_field(std::vector<FStringPart>& parts, bool triple, char quote,
                           bool& reported);
    void skip_nested_string(char outer_quote, bool outer_triple);
    bool at_line_end() const;
    bool at_closing_quote(char quote, bool triple) const;

    Token& push(TokenKind kind, Loc begin);
    void error(Loc at, std::string message);

    const SourceFile& file_;
    DiagnosticSink& diags_;
    Cursor cur_;
    bool expr_mode_;
    LexResult out_;

    // The whitespace string of each open block, outermost ("") first.
    std::vector<std::string> indents_{std::string()};
    std::string line_indent_;  // the current logical line's indentation
    Loc line_begin_;           // where that line starts (the INDENT token's start)
    bool at_line_start_ = true;
    bool line_has_code_ = false;  // a token was emitted on the current logical line
    std::uint32_t last_token_line_ = 0;

    struct OpenBracket {
        TokenKind kind;
        Loc loc;
    };
    std::vector<OpenBracket> brackets_;
    // End of the last character reported as unexpected: a run of bad bytes gives one error.
    std::size_t last_bad_end_ = std::string::npos;
};

}  // namespace pyro2cpp::lexer_detail
