// Lexer tests: token streams rendered as compact strings, errors as "line:col message".
#include <catch2/catch.hpp>

#include <charconv>
#include <random>
#include <string>
#include <vector>

#include "lexer/lexer.hpp"

using namespace pyro2cpp;

namespace {

struct Lexed {
    LexResult result;
    std::vector<Diagnostic> diags;
};

Lexed lex_text(const std::string& text) {
    SourceManager sources;
    const SourceFile* file = sources.add("test.pyro", text);
    DiagnosticSink sink;
    LexResult result = lex(*file, sink);
    return {std::move(result), sink.all()};
}

std::string escaped(const std::string& s) {
    std::string out;
    for (char c : s) {
        if (c == '\n') {
            out += "\\n";
        } else if (c == '\t') {
            out += "\\t";
        } else if (c == '\r') {
            out += "\\r";
        } else if (c == '\0') {
            out += "\\0";
        } else {
            out += c;
        }
    }
    return out;
}

std::string render(const std::vector<Token>& tokens, bool with_eof = true);

std::string render_token(const Token& t) {
    switch (t.kind) {
        case TokenKind::eof:
            return "EOF";
        case TokenKind::newline:
            return "NEWLINE";
        case TokenKind::indent:
            return "INDENT";
        case TokenKind::dedent:
            return "DEDENT";
        case TokenKind::identifier:
            return "id(" + t.text + ")";
        case TokenKind::int_literal:
            return "int(" + std::to_string(t.int_value) + ")";
        case TokenKind::float_literal: {
            char buf[64];
            auto res = std::to_chars(buf, buf + sizeof buf, t.float_value);
            return "float(" + std::string(buf, res.ptr) + ")";
        }
        case TokenKind::string_literal:
            return "str(" + escaped(t.text) + ")";
        case TokenKind::fstring: {
            std::string out = "fstr[";
            for (const FStringPart& p : t.fstring_parts) {
                if (&p != &t.fstring_parts.front()) out += ' ';
                if (!p.is_expr) {
                    out += "lit(" + escaped(p.text) + ")";
                    continue;
                }
                // Every expression's tokens end with eof; render it only if it is missing.
                bool ends_in_eof = !p.tokens.empty() && p.tokens.back().kind == TokenKind::eof;
                out += "expr(" + render(p.tokens, !ends_in_eof);
                if (!p.format_spec.empty()) out += " :" + p.format_spec;
                out += ")";
            }
            return out + "]";
        }
        default:
            return token_spelling(t.kind);
    }
}

std::string render(const std::vector<Token>& tokens, bool with_eof) {
    std::string out;
    for (const Token& t : tokens) {
        if (!with_eof && t.kind == TokenKind::eof && &t == &tokens.back()) break;
        if (!out.empty()) out += ' ';
        out += render_token(t);
    }
    return out;
}

std::string render_errors(const std::vector<Diagnostic>& diags) {
    std::string out;
    for (const Diagnostic& d : diags) {
        if (!out.empty()) out += " | ";
        out += std::to_string(d.loc.line) + ":" + std::to_string(d.loc.col) + " " + d.message;
    }
    return out;
}

// The token stream of text that must lex without any diagnostic.
std::string toks(const std::string& text) {
    Lexed l = lex_text(text);
    INFO(render_errors(l.diags));
    CHECK(l.diags.empty());
    return render(l.result.tokens);
}

// The diagnostics of text, as "line:col message | ...".
std::string errs(const std::string& text) {
    return render_errors(lex_text(text).diags);
}

std::string loc_text(Loc l) {
    return std::to_string(l.line) + ":" + std::to_string(l.col);
}
std::string range_text(Range r) {
    return loc_text(r.begin) + "-" + loc_text(r.end);
}

std::string ranges(const std::string& text) {
    std::string out;
    for (const Token& t : lex_text(text).result.tokens) {
        if (!out.empty()) out += ' ';
        out += range_text(t.range);
    }
    return out;
}

}  // namespace

TEST_CASE("lexer: simple statements, NEWLINE and EOF", "[lexer]") {
    CHECK(toks("let x = 5\n") == "let id(x) = int(5) NEWLINE EOF");
    CHECK(toks("let x = 5") == "let id(x) = int(5) NEWLINE EOF");
    CHECK(toks("") == "EOF");
    CHECK(toks("\n\n   \n") == "EOF");
    CHECK(toks("# only a comment\n") == "EOF");
    CHECK(toks("a\n\n\nb\n") == "id(a) NEWLINE id(b) NEWLINE EOF");
    CHECK(toks("a; b\n") == "id(a) ; id(b) NEWLINE EOF");
}

