// Semantic analysis: the type table and its joins, the types sema infers (variables, joins
// across assignments, generic instances, recursive results, module-level variables), which
// instances are emitted, and every static error and warning with its exact position.
#include <catch2/catch.hpp>
#include <memory>
#include <string>
#include <vector>

#include "parser/parser.hpp"
#include "sema/sema.hpp"

using namespace pyro2cpp;
using sema::TypeId;
namespace types = sema::types;

namespace {

struct Checked {
    std::unique_ptr<sema::Program> program;
    std::vector<std::string> diags;  // "line:col: severity: message", in report order
    bool errors = false;

    // A module-level variable's type, by name (the last one of that name).
    std::string global(const std::string& name) const {
        std::string type = "<none>";
        for (const sema::Variable& g : program->globals) {
            if (g.name == name) type = program->types.name(g.type);
        }
        return type;
    }
    // Instances of a def as "name(param types) -> result", in emission order.
    std::vector<std::string> instances(const std::string& name) const {
        std::vector<std::string> out;
        for (const auto& inst : program->instances) {
            if (inst->def->name != name) continue;
            std::string text = name + "(";
            for (std::size_t i = 0; i < inst->param_types.size(); ++i) {
                if (i > 0) text += ", ";
                text += program->types.name(inst->param_types[i]);
            }
            out.push_back(text + ") -> " + program->types.name(inst->result));
        }
        return out;
    }
};

Checked check(const std::string& text, bool explain_any = false) {
    SourceManager sources;
    DiagnosticSink diags;
    const SourceFile* file = sources.add("test.pyro", text);
    ast::Module module = parse_file(*file, diags);
    REQUIRE_FALSE(diags.has_errors());
    Checked result;
    sema::SemaOptions options;
    options.explain_any = explain_any;
    result.program = sema::analyze(module, *file, diags, options);
    result.errors = diags.has_errors();
    for (const Diagnostic& d : diags.all()) {
        const char* severity = d.severity == Severity::error     ? "error"
                               : d.severity == Severity::warning ? "warning"
                                                                 : "note";
        result.diags.push_back(std::to_string(d.loc.line) + ":" + std::to_string(d.loc.col) + ": " +
                               severity + ": " + d.message);
    }
    return result;
}

// The diagnostics of a program, which must parse.
std::vector<std::string> diags_of(const std::string& text) {
    return check(text).diags;
}

// The diagnostics with `check --explain-any`'s notes.
std::vector<std::string> explained(const std::string& text) {
    return check(text, true).diags;
}

// A program that must check cleanly.
Checked ok(const std::string& text) {
    Checked c = check(text);
    INFO(text);
    for (const std::string& d : c.diags)
        UNSCOPED_INFO(d);
    CHECK(c.diags.empty());
    return c;
}

using Strings = std::vector<std::string>;

}  // namespace

TEST_CASE("sema: the type table interns, names and joins types") {
    sema::TypeTable t;
    CHECK(t.name(types::int_) == "int");
    CHECK(t.name(types::range) == "range");
    const TypeId f = t.function({types::int_, types::string}, types::float_);
    CHECK(t.function({types::int_, types::string}, types::float_) == f);
    CHECK(t.name(f) == "(int, string) -> float");
    CHECK(t.join(types::int_, types::int_) == types::int_);
    CHECK(t.join(types::int_, types::float_) == types::float_);
    CHECK(t.join(types::float_, types::int_) == types::float_);
    CHECK(t.join(types::pending, types::string) == types::string);
    CHECK(t.join(types::int_, types::string) == types::any);
    CHECK(t.join(types::bool_, types::void_) == types::any);
    CHECK(t.join(types::error, types::int_) == types::error);
    CHECK(t.convertible(types::int_, types::float_));
    CHECK_FALSE(t.convertible(types::float_, types::int_));
    CHECK(t.convertible(types::any, types::int_));
    CHECK_FALSE(t.convertible(types::string, types::bool_));
}

