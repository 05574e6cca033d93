// The parser's internals, shared by the parse_*.cpp files: a token cursor with error
// reporting, statement-level recovery and comment attachment, and one member function per
// grammar rule. Nothing outside transpiler/parser includes this header.
//
// Error recovery: a rule that meets a token it cannot use reports one diagnostic and throws
// ParseError. The statement loop catches it, skips to the end of the offending line (and any
// block indented under it), and goes on, so each mistake gives one message and later
// statements are still checked.
#pragma once

#include <initializer_list>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "lexer/lexer.hpp"
#include "parser/ast.hpp"

namespace pyro2cpp::parser_detail {

// Thrown after a diagnostic has been reported; caught at the statement level.
struct ParseError {};

// Expressions, types and blocks may nest this deep; deeper input is rejected rather than
// risking the C++ stack.
inline constexpr int max_nesting_depth = 200;

// How a token is named in a message: `')'`, `'let'`, `identifier 'x'`, `newline`.
std::string describe(const Token& token);

class Parser {
public:
    // `comments` may be null (f-string sub-parsers have none). `depth` is the nesting depth
    // already used by an enclosing parser.
    Parser(std::vector<Token> tokens, const std::vector<Token>* comments, DiagnosticSink& diags,
           int depth = 0);

    ast::Module parse_module(FileId file);
    // A whole token sequence holding one expression (an f-string part).
    ast::ExprPtr parse_standalone_expr();

private:
    friend class DepthGuard;

    // ---- cursor (parser.cpp)
    const Token& peek(std::size_t ahead = 0) const;
    bool at(TokenKind kind) const { return peek().kind == kind; }
    bool at_word(std::string_view word, std::size_t ahead = 0) const;
    const Token& advance();
    bool accept(TokenKind kind);
    // Consumes a token of `kind` or fails with "expected 'X' <context>, found Y".
    const Token& expect(TokenKind kind, std::string_view context);
    const Token& expect_name(std::string_view context);
    Loc begin_loc() const { return peek().range.begin; }
    Loc prev_end() const { return prev_end_; }
    Range range_from(Loc begin) const { return Range{begin, prev_end_}; }

    // ---- diagnostics and recovery (parser.cpp)
    void error(Loc loc, std::string message);
    // True for an error the lexer's own report already explains (same line, or anywhere
    // after a bracket it said was never closed): one mistake, one message.
    bool follows_lexer_error(Loc loc) const;
    [[noreturn]] void fail(Loc loc, std::string message);
    // "expected WHAT, found TOKEN" at the current token.
    [[noreturn]] void fail_expected(std::string_view what);
    void synchronize();
    void skip_indented_block();
    void enter_nesting(bool block);
    void leave_nesting() { --depth_; }
    std::vector<std::uint32_t> lexer_error_lines_;  // sorted
    Loc lexer_unclosed_bracket_;                     // invalid when every bracket was closed

    // ---- comments (parser.cpp)
    void take_comments_before(Loc loc);
    // Gives `stmt` the pending comments and those inside it, and a trailing comment on the
    // line where it (or its header) ends.
    void attach_comments(ast::Stmt& stmt, bool allow_trailing);

    // ---- statements (parser.cpp, parse_stmt.cpp, parse_compound.cpp)
    void parse_statement_into(ast::Block& out);
    void parse_statement_unguarded(ast::Block& out);
    void parse_simple_line(ast::Block& out);
    ast::StmtPtr parse_simple_stmt();
    ast::Block parse_block(std::string_view owner);
    ast::StmtPtr parse_let();
    ast::StmtPtr parse_expr_or_assign();
    ast::StmtPtr parse_return();
    ast::StmtPtr parse_raise();
    ast::StmtPtr parse_assert();
    ast::StmtPtr parse_go();
    ast::StmtPtr parse_if();
    ast::StmtPtr parse_while();
    ast::StmtPtr parse_for();
    ast::StmtPtr parse_try();
    ast::StmtPtr parse_select();
    ast::SelectCase parse_select_case();
    void check_assign_target(const ast::Expr& target, bool allow_tuple);

    // ---- declarations (parse_decl.cpp)
    ast::StmtPtr parse_def();
    std::unique_ptr<ast::DefStmt> parse_signature(Loc begin);
    ast::StmtPtr parse_record();
    ast::StmtPtr parse_class();
    ast::StmtPtr parse_interface();
    ast::StmtPtr parse_type_alias();
    ast::StmtPtr parse_import();
    ast::StmtPtr parse_extern();
    std::vector<ast::TypeParam> parse_type_params();
    std::vector<ast::Param> parse_params(std::string_view owner);
    std::vector<std::unique_ptr<ast::DefStmt>> parse_method_block(std::string_view owner);

    // ---- types (parse_type.cpp)
    ast::TypeExprPtr parse_type();
    ast::TypeExprPtr parse_type_primary();
    void expect_closing_angle(std::string_view context);

    // ---- expressions (parse_expr.cpp, parse_atom.cpp)
    ast::ExprPtr parse_expr();
    ast::ExprPtr parse_expr_list();
    ast::ExprPtr parse_lambda();
    ast::ExprPtr parse_conditional();
    ast::ExprPtr parse_or();
    ast::ExprPtr parse_and();
    ast::ExprPtr parse_not();
    ast::ExprPtr parse_comparison();
    ast::ExprPtr parse_bit_or();
    ast::ExprPtr parse_bit_xor();
    ast::ExprPtr parse_bit_and();
    ast::ExprPtr parse_shift();
    ast::ExprPtr parse_range();
    ast::ExprPtr parse_additive();
    ast::ExprPtr parse_multiplicative();
    ast::ExprPtr parse_unary();
    ast::ExprPtr parse_power();
    ast::ExprPtr parse_postfix();
    ast::ExprPtr parse_atom();
    ast::ExprPtr parse_paren();
    ast::ExprPtr parse_list_display();
    ast::ExprPtr parse_brace_display();
    ast::ExprPtr parse_fstring();
    ast::ExprPtr parse_chan_new();
    ast::ExprPtr parse_subscript(ast::ExprPtr object, Loc begin);
    std::vector<ast::ExprPtr> parse_call_args();
    std::vector<ast::CompClause> parse_comp_clauses();
    ast::Target parse_target(std::string_view context);

    using Operand = ast::ExprPtr (Parser::*)();
    struct BinaryRow {
        TokenKind token;
        ast::BinaryOp op;
    };
    ast::ExprPtr parse_left_assoc(Operand operand, std::initializer_list<BinaryRow> rows);

    std::vector<Token> tokens_;
    std::size_t pos_ = 0;
    Loc prev_end_;
    const std::vector<Token>* comments_;
    std::size_t next_comment_ = 0;
    std::vector<std::string> pending_comments_;
    DiagnosticSink& diags_;
    int depth_;
};

// Counts one level of nesting for as long as it lives; fails when the cap is passed.
class DepthGuard {
public:
    explicit DepthGuard(Parser& parser, bool block = false) : parser_(parser) {
        parser_.enter_nesting(block);
    }
    ~DepthGuard() { parser_.leave_nesting(); }
    DepthGuard(const DepthGuard&) = delete;
    DepthGuard& operator=(const DepthGuard&) = delete;

private:
    Parser& parser_;
};

// Builds a node of type T starting at `begin`.
template <class T>
std::unique_ptr<T> make_node(Loc begin) {
    auto node = std::make_unique<T>();
    node->range.begin = begin;
    return node;
}

}  // namespace pyro2cpp::parser_detail
