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
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <tuple>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "sema/sema.hpp"

namespace pyro2cpp::sema::detail {

// LANGUAGE.md 9: past this many nested instances of one function, parameters become any.
inline constexpr int max_nested_instances = 8;
// Passes only widen types along a short lattice; hitting this means a checker bug.
inline constexpr int max_passes = 64;

// Argument counts in messages: "2 arguments", "1 was given" (check_call.cpp).
std::string count_text(std::size_t n);
std::string given_text(std::size_t n);

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
    std::size_t position = 0;  // its statement's position (see ModuleScope::base)
    std::uint32_t module = 0;  // its file
    std::string cpp_name;
    std::vector<std::optional<TypeId>> param_types;  // nullopt: generic
    std::optional<TypeId> result_type;               // written `-> R`
    bool generic = false;
    bool falls_off_end = false;  // the body can reach its end
    std::map<std::vector<TypeId>, FunctionInstance*> instances;
    ClassInfo* owner = nullptr;  // a method's record or class (its first parameter is self)
    const ast::ExternStmt* extern_ = nullptr;  // an extern's declaration (externs.cpp)
};

// A module-level `let`/`mut` name: a C++ global.
struct GlobalDecl {
    std::size_t position = 0;  // its statement's position (see ModuleScope::base)
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

// One file's top-level names (LANGUAGE.md 9 "Imports"); modules.cpp looks through the files
// it imports.
struct ModuleScope {
    const ast::Module* module = nullptr;
    const SourceFile* file = nullptr;
    std::vector<std::uint32_t> imports;
    // Statement positions count through every file's statements in run order, so "declared
    // before" and "runs before" compare positions across files too.
    std::size_t base = 0;
    std::unordered_map<std::string, FunctionDecl*> functions;
    std::unordered_map<std::string, std::vector<GlobalDecl>> globals_by_name;
    std::unordered_set<std::string> reported_names;  // from std imports and externs
    // Its type names (module_types.cpp): records and classes, interfaces, aliases.
    std::unordered_map<std::string, ClassInfo*> classes;
    std::unordered_map<std::string, const ast::InterfaceStmt*> interfaces;
    std::unordered_map<std::string, const ast::TypeAliasStmt*> aliases;
};

// A type name as a file sees it: its own, or one of a file it imports (module_types.cpp).
struct TypeName {
    ClassInfo* cls = nullptr;
    const ast::InterfaceStmt* interface = nullptr;
    const ast::TypeAliasStmt* alias = nullptr;
    std::uint32_t module = 0;  // the file defining it
    bool ambiguous = false;    // two imported files define it (reported)
    bool found() const { return cls != nullptr || interface != nullptr || alias != nullptr; }
};

struct Scope {
    std::unordered_map<std::string, VarRef> names;
    std::unordered_set<std::string> cpp_names;
};

// One pass over one body.
struct Frame {
    FunctionInstance* instance = nullptr;  // null: the module's top level
    InstanceInfo* info = nullptr;
    std::uint32_t module = 0;  // the file whose names it sees
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
    int handler_depth = 0;  // inside an `except` body: a bare `raise` re-raises
    bool check_only = false;
    std::vector<Dependency> deps;
    std::set<std::uint32_t> global_reads;  // module-level variables read (in a function)
    // Inside a lambda or nested def: the innermost one, and the first local that is its own
    // (older locals are captured).
    struct ClosureCtx* closure = nullptr;
    std::uint32_t closure_first_local = 0;
};

// The lambda or nested def being checked (check_func.cpp).
struct ClosureCtx {
    ClosureCtx* parent = nullptr;       // the closure this one is inside of
    const ast::DefStmt* def = nullptr;  // null: a lambda
    std::optional<TypeId> result_type;  // written `-> R`
    std::optional<VarRef> self;         // a nested def's own variable
    bool recursive = false;
};

// What the uses of a generic function value taught about its parameter types.
struct ValueSite {
    std::vector<TypeId> params;          // pending: not known yet
    std::optional<std::string> why_any;  // why a parameter became any
    bool quiet = false;                  // converted to a function type it can never match
    // A nested def nothing calls: like an uncalled module-level function, it is checked with
    // any parameters without a complaint (docs/inference.md).
    bool nested_def = false;
};

// What a name means where it is used.
struct Resolved {
    // `reported`: declared by a statement already reported as not supported (an import, an
    // extern), so its uses are not reported again.
    enum class Kind { none, variable, function, builtin, unsupported_builtin, reported, class_ };
    // `reported` also stands for a name two imported files define (reported at the use).
    Kind kind = Kind::none;
    VarRef var;
    FunctionDecl* function = nullptr;
    Builtin builtin = Builtin::print;
    ClassInfo* cls = nullptr;  // a record or class name: its constructor
};

// A class field's type as remembered across whole-module runs (like a global's).
struct FieldMemory {
    TypeId type = types::pending;
    bool read = false;  // read during this run
    std::optional<AnySite> why_any;
};

// Builtins (builtins.cpp).
std::optional<Builtin> find_builtin(const std::string& name);
bool is_unsupported_builtin(const std::string& name);
const char* builtin_name(Builtin b);

// Whether a block can complete normally, i.e. reach its end (control_flow.cpp).
bool can_reach_end(const ast::Block& block);

// `super()`, the object of a parent's method call (check_members.cpp).
bool is_super_call(const ast::Expr& e);

// Whether `<` can order values of types a and b (check_data_builtins.cpp).
bool orderable(const TypeTable& t, TypeId a, TypeId b);

class Checker {
public:
    Checker(const std::vector<ModuleInput>& modules, DiagnosticSink& sink,
            const SemaOptions& options);
    std::unique_ptr<Program> run();

private:
    // ---- the module (sema.cpp)
    void collect_declarations();
    void collect_module_declarations(std::uint32_t m, std::set<std::string>& used);
    void collect_module_names(std::uint32_t m);
    void declare_function(const ast::DefStmt& def, std::size_t position, std::uint32_t module);
    // ---- C++ interop (externs.cpp)
    void declare_extern(const ast::ExternStmt& ext, std::size_t position, std::uint32_t module);
    void check_cpp_import(const ast::ImportStmt& import);
    void check_module_once();
    void check_main_body();
    void check_uncalled_functions();
    void finish();
    void mark_unset_checks(const std::unordered_set<const FunctionInstance*>& emitted);
    void reset_run();