TEST_CASE("lexer: INDENT and DEDENT", "[lexer]") {
    CHECK(toks("if a:\n    b\nc\n") ==
          "if id(a) : NEWLINE INDENT id(b) NEWLINE DEDENT id(c) NEWLINE EOF");
    CHECK(toks("if a:\n  if b:\n    c\n") ==
          "if id(a) : NEWLINE INDENT if id(b) : NEWLINE INDENT id(c) NEWLINE DEDENT DEDENT EOF");
    // No newline at the end: NEWLINE first, then the DEDENTs.
    CHECK(toks("if a:\n  b") == "if id(a) : NEWLINE INDENT id(b) NEWLINE DEDENT EOF");
    // Two levels closed at once, then code at the outer level.
    CHECK(toks("a:\n b:\n  c\nd\n") ==
          "id(a) : NEWLINE INDENT id(b) : NEWLINE INDENT id(c) NEWLINE DEDENT DEDENT id(d) "
          "NEWLINE EOF");
    // Back to a middle level.
    CHECK(toks("a:\n  b:\n    c\n  d\n") ==
          "id(a) : NEWLINE INDENT id(b) : NEWLINE INDENT id(c) NEWLINE DEDENT id(d) NEWLINE "
          "DEDENT EOF");
    // An indented first line is the parser's to report: the lexer only says INDENT.
    CHECK(toks("  x\n") == "INDENT id(x) NEWLINE DEDENT EOF");
}

TEST_CASE("lexer: blank and comment-only lines never affect indentation", "[lexer]") {
    std::string text =
        "if a:\n"
        "    b\n"
        "  # odd column\n"
        "        # deeper\n"
        "\n"
        "   \t  \n"
        "# column one\n"
        "    c\n"
        "d\n";
    CHECK(toks(text) ==
          "if id(a) : NEWLINE INDENT id(b) NEWLINE id(c) NEWLINE DEDENT id(d) NEWLINE EOF");
    Lexed l = lex_text(text);
    REQUIRE(l.result.comments.size() == 3);
    CHECK(l.result.comments[0].text == " odd column");
    CHECK(l.result.comments[1].text == " deeper");
    CHECK(l.result.comments[2].text == " column one");
    for (const Token& c : l.result.comments)
        CHECK(c.own_line);
    CHECK(range_text(l.result.comments[0].range) == "3:3-3:15");
    // A comment line before a dedent does not close the block early.
    CHECK(toks("if a:\n  b\n# c\nd\n") ==
          "if id(a) : NEWLINE INDENT id(b) NEWLINE DEDENT id(d) NEWLINE EOF");
}

TEST_CASE("lexer: tabs, and tabs mixed with spaces", "[lexer]") {
    CHECK(toks("if a:\n\tb\n\tc\nd\n") ==
          "if id(a) : NEWLINE INDENT id(b) NEWLINE id(c) NEWLINE DEDENT id(d) NEWLINE EOF");
    // Extending an enclosing level's exact whitespace is fine, whatever the characters.
    CHECK(toks("a:\n\tb:\n\t  c\n\td\n") ==
          "id(a) : NEWLINE INDENT id(b) : NEWLINE INDENT id(c) NEWLINE DEDENT id(d) NEWLINE "
          "DEDENT EOF");
    CHECK(errs("if a:\n\tb\n        c\n") == "3:9 inconsistent indentation: tabs and spaces mixed");
    CHECK(errs("if a:\n  b\n\tc\n") == "3:2 inconsistent indentation: tabs and spaces mixed");
    // Recovery: the line stays in the block, and later lines spelt the same way are accepted.
    Lexed l = lex_text("if a:\n\tb\n        c\n        d\ne\n");
    CHECK(l.diags.size() == 1);
    CHECK(render(l.result.tokens) ==
          "if id(a) : NEWLINE INDENT id(b) NEWLINE id(c) NEWLINE id(d) NEWLINE DEDENT id(e) "
          "NEWLINE EOF");
}

