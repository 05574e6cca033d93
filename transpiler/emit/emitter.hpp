// The emitter's internals, shared by the emit/*.cpp files.
//
// There are no "where am I" flags: every function gets a Ctx naming the body being emitted
// (its sema tables, the function instance or the module's top level) and, for statements, a
// Writer that knows the indentation.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "emit/emit.hpp"

namespace pyro2cpp::emit::detail {

// C++ operator precedence, higher binds tighter; an operand of lower precedence than its
// position needs gets parentheses.
enum Prec : int {
    prec_conditional = 3,
    prec_or = 4,
    prec_and = 5,
    prec_bit_or = 6,
    prec_bit_xor = 7,
    prec_bit_and = 8,
    prec_equality = 9,
    prec_relational = 10,
    prec_shift = 11,
    prec_additive = 12,
    prec_multiplicative = 13,
    prec_unary = 14,
    prec_primary = 16,
};

// A C++ expression's text and the precedence of its outermost operator.
struct Cpp {
    std::string text;
    int prec = prec_primary;
};

// A statement being emitted that `break`, `continue`, `return` or a bare `raise` inside it
// must know about (emit_try.cpp).
struct Region {
    enum class Kind { loop, try_finally, handler };
    Kind kind = Kind::loop;
    int label = 0;  // the try statement's number: pyro_out_N, pyro_finally_N, pyro_caught_N
    // try_finally: which jumps went through the finally (only those are replayed after it).
    bool returns = false;
    bool breaks = false;
    bool continues = false;
};

// The body being emitted.
struct Ctx {
    const sema::Program& program;
    const sema::Body& body;
    const sema::FunctionInstance* instance;  // null: pyro_main
    const EmitOptions& options;
    const std::string& file_literal;        // the .pyro file's name as a C++ string literal
    std::uint32_t module = 0;               // the file being emitted (an index into program.modules)
    const sema::Closure* closure = nullptr;  // inside a nested def: its `return`s
    mutable std::vector<Region> regions{};  // innermost last
    mutable int try_count = 0;              // try statements emitted so far in this body
    // Parts of an expression being emitted in order, by their temporaries (emit_order.cpp).
    mutable std::unordered_map<const ast::Expr*, std::string> hoisted{};
};

// Lines of C++ at the current indentation.
class Writer {
public:
    void line(std::string_view text);
    void raw(std::string_view text);  // at column 0 (preprocessor lines)
    void blank() { out_ += '\n'; }
    void indent() { ++depth_; }
    void dedent() { --depth_; }
    std::string& out() { return out_; }

private:
    std::string out_;
    int depth_ = 0;
};

// ---- text (cpp_text.cpp)
std::string cpp_type(const sema::TypeTable& types, sema::TypeId type, bool as_result = false);
std::string string_literal(std::string_view value);  // "text"_s
std::string c_string(std::string_view value);        // "text"
std::string comment_text(std::string_view text);     // "// text", safe for C++
std::string int_literal(const ast::IntLit& lit);
std::string float_literal(const ast::FloatLit& lit);
std::string parenthesize(const Cpp& e, int min_prec);

// ---- expressions (emit_expr.cpp, emit_ops.cpp)
// `int_ok`: an int literal may be written bare (C++ already expects a pyro::Int there).
Cpp emit_expr(const Ctx& ctx, const ast::Expr& expr, bool int_ok = false);
// The expression as a value of `target` (int widens to float; a void call becomes a value).
std::string emit_as(const Ctx& ctx, const ast::Expr& expr, sema::TypeId target, bool int_ok);
// The expression as a value (a void call becomes `(f(), pyro::void_)`).
Cpp emit_value(const Ctx& ctx, const ast::Expr& expr, bool int_ok = false);
// A condition: the bool itself, or pyro::truthy(x).
Cpp emit_condition(const Ctx& ctx, const ast::Expr& expr);
Cpp emit_binary(const Ctx& ctx, const ast::Binary& binary);
Cpp emit_compare(const Ctx& ctx, const ast::Compare& compare);
Cpp emit_call(const Ctx& ctx, const ast::Call& call);
bool is_int_literal(const ast::Expr& expr);  // 5 or -5
// A read of a variable; in a function, a module-level one that may not be set yet is
// checked (sema::Variable::check_set).
Cpp emit_variable_read(const Ctx& ctx, sema::VarRef ref);
// The flag that says a checked module-level variable has been set.
std::string set_flag(const sema::Variable& global);
// `name`, defined at namespace scope by file `module`, as the code of ctx's file writes it:
// qualified with that file's namespace when it is another file's (emit_module.cpp).
std::string qualified(const Ctx& ctx, std::uint32_t module, const std::string& name);
// A variable's name as ctx's code writes it (another file's global is qualified).
std::string var_text(const Ctx& ctx, sema::VarRef ref);
// Whether evaluating the expression can raise (so its statement records its location).
bool can_fail(const Ctx& ctx, const ast::Expr& expr);

// ---- records and classes (emit_objects.cpp)
std::string object_cpp_type(const sema::TypeTable& types, sema::TypeId type);
// A record type's fields' types (a generic record's, of that instance).
std::vector<sema::TypeId> record_field_types(const sema::TypeTable& types, sema::TypeId type);
// `Point`, `Box<pyro::Int>`: the C++ class a method instance is a member of.
std::string owner_cpp_name(const sema::TypeTable& types, const sema::FunctionInstance& inst);
void emit_object_definitions(const sema::Program& program, Writer& w);
std::string method_signature(const sema::Program& program, const sema::FunctionInstance& inst);
Cpp emit_self(const Ctx& ctx);
bool is_self_name(const Ctx& ctx, const ast::Expr& e);
Cpp emit_member(const Ctx& ctx, const ast::Member& member);
std::string emit_member_assign(const Ctx& ctx, const ast::Member& target, const ast::Expr& value,
                               std::optional<ast::BinaryOp> op);
Cpp emit_object_call(const Ctx& ctx, const ast::Call& call, const sema::CallTarget& target);
// Methods and constructors as values and their curried calls (emit_object_values.cpp).
Cpp emit_bound_method(const Ctx& ctx, const ast::Member& member);
// `site`: the Name (or partial Call) whose type says which record type a generic one makes.
Cpp emit_constructor_value(const Ctx& ctx, const sema::CallTarget& target, const ast::Expr& site);
std::string method_pointer(const Ctx& ctx, const sema::FunctionInstance& inst);
// `Point.area`, `super().area` as values (emit_method_values.cpp).
Cpp emit_method_value(const Ctx& ctx, const ast::Member& member);
Cpp emit_object_curried(const Ctx& ctx, const ast::Call& call, const sema::CallTarget& target);
// An `any` value stored where a union is written: pyro::rt::check_union<A, B>(x).
std::optional<std::string> emit_union_check(const Ctx& ctx, const ast::Expr& expr);
// The narrowed copy of x at the top of a branch guarded by isinstance(x, T).
void emit_narrowing(const Ctx& ctx, Writer& w, const ast::IfBranch& branch);

// ---- exceptions (emit_try.cpp)
void emit_try(const Ctx& ctx, Writer& w, const ast::TryStmt& stmt, const std::string& comment);
void emit_raise(const Ctx& ctx, Writer& w, const ast::RaiseStmt& stmt, const std::string& comment);
void emit_assert(const Ctx& ctx, Writer& w, const ast::AssertStmt& stmt,
                 const std::string& comment);
// `break`, `continue` and `return` inside a try with a finally: set the outcome and jump to
// the finally (nullopt: the plain statement does). `value` is the returned C++ value.
std::optional<std::string> jump_through_finally(const Ctx& ctx, ast::StmtKind kind,
                                                const std::string& value);
// ---- C++ interop (emit_interop.cpp)
// The `#include` lines the program's `import cpp`s and externs need, in run order.
std::vector<std::string> interop_includes(const sema::Program& program);
// The wrapper function through which Pyro calls an extern's C++ function.
void emit_extern(const sema::Program& program, const sema::FunctionInstance& inst,
                 const EmitOptions& options, const std::string& file_literal, Writer& w);
// ---- concurrency (emit_conc.cpp)
std::optional<std::string> conc_cpp_type(const sema::TypeTable& types, sema::TypeId type);
Cpp emit_chan_new(const Ctx& ctx, const ast::Expr& expr, const ast::Expr& capacity);
// chan(n), a method call on a channel, WaitGroup or Mutex, a call of std.time or std.sync.
std::optional<Cpp> emit_conc_call(const Ctx& ctx, const ast::Call& call);
void emit_go(const Ctx& ctx, Writer& w, const ast::GoStmt& stmt, const std::string& comment);
void emit_select(const Ctx& ctx, Writer& w, const ast::SelectStmt& stmt,
                 const std::string& comment);
// ---- function values (emit_func.cpp)
std::string func_signature(const sema::TypeTable& types, sema::TypeId fn);  // R(A, B)
// A module-level function's instance as a value: `pyro::rt::func_ref<Sig, &add>("add")`.
std::string function_ref(const Ctx& ctx, const sema::FunctionInstance& inst);
Cpp emit_function_ref(const Ctx& ctx, const ast::Expr& name);
Cpp emit_lambda(const Ctx& ctx, const ast::Lambda& lambda);
// A call of a function value, or a partial or over-application (CallTarget::params).
Cpp emit_curried_call(const Ctx& ctx, const ast::Call& call);
// A curried call of a known callee taking `params` parameters, its arguments already
// emitted: `callee(args)` when complete, `pyro::rt::partial(value, args)` with fewer
// (`value`: the callee as a pyro::Func), `pyro::rt::call(callee(first), rest)` with more.
// Constructors and methods (records, classes) reuse it.
Cpp emit_curried(const std::string& callee, const std::string& value, std::size_t params,
                 const std::vector<std::string>& args);
// ---- the standard library (emit_stdlib.cpp)
std::string std_includes(const sema::Program& program);  // #include lines of imported modules
// List, dict and library object types ("" for other kinds).
std::string container_cpp_type(const sema::TypeTable& types, sema::TypeId type);
Cpp emit_std_call(const Ctx& ctx, const ast::Call& call, const sema::StdFunction& fn);
// ---- collections, strings and any (emit_collections.cpp, emit_methods.cpp,
// emit_data_stmt.cpp)
std::string cpp_data_type(const sema::TypeTable& types, sema::TypeId type);
// A display ([..], (..), {..}, {k: v}) or comprehension, built as `target` (its own type, or
// the type an empty literal's first use gave it).
Cpp emit_display(const Ctx& ctx, const ast::Expr& expr, sema::TypeId target);
// ---- interface values (emit_interface_values.cpp)
sema::TypeId erase_interfaces(const sema::TypeTable& table, sema::TypeId type);
std::optional<std::string> emit_interface_conversion(const Ctx& ctx, const ast::Expr& expr,
                                                     sema::TypeId target, bool int_ok);
Cpp emit_interface_result(const ast::Call& call, const Ctx& ctx, std::string dispatched);
Cpp emit_index(const Ctx& ctx, const ast::Index& index);
Cpp emit_slice(const Ctx& ctx, const ast::Slice& slice);
Cpp emit_comprehension(const Ctx& ctx, const ast::Comprehension& comp);
// The conversions emit_as needs beyond int -> float: to and from any, empty literals.
std::optional<std::string> emit_data_conversion(const Ctx& ctx, const ast::Expr& expr,
                                                sema::TypeId target, bool int_ok);
std::optional<Cpp> emit_method_call(const Ctx& ctx, const ast::Call& call);
Cpp emit_data_builtin(const Ctx& ctx, const ast::Call& call, sema::Builtin builtin);
Cpp emit_membership(const Ctx& ctx, bool negated, const Cpp& element, const Cpp& container);
bool data_can_fail(const Ctx& ctx, const ast::Expr& expr, bool& fails);
bool data_stmt_can_fail(const Ctx& ctx, const ast::Stmt& stmt);
// `for (...)` over `iter` binding `target` (declared by sema at `node`), and the statements
// that must open the body (unpacking a list or an any element).
struct LoopHeader {
    std::string header;
    std::vector<std::string> prelude;
};
LoopHeader loop_header(const Ctx& ctx, const ast::Target& target, const void* node,
                       const ast::Expr& iter);
void emit_for_data(const Ctx& ctx, Writer& w, const ast::ForStmt& stmt, const std::string& prefix,
                   const std::string& comment);
void emit_let_unpack(const Ctx& ctx, Writer& w, const ast::LetStmt& let, const std::string& prefix,
                     const std::string& comment);
void emit_assign_data(const Ctx& ctx, Writer& w, const ast::AssignStmt& assign,
                      const std::string& prefix, const std::string& comment);
void emit_aug_assign_element(const Ctx& ctx, Writer& w, const ast::AugAssignStmt& aug,
                             const std::string& prefix, const std::string& comment);

// ---- evaluation order (emit_order.cpp)
// Whether evaluating the expression may do something another part could see (conservative):
// it contains a call or a channel's creation.
bool may_have_effects(const Ctx& ctx, const ast::Expr& expr);
// The temporary holding the expression, while the expression around it is emitted in order.
std::optional<Cpp> hoisted(const Ctx& ctx, const ast::Expr& expr);
// The call, operator or comparison as a lambda evaluating its parts left to right into
// temporaries, when at least two of them may have effects (nullopt: the plain C++ will do).
std::optional<Cpp> emit_call_in_order(const Ctx& ctx, const ast::Call& call);
std::optional<Cpp> emit_binary_in_order(const Ctx& ctx, const ast::Binary& binary);
std::optional<Cpp> emit_compare_in_order(const Ctx& ctx, const ast::Compare& compare);
// `emit` emits the f-string itself.
std::optional<Cpp> emit_fstring_in_order(const Ctx& ctx, const ast::FString& fstring,
                                         const std::function<Cpp()>& emit);

// ---- statements (emit_stmt.cpp)
void emit_block(const Ctx& ctx, Writer& w, const ast::Block& block);
void emit_stmt(const Ctx& ctx, Writer& w, const ast::Stmt& stmt);
void emit_nested_def(const Ctx& ctx, Writer& w, const ast::DefStmt& def);  // emit_func.cpp
// The last line of a body that can reach its end with a non-void result (emit_func.cpp).
std::string fall_off_end(const sema::TypeTable& types, sema::TypeId result);

}  // namespace pyro2cpp::emit::detail