TEST_CASE("sema: expressions get the types of LANGUAGE.md section 2") {
    Checked c =
        ok("let a = 1 + 2\n"
           "let b = 1 + 2.5\n"
           "let c = 7 / 2\n"
           "let d = 2 ** 10\n"
           "let e = 2 ** 0.5\n"
           "let f = \"ab\" * 3\n"
           "let g = \"a\" + \"b\"\n"
           "let h = 1 < 2.5 < 3\n"
           "let i = 0 or \"\"\n"
           "let j = not 5\n"
           "let k = 1..10\n"
           "let l = range(1, 10, 2)\n"
           "let m = f\"{a:>4} {b}\"\n"
           "let n = -a\n"
           "let o = ~a & 6 | 1 << 2\n"
           "let p = 1 if h else 2.5\n"
           "let q = str(b) + str(void)\n"
           "let r = int(\"4\") + len(\"héllo\") + len(k)\n"
           "let s = float(1)\n"
           "let u = bool(\"\")\n"
           "let v = void\n"
           "let w = print(1)\n"
           "let x = \"e\" in \"hello\"\n"
           "let y = 7.5 % 2\n");
    const std::vector<std::pair<const char*, const char*>> expected = {
        {"a", "int"},    {"b", "float"},  {"c", "int"},    {"d", "int"},   {"e", "float"},
        {"f", "string"}, {"g", "string"}, {"h", "bool"},   {"i", "bool"},  {"j", "bool"},
        {"k", "range"},  {"l", "range"},  {"m", "string"}, {"n", "int"},   {"o", "int"},
        {"p", "float"},  {"q", "string"}, {"r", "int"},    {"s", "float"}, {"u", "bool"},
        {"v", "void"},   {"w", "void"},   {"x", "bool"},   {"y", "float"},
    };
    for (const auto& [name, type] : expected) {
        INFO(name);
        CHECK(c.global(name) == type);
    }
}

TEST_CASE("sema: a variable's type joins every value assigned to it") {
    Checked c =
        ok("mut t = 0\n"
           "t += 0.5\n"
           "mut n = 10\n"
           "n = n / 4\n"
           "mut best = 0\n"
           "for i in 0..3:\n"
           "    best = best + 1 if i < 2 else best * 1.5\n"
           "mut s = \"\"\n"
           "s += \"x\"\n");
    CHECK(c.global("t") == "float");
    CHECK(c.global("n") == "int");
    CHECK(c.global("best") == "float");
    CHECK(c.global("s") == "string");

    // The same inside a function, where the variable is a local.
    Checked f =
        ok("def average(a, b):\n"
           "    mut total = 0\n"
           "    total += a\n"
           "    total += b\n"
           "    return total / 2\n"
           "let x = average(1, 2.5)\n"
           "let y = average(1, 2)\n");
    CHECK(f.instances("average") ==
          Strings{"average(int, float) -> float", "average(int, int) -> int"});
    CHECK(f.global("x") == "float");
    CHECK(f.global("y") == "int");
}

TEST_CASE("sema: an annotation fixes a type and int widens to it") {
    Checked c =
        ok("let a: float = 1\n"
           "mut b: float = 0\n"
           "b += 1\n"
           "def area(w: float, h: float) -> float:\n"
           "    return w * h\n"
           "let c = area(2, 3)\n");
    CHECK(c.global("a") == "float");
    CHECK(c.global("b") == "float");
    CHECK(c.global("c") == "float");
    CHECK(c.instances("area") == Strings{"area(float, float) -> float"});
}

TEST_CASE("sema: unannotated parameters make one instance per argument type tuple") {
    Checked c =
        ok("def twice(x):\n"
           "    return x + x\n"
           "print(twice(2), twice(1.5), twice(\"ab\"), twice(3))\n"
           "def bigger(a, b):\n"
           "    return a if a > b else b\n"
           "print(bigger(7, 2.5), bigger(\"a\", \"b\"))\n");
    CHECK(c.instances("twice") ==
          Strings{"twice(int) -> int", "twice(float) -> float", "twice(string) -> string"});
    CHECK(c.program->overloads.at("twice") == 3);
    CHECK(c.instances("bigger") ==
          Strings{"bigger(int, float) -> float", "bigger(string, string) -> string"});
}