    // ---- annotations (annotations.cpp); `report` false re-resolves silently
    TypeId resolve_type(const ast::TypeExpr& type, bool report);
    TypeId annotation_error(const ast::TypeExpr& type, std::string message, bool report);
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

    // ---- names and scopes (scope.cpp); `use` locates the error for an ambiguous import
    Resolved resolve(const std::string& name, Loc use);
    // Where no use location is at hand (an ambiguous import is then reported unlocated).
    Resolved resolve(const std::string& name) { return resolve(name, Loc{}); }
    // ---- names from imported files (modules.cpp)
    Resolved resolve_imported(const std::string& name, Loc use);
    std::optional<std::uint32_t> latest_global(const ModuleScope& m, const std::string& name,
                                               std::size_t before) const;
    const SourceFile& file_of(Loc loc) const;
    ModuleScope& current_module() { return modules_[frame().module]; }
    const ModuleScope& current_module() const { return modules_[frame().module]; }
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
    // The types of a call's arguments, checked left to right; `failed` (when given) becomes
    // true if one is an error.
    std::vector<TypeId> check_args(const ast::Call& call, bool* failed = nullptr);
    // Whether `given` arguments fit `name`, which takes lo to hi; if not, says so at the call.
    bool check_arity(const ast::Call& call, const std::string& name, std::size_t given,
                     std::size_t lo, std::size_t hi);
    // `value_type` stored where `target` is expected; reports a mismatch at `value`.
    bool check_conversion(TypeId value_type, TypeId target, const ast::Expr& value,
                          const std::string& what = "");
    // A fresh container (a literal, a comprehension, a copy) converting into a mutable kind
    // or other element types; else a hint when only sharing forbids it (check_collections.cpp).
    bool converts_fresh(TypeId value_type, TypeId target, const ast::Expr& value,
                        std::string& hint);
    bool displays_into(const ast::Expr& value, TypeId target);
    // "an int", "a string", "void".
    std::string a_type(TypeId t) const;
    TypeId unsupported(Loc loc, const std::string& what);

