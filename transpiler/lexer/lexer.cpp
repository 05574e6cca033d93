// The lexer's main loop and Python's layout rules: NEWLINE ends a logical line that had code,
// INDENT/DEDENT follow the exact whitespace strings of open blocks, and brackets or a trailing
// '\' join physical lines. Names, operators and comments are lexed here too; literals live in
// literals.cpp.
//
// Indentation is applied lazily, when the first token of a logical line appears, so blank
// lines and comment-only lines can never open or close a block.
#include <cstdio>
#include <string_view>
#include <unordered_map>

#include "lexer/lexer_impl.hpp"

namespace pyro2cpp {

namespace lexer_detail {

namespace {

TokenKind keyword_or_identifier(std::string_view name) {
    static const std::unordered_map<std::string_view, TokenKind> keywords = {
#define TOKEN(name, spelling)
#define KEYWORD(name, spelling) {spelling, TokenKind::name},
#include "lexer/token_kinds.def"
    };
    auto it = keywords.find(name);
    return it == keywords.end() ? TokenKind::identifier : it->second;
}

bool starts_with(std::string_view s, std::string_view prefix) {
    return s.substr(0, prefix.size()) == prefix;
}

TokenKind closer_of(TokenKind open) {
    switch (open) {
        case TokenKind::lparen:
            return TokenKind::rparen;
        case TokenKind::lbracket:
            return TokenKind::rbracket;
        default:
            return TokenKind::rbrace;
    }
}

}  // namespace

bool is_unicode_space(char32_t cp) {
    return cp == 0x85 || cp == 0xA0 || cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200A) ||
           cp == 0x2028 || cp == 0x2029 || cp == 0x202F || cp == 0x205F || cp == 0x3000 ||
           cp == 0xFEFF;
}

bool is_name_start(char32_t cp) {
    if (cp < 0x80) {
        return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || cp == '_';
    }
    return !is_unicode_space(cp);
}

bool is_name_char(char32_t cp) {
    return is_name_start(cp) || (cp >= '0' && cp <= '9');
}

std::string describe_char(char32_t cp) {
    if (cp > 0x20 && cp < 0x7F) return std::string("'") + static_cast<char>(cp) + "'";
    char buf[16];
    std::snprintf(buf, sizeof buf, "U+%04X", static_cast<unsigned>(cp));
    return buf;
}

Lexer::Lexer(const SourceFile& file, DiagnosticSink& diags, std::size_t begin, std::size_t end,
             Loc start, bool expr_mode)
    : file_(file), diags_(diags), cur_(file.text, begin, end, start), expr_mode_(expr_mode) {
    at_line_start_ = !expr_mode;
}

void Lexer::error(Loc at, std::string message) {
    diags_.error(at, std::move(message));
}

Token& Lexer::push(TokenKind kind, Loc begin) {
    Token& tok = out_.tokens.emplace_back();
    tok.kind = kind;
    tok.range = {begin, cur_.loc()};
    last_token_line_ = tok.range.end.line;
    return tok;
}

// Reports an unexpected character at byte `pos`, unless it directly follows another one.
void Lexer::unexpected(Loc at, std::size_t pos, std::string message) {
    if (pos != last_bad_end_) error(at, std::move(message));
    cur_.advance();
    last_bad_end_ = cur_.pos();
}

LexResult Lexer::run() {
    if (!expr_mode_ && cur_.pos() == 0) {
        if (starts_with(file_.text, "\xEF\xBB\xBF")) cur_.advance();
        if (cur_.at('#') && cur_.at('!', 1)) {
            while (!cur_.done() && !cur_.at('\n'))
                cur_.advance();
        }
    }
    while (!cur_.done()) {
        if (at_line_start_) {
            start_line();
            continue;
        }
        int c = cur_.peek();
        if (c == ' ' || c == '\t' || c == '\f' || (c == '\r' && !cur_.at('\n', 1))) {
            cur_.advance();
        } else if (c == '\n' || c == '\r') {
            newline();
        } else if (c == '#') {
            lex_comment(1);
        } else if (c == '/' && cur_.at('/', 1)) {
            lex_comment(2);
        } else if (c == '\\') {
            Loc at = cur_.loc();
            std::size_t skip = cur_.at('\n', 1)                         ? 2
                               : (cur_.at('\r', 1) && cur_.at('\n', 2)) ? 3
                                                                        : 0;
            if (skip != 0 && !expr_mode_) {
                cur_.advance(skip);  // a joined line: no NEWLINE, no indentation
            } else if (cur_.peek(1) == -1 && !expr_mode_) {
                cur_.advance();
            } else {
                unexpected(at, cur_.pos(),
                           "unexpected character '\\' (a line continuation must end its line)");
            }
        } else if (c >= '0' && c <= '9') {
            apply_indentation(cur_.loc());
            lex_number();
        } else if ((c == '"' || c == '\'')) {
            Loc begin = cur_.loc();
            apply_indentation(begin);
            lex_string(begin, false);
        } else {
            Decoded d = cur_.decode();
            if (!d.ok) {
                char buf[48];
                std::snprintf(
                    buf, sizeof buf, "invalid UTF-8 byte 0x%02X",
                    static_cast<unsigned>(static_cast<unsigned char>(file_.text[cur_.pos()])));
                unexpected(cur_.loc(), cur_.pos(), buf);
            } else if (is_name_start(d.cp)) {
                lex_name();
            } else {
                lex_operator();
            }
        }
    }
    finish();
    return std::move(out_);
}

// Reads the indentation of a new physical line; it takes effect only if code follows.
void Lexer::start_line() {
    at_line_start_ = false;
    if (!brackets_.empty()) return;
    line_begin_ = cur_.loc();
    line_indent_.clear();
    for (;;) {
        int c = cur_.peek();
        if (c == ' ' || c == '\t') {
            line_indent_ += static_cast<char>(c);
        } else if (c == '\f') {
            line_indent_.clear();  // as Python: a form feed restarts the indentation
        } else {
            break;
        }
        cur_.advance();
    }
}

void Lexer::newline() {
    Loc at = cur_.loc();
    bool crlf = cur_.at('\r');
    if (!expr_mode_ && brackets_.empty()) {
        if (line_has_code_) {
            Token& tok = push(TokenKind::newline, at);
            tok.range.end = Loc{at.file, at.line, at.col + (crlf ? 2u : 1u)};
            line_has_code_ = false;
        }
        at_line_start_ = true;
    }
    cur_.advance(crlf ? 2 : 1);
}

// Called before each token: the first token of a logical line opens or closes blocks.
void Lexer::apply_indentation(Loc first_token) {
    if (expr_mode_ || line_has_code_) return;
    line_has_code_ = true;
    const std::string& cur = line_indent_;
    for (std::size_t j = indents_.size(); j-- > 0;) {
        if (indents_[j] == cur) {
            for (std::size_t k = indents_.size() - 1; k > j; --k) {
                push(TokenKind::dedent, first_token).range.end = first_token;
            }
            indents_.resize(j + 1);
            return;
        }
    }
    // No open block has exactly this indentation: it extends the innermost one (a new
    // block), falls between two levels, or cannot be compared (tabs against spaces).
    if (starts_with(cur, indents_.back())) {
        indents_.push_back(cur);
        Token& tok = out_.tokens.emplace_back();
        tok.kind = TokenKind::indent;
        tok.range = {line_begin_, first_token};
        return;
    }
    std::size_t inner = 0;  // the deepest level that this line's indentation extends
    bool comparable = true;
    for (std::size_t j = 0; j < indents_.size(); ++j) {
        if (starts_with(cur, indents_[j])) {
            inner = j;
        } else if (!starts_with(indents_[j], cur)) {
            comparable = false;
        }
    }
    if (!comparable) {
        error(first_token, "inconsistent indentation: tabs and spaces mixed");
        // Take the line as continuing the current block, spelt its new way from now on.
        indents_.back() = cur;
        return;
    }
    error(first_token, "unindent does not match any outer indentation level");
    // Close the blocks deeper than the next level out, and let that level take this
    // spelling, so the following lines at the same indentation are accepted quietly.
    for (std::size_t k = indents_.size() - 1; k > inner + 1; --k) {
        push(TokenKind::dedent, first_token).range.end = first_token;
    }
    indents_.resize(inner + 2);
    indents_.back() = cur;
}

void Lexer::finish() {
    Loc end = cur_.loc();
    if (!brackets_.empty()) {
        error(brackets_.front().loc,
              std::string("'") + token_spelling(brackets_.front().kind) + "' was never closed");
    }
    if (!expr_mode_) {
        if (line_has_code_) push(TokenKind::newline, end);
        for (std::size_t k = indents_.size() - 1; k > 0; --k)
            push(TokenKind::dedent, end);
    }
    push(TokenKind::eof, end);
}

void Lexer::lex_name() {
    Loc begin = cur_.loc();
    std::size_t start = cur_.pos();
    apply_indentation(begin);
    for (;;) {
        Decoded d = cur_.decode();
        if (cur_.done() || !d.ok || !is_name_char(d.cp)) break;
        cur_.advance();
    }
    std::string_view name = cur_.text().substr(start, cur_.pos() - start);
    if (name == "f" && (cur_.at('"') || cur_.at('\''))) {
        lex_string(begin, true);
        return;
    }
    TokenKind kind = keyword_or_identifier(name);
    Token& tok = push(kind, begin);
    if (kind == TokenKind::identifier) tok.text = std::string(name);
}

void Lexer::lex_comment(std::size_t marker_len) {
    Loc begin = cur_.loc();
    if (expr_mode_) {
        // The comment would swallow the rest of the expression (and the closing brace).
        error(begin, "an f-string expression cannot contain a comment");
    }
    bool own_line = last_token_line_ != begin.line;
    cur_.advance(marker_len);
    std::size_t start = cur_.pos();
    while (!cur_.done() && !cur_.at('\n') && !(cur_.at('\r') && cur_.at('\n', 1)))
        cur_.advance();
    Token& tok = out_.comments.emplace_back();
    tok.kind = TokenKind::comment;
    tok.range = {begin, cur_.loc()};
    tok.text = std::string(cur_.text().substr(start, cur_.pos() - start));
    tok.own_line = own_line;
}

void Lexer::open_bracket(TokenKind kind) {
    Loc begin = cur_.loc();
    cur_.advance();
    push(kind, begin);
    brackets_.push_back({kind, begin});
}

void Lexer::close_bracket(TokenKind kind) {
    Loc begin = cur_.loc();
    if (brackets_.empty()) {
        // Dropped, so the parser does not report the same stray bracket again.
        unexpected(begin, cur_.pos(), std::string("unmatched '") + token_spelling(kind) + "'");
        return;
    }
    apply_indentation(begin);
    if (closer_of(brackets_.back().kind) != kind) {
        error(begin, std::string("closing '") + token_spelling(kind) +
                         "' does not match opening '" + token_spelling(brackets_.back().kind) +
                         "'");
    }
    brackets_.pop_back();
    cur_.advance();
    push(kind, begin);
}

void Lexer::lex_operator() {
    struct Op {
        std::string_view text;
        TokenKind kind;
    };
    // Longest first, so `**` wins over `*`. `//` never gets here: it starts a comment.
    static constexpr Op ops[] = {
        {"->", TokenKind::arrow},         {"..", TokenKind::dotdot},
        {"**", TokenKind::starstar},      {"<<", TokenKind::shl},
        {">>", TokenKind::shr},           {"<=", TokenKind::less_equal},
        {">=", TokenKind::greater_equal}, {"==", TokenKind::equal_equal},
        {"!=", TokenKind::not_equal},     {"+=", TokenKind::plus_assign},
        {"-=", TokenKind::minus_assign},  {"*=", TokenKind::star_assign},
        {"/=", TokenKind::slash_assign},  {"%=", TokenKind::percent_assign},
        {"(", TokenKind::lparen},         {")", TokenKind::rparen},
        {"[", TokenKind::lbracket},       {"]", TokenKind::rbracket},
        {"{", TokenKind::lbrace},         {"}", TokenKind::rbrace},
        {",", TokenKind::comma},          {":", TokenKind::colon},
        {";", TokenKind::semicolon},      {".", TokenKind::dot},
        {"+", TokenKind::plus},           {"-", TokenKind::minus},
        {"*", TokenKind::star},           {"/", TokenKind::slash},
        {"%", TokenKind::percent},        {"&", TokenKind::amp},
        {"|", TokenKind::pipe},           {"^", TokenKind::caret},
        {"~", TokenKind::tilde},          {"<", TokenKind::less},
        {">", TokenKind::greater},        {"=", TokenKind::assign},
    };
    Loc begin = cur_.loc();
    std::string_view rest = cur_.text().substr(cur_.pos(), cur_.end() - cur_.pos());
    for (const Op& op : ops) {
        if (!starts_with(rest, op.text)) continue;
        switch (op.kind) {
            case TokenKind::rparen:
            case TokenKind::rbracket:
            case TokenKind::rbrace:
                return close_bracket(op.kind);
            case TokenKind::lparen:
            case TokenKind::lbracket:
            case TokenKind::lbrace:
                apply_indentation(begin);
                return open_bracket(op.kind);
            default:
                break;
        }
        apply_indentation(begin);
        cur_.advance(op.text.size());
        push(op.kind, begin);
        return;
    }
    if (cur_.at('!')) {
        return unexpected(begin, cur_.pos(), "unexpected character '!' (use 'not' for negation)");
    }
    unexpected(begin, cur_.pos(), "unexpected character " + describe_char(cur_.decode().cp));
}

}  // namespace lexer_detail

LexResult lex(const SourceFile& file, DiagnosticSink& diags) {
    lexer_detail::Lexer lexer(file, diags, 0, file.text.size(), Loc{file.id, 1, 1}, false);
    return lexer.run();
}

}  // namespace pyro2cpp
