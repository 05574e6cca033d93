// Sema of concurrency: channel types (names, joins, conversions to views), `chan(n)` taking its
// element type from the first use, views reaching generic parameters, and `go` instances.
#include <catch2/catch.hpp>
#include <memory>
#include <string>
#include <vector>

#include "parser/parser.hpp"
#include "sema/sema.hpp"

using namespace pyro2cpp;
using sema::TypeId;
using sema::TypeKind;
namespace types = sema::types;

namespace {

struct Checked {
    std::unique_ptr<sema::Program> program;
    std::vector<std::string> diags;

    std::string global(const std::string& name) const {
        for (const sema::Variable& g : program->globals) {
            if (g.name == name) return program->types.name(g.type);
        }
        return "<none>";
    }
    std::vector<std::string> instances(const std::string& name) const {
        std::vector<std::string> out;
        for (const auto& inst : program->instances) {
            if (inst->def->name != name) continue;
            std::string text = name + "(";
            for (std::size_t i = 0; i < inst->param_types.size(); ++i)
                text += (i > 0 ? ", " : "") + program->types.name(inst->param_types[i]);
            out.push_back(text + ")");
        }
        return out;
    }
};

Checked check(const std::string& text) {
    SourceManager sources;
    DiagnosticSink diags;
    const SourceFile* file = sources.add("test.pyro", text);
    ast::Module module = parse_file(*file, diags);
    REQUIRE_FALSE(diags.has_errors());
    Checked result;
    result.program = sema::analyze(module, *file, diags);
    for (const Diagnostic& d : diags.all()) {
        result.diags.push_back(std::to_string(d.loc.line) + ":" + std::to_string(d.loc.col) + ": " +
                               d.message);
    }
    return result;
}

using Strings = std::vector<std::string>;

}  // namespace

TEST_CASE("sema conc: channel types name, join and convert") {
    sema::TypeTable t;
    const TypeId c = t.channel(TypeKind::chan, types::int_);
    const TypeId tx = t.channel(TypeKind::sender, types::int_);
    const TypeId rx = t.channel(TypeKind::receiver, types::int_);
    CHECK(t.name(c) == "chan<int>");
    CHECK(t.name(tx) == "Sender<int>");
    CHECK(t.name(rx) == "Receiver<int>");
    CHECK(t.convertible(c, tx));
    CHECK(t.convertible(c, rx));
    CHECK_FALSE(t.convertible(tx, c));
    CHECK_FALSE(t.convertible(tx, rx));
    CHECK_FALSE(t.convertible(c, t.channel(TypeKind::sender, types::float_)));
    CHECK(t.join(c, c) == c);
    CHECK(t.join(c, tx) == types::any);
    // A chan(n) whose element is not known yet joins the known type.
    const TypeId unknown = t.channel(TypeKind::chan, types::pending, &t);
    CHECK(sema::is_unknown_channel(t, unknown));
    CHECK(t.join(unknown, c) == c);
    CHECK(t.join(c, unknown) == c);
}

TEST_CASE("sema conc: chan(n) takes its element type from the first use") {
    Checked pushed = check("let c = chan(2)\nc.push(1.5)\n");
    CHECK(pushed.diags.empty());
    CHECK(pushed.global("c") == "chan<float>");
    Checked passed = check(
        "def take(rx: Receiver<string>):\n    print(rx.collect())\nlet c = chan(1)\ntake(c)\n");
    CHECK(passed.diags.empty());
    CHECK(passed.global("c") == "chan<string>");
    Checked selected = check("let c = chan(1)\nselect:\n    case c.push(true):\n        pass\n");
    CHECK(selected.diags.empty());
    CHECK(selected.global("c") == "chan<bool>");
}

TEST_CASE("sema conc: views reach generic parameters and go instantiates") {
    Checked c = check(
        "def fill(out, v):\n    out.push(v)\nlet c = chan<int>(4)\ngo fill(c.sender(), 1)\n"
        "go fill(c, 2)\n");
    CHECK(c.diags.empty());
    CHECK(c.instances("fill") == Strings{"fill(Sender<int>, int)", "fill(chan<int>, int)"});
    Checked wrong =
        check("def drain(rx):\n    rx.collect()\nlet c = chan<int>(1)\ndrain(c.sender())\n");
    CHECK(wrong.diags == Strings{"2:8: channel is send-only: cannot collect from a Sender<int>"});
}
