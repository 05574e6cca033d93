// Compound statements with a header and indented blocks: if/elif/else, while, for,
// try/except/finally and select. (def, record and class live in parse_decl.cpp.)
#include "parser/parser_impl.hpp"

namespace pyro2cpp::parser_detail {

// if_stmt = "if" expr ":" block ("elif" expr ":" block)* ["else" ":" block]
ast::StmtPtr Parser::parse_if() {
    Loc begin = begin_loc();
    auto stmt = make_node<ast::IfStmt>(begin);
    bool first = true;
    do {
        ast::IfBranch branch;
        branch.range.begin = begin_loc();
        advance();
        branch.cond = parse_expr();
        expect(TokenKind::colon, first ? "after 'if' condition" : "after 'elif' condition");
        if (first) attach_comments(*stmt, at(TokenKind::newline));
        branch.body = parse_block(first ? "'if' statement" : "'elif' clause");
        branch.range.end = prev_end();
        stmt->branches.push_back(std::move(branch));
        first = false;
    } while (at(TokenKind::kw_elif));
    if (at(TokenKind::kw_else)) {
        advance();
        expect(TokenKind::colon, "after 'else'");
        stmt->has_else = true;
        stmt->else_body = parse_block("'else'");
    }
    stmt->range = range_from(begin);
    return stmt;
}

// while_stmt = "while" expr ":" block
ast::StmtPtr Parser::parse_while() {
    Loc begin = begin_loc();
    auto stmt = make_node<ast::WhileStmt>(begin);
    advance();
    stmt->cond = parse_expr();
    expect(TokenKind::colon, "after 'while' condition");
    attach_comments(*stmt, at(TokenKind::newline));
    stmt->body = parse_block("'while' statement");
    stmt->range = range_from(begin);
    return stmt;
}

// for_stmt = "for" target "in" expr ":" block
ast::StmtPtr Parser::parse_for() {
    Loc begin = begin_loc();
    auto stmt = make_node<ast::ForStmt>(begin);
    advance();
    stmt->target = parse_target("after 'for'");
    expect(TokenKind::kw_in, "after the loop variable");
    stmt->iter = parse_expr();
    expect(TokenKind::colon, "after 'for' iterable");
    attach_comments(*stmt, at(TokenKind::newline));
    stmt->body = parse_block("'for' statement");
    stmt->range = range_from(begin);
    return stmt;
}

// target = NAME ("," NAME)* | "(" NAME ("," NAME)* [","] ")"
ast::Target Parser::parse_target(std::string_view context) {
    ast::Target target;
    bool parenthesized = accept(TokenKind::lparen);
    std::string where(context);
    do {
        if (parenthesized && at(TokenKind::rparen) && !target.names.empty()) {
            target.parenthesized_tuple = true;  // `(a,)`: a tuple of one
            break;
        }
        const Token& name = expect_name(where);
        target.names.push_back(name.text);
        target.locs.push_back(name.range.begin);
        where = "after ','";
    } while (accept(TokenKind::comma));
    if (parenthesized) expect(TokenKind::rparen, "after the loop variables");
    if (target.names.size() > 1) target.parenthesized_tuple = true;
    return target;
}

// try_stmt = "try" ":" block except_clause* ["finally" ":" block]
// except_clause = "except" [NAME ["as" NAME]] ":" block
ast::StmtPtr Parser::parse_try() {
    Loc begin = begin_loc();
    auto stmt = make_node<ast::TryStmt>(begin);
    advance();
    expect(TokenKind::colon, "after 'try'");
    attach_comments(*stmt, at(TokenKind::newline));
    stmt->body = parse_block("'try'");
    while (at(TokenKind::kw_except)) {
        ast::ExceptClause clause;
        clause.range.begin = begin_loc();
        advance();
        if (at(TokenKind::identifier)) {
            const Token& first = advance();
            if (at_word("as")) {
                advance();
                clause.class_name = first.text;
                clause.class_loc = first.range.begin;
                const Token& binding = expect_name("after 'as'");
                clause.binding = binding.text;
                clause.binding_loc = binding.range.begin;
            } else {
                clause.binding = first.text;
                clause.binding_loc = first.range.begin;
            }
        }
        expect(TokenKind::colon, "after 'except' clause");
        clause.body = parse_block("'except'");
        clause.range.end = prev_end();
        stmt->handlers.push_back(std::move(clause));
    }
    if (at(TokenKind::kw_finally)) {
        advance();
        expect(TokenKind::colon, "after 'finally'");
        stmt->has_finally = true;
        stmt->finally_body = parse_block("'finally'");
    }
    if (stmt->handlers.empty() && !stmt->has_finally) {
        // Reported without throwing: the next token starts the next statement.
        error(begin_loc(),
              "expected 'except' or 'finally' after 'try' block, found " + describe(peek()));
    }
    stmt->range = range_from(begin);
    return stmt;
}

// select_stmt = "select" ":" NEWLINE INDENT select_case+ DEDENT
ast::StmtPtr Parser::parse_select() {
    Loc begin = begin_loc();
    auto stmt = make_node<ast::SelectStmt>(begin);
    advance();
    expect(TokenKind::colon, "after 'select'");
    attach_comments(*stmt, true);
    DepthGuard guard(*this, true);
    expect(TokenKind::newline, "after 'select:'");
    if (!at(TokenKind::indent)) {
        error(begin_loc(), "expected an indented block of 'case' clauses after 'select', found " +
                               describe(peek()));
        stmt->range = range_from(begin);
        return stmt;
    }
    advance();
    bool bad_case = false;
    while (!at(TokenKind::dedent) && !at(TokenKind::eof)) {
        take_comments_before(begin_loc());
        std::size_t start = pos_;
        try {
            stmt->cases.push_back(parse_select_case());
        } catch (const ParseError&) {
            bad_case = true;
            synchronize();
        }
        if (pos_ == start) advance();
    }
    accept(TokenKind::dedent);
    if (stmt->cases.empty() && !bad_case) error(begin, "a 'select' needs at least one case");
    stmt->range = range_from(begin);
    return stmt;
}

// select_case = "case" [NAME "="] expr ":" block | "default" ":" block
// where expr is CHAN.collect(), CHAN.push(VALUE) or after(SECONDS)
ast::SelectCase Parser::parse_select_case() {
    ast::SelectCase result;
    result.range.begin = begin_loc();
    if (at_word("default")) {
        advance();
        expect(TokenKind::colon, "after 'default'");
        result.kind = ast::SelectCaseKind::default_;
        result.body = parse_block("'default'");
        result.range.end = prev_end();
        return result;
    }
    if (!at_word("case")) fail_expected("'case' or 'default' in 'select'");
    advance();
    if (at(TokenKind::identifier) && peek(1).kind == TokenKind::assign) {
        result.binding = peek().text;
        result.binding_loc = begin_loc();
        advance();
        advance();
    }
    Loc op_begin = begin_loc();
    ast::ExprPtr op = parse_expr();
    const char* shape =
        "expected 'CHANNEL.collect()', 'CHANNEL.push(VALUE)' or 'after(SECONDS)'"
        " in a select case";
    if (op->kind != ast::ExprKind::call) fail(op_begin, shape);
    auto& call = op->as<ast::Call>();
    if (call.callee->kind == ast::ExprKind::member) {
        auto& member = call.callee->as<ast::Member>();
        if (member.name == "collect" && call.args.empty()) {
            result.kind = ast::SelectCaseKind::collect;
        } else if (member.name == "push" && call.args.size() == 1) {
            result.kind = ast::SelectCaseKind::push;
            result.value = std::move(call.args[0]);
        } else {
            fail(op_begin, shape);
        }
        result.channel = std::move(member.object);
    } else if (call.callee->kind == ast::ExprKind::name &&
               call.callee->as<ast::Name>().id == "after" && call.args.size() == 1) {
        result.kind = ast::SelectCaseKind::after;
        result.value = std::move(call.args[0]);
    } else {
        fail(op_begin, shape);
    }
    if (!result.binding.empty() && result.kind != ast::SelectCaseKind::collect) {
        fail(result.binding_loc, "only a 'collect()' case can bind a name");
    }
    expect(TokenKind::colon, "after the select case");
    result.body = parse_block("'case'");
    result.range.end = prev_end();
    return result;
}

}  // namespace pyro2cpp::parser_detail
