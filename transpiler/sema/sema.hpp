// Semantic analysis: names, types and every static check, for one module.
//
// analyze() reads the AST without changing it and returns a Program: the side tables emit
// reads (the type of each expression, the variable each name means, the function instance
// each call reaches) for the module's top-level body and for every function instance that
// will become C++. docs/inference.md describes the algorithm; this header is the contract
// between sema and emit.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "parser/ast.hpp"
#include "sema/objects.hpp"
#include "sema/stdlib_modules.hpp"
#include "sema/types.hpp"
#include "source/source.hpp"

namespace pyro2cpp::sema {

// The builtin functions of this version (LANGUAGE.md 5.5). Each is emitted as a call to the
// runtime function of the same job (emit/emit_expr.cpp).
enum class Builtin : std::uint8_t {
    print, eprint, str, int_, float_, bool_, len, range,
    // on collections (check_data_builtins.cpp, emit_data_builtins.cpp)
    type, input, abs, min, max, sum, sorted, reversed, enumerate, zip, map, filter, any_, all,
    chr, ord, list, set, dict, tuple, list_mutable, tuple_mutable, set_mutable, dict_mutable,
};

struct Variable {
    std::string name;      // as written in Pyro
    std::string cpp_name;  // unique among the C++ names visible where it is declared
    TypeId type = types::error;
    Loc loc;
    bool is_mut = false;      // `mut`, a parameter or a `for` variable
    bool annotated = false;   // its type is fixed (written, or a parameter's): values convert
    bool reassigned = false;  // assigned after its declaration (a `let` then is not const)
    bool read = false;        // read somewhere (otherwise C++ gets [[maybe_unused]])
    // A module-level variable some function may read before its `let` has run: reads in
    // functions check it is set ("'x' used before it is set").
    bool check_set = false;
    std::uint32_t module = 0;  // a module-level variable's file (an index into Program::modules)
    // Read or assigned inside a lambda or nested def that it is outside of (sema/check_func.cpp).
    // A captured variable that is also reassigned lives in a pyro::rt::Cell, so the closure and
    // its scope share it (by reference, LANGUAGE.md 3).
    bool captured = false;
    bool fixed_storage = false;  // a parameter or `for` variable: never in a Cell
    bool in_cell() const { return captured && reassigned && !fixed_storage; }
};

// A variable: a module-level one (a C++ global) or a local of the body it is used in.
struct VarRef {
    bool global = false;
    std::uint32_t index = 0;
};

struct FunctionInstance;

// What a call reaches: a user function instance, a builtin, or (`value`) the function value
// its callee evaluates to. User functions and values are curried (LANGUAGE.md 5.1): `params`
// is how many parameters the callee takes, and a call with fewer arguments is a partial
// application, one with more applies the result to the surplus. (Also keyed by a Name that
// uses a function as a value: `instance` is the instance the value calls.)
struct CallTarget {
    const FunctionInstance* instance = nullptr;
    std::optional<Builtin> builtin;
    const StdFunction* std_function = nullptr;  // a standard library function (math.sqrt)
    // A constructor call `C(args)` (instance: the __init__ reached, if any), or a method
    // call `x.m(args)` / `super().m(args)` (instance: the method's).
    const ClassInfo* constructs = nullptr;
    bool method = false;
    bool super_call = false;
    bool dynamic = false;              // a method called on an `any` value, by name
    std::optional<TypeId> isinstance;  // isinstance(x, T): T
    bool value = false;
    std::uint32_t params = 0;
    // A call that runs its callee with all its parameters (what `go` needs): not a partial.
    bool complete(std::size_t args) const { return builtin.has_value() || args >= params; }

    // A call of a user function (`instance`) or of a function value (`value`).
    static CallTarget applying(const FunctionInstance* instance, bool value, std::size_t params) {
        CallTarget t;
        t.instance = instance;
        t.value = value;
        t.params = static_cast<std::uint32_t>(params);
        return t;
    }
    static CallTarget of_builtin(Builtin b) {
        CallTarget t;
        t.builtin = b;
        return t;
    }
};

// What `obj.name` is (objects: sema/check_objects.cpp).
struct MemberTarget {
    // unbound_method: `Point.area`; super_method: `super().area` (check_method_values.cpp)
    enum class Kind : std::uint8_t { field, any_attr, method, unbound_method, super_method };
    Kind kind = Kind::field;
    const ClassInfo* owner = nullptr;  // the record or class that declares the field
    const FieldInfo* field = nullptr;
    const FunctionInstance* method = nullptr;  // `obj.m` as a value (a bound method)
};

// A lambda or nested def: its parameters (indexes in the enclosing body's locals, where its
// own locals also live) and its function type. A nested def is bound to a variable; one
// that calls itself is `recursive` (its variable then lives in a Cell).
struct Closure {
    std::vector<std::uint32_t> params;
    TypeId type = types::error;
    std::uint32_t var = 0;  // nested def: its variable in the enclosing body's locals
    bool recursive = false;
    bool falls_off_end = false;
};

// A declaration site: a statement (LetStmt, ForStmt) and which of its names.
struct DeclKey {
    const void* node = nullptr;
    std::uint32_t index = 0;
    friend bool operator==(const DeclKey&, const DeclKey&) = default;
};
struct DeclKeyHash {
    std::size_t operator()(const DeclKey& k) const noexcept {
        return std::hash<const void*>{}(k.node) * 31 + k.index;
    }
};

// What sema knows about one checked body: a function instance, or the module's top level.
struct Body {
    std::vector<Variable> locals;
    std::unordered_map<const ast::Expr*, TypeId> expr_types;
    std::unordered_map<const ast::Expr*, VarRef> vars;       // Name expressions naming variables
    std::unordered_map<const ast::Expr*, CallTarget> calls;  // keyed by the Call node
    std::unordered_map<DeclKey, VarRef, DeclKeyHash> decls;  // let / for declarations
    std::unordered_map<const ast::Expr*, MemberTarget> members;  // Member expressions
    // Instances needed though no call names them (overrides reached by dynamic dispatch).
    std::vector<const FunctionInstance*> also_reached;
    // An if branch whose condition is isinstance(x, T): the variable x it narrows; the
    // narrowed copy is declared at DeclKey{branch, 0}.
    std::unordered_map<const void*, VarRef> narrowings;
    std::unordered_map<const void*, Closure> closures;       // keyed by Lambda or DefStmt
    // isinstance(x, T) calls whose answer x's static type decides in this body (a generic
    // function's instance for a string tests isinstance(x, int)). The branches such a test
    // of a variable rules out, and the statements after a branch it makes always return,
    // never run: they are in `never_run` (branch bodies and statements), not checked, no C++.
    std::unordered_map<const ast::Expr*, bool> isinstance_known;
    std::unordered_set<const void*> never_run;
    // An `any` value stored where a union is written: its members, checked when it runs.
    std::unordered_map<const ast::Expr*, std::vector<TypeId>> union_checks;