TEST_CASE("sema: recursive results are inferred by a fixpoint") {
    Checked c =
        ok("def fib(n):\n"
           "    if n < 2:\n"
           "        return n\n"
           "    return fib(n - 1) + fib(n - 2)\n"
           "def sum_to(n):\n"
           "    return 0 if n == 0 else n + sum_to(n - 1)\n"
           "def half(n):\n"
           "    if n % 2 == 0:\n"
           "        return n / 2\n"
           "    return half(n - 1) / 2.0\n"
           "print(fib(20), fib(10.0), sum_to(10), half(7))\n");
    CHECK(c.instances("fib") == Strings{"fib(int) -> int", "fib(float) -> float"});
    CHECK(c.instances("sum_to") == Strings{"sum_to(int) -> int"});
    CHECK(c.instances("half") == Strings{"half(int) -> float"});
}

TEST_CASE("sema: mutual recursion settles, whichever function is called first") {
    Checked c =
        ok("print(female(5), is_even(10))\n"
           "def female(n):\n"
           "    if n == 0:\n"
           "        return 1\n"
           "    return n - male(female(n - 1))\n"
           "def male(n):\n"
           "    if n == 0:\n"
           "        return 0\n"
           "    return n - female(male(n - 1))\n"
           "def is_even(n):\n"
           "    return true if n == 0 else is_odd(n - 1)\n"
           "def is_odd(n):\n"
           "    return false if n == 0 else is_even(n - 1)\n");
    CHECK(c.instances("female") == Strings{"female(int) -> int"});
    CHECK(c.instances("male") == Strings{"male(int) -> int"});
    CHECK(c.instances("is_even") == Strings{"is_even(int) -> bool"});
    CHECK(c.instances("is_odd") == Strings{"is_odd(int) -> bool"});
}

TEST_CASE("sema: a function without a value-returning return gives void") {
    Checked c =
        ok("def shout(msg):\n"
           "    print(msg + \"!\")\n"
           "def early(n):\n"
           "    if n > 3:\n"
           "        return\n"
           "    print(n)\n"
           "def forever():\n"
           "    while true:\n"
           "        pass\n"
           "let a = shout(\"x\")\n"
           "let b = early(1)\n"
           "forever()\n");
    CHECK(c.instances("shout") == Strings{"shout(string) -> void"});
    CHECK(c.instances("early") == Strings{"early(int) -> void"});
    CHECK(c.instances("forever") == Strings{"forever() -> void"});
    CHECK(c.global("a") == "void");
}

TEST_CASE("sema: uncalled generic functions are checked but not emitted") {
    Checked c =
        ok("def unused(a, b):\n"
           "    return a + b * 2\n"
           "def annotated(n: int) -> int:\n"
           "    return n + 1\n"
           "def helper(x):\n"
           "    return x\n"
           "def only_from_unused(y):\n"
           "    return helper(y)\n");
    CHECK(c.instances("unused").empty());
    CHECK(c.instances("helper").empty());
    CHECK(c.instances("annotated") == Strings{"annotated(int) -> int"});
    // Their mistakes are still reported.
    CHECK(diags_of("def unused(a):\n    return a + missing\n") ==
          Strings{"2:16: error: unknown name 'missing'"});
}

TEST_CASE("sema: module-level variables are widened by the functions that assign them") {
    Checked c =
        ok("mut total = 0\n"
           "def add(x):\n"
           "    total += x\n"
           "print(total)\n"
           "add(0.5)\n");
    CHECK(c.global("total") == "float");
    for (const sema::Variable& g : c.program->globals)
        CHECK_FALSE(g.check_set);

    // Only a variable a function may read before its `let` runs is checked at run time.
    Checked early =
        ok("let a = 1\n"
           "report()\n"
           "let limit = 10\n"
           "def report():\n"
           "    print(a, limit)\n");
    for (const sema::Variable& g : early.program->globals) {
        INFO(g.name);
        CHECK(g.check_set == (g.name == "limit"));
    }
}

