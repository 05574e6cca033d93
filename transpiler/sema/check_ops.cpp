// The typing of binary operators and comparisons (LANGUAGE.md 2): int op int is an int, a
// float operand makes the operation float, strings concatenate and repeat, bit operations
// take ints; comparisons give bool, ordering only between numbers, strings or bools.
// `any` operands are accepted (checked at run time); an error or pending operand makes the
// result the same, silently.
#include <fmt/format.h>

#include "sema/checker.hpp"

namespace pyro2cpp::sema::detail {

TypeId Checker::check_binary(const ast::Binary& binary) {
    TypeId lhs = check_expr(*binary.lhs);
    TypeId rhs = check_expr(*binary.rhs);
    return binary_result(binary.op, lhs, rhs, operator_loc(*binary.lhs));
}

// Scans the source from the end of `lhs` past spaces, closing parentheses, line
// continuations and comments to the operator's first character.
Loc Checker::operator_loc(const ast::Expr& lhs) const {
    const Loc end = lhs.range.end;
    const SourceFile& file = file_of(end);
    const std::string& text = file.text;
    if (!end.valid() || end.line > file.line_starts.size()) return lhs.range.begin;
    std::size_t pos = file.line_starts[end.line - 1];
    for (std::uint32_t col = 1; col < end.col && pos < text.size(); ++col) {
        ++pos;
        while (pos < text.size() && (static_cast<unsigned char>(text[pos]) & 0xc0) == 0x80)
            ++pos;
    }
    Loc loc = end;
    while (pos < text.size()) {
        const char c = text[pos];
        const char next = pos + 1 < text.size() ? text[pos + 1] : '\0';
        if (c == ' ' || c == '\t' || c == ')' || c == '\r' || (c == '\\' && next == '\n')) {
            ++pos;
            ++loc.col;
        } else if (c == '\n') {
            ++pos;
            ++loc.line;
            loc.col = 1;
        } else if (c == '#' || (c == '/' && next == '/')) {
            while (pos < text.size() && text[pos] != '\n')
                ++pos;
        } else {
            break;
        }
    }
    return pos < text.size() ? loc : lhs.range.begin;
}

TypeId Checker::binary_result(ast::BinaryOp op, TypeId lhs, TypeId rhs, Loc loc) {
    using ast::BinaryOp;
    if (lhs == types::error || rhs == types::error) return types::error;
    if (lhs == types::pending || rhs == types::pending) return types::pending;
    if (lhs == types::any || rhs == types::any) return types::any;
    const TypeTable& t = types();
    const bool both_int = lhs == types::int_ && rhs == types::int_;
    const bool numeric = t.is_numeric(lhs) && t.is_numeric(rhs);
    if (t.is_container(lhs) || t.is_container(rhs)) return container_binary(op, lhs, rhs, loc);
    switch (op) {
        case BinaryOp::add:
            if (both_int) return types::int_;
            if (numeric) return types::float_;
            if (lhs == types::string && rhs == types::string) return types::string;
            if (lhs == types::string || rhs == types::string) {
                TypeId other = lhs == types::string ? rhs : lhs;
                return unsupported(loc,
                                   fmt::format("cannot add {} and {} (use str(...) to "
                                               "convert the {})",
                                               type_name(lhs), type_name(rhs), type_name(other)));
            }
            break;
        case BinaryOp::mul:
            if ((lhs == types::string && rhs == types::int_) ||
                (lhs == types::int_ && rhs == types::string)) {
                return types::string;
            }
            [[fallthrough]];
        case BinaryOp::sub:
        case BinaryOp::div:
        case BinaryOp::mod:
        case BinaryOp::pow:
            if (both_int) return types::int_;
            if (numeric) return types::float_;
            break;
        case BinaryOp::bit_and:
        case BinaryOp::bit_or:
        case BinaryOp::bit_xor:
        case BinaryOp::shl:
        case BinaryOp::shr:
            if (both_int) return types::int_;
            return unsupported(loc, fmt::format("cannot apply '{}' to {} and {}: bit operations "
                                                "take ints",
                                                ast::spelling(op), type_name(lhs), type_name(rhs)));
    }
    return unsupported(loc, fmt::format("cannot apply '{}' to {} and {}", ast::spelling(op),
                                        type_name(lhs), type_name(rhs)));
}

// a < b <= c: each link is checked on its own; the result is a bool.
TypeId Checker::check_compare(const ast::Compare& compare) {
    std::vector<TypeId> operands;
    for (const auto& e : compare.operands)
        operands.push_back(check_expr(*e));
    bool failed = false;
    const TypeTable& t = types();
    for (std::size_t i = 0; i < compare.ops.size(); ++i) {
        TypeId lhs = operands[i];
        TypeId rhs = operands[i + 1];
        if (t.is_silent(lhs) || t.is_silent(rhs)) {
            failed = failed || lhs == types::error || rhs == types::error;
            continue;
        }
        if (lhs == types::any || rhs == types::any) continue;
        // An interface value compares as the value it holds (an Any in C++).
        if (t.kind(lhs) == TypeKind::interface || t.kind(rhs) == TypeKind::interface) continue;
        const ast::CompareOp op = compare.ops[i];
        const Loc loc = i < compare.op_locs.size() ? compare.op_locs[i] : compare.range.begin;
        // Instances of related classes may be the same object; collections compare across
        // element types and mutability (`[1] == [1.0]`).
        const bool same_kind = lhs == rhs || (t.is_numeric(lhs) && t.is_numeric(rhs)) ||
                               (t.kind(lhs) == TypeKind::class_ &&
                                (t.convertible(lhs, rhs) || t.convertible(rhs, lhs))) ||
                               (t.is_container(lhs) && t.kind(lhs) == t.kind(rhs));
        const bool ordered = t.kind(lhs) != TypeKind::set && t.kind(lhs) != TypeKind::dict;
        switch (op) {
            case ast::CompareOp::eq:
            case ast::CompareOp::ne:
                if (!same_kind) {
                    warning(loc, fmt::format("comparing {} with {}: always {}", type_name(lhs),
                                             type_name(rhs),
                                             op == ast::CompareOp::eq ? "false" : "true"));
                }
                break;
            case ast::CompareOp::lt:
            case ast::CompareOp::le:
            case ast::CompareOp::gt:
            case ast::CompareOp::ge:
                if (!same_kind || !ordered || lhs == types::void_ || lhs == types::range ||
                    t.kind(lhs) == TypeKind::function || !orderable(t, lhs, rhs)) {
                    error(loc, fmt::format("cannot compare {} and {} with '{}'", type_name(lhs),
                                           type_name(rhs), ast::spelling(op)));
                    failed = true;
                }
                break;
            case ast::CompareOp::in:
            case ast::CompareOp::not_in:
                if (!check_membership(lhs, rhs, loc, ast::spelling(op))) failed = true;
                break;
        }
    }
    if (failed) return types::error;
    return types::bool_;
}

}  // namespace pyro2cpp::sema::detail