    // ---- records, classes, Error, try/raise/assert (check_objects.cpp, check_members.cpp,
    //      check_try.cpp)
    void declare_objects();
    void declare_class_fields(ClassInfo& cls);
    void declare_method(ClassInfo& cls, const ast::DefStmt& def);
    FunctionDecl* find_method(const ClassInfo& cls, const std::string& name) const;
    std::optional<TypeId> object_type(const ast::TypeExpr& type, bool report);
    TypeId record_field_type(const ClassInfo& rec, TypeId record_type, const FieldInfo& field);
    void check_overrides();
    // The result of a method that overrides or is overridden: the join of every result of
    // its family (the methods of that name below the highest class declaring it).
    TypeId override_result(const FunctionInstance& inst, const InstanceInfo& info);
    std::map<std::tuple<const ClassInfo*, std::string, std::vector<TypeId>>, TypeId>
        family_results_;  // across runs, like field_memory_
    TypeId check_construct(ClassInfo& cls, const ast::Call& call, const std::vector<TypeId>& args);
    TypeId call_method(FunctionDecl& decl, const ast::Call& call, TypeId self_type,
                       const std::vector<TypeId>& args);
    TypeId check_member(const ast::Member& member);
    // ---- methods and constructors as values, curried (check_object_values.cpp)
    FunctionInstance* method_instance(FunctionDecl& decl, TypeId self_type,
                                      std::vector<TypeId> params);
    TypeId bound_method(const ast::Member& member, FunctionDecl& decl, TypeId self_type);
    TypeId call_method_curried(FunctionDecl& decl, const ast::Call& call, TypeId self_type,
                               const std::vector<TypeId>& args, const ClassInfo* constructs);
    TypeId constructor_value(const ast::Name& name, ClassInfo& cls);
    const ClassInfo* super_class(const ast::Expr& super_call);
    // `Point.area`, `super().area` as values (check_method_values.cpp); nullopt: neither.
    std::optional<TypeId> check_method_value(const ast::Member& member);
    bool names_class_method(const ast::Member& member);
    TypeId construct_partial(ClassInfo& cls, const ast::Call& call,
                             const std::vector<TypeId>& args);
    TypeId generic_record_value(ClassInfo& cls, const ast::Expr& site,
                                const std::vector<TypeId>& given, const ast::Call* call);
    // `object_type`: the object's type when the caller has checked it already.
    std::optional<TypeId> check_method_call(const ast::Call& call,
                                            std::optional<TypeId> object_type = std::nullopt);
    void check_member_assign(const ast::Member& target, TypeId value, const ast::Expr& value_expr,
                             std::optional<ast::BinaryOp> op);
    const ClassInfo* class_of(TypeId type) const;
    TypeId check_isinstance(const ast::Call& call);
    void declare_interfaces();
    std::optional<TypeId> interface_or_alias_type(const ast::TypeExpr& type, bool report);
    // ---- type names across files (module_types.cpp)
    std::uint32_t type_module() const;
    TypeName find_type_name(const std::string& name, Loc use, bool report);
    void report_ambiguous(const std::string& name, Loc use, const std::vector<TypeName>& found);
    std::uint32_t decl_module_ = 0;  // whose names a declaration's types see (no frame yet)
    std::optional<std::uint32_t> type_module_override_;  // an imported alias's own file
    void check_interface_uses(FunctionDecl& decl);
    // ---- generic records (check_generic_records.cpp)
    TypeId record_instance_type(const ClassInfo& cls, const std::vector<TypeId>& args);
    std::unordered_map<std::string, TypeId> record_subst(TypeId record_type) const;
    void unify_record_param(const ClassInfo& cls, const ast::TypeExpr& written, TypeId value,
                            std::vector<TypeId>& bound);
    TypeId infer_record_type(const ClassInfo& cls, const std::vector<TypeId>& fields, Loc loc);
    FunctionDecl* method_for(TypeId self_type, const ClassInfo& cls, const std::string& name);
    void declare_generic_method(ClassInfo& cls, std::unique_ptr<FunctionDecl> decl);
    void instantiate_record_methods(TypeId record_type);
    std::unordered_map<std::string, TypeId> enter_record_params(const FunctionDecl& decl);
    void reset_record_methods();
    void check_uncalled_record_methods();
    void collect_record_specializations();
    void add_record_methods(std::unordered_set<const FunctionInstance*>& emitted);
    std::vector<const FunctionInstance*> eager_record_methods_;  // this run's
    std::vector<std::unique_ptr<FunctionDecl>> record_method_decls_;
    std::map<std::pair<const FunctionDecl*, TypeId>, FunctionDecl*> record_methods_;
    bool check_satisfies(TypeId value_type, TypeId interface, const ast::Expr& value,
                         const std::string& what);
    // ---- interface values (check_interface_values.cpp)
    std::optional<TypeId> check_interface_call(const ast::Call& call, TypeId object);
    bool mentions_interface(TypeId type);
    TypeId interface_member_type(TypeId interface, const ast::TypeExpr* written, bool is_result);
    bool check_interface_value(TypeId value_type, TypeId target, const ast::Expr& value,
                               const std::string& what);
    bool check_becomes_interface(TypeId value_type, TypeId interface, const ast::Expr& value,
                                 const std::string& what);
    // A value of a static type stored where a union (or an alias of one) is written: it
    // must be one of the members.
    bool check_union_member(TypeId value_type, const ast::TypeExpr& written,
                            const ast::Expr& value);
    void narrow_isinstance(const ast::IfBranch& branch);
    std::optional<bool> isinstance_known(const ast::IfBranch& branch) const;
    void check_try(const ast::TryStmt& stmt);
    void check_raise(const ast::RaiseStmt& stmt);
    void check_assert(const ast::AssertStmt& stmt);
    // ---- concurrency (check_conc.cpp: go, chan, views, select; check_std_conc.cpp: std.time
    // and std.sync, until the general `import std.NAME` lands)
    std::optional<TypeId> resolve_channel_type(const ast::TypeExpr& type, bool report);
    TypeId check_chan_new(const ast::ChanNew& e);
    TypeId check_chan_call(const ast::Call& call);
    TypeId check_member_call(const ast::Call& call);
    TypeId check_channel_method(const ast::Call& call, TypeId object);
    std::optional<TypeId> channel_iteration(const ast::ForStmt& stmt, TypeId iter);
    void check_go(const ast::GoStmt& stmt);
    void check_select(const ast::SelectStmt& stmt);
    void learn_element(TypeId channel, TypeId value);
    void learn_element_from(TypeId channel, TypeId target);
    // ---- function values, lambdas, closures, currying (check_func.cpp, check_curry.cpp)
    TypeId function_ref(const ast::Name& name, FunctionDecl& decl);
    TypeId check_lambda(const ast::Lambda& lambda);
    void check_nested_def(const ast::DefStmt& def);
    void check_closure_return(const ast::ReturnStmt& stmt);
    // A generic function value made at `site`: concrete once its parameter types are known
    // (`make` builds it from them), else a generic type that its uses teach.
    TypeId function_value(const void* site, Loc loc, std::size_t arity,
                          const std::function<TypeId(const std::vector<TypeId>&)>& make);
    // `conversion`: the value is converted to a function type with these parameters.
    void teach_site(TypeId generic, const std::vector<TypeId>& params, bool conversion = false);
    // After a run (`aborted`: cut short for another run): true if another run is needed.
    bool settle_function_values(bool aborted);
    void note_capture(VarRef ref);
    // The call `call` applies a callee of function type `fn` to `args` (the argument
    // expressions from `call.args[first]`), currying: fewer arguments give a function of the
    // rest, more apply the result to the surplus. Checks each argument against its
    // parameter and returns the type of the whole application. Record and class
    // constructors and methods reuse it with their own function types.
    TypeId apply_function(TypeId fn, const std::vector<TypeId>& args, const ast::Call& call,
                          std::size_t first, const std::string& callee_name);
    // The result of a call applied to the arguments beyond its callee's parameters.
    TypeId apply_surplus(TypeId result, const std::vector<TypeId>& args, const ast::Call& call,
                         std::size_t first, std::size_t taken, const std::string& callee_name);
    TypeId call_value(TypeId callee_type, const ast::Call& call, const std::vector<TypeId>& args);
    // The parameter types the given arguments of a (partial) call fill, from parameter `first`
    // on (1 past a method's self); nullopt when every argument fits, else error or pending.
    std::optional<TypeId> given_params(const FunctionDecl& decl, std::size_t first,
                                       const ast::Call& call, const std::vector<TypeId>& args,
                                       std::string_view callee, std::vector<TypeId>& given);
    TypeId call_function_partial(FunctionDecl& decl, const ast::Call& call,
                                 const std::vector<TypeId>& arg_types);
    void warn_discarded_partial(const ast::Expr& expr);
    // ---- the standard library (check_module_call.cpp)
    void declare_std_import(const ast::ImportStmt& import);  // a module-level `import std.x`
    void check_std_import(const ast::ImportStmt& import);    // when the body is checked
    std::optional<std::string> module_named(const ast::Expr& object, bool& reported);
    // math.f(...), std.math.f(...); nullopt when the object is not a module.
    std::optional<TypeId> check_std_module_call(const ast::Call& call);
    TypeId check_std_method_call(const ast::Call& call, TypeId object);  // wg.add(1)
    std::optional<TypeId> check_std_member(const ast::Member& member);
    std::optional<TypeId> check_module_name(const ast::Name& name);  // `math` as a value
    TypeId check_std_call(const StdFunction& fn, const ast::Call& call,
                          const std::vector<TypeId>& args, const std::string& shown);
    TypeId std_result(const StdFunction& fn, const std::vector<TypeId>& args);
    void warn_if_hides_module(const std::string& name, Loc loc);
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
    // A method of a collection or string (`receiver`: the object's type, already checked).
    TypeId check_data_method_call(const ast::Call& call, TypeId receiver);
    TypeId check_data_builtin(Builtin builtin, const ast::Call& call,
                              const std::vector<TypeId>& args);
    TypeId map_partial(FunctionDecl& decl, const ast::Call& call, TypeId element);
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