    TypeId type_of(const ast::Expr& e) const {
        auto it = expr_types.find(&e);
        return it == expr_types.end() ? types::error : it->second;
    }
};

// One monomorphised instance of a `def`: concrete parameter and result types, and the
// checked body.
struct FunctionInstance {
    const ast::DefStmt* def = nullptr;
    std::string cpp_name;  // the def's C++ name; instances of one def are overloads
    std::vector<TypeId> param_types;
    TypeId result = types::pending;
    std::vector<std::uint32_t> params;  // the parameters' indexes in body.locals
    Body body;
    // The body can reach its end without `return` (a non-void function then raises there).
    bool falls_off_end = false;
    std::uint32_t serial = 0;          // creation order, for a stable emission order
    const ClassInfo* owner = nullptr;  // a method's record or class
    std::uint32_t module = 0;  // the file of its def (an index into Program::modules)
    // An `extern` (LANGUAGE.md 8): `def` is its signature, and the C++ is a wrapper calling
    // the C++ function (emit_interop.cpp).
    const ast::ExternStmt* extern_ = nullptr;
};

// One file of the program (LANGUAGE.md 9 "Imports"). Each becomes a C++ namespace of the one
// generated translation unit; its top-level statements are checked into Program::main.
struct ModuleInfo {
    const ast::Module* module = nullptr;
    const SourceFile* file = nullptr;
    std::string cpp_namespace;  // `pyro_program` for the main file, `lib_pyro` for lib.pyro
};

struct Program {
    TypeTable types;
    // The program's files in the order their top-level statements run; the main file last.
    std::vector<ModuleInfo> modules;
    std::vector<Variable> globals;
    Body main;  // the top-level statements of every file (pyro_main and each file's init)
    // The instances to emit, grouped by def in source order, each group in creation order.
    std::vector<std::unique_ptr<FunctionInstance>> instances;
    // Emitted instances per C++ function name: with several overloads an int literal
    // argument must be spelled `pyro::Int(5)` so C++ picks the int one.
    std::unordered_map<std::string, int> overloads;
    // Records and classes in dependency order (parents first); Error is not among them.
    std::vector<const ClassInfo*> classes;
    std::vector<std::unique_ptr<ClassInfo>> class_storage;
    // The standard library modules imported (`math` for `import std.math`), in import order:
    // each gets its `#include <pyro/std/NAME.hpp>`.
    std::vector<std::string> std_imports;

    const Variable& variable(const Body& body, VarRef ref) const {
        return ref.global ? globals[ref.index] : body.locals[ref.index];
    }
};

struct SemaOptions {
    bool explain_any = false;  // a note wherever `any` was inferred
};

// Checks `module`, parsed from `file` (whose text locates operators for diagnostics);
// every problem goes to `diags`. The Program is complete (and fit for emit) only when no
// error was reported.
std::unique_ptr<Program> analyze(const ast::Module& module, const SourceFile& file,
                                 DiagnosticSink& diags, const SemaOptions& options = {});

// One file for analyze_program: `imports` are the files it imports (indexes into the list).
struct ModuleInput {
    const ast::Module* module = nullptr;
    const SourceFile* file = nullptr;
    std::vector<std::uint32_t> imports;
    std::string cpp_namespace;
};

// Checks a whole program: `modules` in the order their top-level statements run, the main
// file last. Each file sees its own top-level names and those of the files it imports.
std::unique_ptr<Program> analyze_program(const std::vector<ModuleInput>& modules,
                                         DiagnosticSink& diags, const SemaOptions& options = {});

// `5` or `-5` as written: a tuple index whose slot is known when the program compiles
// (check_collections.cpp; emit takes the slot from it too).
std::optional<std::int64_t> literal_index(const ast::Expr& e);

}  // namespace pyro2cpp::sema
