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

// isinstance of a value whose static type is `value`: the answer, where that type decides it.
// An `any` or a union is tested when the program runs, and so is a class instance tested for
// one of its subclasses; a collection is an instance of its kind whatever its elements.
std::optional<bool> static_answer(const TypeTable& table, TypeId value, TypeId tested,
                                  const ClassInfo* from, const ClassInfo* to) {
    const TypeKind value_kind = table.kind(value);
    const TypeKind tested_kind = table.kind(tested);
    if (value == types::any || value == types::pending || value == types::error ||
        value_kind == TypeKind::union_ || value_kind == TypeKind::interface ||
        tested_kind == TypeKind::union_ || tested_kind == TypeKind::interface) {
        return std::nullopt;
    }
    if (value == tested) return true;
    if (from != nullptr && to != nullptr) {
        if (from->is_class() && to->is_class()) {
            if (from->derives_from(to)) return true;
            if (to->derives_from(from)) return std::nullopt;
            return false;
        }
        if (from->is_record() && to->is_record() && from->name == to->name) return std::nullopt;
    }
    switch (tested_kind) {
        case TypeKind::list:
        case TypeKind::tuple:
        case TypeKind::set:
        case TypeKind::dict:
        case TypeKind::chan:
        case TypeKind::sender:
        case TypeKind::receiver:
        case TypeKind::function:
            return value_kind == tested_kind &&
                   table.info(value).is_mut == table.info(tested).is_mut;
        default:
            return false;
    }
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
    if (types().kind(tested) == TypeKind::interface) {
        // A value satisfies an interface by its methods, never by a run-time type (Python's
        // isinstance refuses a plain Protocol the same way).
        error(type_arg.range.begin,
              fmt::format("isinstance() cannot test an interface: a value satisfies '{}' by its "
                          "methods; test a record or class",
                          type_name(tested)));
        return types::error;
    }
    if (const std::optional<bool> answer =
            static_answer(types(), value, tested, class_of(value), class_of(tested))) {
        frame().body->isinstance_known[&call] = *answer;
    }
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

// The answer of a branch's condition where it is isinstance(x, T) and x's type decides it.
std::optional<bool> Checker::isinstance_known(const ast::IfBranch& branch) const {
    // A branch is left out only where its test has no effects to keep.
    const ast::Expr& cond = *branch.cond;
    if (cond.kind != ast::ExprKind::call || cond.as<ast::Call>().args.empty() ||
        cond.as<ast::Call>().args[0]->kind != ast::ExprKind::name) {
        return std::nullopt;
    }
    auto it = frame().body->isinstance_known.find(branch.cond.get());
    if (it == frame().body->isinstance_known.end()) return std::nullopt;
    return it->second;
}

}  // namespace pyro2cpp::sema::detail
