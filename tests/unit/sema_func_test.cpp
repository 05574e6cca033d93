// Sema of function values: the types of values, lambdas, closures and curried calls, and the
// CallTarget that tells a complete call from a partial application (what `go` needs).
#include <catch2/catch.hpp>
#include <memory>
#include <string>
#include <vector>

#include "parser/parser.hpp"
#include "sema/sema.hpp"

using namespace pyro2cpp;

namespace {

struct Analyzed {
    SourceManager sources;
    DiagnosticSink diags;
    ast::Module module;
    std::unique_ptr<sema::Program> program;

    explicit Analyzed(const std::string& text) {
        const SourceFile* file = sources.add("test.pyro", text);
        module = parse_file(*file, diags);
        REQUIRE_FALSE(diags.has_errors());
        program = sema::analyze(module, *file, diags);
    }

    std::string global(const std::string& name) const {
        for (const sema::Variable& g : program->globals) {
            if (g.name == name) return program->types.name(g.type);
        }
        return "<none>";
    }

    // The top-level statement `index` is `print(CALL)` or `CALL`: its outermost user call.
    const ast::Call& call_in(std::size_t index) const {
        const ast::Expr* e = module.body[index]->as<ast::ExprStmt>().expr.get();
        const auto& call = e->as<ast::Call>();
        if (call.callee->kind == ast::ExprKind::name &&
            call.callee->as<ast::Name>().id == "print") {
            return call.args[0]->as<ast::Call>();
        }
        return call;
    }
};

const std::string add = "def add(a: int, b: int) -> int:\n    return a + b\n";  // statement 0

}  // namespace

TEST_CASE("sema func: values, lambdas and partial applications have function types") {
    Analyzed a(add +
               "let f = add\nlet g = add(1)\nlet h = lambda x: x * 2.5\nprint(h(2))\n"
               "let k: (float) -> float = lambda y: y\n");
    REQUIRE_FALSE(a.diags.has_errors());
    CHECK(a.global("f") == "(int, int) -> int");
    CHECK(a.global("g") == "(int) -> int");
    CHECK(a.global("h") == "(int) -> float");
    CHECK(a.global("k") == "(float) -> float");
}

TEST_CASE("sema func: a call records whether it is complete") {
    Analyzed a(add + "print(add(1, 2))\nprint(add(1))\nlet f = add\nprint(f(1))\nprint(f(1, 2))\n");
    REQUIRE_FALSE(a.diags.has_errors());
    auto target = [&](std::size_t i) { return a.program->main.calls.at(&a.call_in(i)); };
    CHECK(target(1).complete(2));
    CHECK_FALSE(target(2).complete(1));
    CHECK_FALSE(target(4).complete(1));
    CHECK(target(4).value);
    CHECK(target(5).complete(2));
}

TEST_CASE("sema func: closures capture by reference") {
    Analyzed a(
        "def make():\n    mut n = 0\n    let seen = 1\n    def inc() -> int:\n"
        "        n += seen\n        return n\n    return inc\nprint(make()())\n");
    REQUIRE_FALSE(a.diags.has_errors());
    REQUIRE(a.program->instances.size() == 1);
    const sema::Body& body = a.program->instances[0]->body;
    for (const sema::Variable& v : body.locals) {
        if (v.name == "n") CHECK(v.in_cell());
        if (v.name == "seen") {
            CHECK(v.captured);
            CHECK_FALSE(v.in_cell());
        }
    }
}
