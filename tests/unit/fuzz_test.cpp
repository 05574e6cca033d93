// Robustness of the front end: lexing, parsing and dumping random token soups and mutated
// versions of realistic programs, and running sema and emit on mutated programs, must always
// return — no crash, hang or escaping exception.
// The seeds are fixed, so a failure reproduces; the whole file runs in a few seconds.
#include <catch2/catch.hpp>
#include <random>
#include <string>
#include <vector>

#include "emit/emit.hpp"
#include "parser/parser.hpp"
#include "sema/sema.hpp"

using namespace pyro2cpp;

namespace {

const char* const sample_programs[] = {
    R"pyro(import std.time

def worker(id: int, jobs: Receiver<int>, results: Sender<int>):
    while true:
        let job = jobs.collect()
        if job == -1: # Termination signal
            break
        # Process job
        std.time.sleep(0.1)
        results.push(job * 2)

let jobs = chan<int>(10)
let results = chan<int>(10)
go worker(1, jobs.receiver(), results.sender())
for i in 0..5:
    jobs.push(i)
jobs.push(-1)
for i in 0..5:
    print(results.collect())
)pyro",
    R"pyro(record Point<T>(x: T, y: T):
    def norm(self) -> float:
        return (self.x ** 2 + self.y ** 2) ** 0.5

class Animal:
    def __init__(self, name):
        self.name = name
    def speak(self) -> string:
        return f"{self.name} makes a sound"

class Dog(Animal):
    def speak(self) -> string:
        return super().speak() + " (woof)"

interface Shape<T> {
    def area() -> float
    def scale(f: T) -> Shape<T>
}

type Num = int | float
let pts = [Point(i, i * 2) for i in range(10) if i % 2 == 0]
let d = {str(p.x): p for p in pts}
mut total = 0
for k, v in d.items():
    total += v.x
print(f"total = {total:>5}", {1, 2}, (1,), ())
)pyro",
    R"pyro(def fib(n):
    if n < 2:
        return n
    elif n == 2:
        return 1
    else:
        return fib(n - 1) + fib(n - 2)

try:
    let x = [1, 2, 3][5]
except IndexError as e:
    print(e.message)
except e:
    raise Error("bad") from e
finally:
    print("done")

select:
    case v = results.collect():
        print(v)
    case jobs.push(next):
        next += 1
    case after(0.5):
        print("slow")
    default:
        pass

extern "std::hypot" def hypot(a: float, b: float) -> float
import cpp "<cmath>"
import "lib.pyro"
let f = lambda x, y: x if x > y else y
let s = a[1:-1:2]
assert f(1, 2) == 2, "max"
a, b = b, a
)pyro",
};

// Pieces a token soup is made of: every operator and keyword, plus names, literals and layout.
const char* const soup_pieces[] = {
    "let ",
    "mut ",
    "def ",
    "return ",
    "if ",
    "elif ",
    "else",
    "while ",
    "for ",
    " in ",
    "break",
    "continue",
    "pass",
    "record ",
    "class ",
    "interface ",
    "try",
    "except ",
    "finally",
    "raise ",
    " from ",
    "go ",
    "chan",
    "extern ",
    "import ",
    "true",
    "false",
    " and ",
    " or ",
    "not ",
    "lambda ",
    "assert ",
    "type ",
    "select",
    "case ",
    "default",
    " as ",
    "void",
    "x",
    "y",
    "foo",
    "Point",
    "self",
    "0",
    "42",
    "3.5",
    "1e9",
    "\"s\"",
    "'t'",
    "f\"a{x}b\"",
    "f\"{y:.2f}\"",
    "\"\"\"doc\"\"\"",
    "(",
    ")",
    "[",
    "]",
    "{",
    "}",
    ",",
    ":",
    ".",
    "..",
    "->",
    "+",
    "-",
    "*",
    "**",
    "/",
    "%",
    "&",
    "|",
    "^",
    "~",
    "<<",
    ">>",
    "<",
    ">",
    "<=",
    ">=",
    "==",
    "!=",
    "=",
    "+=",
    "-=",
    "*=",
    "/=",
    "%=",
    ";",
    "\n",
    "\n    ",
    "\n        ",
    "\n\t",
    " ",
    "  ",
    "# comment\n",
    "// note\n",
    "\\\n",
};

// Lexes, parses and dumps `text`; any exception fails the test.
void run_front_end(const std::string& text) {
    SourceManager sources;
    DiagnosticSink diags;
    const SourceFile* file = sources.add("fuzz.pyro", text);
    ast::Module module = parse_file(*file, diags);
    std::string rendered = dump(module);
    REQUIRE(rendered.rfind("(module", 0) == 0);
}

// Runs the whole pipeline on `text`, as `pyro2cpp FILE` does: sema on every program that
// parses, emit on every program that passes sema. Any exception fails the test.
void run_pipeline(const std::string& text) {
    SourceManager sources;
    DiagnosticSink diags;
    const SourceFile* file = sources.add("fuzz.pyro", text);
    ast::Module module = parse_file(*file, diags);
    if (diags.has_errors()) return;
    std::unique_ptr<sema::Program> program = sema::analyze(module, *file, diags, {});
    if (diags.has_errors()) return;
    std::string cpp = emit::emit_module(module, *program, *file, {});
    REQUIRE_FALSE(cpp.empty());
}