TEST_CASE("sema: locals get fresh C++ names where C++ would see a clash") {
    Checked c =
        ok("let x = 1\n"
           "let x = x + 1\n"
           "if true:\n"
           "    let x = \"s\"\n"
           "    print(x)\n"
           "def f(x):\n"
           "    let x = x + 100\n"
           "    let new = 2\n"
           "    return x + new\n"
           "print(f(1))\n");
    std::vector<std::string> globals;
    for (const auto& g : c.program->globals)
        globals.push_back(g.cpp_name);
    CHECK(globals == Strings{"x", "x_2"});
    CHECK(c.program->main.locals.at(0).cpp_name == "x_3");
    const auto& f = *c.program->instances.at(0);
    CHECK(f.body.locals.at(0).cpp_name == "x");
    CHECK(f.body.locals.at(1).cpp_name == "x_3");  // the global x_2 is visible in f
    CHECK(f.body.locals.at(2).cpp_name == "new_");
}

TEST_CASE("sema: static errors are reported once, at the right place") {
    CHECK(diags_of("print(greting)\n") == Strings{"1:7: error: unknown name 'greting'"});
    CHECK(diags_of("let n = 5\nprint(\"n: \" + n)\n") ==
          Strings{"2:13: error: cannot add string and int (use str(...) to convert the int)"});
    CHECK(diags_of("let s = 5 + (\"a\")\n") ==
          Strings{"1:11: error: cannot add int and string (use str(...) to convert the int)"});
    CHECK(diags_of("let b = true - 1\n") ==
          Strings{"1:14: error: cannot apply '-' to bool and int"});
    CHECK(diags_of("let b = 1.5 & 1\n") ==
          Strings{"1:13: error: cannot apply '&' to float and int: bit operations take ints"});
    CHECK(diags_of("let b = -\"s\"\n") == Strings{"1:9: error: cannot apply unary '-' to string"});
    CHECK(diags_of("let b = \"a\" < 1\n") ==
          Strings{"1:13: error: cannot compare string and int with '<'"});
    CHECK(diags_of("let b = 1 in 2\n") ==
          Strings{"1:11: error: 'in' needs a string or a collection on its right, got int"});
    CHECK(diags_of("let x: int = \"a\"\nprint(x + 1)\n") ==
          Strings{"1:14: error: type mismatch: expected int, got string"});
    CHECK(diags_of("count = 1\nprint(count)\n") ==
          Strings{"1:1: error: assignment to undeclared name 'count' (declare it with 'let' or "
                  "'mut')"});
    CHECK(diags_of("let x = 5; x(1)\n") ==
          Strings{"1:12: error: 'x' is not a function (it is an int) and cannot be called"});
    CHECK(diags_of("return 1\n") == Strings{"1:1: error: 'return' outside a function"});
    CHECK(diags_of("if true:\n    break\n") == Strings{"2:5: error: 'break' outside a loop"});
    CHECK(diags_of("def f():\n    continue\nf()\n") ==
          Strings{"2:5: error: 'continue' outside a loop"});
    CHECK(diags_of("for i in 5:\n    print(i)\n") ==
          Strings{"1:10: error: cannot iterate over an int"});
    CHECK(diags_of("let r = 1.5..3\n") ==
          Strings{"1:9: error: the bounds of a range must be ints, got float"});
    CHECK(diags_of("let r = range(1, 2.5)\n") ==
          Strings{"1:18: error: range() takes ints, got float"});
    CHECK(diags_of("print(str(1, 2))\n") ==
          Strings{"1:7: error: str() takes 1 argument but 2 were given"});
    CHECK(diags_of("print(len(5))\n") ==
          Strings{"1:11: error: len() takes a string or a collection, got int"});
    CHECK(diags_of("print(abs(\"a\"))\n") ==
          Strings{"1:11: error: abs() takes a number, got string"});
    CHECK(diags_of("let p = print\n") ==
          Strings{"1:9: error: 'print' is a builtin function; it can only be called"});
}

