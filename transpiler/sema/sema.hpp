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
#include <vector>

#include "parser/ast.hpp"
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
};

// A variable: a module-level one (a C++ global) or a local of the body it is used in.
struct VarRef {
    bool global = false;
    std::uint32_t index = 0;
};

struct FunctionInstance;

// What a call reaches: a user function instance or a builtin.
struct CallTarget {
    const FunctionInstance* instance = nullptr;
    std::optional<Builtin> builtin;
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
    std::uint32_t serial = 0;  // creation order, for a stable emission order
};

struct Program {
    TypeTable types;
    std::vector<Variable> globals;
    Body main;  // the module's top-level statements (pyro_main)
    // The instances to emit, grouped by def in source order, each group in creation order.
    std::vector<std::unique_ptr<FunctionInstance>> instances;
    // Emitted instances per C++ function name: with several overloads an int literal
    // argument must be spelled `pyro::Int(5)` so C++ picks the int one.
    std::unordered_map<std::string, int> overloads;

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

}  // namespace pyro2cpp::sema