TEST_CASE("lexer: dedent to a level that was never opened", "[lexer]") {
    CHECK(errs("if a:\n    b\n  c\n") == "3:3 unindent does not match any outer indentation level");
    // One error for the problem, even if more lines follow at the bad level.
    Lexed l = lex_text("if a:\n    b\n  c\n  d\ne\n");
    CHECK(render_errors(l.diags) == "3:3 unindent does not match any outer indentation level");
    CHECK(render(l.result.tokens) ==
          "if id(a) : NEWLINE INDENT id(b) NEWLINE id(c) NEWLINE id(d) NEWLINE DEDENT id(e) "
          "NEWLINE EOF");
    // Between two open levels: the line stays in the inner block, which takes its spelling.
    Lexed m = lex_text("a:\n  b:\n      c\n    d\ne\n");
    CHECK(render_errors(m.diags) == "4:5 unindent does not match any outer indentation level");
    CHECK(render(m.result.tokens) ==
          "id(a) : NEWLINE INDENT id(b) : NEWLINE INDENT id(c) NEWLINE id(d) NEWLINE DEDENT "
          "DEDENT id(e) NEWLINE EOF");
}

TEST_CASE("lexer: brackets join lines and hide indentation", "[lexer]") {
    CHECK(toks("f(a,\n      b,\n  [c,\nd])\ne\n") ==
          "id(f) ( id(a) , id(b) , [ id(c) , id(d) ] ) NEWLINE id(e) NEWLINE EOF");
    CHECK(toks("x = {\n    1: 2,\n\n    # note\n}\n") ==
          "id(x) = { int(1) : int(2) , } NEWLINE EOF");
    CHECK(toks("if a:\n    f(1,\n2)\n    g\n") ==
          "if id(a) : NEWLINE INDENT id(f) ( int(1) , int(2) ) NEWLINE id(g) NEWLINE DEDENT "
          "EOF");
    Lexed l = lex_text("f(\n    # inside\n    a)  # after\n");
    REQUIRE(l.result.comments.size() == 2);
    CHECK(l.result.comments[0].own_line);
    CHECK_FALSE(l.result.comments[1].own_line);
}

TEST_CASE("lexer: unmatched and unclosed brackets", "[lexer]") {
    Lexed l = lex_text("a)\nb\n");
    CHECK(render_errors(l.diags) == "1:2 unmatched ')'");
    CHECK(render(l.result.tokens) == "id(a) NEWLINE id(b) NEWLINE EOF");
    CHECK(errs("]\n}\n") == "1:1 unmatched ']' | 2:1 unmatched '}'");
    CHECK(errs("(a]\n") == "1:3 closing ']' does not match opening '('");
    Lexed u = lex_text("f(a,\n  b\n");
    CHECK(render_errors(u.diags) == "1:2 '(' was never closed");
    CHECK(render(u.result.tokens) == "id(f) ( id(a) , id(b) NEWLINE EOF");
}

TEST_CASE("lexer: deep brackets do not crash", "[lexer]") {
    std::string deep(200000, '(');
    Lexed l = lex_text(deep);
    CHECK(render_errors(l.diags) == "1:1 '(' was never closed");
    CHECK(l.result.tokens.size() == 200002);  // the brackets, NEWLINE, EOF
    std::string balanced = std::string(50000, '[') + std::string(50000, ']') + "\n";
    CHECK(lex_text(balanced).diags.empty());
}

TEST_CASE("lexer: backslash continues a line", "[lexer]") {
    CHECK(toks("x = 1 + \\\n        2\ny\n") ==
          "id(x) = int(1) + int(2) NEWLINE id(y) NEWLINE EOF");
    CHECK(toks("x = 1 + \\\r\n 2\r\n") == "id(x) = int(1) + int(2) NEWLINE EOF");
    CHECK(toks("if a:\n    x = \\\n1\n    y\n") ==
          "if id(a) : NEWLINE INDENT id(x) = int(1) NEWLINE id(y) NEWLINE DEDENT EOF");
    CHECK(errs("x = \\ 1\n") ==
          "1:5 unexpected character '\\' (a line continuation must end its line)");
}

TEST_CASE("lexer: shebang line is skipped", "[lexer]") {
    Lexed l = lex_text("#!/usr/bin/env pyro\nx\n");
    CHECK(render(l.result.tokens) == "id(x) NEWLINE EOF");
    CHECK(l.result.comments.empty());
    CHECK(range_text(l.result.tokens[0].range) == "2:1-2:2");
    // Only on the first line.
    CHECK(lex_text("x\n#!y\n").result.comments.size() == 1);
}

