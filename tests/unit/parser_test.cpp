// The parser: every construct against its expected dump, the precedence table, comment
// attachment, source ranges, and error messages with their exact positions and recovery.
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "parser/parser.hpp"

using namespace pyro2cpp;

namespace {

struct Parsed {
    std::string dump;
    std::vector<std::string> errors;  // "line:col: message", in the order reported
};

Parsed parse_text(const std::string& text) {
    SourceManager sources;
    DiagnosticSink diags;
    const SourceFile* file = sources.add("test.pyro", text);
    ast::Module module = parse_file(*file, diags);
    Parsed result{dump(module), {}};
    for (const Diagnostic& d : diags.all()) {
        result.errors.push_back(std::to_string(d.loc.line) + ":" + std::to_string(d.loc.col) +
                                ": " + d.message);
    }
    return result;
}

// The dump of a program that must parse without errors, without the "(module" wrapper.
std::string body(const std::string& text) {
    Parsed parsed = parse_text(text);
    INFO(text);
    CHECK(parsed.errors.empty());
    for (const std::string& e : parsed.errors)
        UNSCOPED_INFO(e);
    const std::string prefix = "(module ";
    if (parsed.dump.rfind(prefix, 0) != 0) return parsed.dump;
    return parsed.dump.substr(prefix.size(), parsed.dump.size() - prefix.size() - 1);
}

// The dump of one expression, parsed as an expression statement.
std::string expr(const std::string& text) {
    std::string stmt = body(text + "\n");
    const std::string prefix = "(expr ";
    if (stmt.rfind(prefix, 0) != 0) return stmt;
    return stmt.substr(prefix.size(), stmt.size() - prefix.size() - 1);
}

std::vector<std::string> errors(const std::string& text) {
    return parse_text(text).errors;
}

using Errors = std::vector<std::string>;

}  // namespace

TEST_CASE("parser: literals and names") {
    CHECK(expr("42") == "(int 42)");
    CHECK(expr("1_000") == "(int 1_000)");
    CHECK(expr("0x1F") == "(int 0x1F)");
    CHECK(expr("2.5e-3") == "(float 2.5e-3)");
    CHECK(expr("\"a\\n\\\"b\"") == "(str \"a\\n\\\"b\")");
    CHECK(expr("'single'") == "(str \"single\")");
    CHECK(expr("true") == "(bool true)");
    CHECK(expr("false") == "(bool false)");
    CHECK(expr("void") == "(void)");
    CHECK(expr("name_1") == "(name name_1)");
    CHECK(expr("größe") == "(name größe)");
}

TEST_CASE("parser: precedence table") {
    struct Row {
        const char* source;
        const char* tree;
    };
    const Row rows[] = {
        {"a + b * c", "(+ (name a) (* (name b) (name c)))"},
        {"a * b + c", "(+ (* (name a) (name b)) (name c))"},
        {"a - b - c", "(- (- (name a) (name b)) (name c))"},
        {"a / b % c", "(% (/ (name a) (name b)) (name c))"},
        {"-2 ** 2", "(- (** (int 2) (int 2)))"},
        {"2 ** 3 ** 2", "(** (int 2) (** (int 3) (int 2)))"},
        {"2 ** -1", "(** (int 2) (- (int 1)))"},
        {"-a.b(c)[0]", "(- (index (call (. (name a) b) (name c)) (int 0)))"},
        {"~x + +y", "(+ (~ (name x)) (+ (name y)))"},
        {"a..b + 1", "(.. (name a) (+ (name b) (int 1)))"},
        {"a << 1..b", "(<< (name a) (.. (int 1) (name b)))"},
        {"a | b ^ c & d", "(| (name a) (^ (name b) (& (name c) (name d))))"},
        {"a & b << c >> d", "(& (name a) (>> (<< (name b) (name c)) (name d)))"},
        {"a == b | c", "(== (name a) (| (name b) (name c)))"},
        {"a < b < c", "(compare (name a) < (name b) < (name c))"},
        {"a in b", "(in (name a) (name b))"},
        {"a not in b", "(not in (name a) (name b))"},
        {"a <= b != c >= d", "(compare (name a) <= (name b) != (name c) >= (name d))"},
        {"not a == b", "(not (== (name a) (name b)))"},
        {"not not a", "(not (not (name a)))"},
        {"a and not b", "(and (name a) (not (name b)))"},
        {"a or b and c", "(or (name a) (and (name b) (name c)))"},
        {"a and b or c", "(or (and (name a) (name b)) (name c))"},
        {"a or b or c", "(or (or (name a) (name b)) (name c))"},
        {"x if a or b else y", "(ifexp (or (name a) (name b)) (name x) (name y))"},
        {"x if a else y if b else z",
         "(ifexp (name a) (name x) (ifexp (name b) (name y) (name z)))"},
        {"lambda x: x if c else d", "(lambda (x) (ifexp (name c) (name x) (name d)))"},
        {"(a + b) * c", "(* (+ (name a) (name b)) (name c))"},
        {"a.b.c", "(. (. (name a) b) c)"},
        {"f(x)(y)", "(call (call (name f) (name x)) (name y))"},
        {"a[i][j]", "(index (index (name a) (name i)) (name j))"},
    };
    for (const Row& row : rows) {
        INFO(row.source);
        CHECK(expr(row.source) == row.tree);
    }
}

