// Atoms: literals, names, f-strings, parenthesised expressions and tuples, list/set/dict
// displays and comprehensions, and `chan<T>(n)`.
#include "parser/parser_impl.hpp"

namespace pyro2cpp::parser_detail {

// atom = INT | FLOAT | STRING | FSTRING | "true" | "false" | NAME | paren
//      | list_display | brace_display | chan_new
ast::ExprPtr Parser::parse_atom() {
    Loc begin = begin_loc();
    const Token& token = peek();
    switch (token.kind) {
        case TokenKind::int_literal: {
            auto node = make_node<ast::IntLit>(begin);
            node->value = token.int_value;
            node->spelling = token.text;
            advance();
            node->range = range_from(begin);
            return node;
        }
        case TokenKind::float_literal: {
            auto node = make_node<ast::FloatLit>(begin);
            node->value = token.float_value;
            node->spelling = token.text;
            advance();
            node->range = range_from(begin);
            return node;
        }
        case TokenKind::string_literal: {
            auto node = make_node<ast::StringLit>(begin);
            node->value = token.text;
            advance();
            node->range = range_from(begin);
            return node;
        }
        case TokenKind::kw_true:
        case TokenKind::kw_false: {
            auto node = make_node<ast::BoolLit>(begin);
            node->value = token.kind == TokenKind::kw_true;
            advance();
            node->range = range_from(begin);
            return node;
        }
        case TokenKind::identifier: {
            if (token.text == "void") {
                auto node = make_node<ast::VoidLit>(begin);
                advance();
                node->range = range_from(begin);
                return node;
            }
            auto node = make_node<ast::Name>(begin);
            node->id = token.text;
            advance();
            node->range = range_from(begin);
            return node;
        }
        case TokenKind::kw_chan: {
            if (peek(1).kind == TokenKind::less) return parse_chan_new();
            // `chan(n)`: the builtin, called like any function.
            auto node = make_node<ast::Name>(begin);
            node->id = "chan";
            advance();
            node->range = range_from(begin);
            return node;
        }
        case TokenKind::fstring:
            return parse_fstring();
        case TokenKind::lparen:
            return parse_paren();
        case TokenKind::lbracket:
            return parse_list_display();
        case TokenKind::lbrace:
            return parse_brace_display();
        default:
            if (at(TokenKind::dot) && peek(1).kind == TokenKind::int_literal &&
                peek(1).range.begin == peek().range.end) {
                fail(begin_loc(), "a float needs a digit before its point: write 0." +
                                      peek(1).text);
            }
            fail_expected("an expression");
    }
}

// fstring = FSTRING        (each embedded expression is parsed from its own tokens)
ast::ExprPtr Parser::parse_fstring() {
    Loc begin = begin_loc();
    const Token& token = advance();
    auto node = make_node<ast::FString>(begin);
    for (const FStringPart& part : token.fstring_parts) {
        ast::FStringPiece piece;
        if (part.is_expr) {
            Parser sub(part.tokens, nullptr, diags_, depth_);
            piece.expr = sub.parse_standalone_expr();
            piece.format_spec = part.format_spec;
        } else {
            piece.text = part.text;
        }
        node->pieces.push_back(std::move(piece));
    }
    node->range = range_from(begin);
    return node;
}

// paren = "(" ")" | "(" expr ")" | "(" expr "," [expr ("," expr)* [","]] ")"
ast::ExprPtr Parser::parse_paren() {
    DepthGuard guard(*this);
    Loc begin = begin_loc();
    advance();
    auto tuple = make_node<ast::TupleExpr>(begin);
    if (accept(TokenKind::rparen)) {
        tuple->range = range_from(begin);
        return tuple;
    }
    ast::ExprPtr first = parse_expr();
    if (accept(TokenKind::rparen)) return first;
    if (!at(TokenKind::comma)) fail_expected("')' or ','");
    tuple->elements.push_back(std::move(first));
    while (accept(TokenKind::comma) && !at(TokenKind::rparen)) {
        tuple->elements.push_back(parse_expr());
    }
    expect(TokenKind::rparen, "after the tuple elements");
    tuple->range = range_from(begin);
    return tuple;
}

// list_display = "[" [expr (comp_clauses | ("," expr)* [","])] "]"
ast::ExprPtr Parser::parse_list_display() {
    DepthGuard guard(*this);
    Loc begin = begin_loc();
    advance();
    if (accept(TokenKind::rbracket)) {
        auto list = make_node<ast::ListExpr>(begin);
        list->range = range_from(begin);
        return list;
    }
    ast::ExprPtr first = parse_expr();
    if (at(TokenKind::kw_for)) {
        auto comp = make_node<ast::Comprehension>(begin);
        comp->comp = ast::CompKind::list;
        comp->element = std::move(first);
        comp->clauses = parse_comp_clauses();
        expect(TokenKind::rbracket, "after the list comprehension");
        comp->range = range_from(begin);
        return comp;
    }
    auto list = make_node<ast::ListExpr>(begin);
    list->elements.push_back(std::move(first));
    while (accept(TokenKind::comma) && !at(TokenKind::rbracket)) {
        list->elements.push_back(parse_expr());
    }
    expect(TokenKind::rbracket, "after the list elements");
    list->range = range_from(begin);
    return list;
}

// brace_display = "{" "}" | "{" expr ":" expr (comp_clauses | ("," expr ":" expr)* [","]) "}"
//               | "{" expr (comp_clauses | ("," expr)* [","]) "}"
ast::ExprPtr Parser::parse_brace_display() {
    DepthGuard guard(*this);
    Loc begin = begin_loc();
    advance();
    if (accept(TokenKind::rbrace)) {
        auto dict = make_node<ast::DictExpr>(begin);
        dict->range = range_from(begin);
        return dict;
    }
    ast::ExprPtr first = parse_expr();
    if (accept(TokenKind::colon)) {
        ast::ExprPtr value = parse_expr();
        if (at(TokenKind::kw_for)) {
            auto comp = make_node<ast::Comprehension>(begin);
            comp->comp = ast::CompKind::dict;
            comp->key = std::move(first);
            comp->element = std::move(value);
            comp->clauses = parse_comp_clauses();
            expect(TokenKind::rbrace, "after the dict comprehension");
            comp->range = range_from(begin);
            return comp;
        }
        auto dict = make_node<ast::DictExpr>(begin);
        dict->entries.push_back(ast::DictEntry{std::move(first), std::move(value)});
        while (accept(TokenKind::comma) && !at(TokenKind::rbrace)) {
            ast::ExprPtr key = parse_expr();
            expect(TokenKind::colon, "after the dict key");
            dict->entries.push_back(ast::DictEntry{std::move(key), parse_expr()});
        }
        expect(TokenKind::rbrace, "after the dict entries");
        dict->range = range_from(begin);
        return dict;
    }
    if (at(TokenKind::kw_for)) {
        auto comp = make_node<ast::Comprehension>(begin);
        comp->comp = ast::CompKind::set;
        comp->element = std::move(first);
        comp->clauses = parse_comp_clauses();
        expect(TokenKind::rbrace, "after the set comprehension");
        comp->range = range_from(begin);
        return comp;
    }
    auto set = make_node<ast::SetExpr>(begin);
    set->elements.push_back(std::move(first));
    while (accept(TokenKind::comma) && !at(TokenKind::rbrace)) {
        set->elements.push_back(parse_expr());
    }
    expect(TokenKind::rbrace, "after the set elements");
    set->range = range_from(begin);
    return set;
}

// comp_clauses = ("for" target "in" or_expr ("if" or_expr)*)+
std::vector<ast::CompClause> Parser::parse_comp_clauses() {
    std::vector<ast::CompClause> clauses;
    while (accept(TokenKind::kw_for)) {
        ast::CompClause clause;
        clause.target = parse_target("after 'for'");
        expect(TokenKind::kw_in, "after the loop variable");
        clause.iter = parse_or();
        while (accept(TokenKind::kw_if))
            clause.conditions.push_back(parse_or());
        clauses.push_back(std::move(clause));
    }
    return clauses;
}

// chan_new = "chan" "<" type ">" "(" expr ")"
ast::ExprPtr Parser::parse_chan_new() {
    Loc begin = begin_loc();
    auto node = make_node<ast::ChanNew>(begin);
    advance();
    advance();
    node->element = parse_type();
    expect_closing_angle("after the channel's element type");
    expect(TokenKind::lparen, "after 'chan<...>'");
    if (at(TokenKind::rparen)) fail_expected("the channel capacity");
    node->capacity = parse_expr();
    expect(TokenKind::rparen, "after the channel capacity");
    node->range = range_from(begin);
    return node;
}

}  // namespace pyro2cpp::parser_detail
