// The AST as one line of S-expressions, for unit tests and `--dump-ast`. Every field that
// the parser fills appears, so two different trees never dump alike; types are written in
// Pyro's own syntax, strings quoted with C-style escapes, and comments as `(comment "...")`
// before a statement and `(trailing "...")` after it. This file holds modules and
// statements; dump_expr.cpp the rest.
#include "parser/dump_impl.hpp"
#include "parser/parser.hpp"

namespace pyro2cpp {
namespace parser_detail {

void Dumper::module(const ast::Module& m) {
    out_ += "(module";
    block_items(m.body);
    for (const std::string& text : m.trailing_comments)
        comment("comment", text);
    out_ += ")";
}

void Dumper::block(const ast::Block& b) {
    out_ += " (block";
    block_items(b);
    out_ += ')';
}

void Dumper::block_items(const ast::Block& b) {
    for (const ast::StmtPtr& s : b)
        stmt(*s);
}

void Dumper::def(const ast::DefStmt& d) {
    comments_before(d);
    out_ += " (def " + d.name;
    type_params(d.type_params);
    params(d.params);
    if (d.result) {
        out_ += " -> ";
        type(*d.result);
    }
    block(d.body);
    out_ += ')';
    comment_after(d);
}

void Dumper::methods(const std::vector<std::unique_ptr<ast::DefStmt>>& ms) {
    for (const auto& m : ms)
        def(*m);
}

void Dumper::comments_before(const ast::Stmt& s) {
    for (const std::string& text : s.leading_comments)
        comment("comment", text);
}

void Dumper::comment_after(const ast::Stmt& s) {
    if (s.has_trailing_comment) comment("trailing", s.trailing_comment);
}

void Dumper::stmt(const ast::Stmt& s) {
    if (s.kind == ast::StmtKind::def) return def(s.as<ast::DefStmt>());
    comments_before(s);
    out_ += " (";
    stmt_body(s);
    out_ += ')';
    comment_after(s);
}

void Dumper::stmt_body(const ast::Stmt& s) {
    switch (s.kind) {
        case ast::StmtKind::expr:
            out_ += "expr";
            expr(*s.as<ast::ExprStmt>().expr);
            return;
        case ast::StmtKind::let: {
            const auto& l = s.as<ast::LetStmt>();
            out_ += l.is_mut ? "mut " : "let ";
            if (l.names.size() == 1) {
                out_ += l.names[0];
            } else {
                out_ += '(';
                for (std::size_t i = 0; i < l.names.size(); ++i) {
                    if (i > 0) out_ += ' ';
                    out_ += l.names[i];
                }
                out_ += ')';
            }
            if (l.type) {
                out_ += " : ";
                type(*l.type);
            }
            expr(*l.value);
            return;
        }
        case ast::StmtKind::assign:
            out_ += "=";
            expr(*s.as<ast::AssignStmt>().target);
            expr(*s.as<ast::AssignStmt>().value);
            return;
        case ast::StmtKind::aug_assign: {
            const auto& a = s.as<ast::AugAssignStmt>();
            out_ += std::string(ast::spelling(a.op)) + "=";
            expr(*a.target);
            expr(*a.value);
            return;
        }
        case ast::StmtKind::if_: {
            const auto& i = s.as<ast::IfStmt>();
            out_ += "if";
            for (const ast::IfBranch& branch : i.branches) {
                out_ += " (";
                std::size_t space = out_.size();
                expr(*branch.cond);
                out_.erase(space, 1);
                block(branch.body);
                out_ += ')';
            }
            if (i.has_else) {
                out_ += " (else";
                block(i.else_body);
                out_ += ')';
            }
            return;
        }
        case ast::StmtKind::while_:
            out_ += "while";
            expr(*s.as<ast::WhileStmt>().cond);
            block(s.as<ast::WhileStmt>().body);
            return;
        case ast::StmtKind::for_: {
            const auto& f = s.as<ast::ForStmt>();
            out_ += "for";
            target(f.target);
            expr(*f.iter);
            block(f.body);
            return;
        }
        case ast::StmtKind::break_:
            out_ += "break";
            return;
        case ast::StmtKind::continue_:
            out_ += "continue";
            return;
        case ast::StmtKind::pass:
            out_ += "pass";
            return;
        case ast::StmtKind::return_:
            out_ += "return";
            if (s.as<ast::ReturnStmt>().value) expr(*s.as<ast::ReturnStmt>().value);
            return;
        case ast::StmtKind::def:
            return;  // handled by def()
        case ast::StmtKind::record: {
            const auto& r = s.as<ast::RecordStmt>();
            out_ += "record " + r.name;
            type_params(r.type_params);
            params(r.fields);
            methods(r.methods);
            return;
        }
        case ast::StmtKind::class_: {
            const auto& c = s.as<ast::ClassStmt>();
            out_ += "class " + c.name;
            if (!c.parent.empty()) out_ += " (" + c.parent + ")";
            methods(c.methods);
            return;
        }
        case ast::StmtKind::interface: {
            const auto& i = s.as<ast::InterfaceStmt>();
            out_ += "interface " + i.name;
            type_params(i.type_params);
            methods(i.methods);
            return;
        }
        case ast::StmtKind::type_alias: {
            const auto& t = s.as<ast::TypeAliasStmt>();
            out_ += "type " + t.name;
            type_params(t.type_params);
            out_ += ' ';
            type(*t.type);
            return;
        }
        case ast::StmtKind::try_:
            try_stmt(s.as<ast::TryStmt>());
            return;
        case ast::StmtKind::raise: {
            const auto& r = s.as<ast::RaiseStmt>();
            out_ += "raise";
            if (r.value) expr(*r.value);
            if (r.cause) {
                out_ += " from";
                expr(*r.cause);
            }
            return;
        }
        case ast::StmtKind::assert_:
            out_ += "assert";
            expr(*s.as<ast::AssertStmt>().cond);
            if (s.as<ast::AssertStmt>().message) expr(*s.as<ast::AssertStmt>().message);
            return;
        case ast::StmtKind::go:
            out_ += "go";
            expr(*s.as<ast::GoStmt>().call);
            return;
        case ast::StmtKind::select:
            select_stmt(s.as<ast::SelectStmt>());
            return;
        case ast::StmtKind::import: {
            const auto& i = s.as<ast::ImportStmt>();
            static const char* const kinds[] = {"import std ", "import file ", "import cpp "};
            out_ += kinds[static_cast<int>(i.import_kind)];
            quoted(i.path);
            return;
        }
        case ast::StmtKind::extern_: {
            const auto& x = s.as<ast::ExternStmt>();
            out_ += "extern ";
            quoted(x.cpp_name);
            def(*x.signature);
            return;
        }
    }
}

void Dumper::try_stmt(const ast::TryStmt& t) {
    out_ += "try";
    block(t.body);
    for (const ast::ExceptClause& h : t.handlers) {
        out_ += " (except";
        if (!h.class_name.empty()) out_ += " " + h.class_name + " as";
        if (!h.binding.empty()) out_ += " " + h.binding;
        block(h.body);
        out_ += ')';
    }
    if (t.has_finally) {
        out_ += " (finally";
        block(t.finally_body);
        out_ += ')';
    }
}

void Dumper::select_stmt(const ast::SelectStmt& s) {
    out_ += "select";
    for (const ast::SelectCase& c : s.cases) {
        switch (c.kind) {
            case ast::SelectCaseKind::collect:
                out_ += " (collect " + (c.binding.empty() ? std::string("_") : c.binding);
                expr(*c.channel);
                break;
            case ast::SelectCaseKind::push:
                out_ += " (push";
                expr(*c.channel);
                expr(*c.value);
                break;
            case ast::SelectCaseKind::after:
                out_ += " (after";
                expr(*c.value);
                break;
            case ast::SelectCaseKind::default_:
                out_ += " (default";
                break;
        }
        block(c.body);
        out_ += ')';
    }
}

}  // namespace parser_detail

std::string dump(const ast::Module& module) {
    parser_detail::Dumper dumper;
    dumper.module(module);
    return dumper.take();
}

}  // namespace pyro2cpp