TEST_CASE("parser: collections and displays") {
    CHECK(expr("()") == "(tuple)");
    CHECK(expr("(1,)") == "(tuple (int 1))");
    CHECK(expr("(1, 2,)") == "(tuple (int 1) (int 2))");
    CHECK(expr("(1)") == "(int 1)");
    CHECK(expr("[]") == "(list)");
    CHECK(expr("[1, 2,]") == "(list (int 1) (int 2))");
    CHECK(expr("{}") == "(dict)");
    CHECK(expr("{\"a\": 1, \"b\": 2,}") == "(dict ((str \"a\") (int 1)) ((str \"b\") (int 2)))");
    CHECK(expr("{1, 2}") == "(set (int 1) (int 2))");
    CHECK(expr("{1}") == "(set (int 1))");
    CHECK(expr("[\n  1,\n  2,\n]") == "(list (int 1) (int 2))");
}

TEST_CASE("parser: comprehensions") {
    CHECK(expr("[f(x) for x in xs if p(x)]") ==
          "(listcomp (call (name f) (name x)) (for x (name xs) (if (call (name p) (name x)))))");
    CHECK(expr("[x for x in xs if a if b for y in ys]") ==
          "(listcomp (name x) (for x (name xs) (if (name a)) (if (name b))) (for y (name ys)))");
    CHECK(expr("{k: v for k, v in d.items()}") ==
          "(dictcomp (name k) (name v) (for (k v) (call (. (name d) items))))");
    CHECK(expr("{x for (x,) in pairs}") == "(setcomp (name x) (for (x,) (name pairs)))");
    CHECK(expr("[x for x in a or b]") == "(listcomp (name x) (for x (or (name a) (name b))))");
}

TEST_CASE("parser: calls, subscripts, slices and members") {
    CHECK(expr("f()") == "(call (name f))");
    CHECK(expr("f(1, g(2),)") == "(call (name f) (int 1) (call (name g) (int 2)))");
    CHECK(expr("a[1:2:3]") == "(slice (name a) (int 1) (int 2) (int 3))");
    CHECK(expr("a[:]") == "(slice (name a) _ _ _)");
    CHECK(expr("a[1:]") == "(slice (name a) (int 1) _ _)");
    CHECK(expr("a[:j]") == "(slice (name a) _ (name j) _)");
    CHECK(expr("a[::2]") == "(slice (name a) _ _ (int 2))");
    CHECK(expr("a[i:j:]") == "(slice (name a) (name i) (name j) _)");
    CHECK(expr("add(5)(10)") == "(call (call (name add) (int 5)) (int 10))");
}

TEST_CASE("parser: lambdas and channels") {
    CHECK(expr("lambda x, y: x + y") == "(lambda (x y) (+ (name x) (name y)))");
    CHECK(expr("lambda: 0") == "(lambda () (int 0))");
    CHECK(expr("f(lambda x: x, 3)") == "(call (name f) (lambda (x) (name x)) (int 3))");
    CHECK(expr("chan<int>(10)") == "(chan int (int 10))");
    CHECK(expr("chan<list<int>>(0)") == "(chan list<int> (int 0))");
    CHECK(expr("chan(3)") == "(call (name chan) (int 3))");
    CHECK(expr("chan<string>(1).sender()") == "(call (. (chan string (int 1)) sender))");
}

