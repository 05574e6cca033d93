// Type expressions (annotations): names with type arguments, function types and unions.
// The lexer reads `>>` as one token; where it closes two argument lists it is split here.
#include "parser/parser_impl.hpp"

namespace pyro2cpp::parser_detail {

// type = type_primary ("|" type_primary)*
ast::TypeExprPtr Parser::parse_type() {
    DepthGuard guard(*this);
    Loc begin = begin_loc();
    ast::TypeExprPtr first = parse_type_primary();
    if (!at(TokenKind::pipe)) return first;
    auto type = std::make_unique<ast::TypeExpr>();
    type->kind = ast::TypeExprKind::union_;
    type->args.push_back(std::move(first));
    while (accept(TokenKind::pipe))
        type->args.push_back(parse_type_primary());
    type->range = range_from(begin);
    return type;
}

// type_primary = NAME ("." NAME)* ["<" type ("," type)* [","] ">"]
//              | "(" [type ("," type)* [","]] ")" ["->" type]
ast::TypeExprPtr Parser::parse_type_primary() {
    Loc begin = begin_loc();
    auto type = std::make_unique<ast::TypeExpr>();
    if (accept(TokenKind::lparen)) {
        while (!at(TokenKind::rparen)) {
            type->args.push_back(parse_type());
            if (!accept(TokenKind::comma)) break;
        }
        expect(TokenKind::rparen, "after the parameter types");
        if (!at(TokenKind::arrow) && type->args.size() == 1) {
            // `(A | B)`: parentheses only group.
            return std::move(type->args.front());
        }
        if (!at(TokenKind::arrow)) {
            fail_expected(
                "'->' after the parameter types of a function type (a tuple type is "
                "written tuple<A, B>)");
        }
        advance();
        type->kind = ast::TypeExprKind::function;
        type->result = parse_type();
        type->range = range_from(begin);
        return type;
    }
    if (accept(TokenKind::kw_chan)) {
        type->name = "chan";
    } else if (at(TokenKind::identifier)) {
        type->name = advance().text;
        while (at(TokenKind::dot) && peek(1).kind == TokenKind::identifier) {
            advance();
            type->name += "." + advance().text;
        }
    } else {
        fail_expected("a type");
    }
    if (accept(TokenKind::less)) {
        do {
            if (!type->args.empty() && (at(TokenKind::greater) || at(TokenKind::shr))) break;
            type->args.push_back(parse_type());
        } while (accept(TokenKind::comma));
        expect_closing_angle("after the type arguments");
    }
    type->range = range_from(begin);
    return type;
}

// Consumes one '>', taking the first half of a `>>` or `>=` token and leaving the rest.
void Parser::expect_closing_angle(std::string_view context) {
    Token& token = tokens_[pos_];
    TokenKind rest;
    switch (token.kind) {
        case TokenKind::greater:
            advance();
            return;
        case TokenKind::shr:
            rest = TokenKind::greater;
            break;
        case TokenKind::greater_equal:
            rest = TokenKind::assign;
            break;
        default:
            expect(TokenKind::greater, context);
            return;
    }
    Loc half = token.range.begin;
    ++half.col;
    prev_end_ = half;
    token.kind = rest;
    token.range.begin = half;
}

}  // namespace pyro2cpp::parser_detail