std::string mutate(const std::string& original, std::mt19937& rng) {
    static const std::string interesting = "()[]{}:,.\"'\n \t#=<>-*\\f{}0xé";
    std::string text = original;
    std::uniform_int_distribution<int> kind_dist(0, 5);
    int edits = std::uniform_int_distribution<int>(1, 6)(rng);
    for (int e = 0; e < edits && !text.empty(); ++e) {
        std::uniform_int_distribution<std::size_t> pos_dist(0, text.size() - 1);
        std::size_t pos = pos_dist(rng);
        switch (kind_dist(rng)) {
            case 0: {  // insert a byte that matters to the lexer or parser
                char c = interesting[std::uniform_int_distribution<std::size_t>(
                    0, interesting.size() - 1)(rng)];
                text.insert(pos, 1, c);
                break;
            }
            case 1:
                text.erase(pos, 1);
                break;  // delete a byte
            case 2:
                std::swap(text[pos], text[pos_dist(rng)]);
                break;  // swap two bytes
            case 3: {   // duplicate the line holding pos
                std::size_t begin = text.rfind('\n', pos);
                begin = begin == std::string::npos ? 0 : begin + 1;
                std::size_t end = text.find('\n', pos);
                end = end == std::string::npos ? text.size() : end + 1;
                text.insert(begin, text.substr(begin, end - begin));
                break;
            }
            case 4:
                text.resize(pos);
                break;  // truncate
            default: {  // insert a random byte, any value
                text.insert(pos, 1,
                            static_cast<char>(std::uniform_int_distribution<int>(0, 255)(rng)));
                break;
            }
        }
    }
    return text;
}

}  // namespace

TEST_CASE("fuzz: the sample programs parse cleanly") {
    for (const char* program : sample_programs) {
        SourceManager sources;
        DiagnosticSink diags;
        const SourceFile* file = sources.add("sample.pyro", program);
        ast::Module module = parse_file(*file, diags);
        for (const Diagnostic& d : diags.all()) {
            UNSCOPED_INFO(d.loc.line << ":" << d.loc.col << ": " << d.message);
        }
        CHECK_FALSE(diags.has_errors());
        CHECK_FALSE(module.body.empty());
    }
}

TEST_CASE("fuzz: random token soups") {
    std::mt19937 rng(20240601);
    std::uniform_int_distribution<std::size_t> piece_dist(0, std::size(soup_pieces) - 1);
    std::uniform_int_distribution<int> length_dist(1, 120);
    for (int round = 0; round < 8000; ++round) {
        std::string text;
        int length = length_dist(rng);
        for (int i = 0; i < length; ++i)
            text += soup_pieces[piece_dist(rng)];
        INFO("round " << round << ": " << text);
        run_front_end(text);
    }
}

TEST_CASE("fuzz: mutated sample programs") {
    std::mt19937 rng(777);
    for (int round = 0; round < 4000; ++round) {
        const std::string original = sample_programs[round % std::size(sample_programs)];
        std::string text = mutate(original, rng);
        INFO("round " << round << ": " << text);
        run_front_end(text);
    }
}

// Uses only what sema accepts today, so most mutants reach emit.
const char* const core_program = R"(# Core constructs: generic and annotated functions, joins, loops.
def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)

def scale(x: float, k) -> float:
    return x * k

mut total = 0
for i in 0..10:
    if i % 2 == 0 and not i == 4:
        total += fib(i)
    elif i > 7:
        continue
    else:
        total -= 1 << 2
mut t = 0
t += 0.5
let s = f"total={total:>5} t={t:.2f}" + str(scale(2.0, 3)) * 2
while len(s) > 3 < 100:
    print(s, -total ** 2, 7 / 2, -7 % 3, 1 if t else 2.5, int("42"), float(1))
    break
)";

TEST_CASE("fuzz: mutated programs through sema and emit") {
    std::mt19937 rng(4242);
    run_pipeline(core_program);
    for (int round = 0; round < 4000; ++round) {
        const std::string original = round % 2 == 0
                                         ? std::string(core_program)
                                         : sample_programs[round % std::size(sample_programs)];
        std::string text = mutate(original, rng);
        INFO("round " << round << ": " << text);
        run_pipeline(text);
    }
}

TEST_CASE("fuzz: deeply nested and unbalanced input") {
    std::mt19937 rng(99);
    const char* const openers[] = {"(", "[", "{", "-", "not ", "f(", "lambda: ", "x if "};
    for (int round = 0; round < 60; ++round) {
        std::string text = "x = ";
        int depth = std::uniform_int_distribution<int>(100, 3000)(rng);
        for (int i = 0; i < depth; ++i)
            text += openers[rng() % std::size(openers)];
        text += "1\n";
        for (int i = 0; i < depth / 10; ++i)
            text += std::string(i, ' ') + "if x:\n";
        INFO("round " << round);
        run_front_end(text);
    }
}
