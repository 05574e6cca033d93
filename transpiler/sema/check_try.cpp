// Checking exceptions (LANGUAGE.md 5.3, 9): `try`/`except`/`finally`, `raise [v [from c]]`,
// a bare `raise` inside a handler, and `assert cond[, message]`.
//
// `except e:` binds the raised value unchanged, so `e` is `any`; `except C as e:` binds a
// `C` (the clause matches C and its subclasses). Both are fixed types: the binding behaves
// like an annotated `let`.
#include <fmt/format.h>

#include "sema/checker.hpp"

namespace pyro2cpp::sema::detail {

void Checker::check_try(const ast::TryStmt& stmt) {
    check_block(stmt.body);
    for (const ast::ExceptClause& clause : stmt.handlers) {
        push_scope();
        TypeId bound = types::any;
        if (!clause.class_name.empty()) {
            const TypeName found = find_type_name(clause.class_name, clause.class_loc, true);
            if (found.ambiguous) {
                bound = types::error;
            } else if (found.cls == nullptr || !found.cls->is_class()) {
                error(clause.class_loc,
                      found.cls == nullptr
                          ? fmt::format("unknown class '{}'", clause.class_name)
                          : fmt::format("'{}' is a record; except clauses name classes",
                                        clause.class_name));
                bound = types::error;
            } else {
                bound = found.cls->type;
            }
        }
        if (!clause.binding.empty()) {
            declare_variable(clause.binding, clause.binding_loc, bound, bound, false,
                             DeclKey{&clause, 0});
        }
        ++frame().handler_depth;
        check_statements(clause.body);
        --frame().handler_depth;
        pop_scope();
    }
    if (stmt.has_finally) check_block(stmt.finally_body);
}

void Checker::check_raise(const ast::RaiseStmt& stmt) {
    if (!stmt.value) {
        if (frame().handler_depth == 0) {
            error(stmt.range.begin,
                  "a bare 'raise' re-raises the error being handled, so it "
                  "must be inside an 'except' clause");
        }
        return;
    }
    check_expr(*stmt.value);
    if (stmt.cause) check_expr(*stmt.cause);
}

void Checker::check_assert(const ast::AssertStmt& stmt) {
    check_condition(*stmt.cond);
    if (stmt.message) check_expr(*stmt.message);
}

}  // namespace pyro2cpp::sema::detail
