// The abstract syntax tree: plain structs, one per construct, owned through unique_ptr.
//
// Every node has a source range. Nodes are dispatched on `kind` with a switch and reached
// with `as<T>()`. Sema does not rewrite the tree: it keeps its results (types, resolved
// names, instances) in side tables keyed by node address, so the tree stays exactly what the
// user wrote.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "source/source.hpp"

namespace pyro2cpp::ast {

// ---------------------------------------------------------------------------------------
// Type expressions (annotations): `int`, `list<int>`, `dict<string, int>`, `(int) -> int`,
// `A | B`, `chan<T>`, `Sender<T>`, `tuple<int, string>`, `void`, user names.

struct TypeExpr;
using TypeExprPtr = std::unique_ptr<TypeExpr>;

enum class TypeExprKind { named, function, union_ };

struct TypeExpr {
    TypeExprKind kind = TypeExprKind::named;
    Range range;
    std::string name;                 // named: `int`, `list`, `Point`, `chan`, ...
    std::vector<TypeExprPtr> args;    // named: type arguments; function: parameter types;
                                      // union_: the members
    TypeExprPtr result;               // function: the result type
};

// ---------------------------------------------------------------------------------------
// Expressions

enum class ExprKind {
    int_lit, float_lit, string_lit, fstring, bool_lit, void_lit,
    name,
    unary, binary, compare, logical, range, conditional,
    call, index, slice, member,
    tuple, list, set, dict,
    comprehension,
    lambda,
    chan_new,
};

enum class UnaryOp { neg, plus, bit_not, not_ };
enum class BinaryOp { add, sub, mul, div, mod, pow, bit_and, bit_or, bit_xor, shl, shr };
enum class CompareOp { eq, ne, lt, le, gt, ge, in, not_in };
enum class LogicalOp { and_, or_ };

const char* spelling(UnaryOp op);    // "-", "+", "~", "not"
const char* spelling(BinaryOp op);   // "+", "**", ...
const char* spelling(CompareOp op);  // "==", "not in", ...
const char* spelling(LogicalOp op);  // "and", "or"

struct Expr {
    explicit Expr(ExprKind k) : kind(k) {}
    virtual ~Expr() = default;
    ExprKind kind;
    Range range;

