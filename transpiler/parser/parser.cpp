// The parser's driver: the token cursor, error reporting and statement-level recovery,
// comment attachment, the module and block loops, and the public parse entry points.
#include "parser/parser.hpp"

#include <algorithm>

#include "parser/parser_impl.hpp"

namespace pyro2cpp {
namespace parser_detail {

std::string describe(const Token& token) {
    switch (token.kind) {
        case TokenKind::identifier:
            return "identifier '" + token.text + "'";
        case TokenKind::eof:
        case TokenKind::newline:
        case TokenKind::indent:
        case TokenKind::dedent:
        case TokenKind::int_literal:
        case TokenKind::float_literal:
        case TokenKind::string_literal:
        case TokenKind::fstring:
        case TokenKind::comment:
            return token_spelling(token.kind);
        default:
            return std::string("'") + token_spelling(token.kind) + "'";
    }
}

Parser::Parser(std::vector<Token> tokens, const std::vector<Token>* comments, DiagnosticSink& diags,
               int depth)
    : tokens_(std::move(tokens)), comments_(comments), diags_(diags), depth_(depth) {
    // The cursor relies on a final eof token, whatever the lexer produced.
    if (tokens_.empty() || tokens_.back().kind != TokenKind::eof) {
        Token eof;
        if (!tokens_.empty()) eof.range = Range{tokens_.back().range.end, tokens_.back().range.end};
        tokens_.push_back(std::move(eof));
    }
    prev_end_ = tokens_.front().range.begin;
    // Parsing runs right after lexing, so every error in the sink so far is the lexer's.
    for (const Diagnostic& d : diags_.all()) {
        if (d.severity != Severity::error || !d.loc.valid()) continue;
        if (d.loc.file != tokens_.front().range.begin.file) continue;
        lexer_error_lines_.push_back(d.loc.line);
        if (d.message.ends_with("was never closed") && !lexer_unclosed_bracket_.valid()) {
            lexer_unclosed_bracket_ = d.loc;
        }
    }
    std::sort(lexer_error_lines_.begin(), lexer_error_lines_.end());
}

// ---------------------------------------------------------------------------------------
// Cursor

const Token& Parser::peek(std::size_t ahead) const {
    std::size_t index = pos_ + ahead;
    return index < tokens_.size() ? tokens_[index] : tokens_.back();
}

bool Parser::at_word(std::string_view word, std::size_t ahead) const {
    const Token& token = peek(ahead);
    return token.kind == TokenKind::identifier && token.text == word;
}

const Token& Parser::advance() {
    const Token& token = tokens_[pos_];
    if (token.kind == TokenKind::eof) return token;
    ++pos_;
    // Layout tokens are not part of any node: ranges end at the last real token.
    if (token.kind != TokenKind::newline && token.kind != TokenKind::indent &&
        token.kind != TokenKind::dedent) {
        prev_end_ = token.range.end;
    }
    return token;
}

bool Parser::accept(TokenKind kind) {
    if (!at(kind)) return false;
    advance();
    return true;
}

const Token& Parser::expect(TokenKind kind, std::string_view context) {
    if (!at(kind)) {
        std::string what = std::string("'") + token_spelling(kind) + "'";
        if (!context.empty()) what += " " + std::string(context);
        fail_expected(what);
    }
    return advance();
}

const Token& Parser::expect_name(std::string_view context) {
    if (!at(TokenKind::identifier)) fail_expected("a name " + std::string(context));
    return advance();
}

// ---------------------------------------------------------------------------------------
// Diagnostics and recovery

bool Parser::follows_lexer_error(Loc loc) const {
    if (std::binary_search(lexer_error_lines_.begin(), lexer_error_lines_.end(), loc.line)) {
        return true;
    }
    return lexer_unclosed_bracket_.valid() && lexer_unclosed_bracket_ < loc;
}

void Parser::error(Loc loc, std::string message) {
    if (follows_lexer_error(loc)) return;
    diags_.error(loc, std::move(message));
}

void Parser::fail(Loc loc, std::string message) {
    error(loc, std::move(message));
    throw ParseError{};
}

void Parser::fail_expected(std::string_view what) {
    fail(begin_loc(), "expected " + std::string(what) + ", found " + describe(peek()));
}

// Skips the rest of the offending line, and a block indented under it (the body of a
// compound statement whose header was bad), so the mistake is reported once.
void Parser::synchronize() {
    while (!at(TokenKind::eof) && !at(TokenKind::newline) && !at(TokenKind::dedent)) {
        if (at(TokenKind::indent)) {
            skip_indented_block();
        } else {
            advance();
        }
    }
    if (accept(TokenKind::newline) && at(TokenKind::indent)) skip_indented_block();
}

void Parser::skip_indented_block() {
    int level = 0;
    while (!at(TokenKind::eof)) {
        if (at(TokenKind::indent)) ++level;
        if (at(TokenKind::dedent) && --level <= 0) {
            advance();
            return;
        }
        advance();
    }
}

void Parser::enter_nesting(bool block) {
    if (++depth_ > max_nesting_depth) {
        --depth_;
        fail(begin_loc(), block ? "blocks nested too deeply" : "expression nested too deeply");
    }
}

// ---------------------------------------------------------------------------------------
// Comments

void Parser::take_comments_before(Loc loc) {
    if (comments_ == nullptr) return;
    while (next_comment_ < comments_->size() && (*comments_)[next_comment_].range.begin < loc) {
        pending_comments_.push_back((*comments_)[next_comment_].text);
        ++next_comment_;
    }
}

void Parser::attach_comments(ast::Stmt& stmt, bool allow_trailing) {
    take_comments_before(prev_end_);
    for (std::string& text : pending_comments_)
        stmt.leading_comments.push_back(std::move(text));
    pending_comments_.clear();
    if (!allow_trailing || comments_ == nullptr || next_comment_ >= comments_->size()) return;
    const Token& next = (*comments_)[next_comment_];
    if (!next.own_line && next.range.begin.line == prev_end_.line) {
        stmt.trailing_comment = next.text;
        stmt.has_trailing_comment = true;
        ++next_comment_;
    }
}

// ---------------------------------------------------------------------------------------
// Module, blocks and statement dispatch

// module = statement* EOF
ast::Module Parser::parse_module(FileId file) {
    ast::Module module;
    module.file = file;
    while (!at(TokenKind::eof)) {
        if (accept(TokenKind::newline) || accept(TokenKind::dedent)) continue;
        parse_statement_into(module.body);
    }
    take_comments_before(Loc{file, ~0u, ~0u});
    module.trailing_comments = std::move(pending_comments_);
    return module;
}

ast::ExprPtr Parser::parse_standalone_expr() {
    ast::ExprPtr expr = parse_expr();
    while (accept(TokenKind::newline)) {
    }
    if (!at(TokenKind::eof)) fail_expected("'}' after the f-string expression");
    return expr;
}

// statement = compound_stmt | simple_line
void Parser::parse_statement_into(ast::Block& out) {
    std::size_t start = pos_;
    take_comments_before(begin_loc());
    try {
        if (at(TokenKind::indent)) {
            // An indent token spans the leading whitespace: point at the code after it.
            error(peek().range.end, "unexpected indentation");
            skip_indented_block();
        } else {
            parse_statement_unguarded(out);
        }
    } catch (const ParseError&) {
        synchronize();
    }
    // Every statement consumes something, so no input can make the loops spin.
    if (pos_ == start) advance();
}

void Parser::parse_statement_unguarded(ast::Block& out) {
    switch (peek().kind) {
        case TokenKind::kw_if:
            out.push_back(parse_if());
            return;
        case TokenKind::kw_while:
            out.push_back(parse_while());
            return;
        case TokenKind::kw_for:
            out.push_back(parse_for());
            return;
        case TokenKind::kw_try:
            out.push_back(parse_try());
            return;
        case TokenKind::kw_def:
            out.push_back(parse_def());
            return;
        case TokenKind::kw_record:
            out.push_back(parse_record());
            return;
        case TokenKind::kw_class:
            out.push_back(parse_class());
            return;
        case TokenKind::kw_elif:
        case TokenKind::kw_else:
            fail(begin_loc(), describe(peek()) + " without a matching 'if'");
        case TokenKind::kw_except:
        case TokenKind::kw_finally:
            fail(begin_loc(), describe(peek()) + " without a matching 'try'");
        default:
            break;
    }
    if (at_word("select") && peek(1).kind == TokenKind::colon) {
        out.push_back(parse_select());
        return;
    }
    parse_simple_line(out);
}

// block = NEWLINE INDENT statement+ DEDENT | simple_line
ast::Block Parser::parse_block(std::string_view owner) {
    DepthGuard guard(*this, true);
    ast::Block body;
    if (!at(TokenKind::newline)) {
        parse_simple_line(body);
        return body;
    }
    advance();
    if (!at(TokenKind::indent)) {
        // No throw: the lines that follow are parsed as the next statements.
        error(begin_loc(), "expected an indented block after " + std::string(owner) + ", found " +
                               describe(peek()));
        return body;
    }
    advance();
    while (!at(TokenKind::dedent) && !at(TokenKind::eof))
        parse_statement_into(body);
    accept(TokenKind::dedent);
    return body;
}

}  // namespace parser_detail

ast::Module parse(const SourceFile& file, const LexResult& lexed, DiagnosticSink& diags) {
    parser_detail::Parser parser(lexed.tokens, &lexed.comments, diags);
    return parser.parse_module(file.id);
}

ast::Module parse_file(const SourceFile& file, DiagnosticSink& diags) {
    LexResult lexed = lex(file, diags);
    return parse(file, lexed, diags);
}

}  // namespace pyro2cpp