TEST_CASE("parser: f-strings") {
    CHECK(expr("f\"x = {x}, sum = {a + b}\"") ==
          "(fstr \"x = \" (name x) \", sum = \" (+ (name a) (name b)))");
    CHECK(expr("f\"{x:.2f} and {n:>5}\"") ==
          "(fstr (spec \".2f\" (name x)) \" and \" (spec \">5\" (name n)))");
    CHECK(expr("f\"{{braces}}\"") == "(fstr \"{braces}\")");
    CHECK(expr("f\"{d['k']}\"") == "(fstr (index (name d) (str \"k\")))");
    CHECK(expr("f\"{f'{y}'}\"") == "(fstr (fstr (name y)))");
}

TEST_CASE("parser: let, mut and assignment") {
    CHECK(body("let x = 5\n") == "(let x (int 5))");
    CHECK(body("mut y: list<int> = []\n") == "(mut y : list<int> (list))");
    CHECK(body("let m: dict<string, tuple<int, float>> = {}\n") ==
          "(let m : dict<string, tuple<int, float>> (dict))");
    CHECK(body("let x, y = point\n") == "(let (x y) (name point))");
    CHECK(body("let (x, y) = 1, 2\n") == "(let (x y) (tuple (int 1) (int 2)))");
    CHECK(body("a, b = b, a\n") == "(= (tuple (name a) (name b)) (tuple (name b) (name a)))");
    CHECK(body("obj.field = 1\n") == "(= (. (name obj) field) (int 1))");
    CHECK(body("a[i] = v\n") == "(= (index (name a) (name i)) (name v))");
    CHECK(body("x += 1\nx -= 2\nx *= 3\nx /= 4\nx %= 5\n") ==
          "(+= (name x) (int 1)) (-= (name x) (int 2)) (*= (name x) (int 3)) "
          "(/= (name x) (int 4)) (%= (name x) (int 5))");
    CHECK(body("x = 1; y = 2;\n") == "(= (name x) (int 1)) (= (name y) (int 2))");
    CHECK(body("f(x)\n") == "(expr (call (name f) (name x)))");
    CHECK(body("a, b\n") == "(expr (tuple (name a) (name b)))");
}

TEST_CASE("parser: if, while, for") {
    CHECK(body("if n < 2:\n    return n\n") ==
          "(if ((< (name n) (int 2)) (block (return (name n)))))");
    CHECK(body("if a:\n    x()\nelif b:\n    y()\nelif c:\n    pass\nelse:\n    z()\n") ==
          "(if ((name a) (block (expr (call (name x))))) ((name b) (block (expr (call (name y))))) "
          "((name c) (block (pass))) (else (block (expr (call (name z))))))");
    CHECK(body("if x: return 1\n") == "(if ((name x) (block (return (int 1)))))");
    CHECK(body("while true:\n    break\n    continue\n") ==
          "(while (bool true) (block (break) (continue)))");
    CHECK(body("for i in 0..5:\n    print(i)\n") ==
          "(for i (.. (int 0) (int 5)) (block (expr (call (name print) (name i)))))");
    CHECK(body("for k, v in d.items():\n    pass\n") ==
          "(for (k v) (call (. (name d) items)) (block (pass)))");
    CHECK(body("for (k, v) in pairs:\n    pass\n") == "(for (k v) (name pairs) (block (pass)))");
    CHECK(body("if a:\n    if b:\n        pass\n    x = 1\ny = 2\n") ==
          "(if ((name a) (block (if ((name b) (block (pass)))) (= (name x) (int 1))))) "
          "(= (name y) (int 2))");
}

TEST_CASE("parser: one-line bodies") {
    CHECK(body("while x: x -= 1\n") == "(while (name x) (block (-= (name x) (int 1))))");
    CHECK(
        body("if a: b = 1; c = 2\nelse: pass\n") ==
        "(if ((name a) (block (= (name b) (int 1)) (= (name c) (int 2)))) (else (block (pass))))");
    CHECK(body("def f(x): return x\n") == "(def f (x) (block (return (name x))))");
    CHECK(body("class E(Error): pass\n") == "(class E (Error))");
    CHECK(body("let x = 1") == "(let x (int 1))");
}