    template <class T> T& as() { return static_cast<T&>(*this); }
    template <class T> const T& as() const { return static_cast<const T&>(*this); }
};
using ExprPtr = std::unique_ptr<Expr>;

struct IntLit : Expr { IntLit() : Expr(ExprKind::int_lit) {} std::int64_t value = 0; std::string spelling; };
struct FloatLit : Expr { FloatLit() : Expr(ExprKind::float_lit) {} double value = 0; std::string spelling; };
struct StringLit : Expr { StringLit() : Expr(ExprKind::string_lit) {} std::string value; };
struct BoolLit : Expr { BoolLit() : Expr(ExprKind::bool_lit) {} bool value = false; };
struct VoidLit : Expr { VoidLit() : Expr(ExprKind::void_lit) {} };

// f"a {x} b {y:.2f}": literal pieces and expressions, in order.
struct FStringPiece {
    std::string text;   // literal text when `expr` is null
    ExprPtr expr;       // an embedded expression
    std::string format_spec;
};
struct FString : Expr { FString() : Expr(ExprKind::fstring) {} std::vector<FStringPiece> pieces; };

struct Name : Expr { Name() : Expr(ExprKind::name) {} std::string id; };

struct Unary : Expr { Unary() : Expr(ExprKind::unary) {} UnaryOp op{}; ExprPtr operand; };
struct Binary : Expr { Binary() : Expr(ExprKind::binary) {} BinaryOp op{}; ExprPtr lhs, rhs; };

// a < b <= c: operands.size() == ops.size() + 1. A plain `a == b` has one op.
struct Compare : Expr {
    Compare() : Expr(ExprKind::compare) {}
    std::vector<ExprPtr> operands;
    std::vector<CompareOp> ops;
    std::vector<Loc> op_locs;
};

struct Logical : Expr { Logical() : Expr(ExprKind::logical) {} LogicalOp op{}; ExprPtr lhs, rhs; };

// a..b
struct RangeExpr : Expr { RangeExpr() : Expr(ExprKind::range) {} ExprPtr lo, hi; };

// then_value if cond else else_value
struct Conditional : Expr {
    Conditional() : Expr(ExprKind::conditional) {}
    ExprPtr cond, then_value, else_value;
};

struct Call : Expr { Call() : Expr(ExprKind::call) {} ExprPtr callee; std::vector<ExprPtr> args; };
struct Index : Expr { Index() : Expr(ExprKind::index) {} ExprPtr object, index; };
// object[lo:hi:step]; each bound may be null.
struct Slice : Expr { Slice() : Expr(ExprKind::slice) {} ExprPtr object, lo, hi, step; };
struct Member : Expr { Member() : Expr(ExprKind::member) {} ExprPtr object; std::string name; Loc name_loc; };

struct TupleExpr : Expr { TupleExpr() : Expr(ExprKind::tuple) {} std::vector<ExprPtr> elements; };
struct ListExpr : Expr { ListExpr() : Expr(ExprKind::list) {} std::vector<ExprPtr> elements; };
struct SetExpr : Expr { SetExpr() : Expr(ExprKind::set) {} std::vector<ExprPtr> elements; };
struct DictEntry { ExprPtr key, value; };
struct DictExpr : Expr { DictExpr() : Expr(ExprKind::dict) {} std::vector<DictEntry> entries; };

// A target of `for` or of a comprehension clause: one name, or several (`k, v`).
struct Target {
    std::vector<std::string> names;
    std::vector<Loc> locs;
    bool parenthesized_tuple = false;  // `for (a, b) in ...` or `for a, b in ...`: a tuple
};

// for targets in iter [if cond]...
struct CompClause {
    Target target;
    ExprPtr iter;
    std::vector<ExprPtr> conditions;
};

enum class CompKind { list, set, dict };

// [element for x in xs if p], {key: element for ...}, {element for ...}
struct Comprehension : Expr {
    Comprehension() : Expr(ExprKind::comprehension) {}
    CompKind comp = CompKind::list;
    ExprPtr key;      // dict only
    ExprPtr element;  // the value (for dicts: the value after ':')
    std::vector<CompClause> clauses;
};

struct Param {
    std::string name;
    Loc loc;
    TypeExprPtr type;  // null when unannotated (generic)
};

struct Lambda : Expr { Lambda() : Expr(ExprKind::lambda) {} std::vector<Param> params; ExprPtr body; };

// chan<T>(n). `chan(n)` without a type is a Call of the name `chan`.
struct ChanNew : Expr { ChanNew() : Expr(ExprKind::chan_new) {} TypeExprPtr element; ExprPtr capacity; };

// ---------------------------------------------------------------------------------------
// Statements

enum class StmtKind {
    expr, let, assign, aug_assign,
    if_, while_, for_, break_, continue_, pass, return_,
    def, record, class_, interface, type_alias,
    try_, raise, assert_, go, select,
    import, extern_,
};

struct Stmt;
using StmtPtr = std::unique_ptr<Stmt>;
using Block = std::vector<StmtPtr>;

struct Stmt {
    explicit Stmt(StmtKind k) : kind(k) {}
    virtual ~Stmt() = default;
    StmtKind kind;
    Range range;
    // Comments carried over to the C++: whole-line comments just before the statement, and
    // a comment at the end of its first line. Text is what follows '#' or '//'.
    std::vector<std::string> leading_comments;
    std::string trailing_comment;
    bool has_trailing_comment = false;

