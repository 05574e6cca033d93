// Emitting statements: one Pyro statement becomes one C++ statement, with its comments,
// an optional `#line`, and `PYRO_AT(line, col); ` in front when it can fail.
//
// Two constructs need more than one C++ statement to keep locations exact: an `elif` whose
// condition can fail becomes `else { PYRO_AT(...); if (...) ... }`, and a `while` whose
// condition can fail tests it at the top of `while (true)`, so the location is recorded
// before every evaluation.
#include <fmt/format.h>

#include "emit/emitter.hpp"

namespace pyro2cpp::emit::detail {

using sema::TypeId;
namespace types = sema::types;

namespace {

std::string at_prefix(const ast::Stmt& stmt) {
    return fmt::format("PYRO_AT({}, {}); ", stmt.range.begin.line, stmt.range.begin.col);
}

std::string at_prefix(Loc loc) {
    return fmt::format("PYRO_AT({}, {}); ", loc.line, loc.col);
}

std::string trailing(const ast::Stmt& stmt) {
    return stmt.has_trailing_comment ? "  " + comment_text(stmt.trailing_comment) : "";
}

// Opens `header {` (the statement's trailing comment follows the brace) and the block.
void open(Writer& w, const std::string& header, const std::string& comment) {
    w.line(header + " {" + comment);
    w.indent();
}

void close(Writer& w, const std::string& text = "}") {
    w.dedent();
    w.line(text);
}

const sema::Variable& declared(const Ctx& ctx, const void* node) {
    const sema::VarRef ref = ctx.body.decls.at(sema::DeclKey{node, 0});
    return ctx.program.variable(ctx.body, ref);
}

void emit_let(const Ctx& ctx, Writer& w, const ast::LetStmt& let, const std::string& prefix,
              const std::string& comment) {
    if (let.names.size() != 1) {
        emit_let_unpack(ctx, w, let, prefix, comment);
        return;
    }
    const sema::VarRef ref = ctx.body.decls.at(sema::DeclKey{&let, 0});
    const sema::Variable& var = ctx.program.variable(ctx.body, ref);
    const std::string value = emit_as(ctx, *let.value, var.type, true);
    if (ref.global) {
        // Declared at namespace scope; set here, in order.
        w.line(prefix + var.cpp_name + " = " + value + ";" + comment);
        if (var.check_set) w.line(set_flag(var) + " = true;");
        return;
    }
    std::string decl;
    if (!var.read) decl += "[[maybe_unused]] ";
    if (!var.is_mut && !var.reassigned) decl += "const ";
    if (var.in_cell()) {
        // Captured by a closure and reassigned: shared with the closure (emit_func.cpp).
        decl += "pyro::rt::Cell<" + cpp_type(ctx.program.types, var.type) + "> " + var.cpp_name;
        w.line(prefix + decl + "(" + value + ");" + comment);
        return;
    }
    decl += cpp_type(ctx.program.types, var.type) + " " + var.cpp_name;
    w.line(prefix + decl + " = " + value + ";" + comment);
}

// x op= v, or x = op(x, v) where C++ has no compound operator for the type (or where
// reading x is checked).
std::string aug_assign_text(const Ctx& ctx, const ast::AugAssignStmt& aug) {
    const sema::VarRef ref = ctx.body.vars.at(aug.target.get());
    const sema::Variable& var = ctx.program.variable(ctx.body, ref);
    const TypeId type = var.type;
    const std::string x = var_text(ctx, ref);
    const std::string read = emit_variable_read(ctx, ref).text;
    const bool checked = read != x;
    const std::string v = emit_as(ctx, *aug.value, type, true);
    std::string text;
    if (aug.op == ast::BinaryOp::pow) {
        text = fmt::format("{} = pyro::rt::pow({}, {});", x, read, v);
    } else if (type == types::float_ && aug.op == ast::BinaryOp::mod) {
        text = fmt::format("{} = pyro::rt::mod({}, {});", x, read, v);
    } else if (checked || (type == types::string && aug.op == ast::BinaryOp::mul)) {
        // An int converted to float is already a primary; anything else keeps its precedence.
        const Cpp value = type == types::float_ && ctx.body.type_of(*aug.value) == types::int_
                              ? Cpp{v, prec_primary}
                              : emit_value(ctx, *aug.value, true);
        text = fmt::format("{} = {} {} {};", x, read, ast::spelling(aug.op),
                           parenthesize(value, prec_multiplicative + 1));
    } else {
        text = fmt::format("{} {}= {};", x, ast::spelling(aug.op), v);
    }
    if (var.in_cell())
        text = x + ".set(" + text.substr(x.size() + 3, text.size() - x.size() - 4) + ");";
    return text;
}

void emit_if(const Ctx& ctx, Writer& w, const ast::IfStmt& stmt, std::size_t first,
             const std::string& comment) {
    // Branches an isinstance test rules out in this body are left out (sema::Body::never_run).
    std::vector<const ast::IfBranch*> live;
    for (std::size_t i = first; i < stmt.branches.size(); ++i) {
        if (ctx.body.never_run.count(&stmt.branches[i].body) == 0)
            live.push_back(&stmt.branches[i]);
    }
    const bool has_else = stmt.has_else && ctx.body.never_run.count(&stmt.else_body) == 0;
    if (live.empty()) {
        if (!has_else) return;
        w.line("{" + comment);
        w.indent();
        emit_block(ctx, w, stmt.else_body);
        close(w);
        return;
    }
    int nested = 0;  // `else {` blocks opened for an elif whose condition can fail
    for (std::size_t i = 0; i < live.size(); ++i) {
        const ast::IfBranch& branch = *live[i];
        const std::string cond = emit_condition(ctx, *branch.cond).text;
        const bool fails = can_fail(ctx, *branch.cond);
        if (i == 0) {
            open(w, (fails ? at_prefix(stmt) : "") + "if (" + cond + ")", comment);
        } else if (!fails) {
            w.dedent();
            open(w, "} else if (" + cond + ")", "");
        } else {
            w.dedent();
            open(w, "} else", "");
            ++nested;
            open(w, at_prefix(branch.range.begin) + "if (" + cond + ")", "");
        }
        emit_narrowing(ctx, w, branch);
        emit_block(ctx, w, branch.body);
    }
    if (has_else) {
        w.dedent();
        open(w, "} else", "");
        emit_block(ctx, w, stmt.else_body);
    }
    close(w);
    for (int i = 0; i < nested; ++i)
        close(w);
}

void emit_while(const Ctx& ctx, Writer& w, const ast::WhileStmt& stmt, const std::string& comment) {
    const std::string cond = emit_condition(ctx, *stmt.cond).text;
    if (!can_fail(ctx, *stmt.cond)) {
        open(w, "while (" + cond + ")", comment);
    } else {
        open(w, "while (true)", comment);
        open(w, at_prefix(stmt) + "if (!(" + cond + "))", "");
        w.line("break;");
        close(w);
    }
    ctx.regions.push_back(Region{Region::Kind::loop, 0});
    emit_block(ctx, w, stmt.body);
    ctx.regions.pop_back();
    close(w);
}

void emit_for(const Ctx& ctx, Writer& w, const ast::ForStmt& stmt, const std::string& prefix,
              const std::string& comment) {
    const TypeId iter = ctx.body.type_of(*stmt.iter);
    const sema::TypeKind kind = ctx.program.types.kind(iter);
    // Ranges and channels are C++ ranges of their element type; the rest is emit_loops.cpp's.
    if (iter != types::range && kind != sema::TypeKind::chan && kind != sema::TypeKind::receiver) {
        emit_for_data(ctx, w, stmt, prefix, comment);
        return;
    }
    const sema::Variable& var = declared(ctx, &stmt);
    std::string decl = var.read ? "" : "[[maybe_unused]] ";
    decl += cpp_type(ctx.program.types, var.type) + " " + var.cpp_name;
    open(w, prefix + "for (" + decl + " : " + emit_value(ctx, *stmt.iter).text + ")", comment);
    ctx.regions.push_back(Region{Region::Kind::loop, 0});
    emit_block(ctx, w, stmt.body);
    ctx.regions.pop_back();
    close(w);
}

void emit_return(const Ctx& ctx, Writer& w, const ast::ReturnStmt& stmt, const std::string& prefix,
                 const std::string& comment) {
    const TypeId result = ctx.closure != nullptr ? ctx.program.types.info(ctx.closure->type).result
                                                 : ctx.instance->result;
    const bool no_value = !stmt.value || stmt.value->kind == ast::ExprKind::void_lit;
    if (!ctx.regions.empty()) {
        // Inside a try with a finally: the value is kept in its Outcome.
        std::string value;
        if (!no_value && result != types::void_) value = emit_as(ctx, *stmt.value, result, true);
        if (auto jump = jump_through_finally(ctx, ast::StmtKind::return_, value)) {
            if (!no_value && result == types::void_) {
                w.line(prefix + emit_expr(ctx, *stmt.value).text + ";");
            }
            w.line((no_value || result != types::void_ ? prefix : "") + *jump + comment);
            return;
        }
    }
    if (no_value && result == types::any) {
        w.line(prefix + "return pyro::Any();" + comment);
    } else if (no_value) {
        w.line(prefix + "return;" + comment);
    } else if (result == types::void_) {
        // `return f()` of a void f: C++ accepts a void expression here; a void variable is
        // a pyro::Void value, discarded.
        const std::string value = emit_expr(ctx, *stmt.value).text;
        const bool call = stmt.value->kind == ast::ExprKind::call;
        w.line(prefix + "return " + (call ? value : "static_cast<void>(" + value + ")") + ";" +
               comment);
    } else {
        w.line(prefix + "return " + emit_as(ctx, *stmt.value, result, true) + ";" + comment);
    }
}

bool stmt_can_fail(const Ctx& ctx, const ast::Stmt& stmt) {
    if (data_stmt_can_fail(ctx, stmt)) return true;
    switch (stmt.kind) {
        case ast::StmtKind::expr:
            return can_fail(ctx, *stmt.as<ast::ExprStmt>().expr);
        case ast::StmtKind::let:
            return can_fail(ctx, *stmt.as<ast::LetStmt>().value);
        case ast::StmtKind::assign: {
            const auto& s = stmt.as<ast::AssignStmt>();
            return s.target->kind == ast::ExprKind::member || can_fail(ctx, *s.value);
        }
        case ast::StmtKind::aug_assign: {
            const auto& s = stmt.as<ast::AugAssignStmt>();
            if (s.target->kind == ast::ExprKind::member) return true;
            const TypeId t = ctx.body.type_of(*s.target);
            const bool bitwise = s.op == ast::BinaryOp::bit_and || s.op == ast::BinaryOp::bit_or ||
                                 s.op == ast::BinaryOp::bit_xor;
            if ((t == types::int_ && !bitwise) ||
                (t == types::string && s.op == ast::BinaryOp::mul)) {
                return true;
            }
            return can_fail(ctx, *s.value) || can_fail(ctx, *s.target);
        }
        case ast::StmtKind::for_: {
            // Iterating a channel waits: a deadlock there is reported at the loop.
            const ast::Expr& iter = *stmt.as<ast::ForStmt>().iter;
            return can_fail(ctx, iter) || conc_cpp_type(ctx.program.types, ctx.body.type_of(iter));
        }
        case ast::StmtKind::return_: {
            const auto& s = stmt.as<ast::ReturnStmt>();
            return s.value && can_fail(ctx, *s.value);
        }
        default:
            return false;
    }
}

}  // namespace

void emit_block(const Ctx& ctx, Writer& w, const ast::Block& block) {
    for (const auto& stmt : block) {
        if (ctx.body.never_run.count(stmt.get()) == 0) emit_stmt(ctx, w, *stmt);
    }
}

void emit_stmt(const Ctx& ctx, Writer& w, const ast::Stmt& stmt) {
    // A def (or extern) at the top level is emitted as a function, with its comments,
    // elsewhere; a nested def is a closure here.
    if (stmt.kind == ast::StmtKind::extern_) return;
    if (stmt.kind == ast::StmtKind::def) {
        if (ctx.body.closures.count(&stmt) == 0) return;
        for (const std::string& text : stmt.leading_comments)
            w.line(comment_text(text));
        emit_nested_def(ctx, w, stmt.as<ast::DefStmt>());
        return;
    }
    for (const std::string& text : stmt.leading_comments)
        w.line(comment_text(text));
    // Imports are declarations, emitted before any code (emit_module.cpp).
    if (stmt.kind == ast::StmtKind::import) return;
    if (ctx.options.line_directives) {
        w.raw(fmt::format("#line {} {}", stmt.range.begin.line, ctx.file_literal));
    }
    const std::string prefix = stmt_can_fail(ctx, stmt) ? at_prefix(stmt) : "";
    const std::string comment = trailing(stmt);
    switch (stmt.kind) {
        case ast::StmtKind::expr: {
            const ast::Expr& e = *stmt.as<ast::ExprStmt>().expr;
            std::string text = emit_expr(ctx, e).text;
            // A value computed for nothing: say so, and keep C++ from warning about it.
            if (e.kind != ast::ExprKind::call) text = "static_cast<void>(" + text + ")";
            w.line(prefix + text + ";" + comment);
            return;
        }
        case ast::StmtKind::let:
            emit_let(ctx, w, stmt.as<ast::LetStmt>(), prefix, comment);
            return;
        case ast::StmtKind::assign: {
            const auto& s = stmt.as<ast::AssignStmt>();
            if (s.target->kind == ast::ExprKind::member) {
                w.line(
                    prefix +
                    emit_member_assign(ctx, s.target->as<ast::Member>(), *s.value, std::nullopt) +
                    ";" + comment);
                return;
            }
            if (s.target->kind != ast::ExprKind::name) {
                emit_assign_data(ctx, w, s, prefix, comment);
                return;
            }
            const sema::VarRef ref = ctx.body.vars.at(s.target.get());
            const sema::Variable& var = ctx.program.variable(ctx.body, ref);
            const std::string value = emit_as(ctx, *s.value, var.type, true);
            w.line(prefix +
                   (var.in_cell() ? var.cpp_name + ".set(" + value + ")"
                                  : var_text(ctx, ref) + " = " + value) +
                   ";" + comment);
            if (var.check_set) w.line(qualified(ctx, var.module, set_flag(var)) + " = true;");
            return;
        }
        case ast::StmtKind::aug_assign: {
            const auto& s = stmt.as<ast::AugAssignStmt>();
            if (s.target->kind == ast::ExprKind::member) {
                w.line(prefix +
                       emit_member_assign(ctx, s.target->as<ast::Member>(), *s.value, s.op) + ";" +
                       comment);
                return;
            }
            if (s.target->kind == ast::ExprKind::index) {
                emit_aug_assign_element(ctx, w, s, prefix, comment);
                return;
            }
            w.line(prefix + aug_assign_text(ctx, s) + comment);
            const sema::Variable& var =
                ctx.program.variable(ctx.body, ctx.body.vars.at(s.target.get()));
            if (var.check_set) w.line(qualified(ctx, var.module, set_flag(var)) + " = true;");
            return;
        }
        case ast::StmtKind::if_:
            emit_if(ctx, w, stmt.as<ast::IfStmt>(), 0, comment);
            return;
        case ast::StmtKind::while_:
            emit_while(ctx, w, stmt.as<ast::WhileStmt>(), comment);
            return;
        case ast::StmtKind::for_:
            emit_for(ctx, w, stmt.as<ast::ForStmt>(), prefix, comment);
            return;
        case ast::StmtKind::break_:
        case ast::StmtKind::continue_: {
            const bool is_break = stmt.kind == ast::StmtKind::break_;
            const auto jump = jump_through_finally(ctx, stmt.kind, "");
            w.line((jump ? *jump : is_break ? "break;" : "continue;") + comment);
            return;
        }
        case ast::StmtKind::try_:
            emit_try(ctx, w, stmt.as<ast::TryStmt>(), comment);
            return;
        case ast::StmtKind::raise:
            emit_raise(ctx, w, stmt.as<ast::RaiseStmt>(), comment);
            return;
        case ast::StmtKind::assert_:
            emit_assert(ctx, w, stmt.as<ast::AssertStmt>(), comment);
            return;
        case ast::StmtKind::record:
        case ast::StmtKind::class_:
            return;  // emitted with the module's definitions
        case ast::StmtKind::pass:
        case ast::StmtKind::import:  // an #include at the top of the file, or nothing
            if (stmt.has_trailing_comment) w.line(comment_text(stmt.trailing_comment));
            return;
        case ast::StmtKind::return_:
            emit_return(ctx, w, stmt.as<ast::ReturnStmt>(), prefix, comment);
            return;
        case ast::StmtKind::go:
            emit_go(ctx, w, stmt.as<ast::GoStmt>(), comment);
            return;
        case ast::StmtKind::select:
            emit_select(ctx, w, stmt.as<ast::SelectStmt>(), comment);
            return;
        default:
            // Sema has rejected every other statement.
            w.line("/* not supported */");
            return;
    }
}

}  // namespace pyro2cpp::emit::detail