TEST_CASE("parser: return, raise, assert, go") {
    CHECK(body("def f():\n    return\n") == "(def f () (block (return)))");
    CHECK(body("def f():\n    return a, b\n") ==
          "(def f () (block (return (tuple (name a) (name b)))))");
    CHECK(body("raise\n") == "(raise)");
    CHECK(body("raise Error(\"x\")\n") == "(raise (call (name Error) (str \"x\")))");
    CHECK(body("raise e from c\n") == "(raise (name e) from (name c))");
    CHECK(body("assert x\n") == "(assert (name x))");
    CHECK(body("assert x > 0, \"positive\"\n") ==
          "(assert (> (name x) (int 0)) (str \"positive\"))");
    CHECK(body("go worker(1, jobs.receiver())\n") ==
          "(go (call (name worker) (int 1) (call (. (name jobs) receiver))))");
    CHECK(body("go make(cfg)(1)\n") == "(go (call (call (name make) (name cfg)) (int 1)))");
}

TEST_CASE("parser: def") {
    CHECK(body("def fib(n: int) -> int:\n    return n\n") ==
          "(def fib (n:int) -> int (block (return (name n))))");
    CHECK(body("def pair<T, U>(a: T, b: U,) -> tuple<T, U>:\n    return (a, b)\n") ==
          "(def pair <T, U> (a:T b:U) -> tuple<T, U> (block (return (tuple (name a) (name b)))))");
    CHECK(body("def apply(f: (int, int) -> int, g: () -> void, x):\n    pass\n") ==
          "(def apply (f:(int, int) -> int g:() -> void x) (block (pass)))");
    CHECK(body("def outer():\n    def inner(x):\n        return x\n    return inner\n") ==
          "(def outer () (block (def inner (x) (block (return (name x)))) (return (name inner))))");
}

TEST_CASE("parser: record, class, interface, type alias") {
    CHECK(body("record Point(x: int, y: int)\n") == "(record Point (x:int y:int))");
    CHECK(
        body("record Box<T>(value: T):\n    def get(self) -> T:\n        return self.value\n") ==
        "(record Box <T> (value:T) (def get (self) -> T (block (return (. (name self) value)))))");
    CHECK(body("class Animal:\n    pass\n") == "(class Animal)");
    CHECK(body("class Dog(Animal):\n    \"\"\"A dog.\"\"\"\n    def __init__(self, name):\n"
               "        self.name = name\n    def bark(self):\n        pass\n") ==
          "(class Dog (Animal) (def __init__ (self name) (block (= (. (name self) name) "
          "(name name)))) (def bark (self) (block (pass))))");
    CHECK(body("interface Shape<T> {\n    def area() -> float\n    def scale(f: T) -> "
               "Shape<T>\n}\n") ==
          "(interface Shape <T> (def area () -> float (block)) (def scale (f:T) -> Shape<T> "
          "(block)))");
    CHECK(body("interface Empty {}\n") == "(interface Empty)");
    CHECK(body("type Num = int | float\n") == "(type Num int | float)");
    CHECK(body("type Fn<T> = (T) -> T | void\n") == "(type Fn <T> (T) -> T | void)");
    CHECK(body("type U = ((int) -> int) | string\n") == "(type U ((int) -> int) | string)");
    CHECK(body("type Q = sync.WaitGroup\n") == "(type Q sync.WaitGroup)");
}

TEST_CASE("parser: try, except, finally") {
    CHECK(body("try:\n    risky()\nexcept ValueError as e:\n    print(e)\nexcept e:\n    raise\n"
               "except:\n    pass\nfinally:\n    done()\n") ==
          "(try (block (expr (call (name risky)))) (except ValueError as e (block (expr (call "
          "(name print) (name e))))) (except e (block (raise))) (except (block (pass))) (finally "
          "(block (expr (call (name done))))))");
    CHECK(body("try:\n    pass\nfinally:\n    pass\n") ==
          "(try (block (pass)) (finally (block (pass))))");
}

TEST_CASE("parser: select") {
    CHECK(body("select:\n    case v = results.collect():\n        print(v)\n"
               "    case jobs.push(next):\n        next += 1\n    case after(0.5):\n        pass\n"
               "    case rx.collect():\n        pass\n    default:\n        pass\n") ==
          "(select (collect v (name results) (block (expr (call (name print) (name v))))) "
          "(push (name jobs) (name next) (block (+= (name next) (int 1)))) "
          "(after (float 0.5) (block (pass))) (collect _ (name rx) (block (pass))) "
          "(default (block (pass))))");
}