TEST_CASE("sema: calls check argument counts and types") {
    const std::string add = "def add(a: int, b: int) -> int:\n    return a + b\n";
    CHECK(diags_of(add + "print(add(1, 2, 3))\n") ==
          Strings{"3:7: error: too many arguments: 'add' takes 2, got 3 (its result, an int, "
                  "is not a function)"});
    CHECK(diags_of(add + "print(add(1))\n").empty());
    CHECK(diags_of(add + "add(1)\n") ==
          Strings{"3:1: warning: 'add' takes 2 arguments but 1 was given: this makes a partial "
                  "application, which is discarded"});
    CHECK(diags_of("def d(n: int) -> int:\n    return n * 2\nprint(d(2.5))\n") ==
          Strings{"3:9: error: type mismatch for parameter 'n' of 'd': expected int, got float "
                  "(convert it with int(...))",
                  "1:7: note: parameter 'n' is declared here"});
    CHECK(diags_of("def n(s: string) -> int:\n    return \"long\"\nprint(n(\"a\"))\n") ==
          Strings{"2:12: error: type mismatch: expected int, got string",
                  "1:21: note: 'n' is declared to return int"});
    CHECK(diags_of("def f():\n    return 1\nlet f = 2\n") ==
          Strings{"3:5: error: 'f' is already defined as a function at line 1"});
    CHECK(diags_of("def f():\n    return 1\ndef f():\n    return 2\n") ==
          Strings{"3:5: error: 'f' is already defined at line 1"});
}

TEST_CASE("sema: reassigning a let warns once per assignment") {
    Checked c = check("let x = 1\nx = 2\nx += 1\nprint(x)\n");
    CHECK_FALSE(c.errors);
    CHECK(c.diags == Strings{
                         "2:1: warning: 'x' is declared with 'let' and reassigned here (use 'mut')",
                         "1:5: note: 'x' is declared here",
                         "3:1: warning: 'x' is declared with 'let' and reassigned here (use 'mut')",
                         "1:5: note: 'x' is declared here",
                     });
}

TEST_CASE("sema: any is inferred where LANGUAGE.md 9 says; --explain-any says why") {
    CHECK(diags_of("mut x = 1\nx = \"one\"\n").empty());
    CHECK(explained("mut x = 1\nx = \"one\"\n") ==
          Strings{"2:1: note: any: 'x' is assigned values of different types (int and string)"});
    CHECK(explained("def f(n):\n    if n > 0:\n        return 1\n    return \"neg\"\nprint(f(1))\n") ==
          Strings{"4:5: note: any: 'f' returns values of different types (int and string)"});
    CHECK(explained("def g(n):\n    if n > 0:\n        return 5\nprint(g(1))\n") ==
          Strings{"1:5: note: any: 'g' returns int on some paths and nothing on others"});
    CHECK(explained("let c = 1 if true else \"s\"\n") ==
          Strings{"1:9: note: any: the two branches of this conditional have different types "
                  "(int and string)"});
    CHECK(explained("let y: any = 3\n") == Strings{"1:8: note: any: the type any is written here"});
    CHECK(explained("let xs = [1, \"a\"]\n") ==
          Strings{"1:10: note: any: the elements of this list have different types (int and "
                  "string)"});
    CHECK(explained("let xs = []\nprint(xs)\n").empty());
    CHECK(explained("import std.json\nlet v = json.parse(\"[1]\")\n") ==
          Strings{"2:9: note: any: json.parse() returns any: parsed JSON has no static type"});
    CHECK(explained("import std.io\nlet line = io.read_line()\n") ==
          Strings{"2:12: note: any: io.read_line() returns string | void"});
    // An uncalled function with any parameters is checked without a note of its own.
    CHECK(diags_of("def unused(a):\n    let b = a + 1\n    return b\n").empty());
}

TEST_CASE("sema: past 8 nested instances, parameters become any") {
    // Rotating nine parameters of distinct types makes a new instance at each level.
    const std::string program =
        "def f(a, b, c, d, e, g, h, i, j):\n"
        "    if true:\n"
        "        return 0\n"
        "    return f(j, a, b, c, d, e, g, h, i)\n"
        "print(f(1, 2.5, \"s\", true, void, 0..1, 1, 1, 1))\n";
    CHECK(diags_of(program).empty());
    Strings d = explained(program);
    REQUIRE(d.size() == 1);
    CHECK(d[0] ==
          "4:12: note: any: 'f' is instantiated more than 8 times inside itself, so its "
          "parameters become any");
}

