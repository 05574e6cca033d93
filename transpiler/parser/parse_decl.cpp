// Declarations: def, record, class, interface, type aliases, import and extern, with their
// type parameters and parameter lists.
#include "parser/parser_impl.hpp"

namespace pyro2cpp::parser_detail {

// def_stmt = signature ":" block
ast::StmtPtr Parser::parse_def() {
    Loc begin = begin_loc();
    std::unique_ptr<ast::DefStmt> def = parse_signature(begin);
    expect(TokenKind::colon, "after the function signature");
    attach_comments(*def, at(TokenKind::newline));
    def->body = parse_block("the function header");
    def->range = range_from(begin);
    return def;
}

// signature = "def" NAME [type_params] "(" params ")" ["->" type]
std::unique_ptr<ast::DefStmt> Parser::parse_signature(Loc begin) {
    auto def = make_node<ast::DefStmt>(begin);
    expect(TokenKind::kw_def, "");
    const Token& name = expect_name("after 'def'");
    def->name = name.text;
    def->name_loc = name.range.begin;
    if (at(TokenKind::less)) def->type_params = parse_type_params();
    expect(TokenKind::lparen, "after the function name");
    def->params = parse_params("parameter");
    if (accept(TokenKind::arrow)) def->result = parse_type();
    def->range = range_from(begin);
    return def;
}

// type_params = "<" NAME ("," NAME)* [","] ">"
std::vector<ast::TypeParam> Parser::parse_type_params() {
    std::vector<ast::TypeParam> params;
    advance();
    do {
        if (at(TokenKind::greater) && !params.empty()) break;
        const Token& name = expect_name("in the type parameters");
        for (const ast::TypeParam& earlier : params) {
            if (earlier.name == name.text) {
                error(name.range.begin, "duplicate type parameter '" + name.text + "'");
            }
        }
        params.push_back(ast::TypeParam{name.text, name.range.begin});
    } while (accept(TokenKind::comma));
    expect_closing_angle("after the type parameters");
    return params;
}

// params = [param ("," param)* [","]] ")"      (the "(" is already consumed)
// param = NAME [":" type]
std::vector<ast::Param> Parser::parse_params(std::string_view owner) {
    std::vector<ast::Param> params;
    while (!at(TokenKind::rparen)) {
        const Token& name = expect_name("for the " + std::string(owner));
        for (const ast::Param& earlier : params) {
            if (earlier.name == name.text) {
                error(name.range.begin, "duplicate " + std::string(owner) + " '" + name.text + "'");
            }
        }
        ast::Param param{name.text, name.range.begin, nullptr};
        if (accept(TokenKind::colon)) param.type = parse_type();
        params.push_back(std::move(param));
        if (!accept(TokenKind::comma)) break;
    }
    expect(TokenKind::rparen, "after the " + std::string(owner) + "s");
    return params;
}

// record_decl = "record" NAME [type_params] "(" params ")" [":" method_block]
ast::StmtPtr Parser::parse_record() {
    Loc begin = begin_loc();
    auto stmt = make_node<ast::RecordStmt>(begin);
    advance();
    const Token& name = expect_name("after 'record'");
    stmt->name = name.text;
    stmt->name_loc = name.range.begin;
    if (at(TokenKind::less)) stmt->type_params = parse_type_params();
    expect(TokenKind::lparen, "after the record name");
    stmt->fields = parse_params("field");
    for (const ast::Param& field : stmt->fields) {
        if (!field.type) error(field.loc, "record field '" + field.name + "' needs a type");
    }
    if (accept(TokenKind::colon)) {
        attach_comments(*stmt, at(TokenKind::newline));
        stmt->methods = parse_method_block("record");
    } else {
        // A record without methods is a simple statement: it ends its line.
        attach_comments(*stmt, true);
        if (!at(TokenKind::eof)) expect(TokenKind::newline, "after the record");
    }
    stmt->range = range_from(begin);
    return stmt;
}

// class_decl = "class" NAME ["(" NAME ")"] ":" method_block
ast::StmtPtr Parser::parse_class() {
    Loc begin = begin_loc();
    auto stmt = make_node<ast::ClassStmt>(begin);
    advance();
    const Token& name = expect_name("after 'class'");
    stmt->name = name.text;
    stmt->name_loc = name.range.begin;
    if (accept(TokenKind::lparen)) {
        if (!at(TokenKind::rparen)) {
            const Token& parent = expect_name("for the parent class");
            stmt->parent = parent.text;
            stmt->parent_loc = parent.range.begin;
        }
        expect(TokenKind::rparen, "after the parent class");
    }
    expect(TokenKind::colon, "after the class name");
    attach_comments(*stmt, at(TokenKind::newline));
    stmt->methods = parse_method_block("class");
    stmt->range = range_from(begin);
    return stmt;
}

// method_block = block        (of defs; `pass` and docstrings are allowed and dropped)
std::vector<std::unique_ptr<ast::DefStmt>> Parser::parse_method_block(std::string_view owner) {
    ast::Block body = parse_block("the " + std::string(owner) + " header");
    std::vector<std::unique_ptr<ast::DefStmt>> methods;
    std::vector<std::string> orphans;  // comments of dropped statements
    for (ast::StmtPtr& stmt : body) {
        bool docstring = stmt->kind == ast::StmtKind::expr &&
                         stmt->as<ast::ExprStmt>().expr->kind == ast::ExprKind::string_lit;
        if (stmt->kind == ast::StmtKind::def) {
            auto method = std::unique_ptr<ast::DefStmt>(&stmt.release()->as<ast::DefStmt>());
            method->leading_comments.insert(method->leading_comments.begin(), orphans.begin(),
                                            orphans.end());
            orphans.clear();
            methods.push_back(std::move(method));
            continue;
        }
        if (stmt->kind != ast::StmtKind::pass && !docstring) {
            error(stmt->range.begin,
                  "only methods ('def') can appear in a " + std::string(owner) + " body");
        }
        orphans.insert(orphans.end(), stmt->leading_comments.begin(), stmt->leading_comments.end());
        if (stmt->has_trailing_comment) orphans.push_back(stmt->trailing_comment);
    }
    // Comments after the last method go to the statement after the declaration.
    pending_comments_.insert(pending_comments_.begin(), orphans.begin(), orphans.end());
    return methods;
}

// interface_decl = "interface" NAME [type_params] "{" signature* "}"
ast::StmtPtr Parser::parse_interface() {
    Loc begin = begin_loc();
    auto stmt = make_node<ast::InterfaceStmt>(begin);
    advance();
    const Token& name = expect_name("after 'interface'");
    stmt->name = name.text;
    stmt->name_loc = name.range.begin;
    if (at(TokenKind::less)) stmt->type_params = parse_type_params();
    expect(TokenKind::lbrace, "after the interface name");
    attach_comments(*stmt, true);
    while (!at(TokenKind::rbrace)) {
        if (!at(TokenKind::kw_def)) fail_expected("'def' or '}' in the interface body");
        take_comments_before(begin_loc());
        std::unique_ptr<ast::DefStmt> method = parse_signature(begin_loc());
        if (at(TokenKind::colon)) fail(begin_loc(), "an interface method has no body");
        attach_comments(*method, true);
        stmt->methods.push_back(std::move(method));
    }
    advance();
    stmt->range = range_from(begin);
    return stmt;
}

// type_alias = "type" NAME [type_params] "=" type
ast::StmtPtr Parser::parse_type_alias() {
    Loc begin = begin_loc();
    auto stmt = make_node<ast::TypeAliasStmt>(begin);
    advance();
    const Token& name = expect_name("after 'type'");
    stmt->name = name.text;
    stmt->name_loc = name.range.begin;
    if (at(TokenKind::less)) stmt->type_params = parse_type_params();
    expect(TokenKind::assign, "after the type alias name");
    stmt->type = parse_type();
    stmt->range = range_from(begin);
    return stmt;
}

// import_stmt = "import" (NAME ("." NAME)* | STRING | "cpp" STRING)
ast::StmtPtr Parser::parse_import() {
    Loc begin = begin_loc();
    auto stmt = make_node<ast::ImportStmt>(begin);
    advance();
    if (at(TokenKind::string_literal)) {
        stmt->import_kind = ast::ImportKind::file;
        stmt->path = advance().text;
    } else if (at_word("cpp") && peek(1).kind == TokenKind::string_literal) {
        advance();
        stmt->import_kind = ast::ImportKind::cpp;
        stmt->path = advance().text;
    } else {
        stmt->import_kind = ast::ImportKind::std_module;
        stmt->path = expect_name("or a file name after 'import'").text;
        while (accept(TokenKind::dot))
            stmt->path += "." + expect_name("after '.'").text;
    }
    stmt->range = range_from(begin);
    return stmt;
}

// extern_stmt = "extern" STRING signature
ast::StmtPtr Parser::parse_extern() {
    Loc begin = begin_loc();
    auto stmt = make_node<ast::ExternStmt>(begin);
    advance();
    if (!at(TokenKind::string_literal)) fail_expected("the C++ name as a string after 'extern'");
    stmt->cpp_name = advance().text;
    if (!at(TokenKind::kw_def)) fail_expected("'def' after the C++ name");
    stmt->signature = parse_signature(begin_loc());
    if (at(TokenKind::colon)) fail(begin_loc(), "an extern function has no body");
    stmt->range = range_from(begin);
    return stmt;
}

}  // namespace pyro2cpp::parser_detail
