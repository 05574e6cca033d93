// The checker's internals, shared by the sema/*.cpp files; nothing outside transpiler/sema
// includes this header.
//
// One Checker checks one module. Bodies are checked in *passes* (a Frame each): a pass that
// widens a variable, or that changes a recursive instance's result after someone read it, is
// followed by another, and only the last pass's tables and diagnostics are kept
// (docs/inference.md). Function instances are checked on demand, at their first call, on a
// stack of frames; the stack is what recursion and the instantiation limit look at.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "sema/sema.hpp"

namespace pyro2cpp::sema::detail {

// LANGUAGE.md 9: past this many nested instances of one function, parameters become any.
inline constexpr int max_nested_instances = 8;
// Passes only widen types along a short lattice; hitting this means a checker bug.
inline constexpr int max_passes = 64;

// Where `any` arose and why. In this version an `any` that reaches C++ is an error there.
struct AnySite {
    Loc loc;
    std::string why;
};

// A variable's type as remembered between passes, and why it became any.
struct VarMemory {
    TypeId type = types::pending;
    std::optional<AnySite> why_any;
};
using VarMemories = std::unordered_map<DeclKey, VarMemory, DeclKeyHash>;

// A module-level `def`.
struct FunctionDecl {
    const ast::DefStmt* def = nullptr;
    std::size_t position = 0;  // its index among the module's statements
    std::string cpp_name;
    std::vector<std::optional<TypeId>> param_types;  // nullopt: generic
    std::optional<TypeId> result_type;               // written `-> R`
    bool generic = false;
    bool falls_off_end = false;  // the body can reach its end
    std::map<std::vector<TypeId>, FunctionInstance*> instances;
};

// A module-level `let`/`mut` name: a C++ global.
struct GlobalDecl {
    std::size_t position = 0;  // its statement's index among the module's statements
    std::uint32_t index = 0;   // into Program::globals
};

enum class InstanceState { in_progress, provisional, done };

// "This instance read that instance's result during pass `serial` of it."
struct Dependency {
    FunctionInstance* instance = nullptr;
    std::uint64_t serial = 0;
};

// The checker's state of one instance.
struct InstanceInfo {
    FunctionDecl* decl = nullptr;
    InstanceState state = InstanceState::in_progress;
    std::uint64_t serial = 0;      // the current pass, or the last one once finished
    bool result_read = false;      // a recursive call read the result during this pass
    std::vector<Dependency> deps;  // provisional: the results it read while they were open
    VarMemories memory;
    std::optional<AnySite> result_any;
    std::vector<Diagnostic> diags;         // the last pass's
    std::vector<AnySite> any_sites;        // the last pass's, plus remembered ones
    bool check_only = false;               // checked for an uncalled function: never emitted
    std::set<std::uint32_t> global_reads;  // the last pass's
};

struct Scope {
    std::unordered_map<std::string, VarRef> names;
    std::unordered_set<std::string> cpp_names;
};

// One pass over one body.
struct Frame {
    FunctionInstance* instance = nullptr;  // null: the module's top level
    InstanceInfo* info = nullptr;
    Body* body = nullptr;
    VarMemories* memory = nullptr;
    std::size_t position = 0;  // a function sees the globals declared before its def
    std::vector<Scope> scopes;
    std::vector<DeclKey> local_keys;  // parallel to body->locals: where each was declared
    std::vector<Diagnostic> diags;
    std::vector<AnySite> any_sites;
    TypeId returns = types::pending;  // join of the `return` values so far
    bool returns_value = false;       // some `return` has a value
    bool widened = false;
    int loop_depth = 0;
    bool check_only = false;
    std::vector<Dependency> deps;
    std::set<std::uint32_t> global_reads;  // module-level variables read (in a function)
};

// What a name means where it is used.
struct Resolved {
    // `reported`: declared by a statement already reported as not supported (an import, an
    // extern), so its uses are not reported again.
    enum class Kind { none, variable, function, builtin, unsupported_builtin, reported };
    Kind kind = Kind::none;
    VarRef var;
    FunctionDecl* function = nullptr;
    Builtin builtin = Builtin::print;
};

// Builtins (builtins.cpp).
std::optional<Builtin> find_builtin(const std::string& name);
bool is_unsupported_builtin(const std::string& name);
const char* builtin_name(Builtin b);

// Whether a block can complete normally, i.e. reach its end (control_flow.cpp).
bool can_reach_end(const ast::Block& block);

class Checker {
public:
    Checker(const ast::Module& module, const SourceFile& file, DiagnosticSink& sink,
            const SemaOptions& options);
    std::unique_ptr<Program> run();

private:
    // ---- the module (sema.cpp)
    void collect_declarations();
    void declare_function(const ast::DefStmt& def, std::size_t position);
    void check_module_once();
    void check_main_body();
    void check_uncalled_functions();
    void finish();
    void mark_unset_checks(const std::unordered_set<const FunctionInstance*>& emitted);
    void reset_run();