    template <class T> T& as() { return static_cast<T&>(*this); }
    template <class T> const T& as() const { return static_cast<const T&>(*this); }
};

struct ExprStmt : Stmt { ExprStmt() : Stmt(StmtKind::expr) {} ExprPtr expr; };

// let x[: T] = v / mut x[: T] = v / let a, b = pair
struct LetStmt : Stmt {
    LetStmt() : Stmt(StmtKind::let) {}
    bool is_mut = false;
    std::vector<std::string> names;  // several for unpacking
    std::vector<Loc> name_locs;
    TypeExprPtr type;                // only with a single name
    ExprPtr value;
};

// target = value. target is a Name, Member, Index, or a TupleExpr of those (unpacking).
struct AssignStmt : Stmt { AssignStmt() : Stmt(StmtKind::assign) {} ExprPtr target, value; };

// target op= value
struct AugAssignStmt : Stmt { AugAssignStmt() : Stmt(StmtKind::aug_assign) {} BinaryOp op{}; ExprPtr target, value; };

struct IfBranch { ExprPtr cond; Block body; Range range; };
struct IfStmt : Stmt { IfStmt() : Stmt(StmtKind::if_) {} std::vector<IfBranch> branches; Block else_body; bool has_else = false; };
struct WhileStmt : Stmt { WhileStmt() : Stmt(StmtKind::while_) {} ExprPtr cond; Block body; };
struct ForStmt : Stmt { ForStmt() : Stmt(StmtKind::for_) {} Target target; ExprPtr iter; Block body; };
struct BreakStmt : Stmt { BreakStmt() : Stmt(StmtKind::break_) {} };
struct ContinueStmt : Stmt { ContinueStmt() : Stmt(StmtKind::continue_) {} };
struct PassStmt : Stmt { PassStmt() : Stmt(StmtKind::pass) {} };
struct ReturnStmt : Stmt { ReturnStmt() : Stmt(StmtKind::return_) {} ExprPtr value; };

struct TypeParam { std::string name; Loc loc; };

// def name<T>(params) -> R: body. Methods are DefStmts inside a record or class whose first
// parameter is `self`.
struct DefStmt : Stmt {
    DefStmt() : Stmt(StmtKind::def) {}
    std::string name;
    Loc name_loc;
    std::vector<TypeParam> type_params;
    std::vector<Param> params;
    TypeExprPtr result;  // null when not written
    Block body;
};

// record Name<T>(field: T, ...): methods
struct RecordStmt : Stmt {
    RecordStmt() : Stmt(StmtKind::record) {}
    std::string name;
    Loc name_loc;
    std::vector<TypeParam> type_params;
    std::vector<Param> fields;  // always annotated
    std::vector<std::unique_ptr<DefStmt>> methods;
};

// class Name(Parent): methods (and `pass`)
struct ClassStmt : Stmt {
    ClassStmt() : Stmt(StmtKind::class_) {}
    std::string name;
    Loc name_loc;
    std::string parent;  // "" when none
    Loc parent_loc;
    std::vector<std::unique_ptr<DefStmt>> methods;
};

// interface Name<T> { def m(p: T) -> R ... }: signatures only (DefStmt with empty body).
struct InterfaceStmt : Stmt {
    InterfaceStmt() : Stmt(StmtKind::interface) {}
    std::string name;
    Loc name_loc;
    std::vector<TypeParam> type_params;
    std::vector<std::unique_ptr<DefStmt>> methods;
};

// type Alias<T> = T | U
struct TypeAliasStmt : Stmt {
    TypeAliasStmt() : Stmt(StmtKind::type_alias) {}
    std::string name;
    Loc name_loc;
    std::vector<TypeParam> type_params;
    TypeExprPtr type;
};

// except [Class as] [name]: body
struct ExceptClause {
    Range range;
    std::string class_name;  // "" for `except:` / `except e:`
    Loc class_loc;
    std::string binding;     // "" when the value is not bound
    Loc binding_loc;
    Block body;
};

struct TryStmt : Stmt {
    TryStmt() : Stmt(StmtKind::try_) {}
    Block body;
    std::vector<ExceptClause> handlers;
    Block finally_body;
    bool has_finally = false;
};

// raise [value [from cause]]
struct RaiseStmt : Stmt { RaiseStmt() : Stmt(StmtKind::raise) {} ExprPtr value, cause; };
struct AssertStmt : Stmt { AssertStmt() : Stmt(StmtKind::assert_) {} ExprPtr cond, message; };

// go call(args): `call` is a Call expression.
struct GoStmt : Stmt { GoStmt() : Stmt(StmtKind::go) {} ExprPtr call; };

enum class SelectCaseKind { collect, push, after, default_ };

// case [name =] ch.collect(): / case ch.push(v): / case after(s): / default:
struct SelectCase {
    Range range;
    SelectCaseKind kind = SelectCaseKind::default_;
    std::string binding;  // collect only; "" when not bound
    Loc binding_loc;
    ExprPtr channel;      // collect / push: the channel expression before `.collect`/`.push`
    ExprPtr value;        // push: the value; after: the seconds
    Block body;
};
struct SelectStmt : Stmt { SelectStmt() : Stmt(StmtKind::select) {} std::vector<SelectCase> cases; };

enum class ImportKind { std_module, file, cpp };

// import std.time / import "lib.pyro" / import cpp "<vector>"
struct ImportStmt : Stmt {
    ImportStmt() : Stmt(StmtKind::import) {}
    ImportKind import_kind = ImportKind::std_module;
    std::string path;  // "std.time" (dotted, as written), "lib.pyro", "<vector>" or "x.hpp"
};

// extern "ns::func" def name(params) -> R
struct ExternStmt : Stmt {
    ExternStmt() : Stmt(StmtKind::extern_) {}
    std::string cpp_name;
    std::unique_ptr<DefStmt> signature;  // empty body
};

struct Module {
    FileId file = 0;
    Block body;
    std::vector<std::string> trailing_comments;  // comments after the last statement
};

}  // namespace pyro2cpp::ast