TEST_CASE("lexer: comments with # and //", "[lexer]") {
    Lexed l = lex_text("x = 1 # trailing\n// own line\ny // z\n  #\n");
    CHECK(render(l.result.tokens) == "id(x) = int(1) NEWLINE id(y) NEWLINE EOF");
    REQUIRE(l.result.comments.size() == 4);
    CHECK(l.result.comments[0].kind == TokenKind::comment);
    CHECK(l.result.comments[0].text == " trailing");
    CHECK_FALSE(l.result.comments[0].own_line);
    CHECK(range_text(l.result.comments[0].range) == "1:7-1:17");
    CHECK(l.result.comments[1].text == " own line");
    CHECK(l.result.comments[1].own_line);
    CHECK(l.result.comments[2].text == " z");
    CHECK_FALSE(l.result.comments[2].own_line);
    CHECK(l.result.comments[3].text.empty());
    CHECK(l.result.comments[3].own_line);
    // `//` is never floor division.
    Lexed d = lex_text("a//b\n");
    CHECK(render(d.result.tokens) == "id(a) NEWLINE EOF");
    REQUIRE(d.result.comments.size() == 1);
    CHECK(d.result.comments[0].text == "b");
    CHECK(toks("a / b /= c\n") == "id(a) / id(b) /= id(c) NEWLINE EOF");
    // Markers inside strings are text; CRLF is not part of the comment.
    CHECK(toks("\"a#b//c\"\n") == "str(a#b//c) NEWLINE EOF");
    CHECK(lex_text("# c\r\nx\r\n").result.comments[0].text == " c");
    // A comment after a multi-line string ends on that string's line: trailing.
    Lexed t = lex_text("x = \"\"\"a\nb\"\"\" # t\n");
    REQUIRE(t.result.comments.size() == 1);
    CHECK_FALSE(t.result.comments[0].own_line);
}

TEST_CASE("lexer: identifiers and keywords", "[lexer]") {
    CHECK(toks("_x1 élan 名前 x2y __\n") == "id(_x1) id(élan) id(名前) id(x2y) id(__) NEWLINE EOF");
    CHECK(toks("type select case default as void\n") ==
          "id(type) id(select) id(case) id(default) id(as) id(void) NEWLINE EOF");
    CHECK(toks("letter define iff\n") == "id(letter) id(define) id(iff) NEWLINE EOF");
    CHECK(toks("f g\n") == "id(f) id(g) NEWLINE EOF");
#define TOKEN(name, spelling)
#define KEYWORD(name, spelling)                                          \
    {                                                                    \
        Lexed l = lex_text(spelling);                                    \
        REQUIRE(l.result.tokens.size() == 3);                            \
        CHECK(l.result.tokens[0].kind == TokenKind::name);               \
        CHECK(std::string(token_spelling(TokenKind::name)) == spelling); \
    }
#include "lexer/token_kinds.def"
}

TEST_CASE("lexer: integer literals", "[lexer]") {
    CHECK(toks("42 1_000_000 0x1F 0X1f 0x_ff 0o17 0O7 0b101 0B1_0 0 00 0_0\n") ==
          "int(42) int(1000000) int(31) int(31) int(255) int(15) int(7) int(5) int(2) int(0) "
          "int(0) int(0) NEWLINE EOF");
    CHECK(toks("9223372036854775807\n") == "int(9223372036854775807) NEWLINE EOF");
    CHECK(toks("0x7fffffffffffffff\n") == "int(9223372036854775807) NEWLINE EOF");
    Lexed l = lex_text("0x1F");
    CHECK(l.result.tokens[0].text == "0x1F");
    CHECK(range_text(l.result.tokens[0].range) == "1:1-1:5");
}

TEST_CASE("lexer: float literals", "[lexer]") {
    CHECK(toks("3.14 1e9 2.5e-3 1_000.5 1E+2 0.5 1.000_5 0e0\n") ==
          "float(3.14) float(1e+09) float(0.0025) float(1000.5) float(100) float(0.5) "
          "float(1.0005) float(0) NEWLINE EOF");
    Lexed l = lex_text("1e-400 1.5");
    CHECK(l.diags.empty());
    CHECK(l.result.tokens[0].float_value == 0.0);
    CHECK(l.result.tokens[1].text == "1.5");
}

TEST_CASE("lexer: dots next to numbers", "[lexer]") {
    CHECK(toks("0..5\n") == "int(0) .. int(5) NEWLINE EOF");
    CHECK(toks("a..b\n") == "id(a) .. id(b) NEWLINE EOF");
    CHECK(toks(".5\n") == ". int(5) NEWLINE EOF");
    CHECK(toks("1.foo\n") == "int(1) . id(foo) NEWLINE EOF");
    CHECK(toks("1.e5\n") == "int(1) . id(e5) NEWLINE EOF");
    CHECK(toks("1.5.x\n") == "float(1.5) . id(x) NEWLINE EOF");
    CHECK(ranges("0..5") == "1:1-1:2 1:2-1:4 1:4-1:5 1:5-1:5 1:5-1:5");
}