    // ---- annotations (annotations.cpp); `report` false re-resolves silently
    TypeId resolve_type(const ast::TypeExpr& type, bool report);
    // list<T>, dict<K, V>, tuple<A, B>, ... (annotations_data.cpp); nullopt: not one of them.
    std::optional<TypeId> resolve_data_type(const ast::TypeExpr& type, bool report);

    // ---- instances (instantiate.cpp)
    TypeId call_function(FunctionDecl& decl, const ast::Call& call,
                         const std::vector<TypeId>& arg_types);
    FunctionInstance* find_or_check(FunctionDecl& decl, std::vector<TypeId> param_types);
    void check_instance(FunctionInstance& instance);
    void run_pass(FunctionInstance& instance, InstanceInfo& info, Frame& frame);
    bool dependencies_hold(const InstanceInfo& info, int depth = 0) const;
    void collect_open_dependencies(const InstanceInfo& info, std::vector<Dependency>& out,
                                   int depth = 0) const;
    int nesting_of(const FunctionDecl& decl) const;

    // ---- names and scopes (scope.cpp)
    Resolved resolve(const std::string& name) const;
    std::optional<std::uint32_t> visible_global(const std::string& name) const;
    VarRef declare_variable(const std::string& name, Loc loc, TypeId value_type,
                            std::optional<TypeId> annotation, bool is_mut, DeclKey key);
    std::uint32_t declare_parameter(const std::string& name, Loc loc, TypeId type, DeclKey key);
    std::string fresh_cpp_name(const std::string& name) const;
    bool cpp_name_visible(const std::string& cpp) const;
    Variable& variable(VarRef ref);
    TypeId read_variable(VarRef ref);
    void assign_variable(VarRef ref, TypeId value_type, const ast::Expr& value, Loc loc);
    void push_scope() { frame().scopes.emplace_back(); }
    void pop_scope() { frame().scopes.pop_back(); }

    // ---- statements (check_stmt.cpp)
    void check_statements(const ast::Block& block);
    void check_block(const ast::Block& block);
    void check_stmt(const ast::Stmt& stmt);
    void check_let(const ast::LetStmt& let);
    void check_assign(const ast::AssignStmt& assign);
    void check_aug_assign(const ast::AugAssignStmt& aug);
    void check_if(const ast::IfStmt& stmt);
    void check_while(const ast::WhileStmt& stmt);
    void check_for(const ast::ForStmt& stmt);
    void check_return(const ast::ReturnStmt& stmt);
    std::optional<VarRef> assignable_target(const ast::Expr& target, bool compound);

    // ---- expressions (check_expr.cpp, check_ops.cpp, check_call.cpp)
    TypeId check_expr(const ast::Expr& expr);
    TypeId check_expr_kind(const ast::Expr& expr);
    TypeId check_condition(const ast::Expr& expr);
    TypeId check_name(const ast::Name& name);
    TypeId check_unary(const ast::Unary& unary);
    TypeId check_binary(const ast::Binary& binary);
    TypeId binary_result(ast::BinaryOp op, TypeId lhs, TypeId rhs, Loc loc);
    // Where the operator after `lhs` is (the AST keeps only operand ranges).
    Loc operator_loc(const ast::Expr& lhs) const;
    TypeId check_compare(const ast::Compare& compare);
    TypeId check_conditional(const ast::Conditional& cond);
    TypeId check_fstring(const ast::FString& fstring);
    TypeId check_call(const ast::Call& call);
    TypeId check_builtin_call(Builtin builtin, const ast::Call& call,
                              const std::vector<TypeId>& arg_types);
    // `value_type` stored where `target` is expected; reports a mismatch at `value`.
    bool check_conversion(TypeId value_type, TypeId target, const ast::Expr& value,
                          const std::string& what = "");
    // "an int", "a string", "void".
    std::string a_type(TypeId t) const;
    TypeId unsupported(Loc loc, const std::string& what);

