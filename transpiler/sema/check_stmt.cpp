// Checking statements: declarations, assignments, control flow and `return`, and a clean
// "not supported yet" for the statements of later issues.
#include <algorithm>

#include <fmt/format.h>

#include "sema/checker.hpp"

namespace pyro2cpp::sema::detail {

namespace {

const char* later_statement(ast::StmtKind kind) {
    switch (kind) {
        case ast::StmtKind::record:
            return "records are not supported yet";
        case ast::StmtKind::class_:
            return "classes are not supported yet";
        case ast::StmtKind::interface:
            return "interfaces are not supported yet";
        case ast::StmtKind::type_alias:
            return "type aliases are not supported yet";
        case ast::StmtKind::try_:
            return "try statements are not supported yet";
        case ast::StmtKind::raise:
            return "raise is not supported yet";
        case ast::StmtKind::assert_:
            return "assert is not supported yet";
        case ast::StmtKind::go:
            return "go statements are not supported yet";
        case ast::StmtKind::select:
            return "select statements are not supported yet";
        case ast::StmtKind::import:
            return "imports are not supported yet";
        case ast::StmtKind::extern_:
            return "extern functions are not supported yet";
        default:
            return nullptr;
    }
}

}  // namespace

// Statements of a block whose scope is already open (a function body shares the scope of
// its parameters, a `for` body that of its variable: C++ forbids redeclaring them there).
void Checker::check_statements(const ast::Block& block) {
    for (std::size_t i = 0; i < block.size(); ++i) {
        check_stmt(*block[i]);
        // An `if isinstance(x, T):` that always runs here and never completes: the rest of
        // the block never runs (sema.hpp, Body::never_run).
        if (block[i]->kind != ast::StmtKind::if_) continue;
        const auto& s = block[i]->as<ast::IfStmt>();
        const bool ends = std::any_of(s.branches.begin(), s.branches.end(), [&](const auto& b) {
            return isinstance_known(b) == true && !can_reach_end(b.body);
        });
        if (!ends) continue;
        for (std::size_t j = i + 1; j < block.size(); ++j)
            frame().body->never_run.insert(block[j].get());
        return;
    }
}

void Checker::check_block(const ast::Block& block) {
    push_scope();
    check_statements(block);
    pop_scope();
}

void Checker::check_stmt(const ast::Stmt& stmt) {
    switch (stmt.kind) {
        case ast::StmtKind::expr:
            check_expr(*stmt.as<ast::ExprStmt>().expr);
            warn_discarded_partial(*stmt.as<ast::ExprStmt>().expr);
            return;
        case ast::StmtKind::let:
            check_let(stmt.as<ast::LetStmt>());
            return;
        case ast::StmtKind::assign:
            check_assign(stmt.as<ast::AssignStmt>());
            return;
        case ast::StmtKind::aug_assign:
            check_aug_assign(stmt.as<ast::AugAssignStmt>());
            return;
        case ast::StmtKind::if_:
            check_if(stmt.as<ast::IfStmt>());
            return;
        case ast::StmtKind::while_:
            check_while(stmt.as<ast::WhileStmt>());
            return;
        case ast::StmtKind::for_:
            check_for(stmt.as<ast::ForStmt>());
            return;
        case ast::StmtKind::break_:
        case ast::StmtKind::continue_:
            if (frame().loop_depth == 0) {
                error(stmt.range.begin, stmt.kind == ast::StmtKind::break_
                                            ? "'break' outside a loop"
                                            : "'continue' outside a loop");
            }
            return;
        case ast::StmtKind::pass:
            return;
        case ast::StmtKind::go:
            check_go(stmt.as<ast::GoStmt>());
            return;
        case ast::StmtKind::select:
            check_select(stmt.as<ast::SelectStmt>());
            return;
        case ast::StmtKind::try_:
            check_try(stmt.as<ast::TryStmt>());
            return;
        case ast::StmtKind::raise:
            check_raise(stmt.as<ast::RaiseStmt>());
            return;
        case ast::StmtKind::assert_:
            check_assert(stmt.as<ast::AssertStmt>());
            return;
        case ast::StmtKind::record:
        case ast::StmtKind::class_:
        case ast::StmtKind::interface:
        case ast::StmtKind::type_alias:
            // Module-level declarations, checked through their methods' instances.
            if (frame().instance == nullptr && frame().scopes.size() == 1) return;
            break;
        case ast::StmtKind::return_:
            check_return(stmt.as<ast::ReturnStmt>());
            return;
        case ast::StmtKind::import:
            // Files are loaded and their names looked up in modules.cpp; C++ headers are
            // the emitter's; std modules are declared with the module (check_module_call.cpp).
            if (stmt.as<ast::ImportStmt>().import_kind == ast::ImportKind::std_module) {
                check_std_import(stmt.as<ast::ImportStmt>());
                return;
            }
            if (frame().instance != nullptr || frame().scopes.size() > 1) {
                error(stmt.range.begin, "'import' is allowed only at the top level of a file");
            } else if (stmt.as<ast::ImportStmt>().import_kind == ast::ImportKind::cpp) {
                check_cpp_import(stmt.as<ast::ImportStmt>());
            }
            return;
        case ast::StmtKind::extern_:
            // Declared with the module's functions (externs.cpp).
            if (frame().instance != nullptr || frame().scopes.size() > 1) {
                error(stmt.range.begin, "'extern' is allowed only at the top level of a file");
            }
            return;
        case ast::StmtKind::def:
            // Module-level defs are hoisted declarations, checked as instances.
            if (frame().instance != nullptr || frame().scopes.size() > 1) {
                check_nested_def(stmt.as<ast::DefStmt>());
            }
            return;
        default:
            break;
    }
    if (const char* message = later_statement(stmt.kind)) error(stmt.range.begin, message);
}

// let x[: T] = value / mut x[: T] = value
void Checker::check_let(const ast::LetStmt& let) {
    if (let.names.size() != 1) {
        check_let_unpack(let);
        return;
    }
    std::optional<TypeId> annotation;
    if (let.type) annotation = resolve_type(*let.type, true);
    TypeId value = check_expr(*let.value);
    if (annotation) check_conversion(value, *annotation, *let.value);
    if (annotation) check_union_member(value, *let.type, *let.value);
    declare_variable(let.names[0], let.name_locs[0], value, annotation, let.is_mut,
                     DeclKey{&let, 0});
}

// The variable an assignment's target names, or nullopt after reporting why not.
std::optional<VarRef> Checker::assignable_target(const ast::Expr& target, bool compound) {
    switch (target.kind) {
        case ast::ExprKind::name:
            break;
        case ast::ExprKind::member:
            return std::nullopt;  // check_member_assign
        case ast::ExprKind::index:
            error(target.range.begin, "assigning to an element is not supported yet");
            return std::nullopt;
        case ast::ExprKind::tuple:
            error(target.range.begin, "unpacking is not supported yet");
            return std::nullopt;
        default:
            error(target.range.begin, "cannot assign to this expression");
            return std::nullopt;
    }
    const std::string& name = target.as<ast::Name>().id;
    Resolved r = resolve(name, target.range.begin);
    switch (r.kind) {
        case Resolved::Kind::variable: {
            VarRef ref = r.var;
            frame().body->vars[&target] = ref;
            // `x += 1` reads x, but a variable only ever updated so is still unused in C++'s
            // eyes (clang's -Wunused-but-set-variable): keep `read` for real reads.
            const bool was_read = variable(ref).read;
            frame().body->expr_types[&target] = compound ? read_variable(ref) : variable(ref).type;
            variable(ref).read = was_read;
            return ref;
        }
        case Resolved::Kind::function:
            error(target.range.begin, fmt::format("cannot assign to function '{}'", name));
            return std::nullopt;
        case Resolved::Kind::builtin:
        case Resolved::Kind::unsupported_builtin:
            error(target.range.begin, fmt::format("cannot assign to builtin '{}'", name));
            return std::nullopt;
        case Resolved::Kind::reported:
            return std::nullopt;
        case Resolved::Kind::class_:
            error(target.range.begin, fmt::format("cannot assign to class '{}'", name));
            return std::nullopt;
        case Resolved::Kind::none:
            break;
    }
    error(target.range.begin, fmt::format("assignment to undeclared name '{}' (declare it with "
                                          "'let' or 'mut')",
                                          name));
    // Later uses of the name are not reported again.
    declare_variable(name, target.range.begin, types::error, std::nullopt, true,
                     DeclKey{&target, 0});
    return std::nullopt;
}

// target = value
void Checker::check_assign(const ast::AssignStmt& assign) {
    if (assign.target->kind == ast::ExprKind::tuple) {
        check_assign_unpack(assign);
        return;
    }
    TypeId value = check_expr(*assign.value);
    if (assign.target->kind == ast::ExprKind::member) {
        check_member_assign(assign.target->as<ast::Member>(), value, *assign.value, std::nullopt);
        return;
    }
    if (assign.target->kind == ast::ExprKind::index) {
        check_element_assign(assign.target->as<ast::Index>(), value, *assign.value);
        return;
    }
    std::optional<VarRef> ref = assignable_target(*assign.target, false);
    if (!ref) return;
    assign_variable(*ref, value, *assign.value, assign.target->range.begin);
}

// target op= value: the variable receives `target op value`.
void Checker::check_aug_assign(const ast::AugAssignStmt& aug) {
    if (aug.target->kind == ast::ExprKind::member) {
        TypeId value = check_expr(*aug.value);
        check_member_assign(aug.target->as<ast::Member>(), value, *aug.value, aug.op);
        return;
    }
    if (aug.target->kind == ast::ExprKind::index) {
        // d[k] += v: the element receives `d[k] + v`.
        const auto& target = aug.target->as<ast::Index>();
        TypeId current = check_index(target);
        TypeId value = check_expr(*aug.value);
        TypeId result = binary_result(aug.op, current, value, operator_loc(*aug.target));
        check_element_assign(target, result, *aug.value);
        frame().body->expr_types[aug.target.get()] = current;
        return;
    }
    std::optional<VarRef> ref = assignable_target(*aug.target, true);
    TypeId value = check_expr(*aug.value);
    if (!ref) return;
    TypeId result = binary_result(aug.op, variable(*ref).type, value, operator_loc(*aug.target));
    frame().body->expr_types[aug.target.get()] = variable(*ref).type;
    assign_variable(*ref, result, *aug.value, aug.target->range.begin);
}

// A branch whose isinstance condition is false here, and every branch after one whose
// condition is true here, never runs (sema.hpp, Body::never_run): a generic function's
// instance checks only the branches for its own types.
void Checker::check_if(const ast::IfStmt& stmt) {
    bool taken = false;
    for (const ast::IfBranch& branch : stmt.branches) {
        if (taken) {
            frame().body->never_run.insert(&branch.body);
            continue;
        }
        check_condition(*branch.cond);
        const std::optional<bool> known = isinstance_known(branch);
        if (known == false) {
            frame().body->never_run.insert(&branch.body);
            continue;
        }
        taken = known == true;
        push_scope();
        narrow_isinstance(branch);
        check_statements(branch.body);
        pop_scope();
    }
    if (!stmt.has_else) return;
    if (taken) {
        frame().body->never_run.insert(&stmt.else_body);
    } else {
        check_block(stmt.else_body);
    }
}

void Checker::check_while(const ast::WhileStmt& stmt) {
    check_condition(*stmt.cond);
    ++frame().loop_depth;
    check_block(stmt.body);
    --frame().loop_depth;
}

// for x in iterable: the variable is fresh each iteration, in the scope of the body.
void Checker::check_for(const ast::ForStmt& stmt) {
    TypeId iter = check_expr(*stmt.iter);
    TypeId element = types::error;
    if (const std::optional<TypeId> from_channel = channel_iteration(stmt, iter)) {
        element = *from_channel;
    } else {
        element = iter_element(iter, stmt.iter->range.begin);
    }
    push_scope();
    declare_targets(stmt.target, element, &stmt,
                    stmt.target.locs.empty() ? stmt.range.begin : stmt.target.locs[0]);
    // A loop variable is fresh each iteration: a closure never shares it through a Cell.
    for (std::uint32_t i = 0; i < stmt.target.names.size(); ++i) {
        auto decl = frame().body->decls.find(DeclKey{&stmt, i});
        if (decl != frame().body->decls.end()) variable(decl->second).fixed_storage = true;
    }
    ++frame().loop_depth;
    check_statements(stmt.body);
    --frame().loop_depth;
    pop_scope();
}

void Checker::check_return(const ast::ReturnStmt& stmt) {
    Frame& f = frame();
    if (f.closure != nullptr) {
        check_closure_return(stmt);
        return;
    }
    if (f.instance == nullptr) {
        if (stmt.value) check_expr(*stmt.value);
        error(stmt.range.begin, "'return' outside a function");
        return;
    }
    TypeId value = types::void_;
    if (stmt.value) {
        value = check_expr(*stmt.value);
        f.returns_value = true;
    }
    const FunctionDecl& decl = *f.info->decl;
    if (decl.result_type) {
        if (stmt.value) {
            if (!check_conversion(value, *decl.result_type, *stmt.value)) {
                note(decl.def->result->range.begin,
                     fmt::format("'{}' is declared to return {}", decl.def->name,
                                 type_name(*decl.result_type)));
            } else if (decl.def->result) {
                check_union_member(value, *decl.def->result, *stmt.value);
            }
        } else if (*decl.result_type != types::void_ && *decl.result_type != types::error) {
            error(stmt.range.begin, fmt::format("'{}' must return a value of type {}",
                                                decl.def->name, type_name(*decl.result_type)));
        }
        return;
    }
    TypeId joined = types().join(f.returns, value);
    if (joined == types::any && f.returns != types::any && value != types::any) {
        note_any(stmt.range.begin,
                 fmt::format("'{}' returns values of different types ({} and {})", decl.def->name,
                             type_name(f.returns), type_name(value)));
    }
    f.returns = joined;
}

}  // namespace pyro2cpp::sema::detail
