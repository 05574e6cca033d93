// Checking unpacking and element assignment (LANGUAGE.md 3): `let x, y = p`,
// `a, b = b, a`, `for k, v in d.items()`, comprehension targets, and `a[i] = v` /
// `d[k] = v` / `t[1] = v`, which only the mutable kinds accept.
#include <fmt/format.h>

#include <variant>

#include "sema/checker.hpp"

namespace pyro2cpp::sema::detail {

namespace {

// The types of the n parts of a value being unpacked, or an error message.
std::variant<std::vector<TypeId>, std::string> parts_of(const TypeTable& t, TypeId value,
                                                        std::size_t n, TypeId (*read)(TypeId)) {
    if (value == types::any || t.is_silent(value)) return std::vector<TypeId>(n, value);
    const TypeInfo info = t.info(value);
    if (info.kind == TypeKind::tuple) {
        if (info.args.size() != n) {
            return fmt::format("cannot unpack {} into {} names", t.name(value), n);
        }
        return info.args;
    }
    if (info.kind == TypeKind::list) return std::vector<TypeId>(n, read(info.args[0]));
    return fmt::format("cannot unpack {} (only tuples and lists unpack)", t.name(value));
}

TypeId read_element(TypeId e) {
    return e == types::pending ? types::any : e;
}

}  // namespace

// let x, y = value
void Checker::check_let_unpack(const ast::LetStmt& let) {
    TypeId value = check_expr(*let.value);
    const std::size_t n = let.names.size();
    auto parts = parts_of(types(), value, n, read_element);
    std::vector<TypeId> types_of(n, types::error);
    if (auto* message = std::get_if<std::string>(&parts)) {
        error(let.value->range.begin, *message);
    } else {
        types_of = std::get<std::vector<TypeId>>(parts);
    }
    for (std::size_t i = 0; i < n; ++i) {
        declare_variable(let.names[i], let.name_locs[i], types_of[i], std::nullopt, let.is_mut,
                         DeclKey{&let, static_cast<std::uint32_t>(i)});
    }
}

// a, b = value: each target is a variable or an element.
void Checker::check_assign_unpack(const ast::AssignStmt& assign) {
    const auto& targets = assign.target->as<ast::TupleExpr>().elements;
    TypeId value = check_expr(*assign.value);
    auto parts = parts_of(types(), value, targets.size(), read_element);
    std::vector<TypeId> types_of(targets.size(), types::error);
    if (auto* message = std::get_if<std::string>(&parts)) {
        error(assign.value->range.begin, *message);
    } else {
        types_of = std::get<std::vector<TypeId>>(parts);
    }
    // The part's own expression, where the value is a tuple display (for messages).
    const bool display = assign.value->kind == ast::ExprKind::tuple;
    for (std::size_t i = 0; i < targets.size(); ++i) {
        const ast::Expr& target = *targets[i];
        const ast::Expr& part =
            display ? *assign.value->as<ast::TupleExpr>().elements[i] : *assign.value;
        if (target.kind == ast::ExprKind::index) {
            check_element_assign(target.as<ast::Index>(), types_of[i], part);
            continue;
        }
        std::optional<VarRef> ref = assignable_target(target, false);
        if (ref && types_of[i] != types::error) {
            assign_variable(*ref, types_of[i], part, target.range.begin);
        }
    }
}

// object[index] = value
void Checker::check_element_assign(const ast::Index& target, TypeId value,
                                   const ast::Expr& value_expr) {
    TypeId object = check_expr(*target.object);
    TypeId key = check_expr(*target.index);
    frame().body->expr_types[&target] = object;
    if (object == types::error || key == types::error || value == types::error) return;
    if (types().is_silent(object) || object == types::any) return;
    TypeTable& t = types();
    const TypeInfo info = t.info(object);
    if (!t.is_container(object) || info.kind == TypeKind::set) {
        error(target.range.begin, fmt::format("cannot assign to an element of {}", a_type(object)));
        return;
    }
    if (!info.is_mut) {
        const char* make = info.kind == TypeKind::list   ? "ListMutable"
                           : info.kind == TypeKind::dict ? "DictMutable"
                                                         : "TupleMutable";
        error(target.range.begin,
              fmt::format("cannot assign to an element of {}: it is immutable (make a mutable "
                          "copy with {}(...))",
                          type_name(object), make));
        return;
    }
    switch (info.kind) {
        case TypeKind::list:
            if (key != types::int_ && key != types::any) {
                error(target.index->range.begin,
                      fmt::format("an index of {} must be an int, got {}", type_name(object),
                                  type_name(key)));
                return;
            }
            if (check_conversion(value, element_read(info.args[0]), value_expr)) {
                refine_receiver(*target.object, t.container(TypeKind::list, {value}, true));
            }
            return;
        case TypeKind::dict:
            if (check_conversion(key, element_read(info.args[0]), *target.index,
                                 " for a key of " + type_name(object)) &&
                check_conversion(value, element_read(info.args[1]), value_expr)) {
                refine_receiver(*target.object, t.container(TypeKind::dict, {key, value}, true));
            }
            return;
        default: {
            // tuple_mut: the index must be a literal, to know the element's type.
            TypeId element = check_index(target);
            frame().body->expr_types[&target] = object;
            if (element != types::error) check_conversion(value, element, value_expr);
            return;
        }
    }
}

// The names of a `for` or comprehension target, declared with the parts of `element`.
void Checker::declare_targets(const ast::Target& target, TypeId element, const void* node,
                              Loc loc) {
    const std::size_t n = target.names.size();
    if (n == 1 && !target.parenthesized_tuple) {
        declare_variable(target.names[0], target.locs[0], element, std::nullopt, true,
                         DeclKey{node, 0});
        return;
    }
    std::vector<TypeId> types_of(n, types::error);
    if (element != types::error) {
        auto parts = parts_of(types(), element, n, read_element);
        if (auto* message = std::get_if<std::string>(&parts)) {
            error(loc, *message);
        } else {
            types_of = std::get<std::vector<TypeId>>(parts);
        }
    }
    for (std::size_t i = 0; i < n; ++i) {
        declare_variable(target.names[i], target.locs[i], types_of[i], std::nullopt, true,
                         DeclKey{node, static_cast<std::uint32_t>(i)});
    }
}

}  // namespace pyro2cpp::sema::detail