    // ---- collections, strings and any (check_collections.cpp, check_methods.cpp,
    // check_data_builtins.cpp, check_unpack.cpp)
    TypeId check_display(const ast::Expr& expr);  // [..] (..) {..} {k: v}
    TypeId check_index(const ast::Index& index);
    TypeId check_slice(const ast::Slice& slice);
    TypeId check_comprehension(const ast::Comprehension& comp);
    // What iterating a value of this type yields; error (reported at `loc`) if it cannot.
    TypeId iter_element(TypeId iterable, Loc loc, bool report = true);
    // An element read out of a container: an empty literal's unknown element is any.
    TypeId element_read(TypeId element) const;
    TypeId container_binary(ast::BinaryOp op, TypeId lhs, TypeId rhs, Loc loc);
    bool check_membership(TypeId element, TypeId container, Loc loc, const char* op);
    // The first use of an empty literal fixes its element types: widen the variable.
    void refine_receiver(const ast::Expr& receiver, TypeId filled);
    std::optional<TypeId> check_method_call(const ast::Call& call);
    TypeId check_data_builtin(Builtin builtin, const ast::Call& call,
                              const std::vector<TypeId>& args);
    void check_let_unpack(const ast::LetStmt& let);
    void check_assign_unpack(const ast::AssignStmt& assign);
    void check_element_assign(const ast::Index& target, TypeId value, const ast::Expr& value_expr);
    void declare_targets(const ast::Target& target, TypeId element, const void* node, Loc loc);

    // ---- diagnostics: into the current pass, or straight to the sink outside any pass
    void error(Loc loc, std::string message);
    void warning(Loc loc, std::string message);
    void note(Loc loc, std::string message);  // follows the diagnostic it explains
    void note_any(Loc loc, std::string why);
    std::string type_name(TypeId t) const { return program_->types.name(t); }
    TypeTable& types() { return program_->types; }
    Frame& frame() { return *frames_.back(); }
    const Frame& frame() const { return *frames_.back(); }

    const ast::Module& module_;
    const SourceFile& file_;
    DiagnosticSink& sink_;
    SemaOptions options_;
    std::unique_ptr<Program> program_;

    std::vector<std::unique_ptr<FunctionDecl>> decls_;
    std::unordered_map<std::string, FunctionDecl*> functions_;
    std::unordered_set<std::string> user_type_names_;  // records, classes, ... (later issues)
    std::unordered_set<std::string> type_params_;      // of the def being declared
    std::unordered_set<std::string> reported_names_;   // from imports and externs
    std::unordered_map<DeclKey, GlobalDecl, DeclKeyHash> globals_by_decl_;
    std::unordered_map<std::string, std::vector<GlobalDecl>> globals_by_name_;
    std::vector<std::size_t> global_positions_;       // by global index
    std::vector<VarMemory> global_memory_;            // across whole-module runs
    std::vector<std::optional<TypeId>> global_read_;  // the type a global was read at
    VarMemories main_memory_;                         // the top level's locals
    bool rerun_ = false;       // a global widened after it was read: check everything again
    bool check_only_ = false;  // checking uncalled functions (phase 2)

    std::unordered_map<const FunctionInstance*, InstanceInfo> infos_;
    std::vector<std::unique_ptr<FunctionInstance>> all_instances_;
    std::vector<FunctionInstance*> uncalled_roots_;
    std::vector<Frame*> frames_;
    std::uint64_t serial_counter_ = 0;
    std::uint32_t instance_counter_ = 0;
    std::vector<Diagnostic> main_diags_;
    std::vector<AnySite> main_any_;
};

}  // namespace pyro2cpp::sema::detail
