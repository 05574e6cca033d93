// The emitter's internals, shared by the emit/*.cpp files.
//
// There are no "where am I" flags: every function gets a Ctx naming the body being emitted
// (its sema tables, the function instance or the module's top level) and, for statements, a
// Writer that knows the indentation.
#pragma once

#include <optional>
#include <string>
#include <string_view>
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

// The body being emitted.
struct Ctx {
    const sema::Program& program;
    const sema::Body& body;
    const sema::FunctionInstance* instance;  // null: pyro_main
    const EmitOptions& options;
    const std::string& file_literal;  // the .pyro file's name as a C++ string literal
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
// Whether evaluating the expression can raise (so its statement records its location).
bool can_fail(const Ctx& ctx, const ast::Expr& expr);

// ---- collections, strings and any (emit_collections.cpp, emit_methods.cpp,
// emit_data_stmt.cpp)
std::string cpp_data_type(const sema::TypeTable& types, sema::TypeId type);
// A display ([..], (..), {..}, {k: v}) or comprehension, built as `target` (its own type, or
// the type an empty literal's first use gave it).
Cpp emit_display(const Ctx& ctx, const ast::Expr& expr, sema::TypeId target);
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

// ---- statements (emit_stmt.cpp)
void emit_block(const Ctx& ctx, Writer& w, const ast::Block& block);
void emit_stmt(const Ctx& ctx, Writer& w, const ast::Stmt& stmt);

}  // namespace pyro2cpp::emit::detail