TEST_CASE("lexer: malformed numbers", "[lexer]") {
    CHECK(errs("9223372036854775808\n") == "1:1 integer literal out of range");
    CHECK(errs("x = 0xFFFFFFFFFFFFFFFFF\n") == "1:5 integer literal out of range");
    CHECK(errs("0x\n") == "1:3 expected hexadecimal digits after '0x'");
    CHECK(errs("0o\n") == "1:3 expected octal digits after '0o'");
    CHECK(errs("0b \n") == "1:3 expected binary digits after '0b'");
    CHECK(errs("1e\n") == "1:3 expected digits in the exponent");
    CHECK(errs("2.5e+\n") == "1:6 expected digits in the exponent");
    CHECK(errs("1__0\n") == "1:2 '_' in a number must be between digits");
    CHECK(errs("1_\n") == "1:2 '_' in a number must be between digits");
    CHECK(errs("1_000_.5\n") == "1:6 '_' in a number must be between digits");
    CHECK(errs("12abc\n") == "1:3 invalid character 'a' in number literal");
    CHECK(errs("0b102\n") == "1:5 invalid digit '2' in binary literal");
    CHECK(errs("0o78\n") == "1:4 invalid digit '8' in octal literal");
    CHECK(errs("0x1G\n") == "1:4 invalid character 'G' in number literal");
    CHECK(errs("0123\n") ==
          "1:1 leading zeros are not allowed in a decimal integer (use 0o for octal)");
    CHECK(errs("1e999\n") == "1:1 float literal out of range");
    // The rest of a bad literal is swallowed: one error, and lexing goes on.
    Lexed l = lex_text("x = 12abc + 1__0x\ny\n");
    CHECK(render_errors(l.diags) ==
          "1:7 invalid character 'a' in number literal | 1:14 '_' in a number must be between "
          "digits");
    CHECK(render(l.result.tokens) == "id(x) = int(0) + int(0) NEWLINE id(y) NEWLINE EOF");
}

TEST_CASE("lexer: string literals and escapes", "[lexer]") {
    CHECK(toks("\"hello\" 'world' \"\" ''\n") == "str(hello) str(world) str() str() NEWLINE EOF");
    Lexed l =
        lex_text(R"("a\n\t\r\\\"\'\0b" 'it\'s' "\x41\x7e\xe9" "\u{41}\u{e9}\u{1F600}\u{000020}")");
    REQUIRE(l.diags.empty());
    CHECK(l.result.tokens[0].text == std::string("a\n\t\r\\\"'\0b", 9));
    CHECK(l.result.tokens[1].text == "it's");
    CHECK(l.result.tokens[2].text == "A~\xC3\xA9");
    CHECK(l.result.tokens[3].text == "A\xC3\xA9\xF0\x9F\x98\x80 ");
    CHECK(toks("\"say \\\"hi\\\" 'x'\"\n") == "str(say \"hi\" 'x') NEWLINE EOF");
    CHECK(toks("'a\"b'\n") == "str(a\"b) NEWLINE EOF");
    CHECK(toks("\"é😀\"\n") == "str(é😀) NEWLINE EOF");
    CHECK(ranges("\"é\" x") == "1:1-1:4 1:5-1:6 1:6-1:6 1:6-1:6");
    // A backslash before a newline joins the lines, as in Python.
    CHECK(toks("\"ab\\\ncd\"\n") == "str(abcd) NEWLINE EOF");
}

