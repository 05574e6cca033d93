// Whether control can reach the end of a block: decides whether a function without a final
// `return` contributes `void` to its result type (docs/inference.md, "Return types").
//
// A statement completes unless it is a return, raise, break or continue, an if/else whose
// every branch does not complete, or a `while true:` with no `break` of its own.
#include "sema/checker.hpp"

namespace pyro2cpp::sema::detail {

namespace {

bool stmt_completes(const ast::Stmt& stmt);

// A `break` leaving this loop: one not inside a nested loop.
bool has_own_break(const ast::Block& block) {
    for (const auto& stmt : block) {
        switch (stmt->kind) {
            case ast::StmtKind::break_:
                return true;
            case ast::StmtKind::if_: {
                const auto& s = stmt->as<ast::IfStmt>();
                for (const auto& branch : s.branches) {
                    if (has_own_break(branch.body)) return true;
                }
                if (has_own_break(s.else_body)) return true;
                break;
            }
            case ast::StmtKind::try_: {
                const auto& s = stmt->as<ast::TryStmt>();
                if (has_own_break(s.body) || has_own_break(s.finally_body)) return true;
                for (const auto& h : s.handlers) {
                    if (has_own_break(h.body)) return true;
                }
                break;
            }
            case ast::StmtKind::select: {
                for (const auto& c : stmt->as<ast::SelectStmt>().cases) {
                    if (has_own_break(c.body)) return true;
                }
                break;
            }
            default:
                break;
        }
    }
    return false;
}

bool always_true(const ast::Expr& cond) {
    return cond.kind == ast::ExprKind::bool_lit && cond.as<ast::BoolLit>().value;
}

bool stmt_completes(const ast::Stmt& stmt) {
    switch (stmt.kind) {
        case ast::StmtKind::return_:
        case ast::StmtKind::raise:
        case ast::StmtKind::break_:
        case ast::StmtKind::continue_:
            return false;
        case ast::StmtKind::if_: {
            const auto& s = stmt.as<ast::IfStmt>();
            if (!s.has_else) return true;
            for (const auto& branch : s.branches) {
                if (can_reach_end(branch.body)) return true;
            }
            return can_reach_end(s.else_body);
        }
        case ast::StmtKind::try_: {
            // An error may interrupt the body anywhere, so a handler may run; `finally`
            // runs last, and if it cannot complete, neither can the statement.
            const auto& s = stmt.as<ast::TryStmt>();
            if (s.has_finally && !can_reach_end(s.finally_body)) return false;
            if (can_reach_end(s.body)) return true;
            for (const auto& h : s.handlers) {
                if (can_reach_end(h.body)) return true;
            }
            return false;
        }
        case ast::StmtKind::while_: {
            const auto& s = stmt.as<ast::WhileStmt>();
            return !always_true(*s.cond) || has_own_break(s.body);
        }
        default:
            return true;
    }
}

}  // namespace

bool can_reach_end(const ast::Block& block) {
    for (const auto& stmt : block) {
        if (!stmt_completes(*stmt)) return false;
    }
    return true;
}

}  // namespace pyro2cpp::sema::detail
