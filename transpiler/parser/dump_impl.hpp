// The AST dumper shared by dump.cpp (modules and statements) and dump_expr.cpp (expressions,
// types and the pieces both use). Internal to transpiler/parser.
#pragma once

#include <string>
#include <vector>

#include "parser/ast.hpp"

namespace pyro2cpp::parser_detail {

// Appends S-expressions to one string. Every expression and statement is written with a
// leading space, so callers concatenate them directly.
class Dumper {
public:
    std::string take() { return std::move(out_); }
    void module(const ast::Module& m);

private:
    // dump_expr.cpp
    void quoted(const std::string& text);
    void comment(const char* tag, const std::string& text);
    void type(const ast::TypeExpr& t);
    void type_list(const std::vector<ast::TypeExprPtr>& types);
    void type_params(const std::vector<ast::TypeParam>& params);
    void params(const std::vector<ast::Param>& ps);
    void target(const ast::Target& t);
    void opt(const ast::ExprPtr& e);
    void exprs(const std::vector<ast::ExprPtr>& list);
    void clauses(const std::vector<ast::CompClause>& cs);
    void expr(const ast::Expr& e);

    // dump.cpp
    void block(const ast::Block& b);
    void block_items(const ast::Block& b);
    void def(const ast::DefStmt& d);
    void methods(const std::vector<std::unique_ptr<ast::DefStmt>>& ms);
    void comments_before(const ast::Stmt& s);
    void comment_after(const ast::Stmt& s);
    void stmt(const ast::Stmt& s);
    void stmt_body(const ast::Stmt& s);
    void try_stmt(const ast::TryStmt& t);
    void select_stmt(const ast::SelectStmt& s);

    std::string out_;
};

}  // namespace pyro2cpp::parser_detail