TEST_CASE("parser: import and extern") {
    CHECK(body("import std.time\n") == "(import std \"std.time\")");
    CHECK(body("import \"lib.pyro\"\n") == "(import file \"lib.pyro\")");
    CHECK(body("import cpp \"<vector>\"\n") == "(import cpp \"<vector>\")");
    CHECK(body("extern \"ns::f\" def f(a: int, s: string) -> float\n") ==
          "(extern \"ns::f\" (def f (a:int s:string) -> float (block)))");
}

TEST_CASE("parser: contextual keywords stay names elsewhere") {
    CHECK(body("let t = type(x)\n") == "(let t (call (name type) (name x)))");
    CHECK(body("type(x)\n") == "(expr (call (name type) (name x)))");
    CHECK(body("let select = 1\nselect = 2\n") == "(let select (int 1)) (= (name select) (int 2))");
    CHECK(body("let case = default + after(as)\n") ==
          "(let case (+ (name default) (call (name after) (name as))))");
    CHECK(body("cpp = 1\n") == "(= (name cpp) (int 1))");
}

TEST_CASE("parser: comments are attached") {
    CHECK(body("# lead\nlet x = 5  # five\n") ==
          "(comment \" lead\") (let x (int 5)) (trailing \" five\")");
    CHECK(body("def f():  # header\n    # inside\n    pass\n    # after last\n# top\nx = 1\n") ==
          "(def f () (block (comment \" inside\") (pass))) (trailing \" header\") "
          "(comment \" after last\") (comment \" top\") (= (name x) (int 1))");
    CHECK(body("x = 1\n// slashes\n# end\n") ==
          "(= (name x) (int 1)) (comment \" slashes\") (comment \" end\")");
    CHECK(body("f(1,  # one\n  2)  # call\n") ==
          "(comment \" one\") (expr (call (name f) (int 1) (int 2))) (trailing \" call\")");
    CHECK(body("a = 1; b = 2  # both\n") ==
          "(= (name a) (int 1)) (= (name b) (int 2)) (trailing \" both\")");
    CHECK(body("class C:\n    # the method\n    def m(self):\n        pass\n    pass  # p\n") ==
          "(class C (comment \" the method\") (def m (self) (block (pass)))) (comment \" p\")");
    CHECK(body("interface I {  # i\n    # area\n    def area() -> float  # a\n}\n") ==
          "(interface I (comment \" area\") (def area () -> float (block)) (trailing \" a\")) "
          "(trailing \" i\")");
}

TEST_CASE("parser: every comment lands somewhere") {
    const std::string text =
        "#c1\nimport std.time #c2\n#c3\ndef f(a, #c4\n      b): #c5\n    #c6\n    if a: #c7\n"
        "        pass #c8\n    #c9\n    else: #c10\n        pass\n#c11\nrecord R(x: int) "
        "#c12\n#c13\n";
    Parsed parsed = parse_text(text);
    REQUIRE(parsed.errors.empty());
    for (int i = 1; i <= 13; ++i) {
        std::string needle = "\"c" + std::to_string(i) + "\"";
        INFO(needle);
        CHECK(parsed.dump.find(needle) != std::string::npos);
    }
}

TEST_CASE("parser: source ranges") {
    SourceManager sources;
    DiagnosticSink diags;
    const SourceFile* file = sources.add("r.pyro", "let x = a + b * c\nif x:\n    f(x)\n");
    ast::Module module = parse_file(*file, diags);
    REQUIRE(module.body.size() == 2);
    const auto& let = module.body[0]->as<ast::LetStmt>();
    CHECK(let.range.begin == Loc{file->id, 1, 1});
    CHECK(let.range.end == Loc{file->id, 1, 18});
    CHECK(let.name_locs[0] == Loc{file->id, 1, 5});
    const auto& sum = let.value->as<ast::Binary>();
    CHECK(sum.range.begin == Loc{file->id, 1, 9});
    CHECK(sum.range.end == Loc{file->id, 1, 18});
    CHECK(sum.rhs->range.begin == Loc{file->id, 1, 13});
    const auto& if_stmt = module.body[1]->as<ast::IfStmt>();
    CHECK(if_stmt.range.begin == Loc{file->id, 2, 1});
    CHECK(if_stmt.range.end == Loc{file->id, 3, 9});
    const auto& call = if_stmt.branches[0].body[0]->as<ast::ExprStmt>().expr->as<ast::Call>();
    CHECK(call.range.begin == Loc{file->id, 3, 5});
    CHECK(call.range.end == Loc{file->id, 3, 9});
}