TEST_CASE("sema: collections are typed; empty literals take the type of their first use") {
    Checked c = ok("mut xs = ListMutable([])\nxs.push(1)\nlet d = {\"a\": [1.5]}\n");
    CHECK(c.program->types.name(c.program->globals[0].type) == "list_mut<int>");
    CHECK(c.program->types.name(c.program->globals[1].type) == "dict<string, list<float>>");
    CHECK(diags_of("let xs = [1]\nxs.push(2)\n") ==
          Strings{"2:4: error: 'push' changes its receiver, but list<int> is immutable (make a "
                  "mutable copy with ListMutable(...))"});
    CHECK(diags_of("let xs = [1]\nprint(xs.size())\n") ==
          Strings{"2:10: error: no method 'size' on list<int>"});
    CHECK(diags_of("let t = (1, 2)\nt[0] = 3\n") ==
          Strings{"2:1: error: cannot assign to an element of tuple<int, int>: it is immutable "
                  "(make a mutable copy with TupleMutable(...))"});
}

TEST_CASE("sema: a recursion that never returns a value of its own is an error") {
    CHECK(diags_of("def h(n):\n    return h(n)\nprint(h(1))\n") ==
          Strings{"1:5: error: cannot infer the result type of 'h': it only returns what its "
                  "own recursive calls return; write it down with `-> T`"});
}

TEST_CASE("sema: records, classes and exceptions") {
    CHECK(diags_of("record P(x: int)\nlet p = P(1)\np.x = 2\n") ==
          Strings{"3:3: error: cannot assign to field 'x' of record 'P' (records are immutable)"});
    CHECK(diags_of("try:\n    pass\nexcept e:\n    print(e)\n").empty());
    CHECK(diags_of("raise\n") ==
          Strings{"1:1: error: a bare 'raise' re-raises the error being handled, so it must be "
                  "inside an 'except' clause"});
    CHECK(diags_of("class C:\n    def __init__(self):\n        self.a = 1\nlet c = C()\n"
                   "c.b = 2\n") ==
          Strings{"5:3: error: class 'C' has no field 'b' (no method of the class assigns "
                  "self.b)"});
    CHECK(diags_of("class C:\n    pass\nclass D(C):\n    pass\nmut x = C()\nx = D()\n"
                   "print(x)\n")
              .empty());
}

TEST_CASE("sema: standard library modules and their calls") {
    CHECK(diags_of("import std.time\ntime.sleep(1)\nstd.time.sleep(2)\n").empty());
    CHECK(diags_of("import std.nope\n") == Strings{"1:1: error: unknown module 'std.nope'"});
    CHECK(diags_of("import std.math\nprint(math.nope(1))\n") ==
          Strings{"2:12: error: module 'math' has no function 'nope'"});
    CHECK(diags_of("print(math.sqrt(2))\n") ==
          Strings{"1:7: error: module 'math' is not imported (add 'import std.math')"});
    CHECK(diags_of("import std.math\nprint(math.sqrt(1, 2))\n") ==
          Strings{"2:7: error: math.sqrt() takes 1 argument but 2 were given"});
    CHECK(diags_of("import std.math\nprint(math.sqrt(\"x\"))\n") ==
          Strings{"2:17: error: argument 1 of math.sqrt() must be an int or a float, got string"});
    CHECK(diags_of("import std.sync\nlet m = sync.Mutex()\nm.lock()\nm.close()\n") ==
          Strings{"4:3: error: Mutex has no method 'close'"});
}

TEST_CASE("sema: --explain-any notes the uncalled functions") {
    SourceManager sources;
    DiagnosticSink diags;
    const SourceFile* file = sources.add("t.pyro", "def unused(a):\n    return a\n");
    ast::Module module = parse_file(*file, diags);
    sema::SemaOptions options;
    options.explain_any = true;
    sema::analyze(module, *file, diags, options);
    REQUIRE(diags.all().size() == 1);
    CHECK(diags.all()[0].severity == Severity::note);
    CHECK(diags.all()[0].loc.line == 1);
    CHECK(diags.all()[0].message ==
          "'unused' is never called: it was checked with any for its unannotated parameters, "
          "and produces no C++");
}
