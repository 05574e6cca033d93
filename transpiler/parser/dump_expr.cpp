// The AST dump, part two: expressions, type expressions, and the small pieces (quoted
// strings, parameter lists, loop targets) that statements share with them.
#include <cstdio>

#include "parser/dump_impl.hpp"

namespace pyro2cpp::parser_detail {

void Dumper::quoted(const std::string& text) {
    out_ += '"';
    for (char c : text) {
        switch (c) {
            case '"':
                out_ += "\\\"";
                break;
            case '\\':
                out_ += "\\\\";
                break;
            case '\n':
                out_ += "\\n";
                break;
            case '\t':
                out_ += "\\t";
                break;
            case '\r':
                out_ += "\\r";
                break;
            default:
                if (static_cast<unsigned char>(c) < 0x20) {
                    char buf[8];
                    std::snprintf(buf, sizeof buf, "\\x%02X", static_cast<unsigned>(c));
                    out_ += buf;
                } else {
                    out_ += c;
                }
        }
    }
    out_ += '"';
}

void Dumper::comment(const char* tag, const std::string& text) {
    out_ += " (";
    out_ += tag;
    out_ += ' ';
    quoted(text);
    out_ += ')';
}

void Dumper::type(const ast::TypeExpr& t) {
    switch (t.kind) {
        case ast::TypeExprKind::named:
            out_ += t.name;
            if (!t.args.empty()) {
                out_ += '<';
                type_list(t.args);
                out_ += '>';
            }
            return;
        case ast::TypeExprKind::function:
            out_ += '(';
            type_list(t.args);
            out_ += ") -> ";
            type(*t.result);
            return;
        case ast::TypeExprKind::union_:
            for (std::size_t i = 0; i < t.args.size(); ++i) {
                if (i > 0) out_ += " | ";
                // A function type inside a union needs its parentheses back.
                bool wrap = t.args[i]->kind != ast::TypeExprKind::named;
                if (wrap) out_ += '(';
                type(*t.args[i]);
                if (wrap) out_ += ')';
            }
            return;
    }
}

void Dumper::type_list(const std::vector<ast::TypeExprPtr>& types) {
    for (std::size_t i = 0; i < types.size(); ++i) {
        if (i > 0) out_ += ", ";
        type(*types[i]);
    }
}

void Dumper::type_params(const std::vector<ast::TypeParam>& params) {
    if (params.empty()) return;
    out_ += " <";
    for (std::size_t i = 0; i < params.size(); ++i) {
        if (i > 0) out_ += ", ";
        out_ += params[i].name;
    }
    out_ += '>';
}

void Dumper::params(const std::vector<ast::Param>& ps) {
    out_ += " (";
    for (std::size_t i = 0; i < ps.size(); ++i) {
        if (i > 0) out_ += ' ';
        out_ += ps[i].name;
        if (ps[i].type) {
            out_ += ':';
            type(*ps[i].type);
        }
    }
    out_ += ')';
}

void Dumper::target(const ast::Target& t) {
    out_ += ' ';
    if (!t.parenthesized_tuple && t.names.size() == 1) {
        out_ += t.names[0];
        return;
    }
    out_ += '(';
    for (std::size_t i = 0; i < t.names.size(); ++i) {
        if (i > 0) out_ += ' ';
        out_ += t.names[i];
    }
    if (t.names.size() == 1) out_ += ',';
    out_ += ')';
}

// An optional expression: `_` when absent.
void Dumper::opt(const ast::ExprPtr& e) {
    if (e) {
        expr(*e);
    } else {
        out_ += " _";
    }
}

void Dumper::exprs(const std::vector<ast::ExprPtr>& list) {
    for (const ast::ExprPtr& e : list)
        expr(*e);
}

void Dumper::clauses(const std::vector<ast::CompClause>& cs) {
    for (const ast::CompClause& c : cs) {
        out_ += " (for";
        target(c.target);
        expr(*c.iter);
        for (const ast::ExprPtr& cond : c.conditions) {
            out_ += " (if";
            expr(*cond);
            out_ += ')';
        }
        out_ += ')';
    }
}

void Dumper::expr(const ast::Expr& e) {
    out_ += ' ';
    switch (e.kind) {
        case ast::ExprKind::int_lit:
            out_ += "(int " + e.as<ast::IntLit>().spelling + ")";
            return;
        case ast::ExprKind::float_lit:
            out_ += "(float " + e.as<ast::FloatLit>().spelling + ")";
            return;
        case ast::ExprKind::string_lit:
            out_ += "(str ";
            quoted(e.as<ast::StringLit>().value);
            out_ += ')';
            return;
        case ast::ExprKind::fstring:
            out_ += "(fstr";
            for (const ast::FStringPiece& piece : e.as<ast::FString>().pieces) {
                if (!piece.expr) {
                    out_ += ' ';
                    quoted(piece.text);
                } else if (piece.format_spec.empty()) {
                    expr(*piece.expr);
                } else {
                    out_ += " (spec ";
                    quoted(piece.format_spec);
                    expr(*piece.expr);
                    out_ += ')';
                }
            }
            out_ += ')';
            return;
        case ast::ExprKind::bool_lit:
            out_ += e.as<ast::BoolLit>().value ? "(bool true)" : "(bool false)";
            return;
        case ast::ExprKind::void_lit:
            out_ += "(void)";
            return;
        case ast::ExprKind::name:
            out_ += "(name " + e.as<ast::Name>().id + ")";
            return;
        case ast::ExprKind::unary: {
            const auto& u = e.as<ast::Unary>();
            out_ += std::string("(") + ast::spelling(u.op);
            expr(*u.operand);
            out_ += ')';
            return;
        }
        case ast::ExprKind::binary: {
            const auto& b = e.as<ast::Binary>();
            out_ += std::string("(") + ast::spelling(b.op);
            expr(*b.lhs);
            expr(*b.rhs);
            out_ += ')';
            return;
        }
        case ast::ExprKind::compare: {
            const auto& c = e.as<ast::Compare>();
            if (c.ops.size() == 1) {
                out_ += std::string("(") + ast::spelling(c.ops[0]);
                expr(*c.operands[0]);
                expr(*c.operands[1]);
            } else {
                out_ += "(compare";
                expr(*c.operands[0]);
                for (std::size_t i = 0; i < c.ops.size(); ++i) {
                    out_ += std::string(" ") + ast::spelling(c.ops[i]);
                    expr(*c.operands[i + 1]);
                }
            }
            out_ += ')';
            return;
        }
        case ast::ExprKind::logical: {
            const auto& l = e.as<ast::Logical>();
            out_ += std::string("(") + ast::spelling(l.op);
            expr(*l.lhs);
            expr(*l.rhs);
            out_ += ')';
            return;
        }
        case ast::ExprKind::range:
            out_ += "(..";
            expr(*e.as<ast::RangeExpr>().lo);
            expr(*e.as<ast::RangeExpr>().hi);
            out_ += ')';
            return;
        case ast::ExprKind::conditional: {
            const auto& c = e.as<ast::Conditional>();
            out_ += "(ifexp";
            expr(*c.cond);
            expr(*c.then_value);
            expr(*c.else_value);
            out_ += ')';
            return;
        }
        case ast::ExprKind::call:
            out_ += "(call";
            expr(*e.as<ast::Call>().callee);
            exprs(e.as<ast::Call>().args);
            out_ += ')';
            return;
        case ast::ExprKind::index:
            out_ += "(index";
            expr(*e.as<ast::Index>().object);
            expr(*e.as<ast::Index>().index);
            out_ += ')';
            return;
        case ast::ExprKind::slice: {
            const auto& s = e.as<ast::Slice>();
            out_ += "(slice";
            expr(*s.object);
            opt(s.lo);
            opt(s.hi);
            opt(s.step);
            out_ += ')';
            return;
        }
        case ast::ExprKind::member:
            out_ += "(.";
            expr(*e.as<ast::Member>().object);
            out_ += " " + e.as<ast::Member>().name + ")";
            return;
        case ast::ExprKind::tuple:
            out_ += "(tuple";
            exprs(e.as<ast::TupleExpr>().elements);
            out_ += ')';
            return;
        case ast::ExprKind::list:
            out_ += "(list";
            exprs(e.as<ast::ListExpr>().elements);
            out_ += ')';
            return;
        case ast::ExprKind::set:
            out_ += "(set";
            exprs(e.as<ast::SetExpr>().elements);
            out_ += ')';
            return;
        case ast::ExprKind::dict:
            out_ += "(dict";
            for (const ast::DictEntry& entry : e.as<ast::DictExpr>().entries) {
                out_ += " (";
                std::size_t space = out_.size();
                expr(*entry.key);
                out_.erase(space, 1);
                expr(*entry.value);
                out_ += ')';
            }
            out_ += ')';
            return;
        case ast::ExprKind::comprehension: {
            const auto& c = e.as<ast::Comprehension>();
            static const char* const tags[] = {"(listcomp", "(setcomp", "(dictcomp"};
            out_ += tags[static_cast<int>(c.comp)];
            if (c.key) expr(*c.key);
            expr(*c.element);
            clauses(c.clauses);
            out_ += ')';
            return;
        }
        case ast::ExprKind::lambda: {
            const auto& l = e.as<ast::Lambda>();
            out_ += "(lambda";
            params(l.params);
            expr(*l.body);
            out_ += ')';
            return;
        }
        case ast::ExprKind::chan_new: {
            const auto& c = e.as<ast::ChanNew>();
            out_ += "(chan ";
            type(*c.element);
            expr(*c.capacity);
            out_ += ')';
            return;
        }
    }
}

}  // namespace pyro2cpp::parser_detail