    std::vector<ModuleScope> modules_;  // in run order, the main file last
    DiagnosticSink& sink_;
    SemaOptions options_;
    std::unique_ptr<Program> program_;

    std::vector<std::unique_ptr<FunctionDecl>> decls_;
    std::unordered_set<std::string> type_params_;  // of the def being declared
    std::map<std::string, Loc> std_modules_;       // imported: `math` -> its import
    std::unordered_map<DeclKey, GlobalDecl, DeclKeyHash> globals_by_decl_;
    std::vector<std::size_t> global_positions_;       // by global index
    std::vector<VarMemory> global_memory_;            // across whole-module runs
    std::vector<std::optional<TypeId>> global_read_;  // the type a global was read at
    VarMemories main_memory_;                         // the top level's locals
    bool rerun_ = false;       // a global widened after it was read: check everything again
    bool check_only_ = false;  // checking uncalled functions (phase 2)

    std::unordered_map<std::string, ClassInfo*> classes_;  // Error (files keep their own)
    std::map<std::pair<const ClassInfo*, std::string>, FunctionDecl*> methods_;
    std::unordered_map<const FieldInfo*, FieldMemory> field_memory_;
    std::unordered_map<std::string, TypeId> type_subst_;  // a generic record's parameters
    std::unordered_map<const ast::TypeExpr*, std::vector<TypeId>> union_members_;

    std::unordered_map<const FunctionInstance*, InstanceInfo> infos_;
    std::vector<std::unique_ptr<FunctionInstance>> all_instances_;
    std::vector<FunctionInstance*> uncalled_roots_;
    std::vector<Frame*> frames_;
    std::uint64_t serial_counter_ = 0;
    std::uint32_t instance_counter_ = 0;
    std::vector<Diagnostic> main_diags_;
    std::vector<AnySite> main_any_;

    std::unordered_map<const void*, ValueSite> sites_;  // across runs (check_func.cpp)
    std::vector<TypeId> open_sites_;                    // generic values made during this run
    bool sites_changed_ = false;
};

}  // namespace pyro2cpp::sema::detail