TEST_CASE("parser: nested type arguments split '>>'") {
    CHECK(body("let x: dict<string, list<list<int>>> = {}\n") ==
          "(let x : dict<string, list<list<int>>> (dict))");
    CHECK(body("let x: list<int>= []\n") == "(let x : list<int> (list))");
    CHECK(expr("a >> b") == "(>> (name a) (name b))");
}

TEST_CASE("parser: error messages name what was expected and found") {
    CHECK(errors("if x\n    pass\n") ==
          Errors{"1:5: expected ':' after 'if' condition, found newline"});
    CHECK(errors("while x y:\n    pass\n") ==
          Errors{"1:9: expected ':' after 'while' condition, found identifier 'y'"});
    CHECK(errors("let = 5\n") == Errors{"1:5: expected a name after 'let', found '='"});
    CHECK(errors("x = \n") == Errors{"1:5: expected an expression, found newline"});
    CHECK(errors("y = 3 4\n") ==
          Errors{"1:7: expected newline after the statement, found integer literal"});
    CHECK(errors("go f\n") == Errors{"1:4: go needs a function call"});
    CHECK(errors("f(x) = 3\n") == Errors{"1:1: cannot assign to a function call"});
    CHECK(errors("1 = x\n") == Errors{"1:1: cannot assign to a literal"});
    CHECK(errors("a, b += 1\n") == Errors{"1:1: cannot assign to a tuple here"});
    CHECK(errors("def f(a b):\n    pass\n") ==
          Errors{"1:9: expected ')' after the parameters, found identifier 'b'"});
    CHECK(errors("while true:\nprint(1)\n") ==
          Errors{
              "2:1: expected an indented block after 'while' statement, found identifier 'print'"});
    CHECK(errors("x = 1\n    y = 2\n") == Errors{"2:5: unexpected indentation"});
    CHECK(errors("try:\n    pass\nx = 1\n") ==
          Errors{"3:1: expected 'except' or 'finally' after 'try' block, found identifier 'x'"});
    CHECK(errors("let s = f\"{a b}\"\n") ==
          Errors{"1:14: expected '}' after the f-string expression, found identifier 'b'"});
    CHECK(errors("let k: list<int = 3\n") ==
          Errors{"1:17: expected '>' after the type arguments, found '='"});
    CHECK(errors("x = a if b\n") ==
          Errors{"1:11: expected 'else' in the conditional expression, found newline"});
    CHECK(errors("x = a not b\n") ==
          Errors{"1:11: expected 'in' after 'not', found identifier 'b'"});
    CHECK(errors("record P(x)\n") == Errors{"1:10: record field 'x' needs a type"});
    CHECK(errors("class C:\n    x = 1\n") ==
          Errors{"2:5: only methods ('def') can appear in a class body"});
    CHECK(errors("interface I { x }\n") ==
          Errors{"1:15: expected 'def' or '}' in the interface body, found identifier 'x'"});
    CHECK(errors("interface I { def m():\n pass }\n").front() ==
          "1:22: an interface method has no body");
    CHECK(errors("extern \"f\" def f():\n    pass\n") ==
          Errors{"1:19: an extern function has no body"});
    CHECK(errors("extern f def f()\n") ==
          Errors{"1:8: expected the C++ name as a string after 'extern', found identifier 'f'"});
    CHECK(errors("let a, b: int = p\n") == Errors{"1:9: a type annotation needs a single name"});
    CHECK(errors("import 5\n") ==
          Errors{"1:8: expected a name or a file name after 'import', found integer literal"});
    CHECK(errors("x = chan<int>()\n") == Errors{"1:15: expected the channel capacity, found ')'"});
    CHECK(errors("x = a[1\n]\n") == Errors{});
    CHECK(errors("x = (1 2)\n") == Errors{"1:8: expected ')' or ',', found integer literal"});
}

