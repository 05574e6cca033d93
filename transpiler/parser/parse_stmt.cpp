// Simple statements: the ones that fit on one line (let/mut, assignment, expression
// statements, return, raise, assert, go, pass/break/continue, and the one-line
// declarations import, extern, type and interface), and `;`-separated lines of them.
#include "parser/parser_impl.hpp"

namespace pyro2cpp::parser_detail {

namespace {

// What an invalid assignment target is, for the message.
const char* target_description(const ast::Expr& expr) {
    switch (expr.kind) {
        case ast::ExprKind::call:
            return "a function call";
        case ast::ExprKind::int_lit:
        case ast::ExprKind::float_lit:
        case ast::ExprKind::string_lit:
        case ast::ExprKind::fstring:
        case ast::ExprKind::bool_lit:
        case ast::ExprKind::void_lit:
            return "a literal";
        case ast::ExprKind::slice:
            return "a slice";
        case ast::ExprKind::tuple:
            return "a tuple here";
        default:
            return "this expression";
    }
}

template <class T>
ast::StmtPtr keyword_stmt(Range range) {
    auto stmt = std::make_unique<T>();
    stmt->range = range;
    return stmt;
}

}  // namespace

// simple_line = simple_stmt (";" simple_stmt)* [";"] NEWLINE
void Parser::parse_simple_line(ast::Block& out) {
    while (true) {
        ast::StmtPtr stmt = parse_simple_stmt();
        bool more = at(TokenKind::semicolon);
        attach_comments(*stmt, !more);
        out.push_back(std::move(stmt));
        if (!more) break;
        advance();
        if (at(TokenKind::newline) || at(TokenKind::eof)) break;
    }
    if (at(TokenKind::eof)) return;
    if (!at(TokenKind::newline)) fail_expected("newline after the statement");
    advance();
}

// simple_stmt = let_stmt | return_stmt | raise_stmt | assert_stmt | go_stmt | import_stmt
//             | extern_stmt | type_alias | interface_decl | "pass" | "break" | "continue"
//             | expr_or_assign
ast::StmtPtr Parser::parse_simple_stmt() {
    Loc begin = begin_loc();
    switch (peek().kind) {
        case TokenKind::kw_let:
        case TokenKind::kw_mut:
            return parse_let();
        case TokenKind::kw_return:
            return parse_return();
        case TokenKind::kw_raise:
            return parse_raise();
        case TokenKind::kw_assert:
            return parse_assert();
        case TokenKind::kw_go:
            return parse_go();
        case TokenKind::kw_import:
            return parse_import();
        case TokenKind::kw_extern:
            return parse_extern();
        case TokenKind::kw_interface:
            return parse_interface();
        case TokenKind::kw_pass:
            advance();
            return keyword_stmt<ast::PassStmt>(range_from(begin));
        case TokenKind::kw_break:
            advance();
            return keyword_stmt<ast::BreakStmt>(range_from(begin));
        case TokenKind::kw_continue:
            advance();
            return keyword_stmt<ast::ContinueStmt>(range_from(begin));
        default:
            break;
    }
    // `type` is a keyword only before a name: `type(x)` stays a call.
    if (at_word("type") && peek(1).kind == TokenKind::identifier) return parse_type_alias();
    return parse_expr_or_assign();
}

// let_stmt = ("let" | "mut") names [":" type] "=" expr_list
// names = NAME ("," NAME)* | "(" NAME ("," NAME)* [","] ")"
ast::StmtPtr Parser::parse_let() {
    Loc begin = begin_loc();
    auto stmt = make_node<ast::LetStmt>(begin);
    stmt->is_mut = advance().kind == TokenKind::kw_mut;
    std::string context = stmt->is_mut ? "after 'mut'" : "after 'let'";
    bool parenthesized = accept(TokenKind::lparen);
    do {
        if (parenthesized && at(TokenKind::rparen) && !stmt->names.empty()) break;
        const Token& name = expect_name(context);
        stmt->names.push_back(name.text);
        stmt->name_locs.push_back(name.range.begin);
        context = "after ','";
    } while (accept(TokenKind::comma));
    if (parenthesized) expect(TokenKind::rparen, "after the names");
    if (at(TokenKind::colon)) {
        Loc colon = begin_loc();
        advance();
        stmt->type = parse_type();
        if (stmt->names.size() != 1) error(colon, "a type annotation needs a single name");
    }
    const char* where = stmt->type                ? "after the type"
                        : stmt->names.size() == 1 ? "after the name"
                                                  : "after the names";
    expect(TokenKind::assign, where);
    stmt->value = parse_expr_list();
    stmt->range = range_from(begin);
    return stmt;
}

// expr_or_assign = expr_list [("=" | "+=" | "-=" | "*=" | "/=" | "%=") expr_list]
ast::StmtPtr Parser::parse_expr_or_assign() {
    Loc begin = begin_loc();
    ast::ExprPtr lhs = parse_expr_list();
    if (at(TokenKind::assign)) {
        advance();
        check_assign_target(*lhs, true);
        auto stmt = make_node<ast::AssignStmt>(begin);
        stmt->target = std::move(lhs);
        stmt->value = parse_expr_list();
        stmt->range = range_from(begin);
        return stmt;
    }
    std::optional<ast::BinaryOp> op;
    switch (peek().kind) {
        case TokenKind::plus_assign:
            op = ast::BinaryOp::add;
            break;
        case TokenKind::minus_assign:
            op = ast::BinaryOp::sub;
            break;
        case TokenKind::star_assign:
            op = ast::BinaryOp::mul;
            break;
        case TokenKind::slash_assign:
            op = ast::BinaryOp::div;
            break;
        case TokenKind::percent_assign:
            op = ast::BinaryOp::mod;
            break;
        default:
            break;
    }
    if (op) {
        advance();
        check_assign_target(*lhs, false);
        auto stmt = make_node<ast::AugAssignStmt>(begin);
        stmt->op = *op;
        stmt->target = std::move(lhs);
        stmt->value = parse_expr_list();
        stmt->range = range_from(begin);
        return stmt;
    }
    auto stmt = make_node<ast::ExprStmt>(begin);
    stmt->expr = std::move(lhs);
    stmt->range = range_from(begin);
    return stmt;
}

// Reports a target that cannot be assigned; the statement is still built, as the mistake
// does not disturb what follows.
void Parser::check_assign_target(const ast::Expr& target, bool allow_tuple) {
    switch (target.kind) {
        case ast::ExprKind::name:
        case ast::ExprKind::member:
        case ast::ExprKind::index:
            return;
        case ast::ExprKind::tuple:
            if (!allow_tuple) break;
            for (const ast::ExprPtr& element : target.as<ast::TupleExpr>().elements) {
                check_assign_target(*element, false);
            }
            return;
        default:
            break;
    }
    error(target.range.begin, std::string("cannot assign to ") + target_description(target));
}

// return_stmt = "return" [expr_list]
ast::StmtPtr Parser::parse_return() {
    Loc begin = begin_loc();
    auto stmt = make_node<ast::ReturnStmt>(begin);
    advance();
    if (!at(TokenKind::newline) && !at(TokenKind::semicolon) && !at(TokenKind::eof)) {
        stmt->value = parse_expr_list();
    }
    stmt->range = range_from(begin);
    return stmt;
}

// raise_stmt = "raise" [expr ["from" expr]]
ast::StmtPtr Parser::parse_raise() {
    Loc begin = begin_loc();
    auto stmt = make_node<ast::RaiseStmt>(begin);
    advance();
    if (!at(TokenKind::newline) && !at(TokenKind::semicolon) && !at(TokenKind::eof)) {
        stmt->value = parse_expr();
        if (accept(TokenKind::kw_from)) stmt->cause = parse_expr();
    }
    stmt->range = range_from(begin);
    return stmt;
}

// assert_stmt = "assert" expr ["," expr]
ast::StmtPtr Parser::parse_assert() {
    Loc begin = begin_loc();
    auto stmt = make_node<ast::AssertStmt>(begin);
    advance();
    stmt->cond = parse_expr();
    if (accept(TokenKind::comma)) stmt->message = parse_expr();
    stmt->range = range_from(begin);
    return stmt;
}

// go_stmt = "go" postfix_call
ast::StmtPtr Parser::parse_go() {
    Loc begin = begin_loc();
    auto stmt = make_node<ast::GoStmt>(begin);
    advance();
    Loc call_begin = begin_loc();
    stmt->call = parse_expr();
    if (stmt->call->kind != ast::ExprKind::call) fail(call_begin, "go needs a function call");
    stmt->range = range_from(begin);
    return stmt;
}

}  // namespace pyro2cpp::parser_detail
