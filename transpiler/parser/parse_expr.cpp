// Expressions by precedence, lowest first: lambda, conditional, or, and, not, comparisons,
// | ^ &, shifts, range, + -, * / %, unary, **, then postfix calls, subscripts and members.
#include "parser/parser_impl.hpp"

namespace pyro2cpp::parser_detail {

namespace {

ast::ExprPtr make_binary(ast::BinaryOp op, ast::ExprPtr lhs, ast::ExprPtr rhs, Range range) {
    auto node = std::make_unique<ast::Binary>();
    node->op = op;
    node->lhs = std::move(lhs);
    node->rhs = std::move(rhs);
    node->range = range;
    return node;
}

ast::ExprPtr make_logical(ast::LogicalOp op, ast::ExprPtr lhs, ast::ExprPtr rhs, Range range) {
    auto node = std::make_unique<ast::Logical>();
    node->op = op;
    node->lhs = std::move(lhs);
    node->rhs = std::move(rhs);
    node->range = range;
    return node;
}

}  // namespace

// expr = lambda | conditional
ast::ExprPtr Parser::parse_expr() {
    DepthGuard guard(*this);
    if (at(TokenKind::kw_lambda)) return parse_lambda();
    return parse_conditional();
}

// expr_list = expr ("," expr)* [","]        (a tuple without parentheses when there is a comma)
ast::ExprPtr Parser::parse_expr_list() {
    Loc begin = begin_loc();
    ast::ExprPtr first = parse_expr();
    if (!at(TokenKind::comma)) return first;
    auto tuple = make_node<ast::TupleExpr>(begin);
    tuple->elements.push_back(std::move(first));
    while (accept(TokenKind::comma)) {
        if (at(TokenKind::newline) || at(TokenKind::eof) || at(TokenKind::semicolon) ||
            at(TokenKind::assign) || at(TokenKind::colon)) {
            break;
        }
        tuple->elements.push_back(parse_expr());
    }
    tuple->range = range_from(begin);
    return tuple;
}

// lambda = "lambda" [NAME ("," NAME)*] ":" expr
ast::ExprPtr Parser::parse_lambda() {
    Loc begin = begin_loc();
    auto lambda = make_node<ast::Lambda>(begin);
    advance();
    while (!at(TokenKind::colon)) {
        const Token& name = expect_name("for the lambda parameter");
        for (const ast::Param& earlier : lambda->params) {
            if (earlier.name == name.text) {
                error(name.range.begin, "duplicate parameter '" + name.text + "'");
            }
        }
        lambda->params.push_back(ast::Param{name.text, name.range.begin, nullptr});
        if (!accept(TokenKind::comma)) break;
    }
    expect(TokenKind::colon, "after the lambda parameters");
    lambda->body = parse_expr();
    lambda->range = range_from(begin);
    return lambda;
}

// conditional = or_expr ["if" or_expr "else" expr]
ast::ExprPtr Parser::parse_conditional() {
    Loc begin = begin_loc();
    ast::ExprPtr value = parse_or();
    if (!at(TokenKind::kw_if)) return value;
    advance();
    auto node = make_node<ast::Conditional>(begin);
    node->then_value = std::move(value);
    node->cond = parse_or();
    expect(TokenKind::kw_else, "in the conditional expression");
    node->else_value = parse_expr();
    node->range = range_from(begin);
    return node;
}

// or_expr = and_expr ("or" and_expr)*
ast::ExprPtr Parser::parse_or() {
    Loc begin = begin_loc();
    ast::ExprPtr lhs = parse_and();
    while (accept(TokenKind::kw_or)) {
        ast::ExprPtr rhs = parse_and();
        lhs = make_logical(ast::LogicalOp::or_, std::move(lhs), std::move(rhs), range_from(begin));
    }
    return lhs;
}

// and_expr = not_expr ("and" not_expr)*
ast::ExprPtr Parser::parse_and() {
    Loc begin = begin_loc();
    ast::ExprPtr lhs = parse_not();
    while (accept(TokenKind::kw_and)) {
        ast::ExprPtr rhs = parse_not();
        lhs = make_logical(ast::LogicalOp::and_, std::move(lhs), std::move(rhs), range_from(begin));
    }
    return lhs;
}

// not_expr = "not" not_expr | comparison
ast::ExprPtr Parser::parse_not() {
    if (!at(TokenKind::kw_not)) return parse_comparison();
    DepthGuard guard(*this);
    Loc begin = begin_loc();
    advance();
    auto node = make_node<ast::Unary>(begin);
    node->op = ast::UnaryOp::not_;
    node->operand = parse_not();
    node->range = range_from(begin);
    return node;
}

// comparison = bit_or (comp_op bit_or)*
// comp_op = "==" | "!=" | "<" | "<=" | ">" | ">=" | "in" | "not" "in"
ast::ExprPtr Parser::parse_comparison() {
    Loc begin = begin_loc();
    ast::ExprPtr first = parse_bit_or();
    std::unique_ptr<ast::Compare> chain;
    while (true) {
        ast::CompareOp op;
        Loc op_loc = begin_loc();
        switch (peek().kind) {
            case TokenKind::equal_equal:
                op = ast::CompareOp::eq;
                break;
            case TokenKind::not_equal:
                op = ast::CompareOp::ne;
                break;
            case TokenKind::less:
                op = ast::CompareOp::lt;
                break;
            case TokenKind::less_equal:
                op = ast::CompareOp::le;
                break;
            case TokenKind::greater:
                op = ast::CompareOp::gt;
                break;
            case TokenKind::greater_equal:
                op = ast::CompareOp::ge;
                break;
            case TokenKind::kw_in:
                op = ast::CompareOp::in;
                break;
            case TokenKind::kw_not:
                advance();
                if (!at(TokenKind::kw_in)) fail_expected("'in' after 'not'");
                op = ast::CompareOp::not_in;
                break;
            default:
                if (!chain) return first;
                chain->range = range_from(begin);
                return chain;
        }
        advance();
        if (!chain) {
            chain = make_node<ast::Compare>(begin);
            chain->operands.push_back(std::move(first));
        }
        chain->ops.push_back(op);
        chain->op_locs.push_back(op_loc);
        chain->operands.push_back(parse_bit_or());
    }
}

ast::ExprPtr Parser::parse_left_assoc(Operand operand, std::initializer_list<BinaryRow> rows) {
    Loc begin = begin_loc();
    ast::ExprPtr lhs = (this->*operand)();
    while (true) {
        const BinaryRow* match = nullptr;
        for (const BinaryRow& row : rows) {
            if (at(row.token)) match = &row;
        }
        if (match == nullptr) return lhs;
        advance();
        ast::ExprPtr rhs = (this->*operand)();
        lhs = make_binary(match->op, std::move(lhs), std::move(rhs), range_from(begin));
    }
}

// bit_or = bit_xor ("|" bit_xor)*
ast::ExprPtr Parser::parse_bit_or() {
    return parse_left_assoc(&Parser::parse_bit_xor, {{TokenKind::pipe, ast::BinaryOp::bit_or}});
}

// bit_xor = bit_and ("^" bit_and)*
ast::ExprPtr Parser::parse_bit_xor() {
    return parse_left_assoc(&Parser::parse_bit_and, {{TokenKind::caret, ast::BinaryOp::bit_xor}});
}

// bit_and = shift ("&" shift)*
ast::ExprPtr Parser::parse_bit_and() {
    return parse_left_assoc(&Parser::parse_shift, {{TokenKind::amp, ast::BinaryOp::bit_and}});
}

// shift = range (("<<" | ">>") range)*
ast::ExprPtr Parser::parse_shift() {
    return parse_left_assoc(&Parser::parse_range, {{TokenKind::shl, ast::BinaryOp::shl},
                                                   {TokenKind::shr, ast::BinaryOp::shr}});
}

// range = additive [".." additive]
ast::ExprPtr Parser::parse_range() {
    Loc begin = begin_loc();
    ast::ExprPtr lo = parse_additive();
    if (!accept(TokenKind::dotdot)) return lo;
    auto node = make_node<ast::RangeExpr>(begin);
    node->lo = std::move(lo);
    node->hi = parse_additive();
    node->range = range_from(begin);
    return node;
}

// additive = multiplicative (("+" | "-") multiplicative)*
ast::ExprPtr Parser::parse_additive() {
    return parse_left_assoc(
        &Parser::parse_multiplicative,
        {{TokenKind::plus, ast::BinaryOp::add}, {TokenKind::minus, ast::BinaryOp::sub}});
}

// multiplicative = unary (("*" | "/" | "%") unary)*
ast::ExprPtr Parser::parse_multiplicative() {
    return parse_left_assoc(&Parser::parse_unary, {{TokenKind::star, ast::BinaryOp::mul},
                                                   {TokenKind::slash, ast::BinaryOp::div},
                                                   {TokenKind::percent, ast::BinaryOp::mod}});
}

// unary = ("-" | "+" | "~") unary | power
ast::ExprPtr Parser::parse_unary() {
    ast::UnaryOp op;
    switch (peek().kind) {
        case TokenKind::minus:
            op = ast::UnaryOp::neg;
            break;
        case TokenKind::plus:
            op = ast::UnaryOp::plus;
            break;
        case TokenKind::tilde:
            op = ast::UnaryOp::bit_not;
            break;
        default:
            return parse_power();
    }
    DepthGuard guard(*this);
    Loc begin = begin_loc();
    advance();
    auto node = make_node<ast::Unary>(begin);
    node->op = op;
    node->operand = parse_unary();
    node->range = range_from(begin);
    return node;
}

// power = postfix ["**" unary]        (right-associative: the exponent may be `-x` or `a ** b`)
ast::ExprPtr Parser::parse_power() {
    Loc begin = begin_loc();
    ast::ExprPtr base = parse_postfix();
    if (!accept(TokenKind::starstar)) return base;
    DepthGuard guard(*this);
    ast::ExprPtr exponent = parse_unary();
    return make_binary(ast::BinaryOp::pow, std::move(base), std::move(exponent), range_from(begin));
}

// postfix = atom ("(" call_args ")" | "[" subscript "]" | "." NAME)*
ast::ExprPtr Parser::parse_postfix() {
    Loc begin = begin_loc();
    ast::ExprPtr expr = parse_atom();
    while (true) {
        if (at(TokenKind::lparen)) {
            auto call = make_node<ast::Call>(begin);
            call->callee = std::move(expr);
            call->args = parse_call_args();
            call->range = range_from(begin);
            expr = std::move(call);
        } else if (at(TokenKind::lbracket)) {
            expr = parse_subscript(std::move(expr), begin);
        } else if (at(TokenKind::dot)) {
            advance();
            const Token& name = expect_name("after '.'");
            auto member = make_node<ast::Member>(begin);
            member->object = std::move(expr);
            member->name = name.text;
            member->name_loc = name.range.begin;
            member->range = range_from(begin);
            expr = std::move(member);
        } else {
            return expr;
        }
    }
}

// call_args = "(" [expr ("," expr)* [","]] ")"
std::vector<ast::ExprPtr> Parser::parse_call_args() {
    DepthGuard guard(*this);
    advance();
    std::vector<ast::ExprPtr> args;
    while (!at(TokenKind::rparen)) {
        args.push_back(parse_expr());
        if (!accept(TokenKind::comma)) break;
    }
    expect(TokenKind::rparen, "after the call arguments");
    return args;
}

// subscript = "[" (expr | [expr] ":" [expr] [":" [expr]]) "]"
ast::ExprPtr Parser::parse_subscript(ast::ExprPtr object, Loc begin) {
    DepthGuard guard(*this);
    advance();
    ast::ExprPtr lo;
    if (!at(TokenKind::colon)) lo = parse_expr();
    if (!at(TokenKind::colon)) {
        expect(TokenKind::rbracket, "after the index");
        auto index = make_node<ast::Index>(begin);
        index->object = std::move(object);
        index->index = std::move(lo);
        index->range = range_from(begin);
        return index;
    }
    auto slice = make_node<ast::Slice>(begin);
    slice->object = std::move(object);
    slice->lo = std::move(lo);
    advance();
    if (!at(TokenKind::colon) && !at(TokenKind::rbracket)) slice->hi = parse_expr();
    if (accept(TokenKind::colon) && !at(TokenKind::rbracket)) slice->step = parse_expr();
    expect(TokenKind::rbracket, "after the slice");
    slice->range = range_from(begin);
    return slice;
}

}  // namespace pyro2cpp::parser_detail