TEST_CASE("parser: clauses without their statement") {
    CHECK(errors("else:\n    pass\nx = 1\n") == Errors{"1:1: 'else' without a matching 'if'"});
    CHECK(errors("elif a:\n    pass\n") == Errors{"1:1: 'elif' without a matching 'if'"});
    CHECK(errors("except e:\n    pass\n") == Errors{"1:1: 'except' without a matching 'try'"});
    CHECK(errors("finally:\n    pass\n") == Errors{"1:1: 'finally' without a matching 'try'"});
    CHECK(errors("let t: (int, string) = p\n") ==
          Errors{"1:22: expected '->' after the parameter types of a function type (a tuple type "
                 "is written tuple<A, B>), found '='"});
    // The unclosed bracket explains everything after it: one mistake, one message.
    CHECK(errors("def f(\n") == Errors{"1:6: '(' was never closed"});
}

TEST_CASE("parser: duplicate parameters, fields and type parameters") {
    CHECK(errors("def f(a, b, a):\n    pass\n") == Errors{"1:13: duplicate parameter 'a'"});
    CHECK(errors("record R(x: int, x: int)\n") == Errors{"1:18: duplicate field 'x'"});
    CHECK(errors("def g<T, T>(x: T):\n    pass\n") == Errors{"1:10: duplicate type parameter 'T'"});
    CHECK(errors("let f = lambda x, x: x\n") == Errors{"1:19: duplicate parameter 'x'"});
}

TEST_CASE("parser: select errors") {
    CHECK(errors("select:\n    case x.foo():\n        pass\n") ==
          Errors{"2:10: expected 'CHANNEL.collect()', 'CHANNEL.push(VALUE)' or 'after(SECONDS)' "
                 "in a select case"});
    CHECK(errors("select:\n    case v = ch.push(1):\n        pass\n") ==
          Errors{"2:10: only a 'collect()' case can bind a name"});
    CHECK(errors("select:\n    pass\n") ==
          Errors{"2:5: expected 'case' or 'default' in 'select', found 'pass'"});
    CHECK(errors("select:\nx = 1\n") ==
          Errors{"2:1: expected an indented block of 'case' clauses after 'select', found "
                 "identifier 'x'"});
}

TEST_CASE("parser: recovery reports several errors, one per mistake") {
    Parsed parsed = parse_text(
        "let = 1\n"
        "if x\n"
        "    y = (\n"
        "    )\n"
        "    z = 2 2\n"
        "def f(a:\n"
        "    int):\n"
        "    return a +\n"
        "    let ok = 1\n"
        "x = [1, 2\n"
        "     3]\n"
        "go g\n"
        "let fine = 1\n");
    CHECK(parsed.errors == Errors{
                               "1:5: expected a name after 'let', found '='",
                               "2:5: expected ':' after 'if' condition, found newline",
                               "8:15: expected an expression, found newline",
                               "11:6: expected ']' after the list elements, found integer literal",
                               "12:4: go needs a function call",
                           });
    CHECK(parsed.dump == "(module (def f (a:int) (block (let ok (int 1)))) (let fine (int 1)))");
}

TEST_CASE("parser: deep nesting is an error, not a crash") {
    std::string deep_parens = "x = " + std::string(5000, '(') + "1" + std::string(5000, ')') + "\n";
    CHECK(errors(deep_parens) == Errors{"1:105: expression nested too deeply"});
    std::string deep_unary = "x = " + std::string(5000, '-') + "1\nlet ok = 1\n";
    Parsed unary = parse_text(deep_unary);
    CHECK(unary.errors == Errors{"1:204: expression nested too deeply"});
    CHECK(unary.dump == "(module (let ok (int 1)))");
    std::string deep_blocks;
    for (int i = 0; i < 400; ++i)
        deep_blocks += std::string(i, ' ') + "if x:\n";
    deep_blocks += std::string(400, ' ') + "pass\nlet after = 1\n";
    Parsed blocks = parse_text(deep_blocks);
    REQUIRE(blocks.errors.size() == 1);
    CHECK(blocks.errors[0].find("nested too deeply") != std::string::npos);
    CHECK(blocks.dump.find("(let after (int 1))") != std::string::npos);
    // Moderate nesting is fine.
    std::string ok = "x = " + std::string(100, '[') + std::string(100, ']') + "\n";
    CHECK(errors(ok).empty());
}
