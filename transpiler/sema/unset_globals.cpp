// Which module-level variables need the run-time check "'x' used before it is set".
//
// A function may read a module-level variable defined before it, and may be called before
// that variable's `let` has run (LANGUAGE.md 3). Reads in the top-level code itself always
// follow the `let`. So a variable needs the check only if some top-level statement at or
// before its `let` calls, directly or through other functions, a function that reads it.
// A function used as a value counts as called where it is used (and a lambda's calls where it
// is written), which is at or before any call through the value, so the check is never
// missed; most programs define their variables first and need no check at all.
#include "sema/checker.hpp"

namespace pyro2cpp::sema::detail {

namespace {

void calls_in_expr(const ast::Expr& e, std::vector<const ast::Expr*>& out);

void calls_in_exprs(std::initializer_list<const ast::Expr*> exprs,
                    std::vector<const ast::Expr*>& out) {
    for (const ast::Expr* e : exprs) {
        if (e != nullptr) calls_in_expr(*e, out);
    }
}

void calls_in_expr(const ast::Expr& e, std::vector<const ast::Expr*>& out) {
    switch (e.kind) {
        case ast::ExprKind::call: {
            const auto& c = e.as<ast::Call>();
            out.push_back(&e);
            calls_in_expr(*c.callee, out);
            for (const auto& a : c.args)
                calls_in_expr(*a, out);
            return;
        }
        case ast::ExprKind::fstring:
            for (const auto& p : e.as<ast::FString>().pieces) {
                if (p.expr) calls_in_expr(*p.expr, out);
            }
            return;
        case ast::ExprKind::unary:
            calls_in_expr(*e.as<ast::Unary>().operand, out);
            return;
        case ast::ExprKind::binary: {
            const auto& b = e.as<ast::Binary>();
            calls_in_exprs({b.lhs.get(), b.rhs.get()}, out);
            return;
        }
        case ast::ExprKind::compare:
            for (const auto& o : e.as<ast::Compare>().operands)
                calls_in_expr(*o, out);
            return;
        case ast::ExprKind::logical: {
            const auto& l = e.as<ast::Logical>();
            calls_in_exprs({l.lhs.get(), l.rhs.get()}, out);
            return;
        }
        case ast::ExprKind::range: {
            const auto& r = e.as<ast::RangeExpr>();
            calls_in_exprs({r.lo.get(), r.hi.get()}, out);
            return;
        }
        case ast::ExprKind::conditional: {
            const auto& c = e.as<ast::Conditional>();
            calls_in_exprs({c.cond.get(), c.then_value.get(), c.else_value.get()}, out);
            return;
        }
        case ast::ExprKind::name:
            // A function used as a value may be called from anywhere: count it as a call.
            out.push_back(&e);
            return;
        case ast::ExprKind::lambda:
            calls_in_expr(*e.as<ast::Lambda>().body, out);
            return;
        default:
            return;  // literals, and what sema rejects
    }
}

void calls_in_block(const ast::Block& block, std::vector<const ast::Expr*>& out);

void calls_in_stmt(const ast::Stmt& s, std::vector<const ast::Expr*>& out) {
    switch (s.kind) {
        case ast::StmtKind::expr:
            calls_in_expr(*s.as<ast::ExprStmt>().expr, out);
            return;
        case ast::StmtKind::let:
            calls_in_expr(*s.as<ast::LetStmt>().value, out);
            return;
        case ast::StmtKind::assign:
            calls_in_expr(*s.as<ast::AssignStmt>().value, out);
            return;
        case ast::StmtKind::aug_assign:
            calls_in_expr(*s.as<ast::AugAssignStmt>().value, out);
            return;
        case ast::StmtKind::return_:
            if (s.as<ast::ReturnStmt>().value) calls_in_expr(*s.as<ast::ReturnStmt>().value, out);
            return;
        case ast::StmtKind::if_: {
            const auto& i = s.as<ast::IfStmt>();
            for (const auto& b : i.branches) {
                calls_in_expr(*b.cond, out);
                calls_in_block(b.body, out);
            }
            calls_in_block(i.else_body, out);
            return;
        }
        case ast::StmtKind::while_: {
            const auto& w = s.as<ast::WhileStmt>();
            calls_in_expr(*w.cond, out);
            calls_in_block(w.body, out);
            return;
        }
        case ast::StmtKind::for_: {
            const auto& f = s.as<ast::ForStmt>();
            calls_in_expr(*f.iter, out);
            calls_in_block(f.body, out);
            return;
        }
        case ast::StmtKind::try_: {
            const auto& t = s.as<ast::TryStmt>();
            calls_in_block(t.body, out);
            for (const ast::ExceptClause& h : t.handlers)
                calls_in_block(h.body, out);
            calls_in_block(t.finally_body, out);
            return;
        }
        case ast::StmtKind::raise: {
            const auto& r = s.as<ast::RaiseStmt>();
            calls_in_exprs({r.value.get(), r.cause.get()}, out);
            return;
        }
        case ast::StmtKind::assert_: {
            const auto& a = s.as<ast::AssertStmt>();
            calls_in_exprs({a.cond.get(), a.message.get()}, out);
            return;
        }
        case ast::StmtKind::go:
            calls_in_expr(*s.as<ast::GoStmt>().call, out);
            return;
        default:
            return;
    }
}

void calls_in_block(const ast::Block& block, std::vector<const ast::Expr*>& out) {
    for (const auto& s : block)
        calls_in_stmt(*s, out);
}

}  // namespace

void Checker::mark_unset_checks(const std::unordered_set<const FunctionInstance*>& emitted) {
    if (program_->globals.empty()) return;
    // The module-level variables each instance reads, itself or through its callees.
    std::unordered_map<const FunctionInstance*, std::set<std::uint32_t>> reads;
    for (const FunctionInstance* root : emitted) {
        std::set<std::uint32_t>& all = reads[root];
        std::unordered_set<const FunctionInstance*> seen{root};
        std::vector<const FunctionInstance*> work{root};
        while (!work.empty()) {
            const FunctionInstance* inst = work.back();
            work.pop_back();
            const InstanceInfo& info = infos_.at(inst);
            all.insert(info.global_reads.begin(), info.global_reads.end());
            for (const auto& [call, target] : inst->body.calls) {
                if (target.instance != nullptr && seen.insert(target.instance).second) {
                    work.push_back(target.instance);
                }
            }
        }
    }
    // Positions count through every file in run order, so a function of another file that
    // reads a variable of a file running later (an import cycle) is covered too.
    for (const ModuleScope& m : modules_) {
        const ast::Block& body = m.module->body;
        for (std::size_t i = 0; i < body.size(); ++i) {
            std::vector<const ast::Expr*> calls;
            calls_in_stmt(*body[i], calls);
            for (const ast::Expr* call : calls) {
                auto target = program_->main.calls.find(call);
                if (target == program_->main.calls.end() || target->second.instance == nullptr)
                    continue;
                for (std::uint32_t g : reads[target->second.instance]) {
                    if (global_positions_[g] >= m.base + i) program_->globals[g].check_set = true;
                }
            }
        }
    }
}

}  // namespace pyro2cpp::sema::detail
