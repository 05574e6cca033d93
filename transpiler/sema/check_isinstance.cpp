// isinstance(x, T) and the narrowing it gives inside an `if` (LANGUAGE.md 4): it tests the
// run-time type of an `any` value (or the subclass of a class instance); inside the branch it
// guards, `x` has type T. The narrowed `x` is a fresh copy declared at the top of the branch,
// so the branch must not assign `x` (then nothing is narrowed).
#include <fmt/format.h>

#include "sema/checker.hpp"

namespace pyro2cpp::sema::detail {

namespace {

bool assigns(const ast::Block& block, const std::string& name) {
    for (const auto& stmt : block) {
        switch (stmt->kind) {
            case ast::StmtKind::assign: {
                const ast::Expr& t = *stmt->as<ast::AssignStmt>().target;
                if (t.kind == ast::ExprKind::name && t.as<ast::Name>().id == name) return true;
                break;
            }
            case ast::StmtKind::aug_assign: {
                const ast::Expr& t = *stmt->as<ast::AugAssignStmt>().target;
                if (t.kind == ast::ExprKind::name && t.as<ast::Name>().id == name) return true;
                break;
            }
            case ast::StmtKind::if_: {
                const auto& s = stmt->as<ast::IfStmt>();
                for (const auto& b : s.branches) {
                    if (assigns(b.body, name)) return true;
                }
                if (assigns(s.else_body, name)) return true;
                break;
            }
            case ast::StmtKind::while_:
                if (assigns(stmt->as<ast::WhileStmt>().body, name)) return true;
                break;
            case ast::StmtKind::for_:
                if (assigns(stmt->as<ast::ForStmt>().body, name)) return true;
                break;
            case ast::StmtKind::try_: {
                const auto& s = stmt->as<ast::TryStmt>();
                if (assigns(s.body, name) || assigns(s.finally_body, name)) return true;
                for (const auto& h : s.handlers) {
                    if (assigns(h.body, name)) return true;
                }
                break;
            }
            default:
                break;
        }
    }
    return false;
}

}  // namespace

TypeId Checker::check_isinstance(const ast::Call& call) {
    if (call.args.size() != 2) {
        for (const auto& a : call.args)
            check_expr(*a);
        error(call.range.begin,
              fmt::format("isinstance() takes 2 arguments but {} {} given", call.args.size(),
                          call.args.size() == 1 ? "was" : "were"));
        return types::error;
    }
    TypeId value = check_expr(*call.args[0]);
    const ast::Expr& type_arg = *call.args[1];
    if (type_arg.kind != ast::ExprKind::name) {
        error(type_arg.range.begin, "isinstance() takes a type name as its second argument");
        return types::error;
    }
    ast::TypeExpr written;
    written.kind = ast::TypeExprKind::named;
    written.name = type_arg.as<ast::Name>().id;
    written.range = type_arg.range;
    TypeId tested = resolve_type(written, true);
    frame().body->expr_types[&type_arg] = types::error;
    if (value == types::error || tested == types::error) return types::error;
    CallTarget target;
    target.isinstance = tested;
    frame().body->calls[&call] = target;
    return types::bool_;
}

void Checker::narrow_isinstance(const ast::IfBranch& branch) {
    const ast::Expr& cond = *branch.cond;
    if (cond.kind != ast::ExprKind::call) return;
    auto it = frame().body->calls.find(&cond);
    if (it == frame().body->calls.end() || !it->second.isinstance) return;
    const TypeId tested = *it->second.isinstance;
    const ast::Expr& subject = *cond.as<ast::Call>().args[0];
    if (subject.kind != ast::ExprKind::name) return;
    auto var = frame().body->vars.find(&subject);
    if (var == frame().body->vars.end()) return;
    const VarRef original = var->second;
    const TypeId from = variable(original).type;
    const ClassInfo* to_class = class_of(tested);
    const ClassInfo* from_class = class_of(from);
    const bool narrows = from == types::any || types().kind(from) == TypeKind::interface ||
                         (to_class != nullptr && from_class != nullptr && to_class != from_class &&
                          to_class->is_class() && to_class->derives_from(from_class));
    const std::string& name = subject.as<ast::Name>().id;
    if (!narrows || assigns(branch.body, name)) return;
    variable(original).read = true;
    declare_variable(name, subject.range.begin, tested, tested, false, DeclKey{&branch, 0});
    frame().body->narrowings[&branch] = original;
}

}  // namespace pyro2cpp::sema::detail