TEST_CASE("lexer: bad escapes", "[lexer]") {
    CHECK(errs(R"("a\qb")") == "1:3 unknown escape sequence '\\q'");
    CHECK(errs(R"("\x4" "\xg0")") ==
          "1:2 invalid escape '\\x': expected two hex digits | 1:8 invalid escape '\\x': "
          "expected two hex digits");
    std::string bad_u = "invalid escape '\\u': expected '\\u{' then 1 to 6 hex digits and '}'";
    CHECK(errs(R"("\u41")") == "1:2 " + bad_u);
    CHECK(errs(R"("\u{}")") == "1:2 " + bad_u);
    CHECK(errs(R"("\u{1234567}")") == "1:2 " + bad_u);
    CHECK(errs(R"("\u{41")") == "1:2 " + bad_u);
    CHECK(errs(R"("\u{110000}" "\u{D800}")") ==
          "1:2 invalid code point in '\\u{...}' escape | 1:15 invalid code point in '\\u{...}' "
          "escape");
    // The string itself is still a token.
    Lexed l = lex_text(R"(x = "a\qb")");
    CHECK(render(l.result.tokens) == "id(x) = str(a\\qb) NEWLINE EOF");
}

TEST_CASE("lexer: unterminated strings", "[lexer]") {
    Lexed l = lex_text("x = \"abc\ny = 'd\n");
    CHECK(render_errors(l.diags) ==
          "1:5 unterminated string literal | 2:5 unterminated string literal");
    CHECK(render(l.result.tokens) == "id(x) = str(abc) NEWLINE id(y) = str(d) NEWLINE EOF");
    CHECK(errs("'abc") == "1:1 unterminated string literal");
    CHECK(errs("\"abc\\") == "1:1 unterminated string literal");
    CHECK(errs("  \"\"\"abc\n\n") == "1:3 unterminated triple-quoted string");
    CHECK(errs("f\"{x}") == "1:1 unterminated f-string");
}

TEST_CASE("lexer: triple-quoted strings", "[lexer]") {
    CHECK(toks("x = \"\"\"a\nb\"c\"\"d\"\"\"\ny\n") ==
          "id(x) = str(a\\nb\"c\"\"d) NEWLINE id(y) NEWLINE EOF");
    CHECK(toks("'''it's\\t'''\n") == "str(it's\\t) NEWLINE EOF");
    CHECK(toks("\"\"\"\"\"\"\n") == "str() NEWLINE EOF");
    CHECK(toks("\"\"\"a\r\nb\"\"\"\r\n") == "str(a\\nb) NEWLINE EOF");
    // Indentation inside the string is text, not layout.
    CHECK(toks("if a:\n    s = '''\nx\n        y'''\n    t\n") ==
          "if id(a) : NEWLINE INDENT id(s) = str(\\nx\\n        y) NEWLINE id(t) NEWLINE DEDENT "
          "EOF");
    CHECK(ranges("'''a\nbc'''") == "1:1-2:6 2:6-2:6 2:6-2:6");
}

TEST_CASE("lexer: f-strings", "[lexer]") {
    CHECK(toks("f\"x = {x}, sum = {a + b:.2f}\"\n") ==
          "fstr[lit(x = ) expr(id(x)) lit(, sum = ) expr(id(a) + id(b) :.2f)] NEWLINE EOF");
    CHECK(toks("f'{{literal}} {x}}}'\n") == "fstr[lit({literal} ) expr(id(x)) lit(})] NEWLINE EOF");
    CHECK(toks("f\"\"\n") == "fstr[] NEWLINE EOF");
    CHECK(toks("f\"plain\\t\\u{e9}\"\n") == "fstr[lit(plain\\té)] NEWLINE EOF");
    // A ':' nested in brackets or strings is not the format spec's.
    CHECK(toks("f\"{a[1:2]} {d[':']:>5} {f(x, {1: 2})}\"\n") ==
          "fstr[expr(id(a) [ int(1) : int(2) ]) lit( ) expr(id(d) [ str(:) ] :>5) lit( ) "
          "expr(id(f) ( id(x) , { int(1) : int(2) } ))] NEWLINE EOF");
    CHECK(toks("f'{d[\"k\"]}'\n") == "fstr[expr(id(d) [ str(k) ])] NEWLINE EOF");
    CHECK(toks("f\"{ f'{x}' }\"\n") == "fstr[expr(fstr[expr(id(x))])] NEWLINE EOF");
    CHECK(toks("f\"\"\"a\n{x +\n  1}\n\"\"\"\n") ==
          "fstr[lit(a\\n) expr(id(x) + int(1)) lit(\\n)] NEWLINE EOF");
    CHECK(toks("f'''{\"a\"}'''\n") == "fstr[expr(str(a))] NEWLINE EOF");
    CHECK(toks("f\"{x}\" f\n") == "fstr[expr(id(x))] id(f) NEWLINE EOF");

    Lexed l = lex_text("  f\"ab{xy:>4}\"");
    REQUIRE(l.result.tokens.size() == 5);  // INDENT fstring NEWLINE DEDENT EOF
    const Token& t = l.result.tokens[1];
    CHECK(range_text(t.range) == "1:3-1:15");
    REQUIRE(t.fstring_parts.size() == 2);
    CHECK(loc_text(t.fstring_parts[0].loc) == "1:5");
    const FStringPart& e = t.fstring_parts[1];
    CHECK(e.is_expr);
    CHECK(e.text == "xy");
    CHECK(e.format_spec == ">4");
    CHECK(loc_text(e.loc) == "1:8");
    REQUIRE(e.tokens.size() == 2);
    CHECK(range_text(e.tokens[0].range) == "1:8-1:10");
    CHECK(e.tokens[1].kind == TokenKind::eof);
}

TEST_CASE("lexer: f-string errors", "[lexer]") {
    CHECK(errs("f\"{x}}\"") == "1:6 single '}' is not allowed in an f-string (write '}}')");
    CHECK(errs("f\"a}b\"") == "1:4 single '}' is not allowed in an f-string (write '}}')");
    CHECK(errs("f\"{x\"") == "1:3 '{' in f-string was never closed");
    CHECK(errs("f\"ab{x:3\"") == "1:5 '{' in f-string was never closed");
    CHECK(errs("f\"{x\ny") == "1:3 '{' in f-string was never closed");
    CHECK(errs("f\"{}\" f\"{  }\" f\"{:x}\"") ==
          "1:3 empty expression in f-string | 1:9 empty expression in f-string | 1:17 empty "
          "expression in f-string");
    CHECK(errs("f\"{x:{w}}\"") == "1:6 a '{...}' field inside a format spec is not supported");
    CHECK(errs("f\"{x!r}\"") == "1:5 unexpected character '!' (use 'not' for negation)");
    CHECK(errs("f\"{a # c}\"") == "1:6 an f-string expression cannot contain a comment");
    CHECK(errs("f\"{a)}\"") == "1:5 unmatched ')'");
    CHECK(errs("f\"{\"") == "1:3 '{' in f-string was never closed");
    CHECK(errs("f\"{'a}\"") == "1:3 '{' in f-string was never closed");
    CHECK(errs("f\"\\q{x}\"") == "1:3 unknown escape sequence '\\q'");
    // After an error the string still ends where it should.
    Lexed l = lex_text("x = f\"{}\" + y\n");
    CHECK(render(l.result.tokens) == "id(x) = fstr[] + id(y) NEWLINE EOF");
}

TEST_CASE("lexer: operators and punctuation", "[lexer]") {
    CHECK(toks("-> .. ** << >> <= >= == != += -= *= /= %=\n") ==
          "-> .. ** << >> <= >= == != += -= *= /= %= NEWLINE EOF");
    CHECK(toks("( ) [ ] { } , : ; . + - * / % & | ^ ~ < > =\n") ==
          "( ) [ ] { } , : ; . + - * / % & | ^ ~ < > = NEWLINE EOF");
    CHECK(toks("a**-b\n") == "id(a) ** - id(b) NEWLINE EOF");
    CHECK(toks("x<-1\n") == "id(x) < - int(1) NEWLINE EOF");
    CHECK(toks("a...b\n") == "id(a) .. . id(b) NEWLINE EOF");
    CHECK(toks("**=\n") == "** = NEWLINE EOF");
    CHECK(ranges("a->b") == "1:1-1:2 1:2-1:4 1:4-1:5 1:5-1:5 1:5-1:5");
}

TEST_CASE("lexer: unexpected characters", "[lexer]") {
    Lexed l = lex_text("if !a:\n");
    CHECK(render_errors(l.diags) == "1:4 unexpected character '!' (use 'not' for negation)");
    CHECK(render(l.result.tokens) == "if id(a) : NEWLINE EOF");
    CHECK(errs("a $ b ? c @d `\n") ==
          "1:3 unexpected character '$' | 1:7 unexpected character '?' | 1:11 unexpected "
          "character '@' | 1:14 unexpected character '`'");
    // A run of bad characters is one problem.
    Lexed run = lex_text("a $$$$ b\n");
    CHECK(render_errors(run.diags) == "1:3 unexpected character '$'");
    CHECK(render(run.result.tokens) == "id(a) id(b) NEWLINE EOF");
    CHECK(errs("a\xC2\xA0"
               "b\n") == "1:2 unexpected character U+00A0");
    CHECK(errs(std::string("a\0b\n", 4)) == "1:2 unexpected character U+0000");
}

TEST_CASE("lexer: invalid UTF-8", "[lexer]") {
    Lexed l = lex_text("a \xFF\xFE b\n");
    CHECK(render_errors(l.diags) == "1:3 invalid UTF-8 byte 0xFF");
    CHECK(render(l.result.tokens) == "id(a) id(b) NEWLINE EOF");
    // An overlong encoding and a lone surrogate are not letters either.
    CHECK(errs("\xC0\xAF x\n") == "1:1 invalid UTF-8 byte 0xC0");
    CHECK(errs("x \xED\xA0\x80\n") == "1:3 invalid UTF-8 byte 0xED");
    // Inside a string: reported, and replaced so the value stays valid UTF-8.
    Lexed s = lex_text(
        "\"a\xFF"
        "b\"\n");
    CHECK(render_errors(s.diags) == "1:3 invalid UTF-8 in string literal");
    CHECK(s.result.tokens[0].text ==
          "a\xEF\xBF\xBD"
          "b");
    // A truncated sequence at the very end.
    CHECK(errs("x\xE2\x82") == "1:2 invalid UTF-8 byte 0xE2");
}

TEST_CASE("lexer: token ranges and columns", "[lexer]") {
    CHECK(ranges("let x = 42\n") == "1:1-1:4 1:5-1:6 1:7-1:8 1:9-1:11 1:11-1:12 2:1-2:1");
    // Tabs count as one column, code points as one column.
    CHECK(ranges("\tx") == "1:1-1:2 1:2-1:3 1:3-1:3 1:3-1:3 1:3-1:3");
    CHECK(ranges("é=ü") == "1:1-1:2 1:2-1:3 1:3-1:4 1:4-1:4 1:4-1:4");
    // INDENT spans the whitespace; DEDENT is empty, at the first token of its line.
    CHECK(ranges("a:\n  b\nc") ==
          "1:1-1:2 1:2-1:3 1:3-1:4 2:1-2:3 2:3-2:4 2:4-2:5 3:1-3:1 3:1-3:2 3:2-3:2 3:2-3:2");
}

TEST_CASE("lexer: CRLF line endings", "[lexer]") {
    CHECK(toks("if a:\r\n  b\r\n\r\nc\r\n") ==
          "if id(a) : NEWLINE INDENT id(b) NEWLINE DEDENT id(c) NEWLINE EOF");
    CHECK(ranges("a\r\nb") == "1:1-1:2 1:2-1:4 2:1-2:2 2:2-2:2 2:2-2:2");
    // A lone CR is just whitespace.
    CHECK(toks("a\rb\n") == "id(a) id(b) NEWLINE EOF");
}

TEST_CASE("lexer: byte-order mark", "[lexer]") {
    CHECK(toks("\xEF\xBB\xBFx\n") == "id(x) NEWLINE EOF");
}

TEST_CASE("lexer: token_spelling", "[lexer]") {
    CHECK(std::string(token_spelling(TokenKind::lparen)) == "(");
    CHECK(std::string(token_spelling(TokenKind::kw_let)) == "let");
    CHECK(std::string(token_spelling(TokenKind::identifier)) == "identifier");
    CHECK(std::string(token_spelling(TokenKind::eof)) == "end of file");
    CHECK(std::string(token_spelling(TokenKind::dotdot)) == "..");
}

TEST_CASE("lexer: never crashes and always ends with EOF", "[lexer]") {
    // Random bytes drawn mostly from characters that matter to the lexer.
    static const char chars[] = "abf019_xeE.\"'{}()[]:#/\\ \t\n\r!$\x80\xC3\xA9\xFF\0u";
    const std::string alphabet(chars, sizeof chars - 1);
    std::mt19937 rng(12345);
    for (int round = 0; round < 3000; ++round) {
        std::string text;
        std::size_t len = rng() % 60;
        for (std::size_t i = 0; i < len; ++i)
            text += alphabet[rng() % alphabet.size()];
        Lexed l = lex_text(text);
        INFO(text);
        REQUIRE(!l.result.tokens.empty());
        CHECK(l.result.tokens.back().kind == TokenKind::eof);
        for (const Token& t : l.result.tokens) {
            CHECK(t.range.begin.valid());
            CHECK_FALSE(t.range.end < t.range.begin);
        }
    }
}

TEST_CASE("lexer: large input", "[lexer]") {
    std::string text;
    for (int i = 0; i < 100000; ++i)
        text += "if x:\n    y = f\"{a}\" + 1_000 # c\n";
    Lexed l = lex_text(text);
    CHECK(l.diags.empty());
    CHECK(l.result.comments.size() == 100000);
    CHECK(l.result.tokens.back().kind == TokenKind::eof);
}
