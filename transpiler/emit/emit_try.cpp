// Emitting exceptions: `try`/`except`/`finally` with the runtime's Outcome (the recipe in
// runtime-headers/pyro/exception.hpp), `raise`, a bare `raise`, and `assert`.
//
// No Pyro code runs inside a C++ catch block: the catch only moves the exception into the
// try's Outcome, `pyro_out_N`. The except clauses test its value after the catch has ended,
// each handler body in its own try/catch feeding the same Outcome; then the finally body
// runs and the pending outcome is replayed. A `return`, `break` or `continue` in the body or a
// handler of a try with a finally sets the outcome and jumps to `pyro_finally_N`; one inside
// the finally body replaces whatever was pending (LANGUAGE.md 5.3).
#include <fmt/format.h>

#include "emit/emitter.hpp"

namespace pyro2cpp::sema::detail {
bool can_reach_end(const ast::Block& block);  // sema/control_flow.cpp
}  // namespace pyro2cpp::sema::detail

namespace pyro2cpp::emit::detail {

using sema::TypeId;
namespace types = sema::types;

namespace {

bool has_bare_raise(const ast::Block& block) {
    for (const auto& stmt : block) {
        switch (stmt->kind) {
            case ast::StmtKind::raise:
                if (!stmt->as<ast::RaiseStmt>().value) return true;
                break;
            case ast::StmtKind::if_: {
                const auto& s = stmt->as<ast::IfStmt>();
                for (const auto& b : s.branches) {
                    if (has_bare_raise(b.body)) return true;
                }
                if (has_bare_raise(s.else_body)) return true;
                break;
            }
            case ast::StmtKind::while_:
                if (has_bare_raise(stmt->as<ast::WhileStmt>().body)) return true;
                break;
            case ast::StmtKind::for_:
                if (has_bare_raise(stmt->as<ast::ForStmt>().body)) return true;
                break;
            case ast::StmtKind::try_: {
                // A nested try's handlers re-raise their own error; its body and finally ours.
                const auto& s = stmt->as<ast::TryStmt>();
                if (has_bare_raise(s.body) || has_bare_raise(s.finally_body)) return true;
                break;
            }
            default:
                break;
        }
    }
    return false;
}

std::string result_type(const Ctx& ctx) {
    if (ctx.instance == nullptr || ctx.instance->result == types::void_) return "";
    return cpp_type(ctx.program.types, ctx.instance->result, true);
}

void catch_into(Writer& w, const std::string& out) {
    w.dedent();
    w.line("} catch (pyro::rt::Raised& pyro_error) {");
    w.indent();
    w.line(out + ".set_raised(std::move(pyro_error));");
    w.dedent();
    w.line("}");
}

}  // namespace

std::optional<std::string> jump_through_finally(const Ctx& ctx, ast::StmtKind kind,
                                                const std::string& value) {
    for (auto it = ctx.regions.rbegin(); it != ctx.regions.rend(); ++it) {
        if (it->kind == Region::Kind::loop && kind != ast::StmtKind::return_) return std::nullopt;
        if (it->kind != Region::Kind::try_finally) continue;
        const int n = it->label;
        Region& j = *it;
        std::string set;
        if (kind == ast::StmtKind::return_) {
            j.returns = true;
            set = fmt::format("pyro_out_{}.set_return({});", n, value);
        } else if (kind == ast::StmtKind::break_) {
            j.breaks = true;
            set = fmt::format("pyro_out_{}.set_break();", n);
        } else {
            j.continues = true;
            set = fmt::format("pyro_out_{}.set_continue();", n);
        }
        return fmt::format("{} goto pyro_finally_{};", set, n);
    }
    return std::nullopt;
}

void emit_try(const Ctx& ctx, Writer& w, const ast::TryStmt& stmt, const std::string& comment) {
    const int n = ++ctx.try_count;
    const std::string out = fmt::format("pyro_out_{}", n);
    w.line(fmt::format("pyro::rt::Outcome<{}> {};{}", result_type(ctx), out, comment));
    if (stmt.has_finally) ctx.regions.push_back(Region{Region::Kind::try_finally, n});
    w.line("try {");
    w.indent();
    emit_block(ctx, w, stmt.body);
    catch_into(w, out);
    if (!stmt.handlers.empty()) {
        w.line("if (" + out + ".raised()) {");
        w.indent();
        bool first = true;
        for (const ast::ExceptClause& clause : stmt.handlers) {
            const sema::ClassInfo* cls = nullptr;
            std::string ref_type;
            if (!clause.class_name.empty()) {
                for (const sema::ClassInfo* c : ctx.program.classes) {
                    if (c->name == clause.class_name) cls = c;
                }
                ref_type =
                    cls != nullptr ? "pyro::Ref<" + cls->cpp_name + ">" : "pyro::Ref<pyro::Error>";
            }
            const std::string test =
                ref_type.empty() ? "" : "pyro::rt::is<" + ref_type + ">(" + out + ".error())";
            if (test.empty()) {
                w.line(first ? "{" : "} else {");
            } else {
                w.line((first ? "if (" : "} else if (") + test + ") {");
            }
            if (!first) w.dedent();
            w.indent();
            first = false;
            const bool bare = has_bare_raise(clause.body);
            const std::string caught = fmt::format("pyro_caught_{}", n);
            if (!clause.binding.empty() || bare) {
                w.line(fmt::format("const pyro::rt::Raised {} = {}.take_raised();", caught, out));
            } else {
                w.line(out + ".take_raised();");
            }
            if (!clause.binding.empty()) {
                const sema::VarRef ref = ctx.body.decls.at(sema::DeclKey{&clause, 0});
                const sema::Variable& var = ctx.program.variable(ctx.body, ref);
                const std::string value = "pyro::rt::caught_value(" + caught + ")";
                w.line(fmt::format("{}const {} {} = {};", var.read ? "" : "[[maybe_unused]] ",
                                   cpp_type(ctx.program.types, var.type), var.cpp_name,
                                   ref_type.empty()
                                       ? value
                                       : "pyro::rt::from_any<" + ref_type + ">(" + value + ")"));
            }
            w.line("try {");
            w.indent();
            ctx.regions.push_back(Region{Region::Kind::handler, n});
            emit_block(ctx, w, clause.body);
            ctx.regions.pop_back();
            catch_into(w, out);
            if (test.empty()) break;  // later clauses can never run
        }
        w.dedent();
        w.line("}");
        w.dedent();
        w.line("}");
    }
    Region jumps;
    if (stmt.has_finally) {
        jumps = ctx.regions.back();
        ctx.regions.pop_back();
        const bool jumped = jumps.returns || jumps.breaks || jumps.continues;
        w.line(jumped ? fmt::format("pyro_finally_{}: {{", n) : "{");
        w.indent();
        emit_block(ctx, w, stmt.finally_body);
        w.dedent();
        w.line("}");
    }
    // A finally that cannot complete has replaced every outcome: nothing to replay.
    if (stmt.has_finally && !sema::detail::can_reach_end(stmt.finally_body)) return;
    bool completes = sema::detail::can_reach_end(stmt.body);
    for (const ast::ExceptClause& clause : stmt.handlers)
        completes = completes || sema::detail::can_reach_end(clause.body);
    auto replay = [&](const char* test, ast::StmtKind kind, const std::string& plain,
                      const std::string& value) {
        auto jump = jump_through_finally(ctx, kind, value);
        const std::string action = jump ? "{ " + *jump + " }" : plain;
        w.line(test != nullptr ? fmt::format("if ({}.{}()) {}", out, test, action) : action);
    };
    if (jumps.breaks) replay("breaking", ast::StmtKind::break_, "break;", "");
    if (jumps.continues) replay("continuing", ast::StmtKind::continue_, "continue;", "");
    if (!jumps.returns) {
        w.line(out + ".rethrow_if_raised();");
        // Every path of the body and the handlers left the statement: say so to C++, which
        // would otherwise warn that a function with a result falls off its end here.
        if (!completes) w.line("__builtin_unreachable();");
        return;
    }
    // When the statement cannot complete, a return is the only outcome left after the
    // others: C++ then sees that the function does not fall off its end.
    w.line(out + ".rethrow_if_raised();");
    const bool has_value = !result_type(ctx).empty();
    const std::string value = has_value ? out + ".take_return()" : "";
    replay(completes ? "returning" : nullptr, ast::StmtKind::return_,
           has_value ? "return " + value + ";" : "return;", value);
}

void emit_raise(const Ctx& ctx, Writer& w, const ast::RaiseStmt& stmt, const std::string& comment) {
    const std::string at =
        fmt::format("PYRO_AT({}, {}); ", stmt.range.begin.line, stmt.range.begin.col);
    if (!stmt.value) {
        for (auto it = ctx.regions.rbegin(); it != ctx.regions.rend(); ++it) {
            if (it->kind == Region::Kind::handler) {
                w.line(fmt::format("throw pyro_caught_{};{}", it->label, comment));
                return;
            }
        }
        return;
    }
    auto as_any = [&](const ast::Expr& e) {
        const std::string v = emit_value(ctx, e).text;
        return ctx.body.type_of(e) == types::any ? v : "pyro::Any(" + v + ")";
    };
    if (stmt.cause) {
        w.line(fmt::format("{}pyro::rt::raise_from({}, {});{}", at, as_any(*stmt.value),
                           as_any(*stmt.cause), comment));
    } else {
        w.line(fmt::format("{}pyro::rt::raise({});{}", at, as_any(*stmt.value), comment));
    }
}

void emit_assert(const Ctx& ctx, Writer& w, const ast::AssertStmt& stmt,
                 const std::string& comment) {
    const std::string at =
        fmt::format("PYRO_AT({}, {}); ", stmt.range.begin.line, stmt.range.begin.col);
    const Cpp cond = emit_condition(ctx, *stmt.cond);
    w.line(fmt::format("{}if (!{}) {{{}", at, parenthesize(cond, prec_unary), comment));
    w.indent();
    if (stmt.message) {
        const TypeId type = ctx.body.type_of(*stmt.message);
        const Cpp m = emit_value(ctx, *stmt.message);
        const std::string text = type == types::string ? parenthesize(m, prec_additive + 1)
                                                       : "pyro::str(" + m.text + ")";
        w.line("pyro::rt::raise_error((\"assertion failed: \"_s + " + text + ").view());");
    } else {
        w.line("pyro::rt::raise_error(\"assertion failed\");");
    }
    w.dedent();
    w.line("}");
}

}  // namespace pyro2cpp::emit::detail
