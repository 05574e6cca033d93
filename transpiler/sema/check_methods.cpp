// Checking the built-in methods of lists, tuples, sets, dicts and strings (LANGUAGE.md 5.4),
// and method calls on `any` (dispatched when the program runs).
//
// An unknown method is `no method 'x' on list<int>`; a method that changes its receiver on
// an immutable kind (`push` on a `list`) is an error naming the _mut kind to use. Methods
// are not curried: argument counts are exact. The first `push`/`add`/`insert`/`extend` on a
// variable holding an empty literal fixes its element type (refine_receiver).
#include <fmt/format.h>

#include <array>
#include <string_view>

#include "sema/checker.hpp"

namespace pyro2cpp::sema::detail {

namespace {

// Methods that change their receiver, per kind.
bool is_mutating(TypeKind kind, std::string_view name) {
    static constexpr std::array<std::string_view, 8> list_methods = {
        "push", "pop", "insert", "remove", "clear", "reverse", "sort", "extend"};
    switch (kind) {
        case TypeKind::list:
            for (std::string_view m : list_methods) {
                if (m == name) return true;
            }
            return false;
        case TypeKind::set:
            return name == "add" || name == "remove" || name == "clear";
        case TypeKind::dict:
            return name == "insert" || name == "remove" || name == "clear";
        default:
            return false;
    }
}

const char* constructor_of(TypeKind kind) {
    switch (kind) {
        case TypeKind::list:
            return "ListMutable";
        case TypeKind::set:
            return "SetMutable";
        case TypeKind::dict:
            return "DictMutable";
        default:
            return "TupleMutable";
    }
}

}  // namespace

TypeId Checker::check_data_method_call(const ast::Call& call, TypeId receiver) {
    const auto& member = call.callee->as<ast::Member>();
    const ast::Expr& object = *member.object;
    TypeTable& t = types();
    bool failed = receiver == types::error;
    const std::vector<TypeId> args = check_args(call, &failed);
    frame().body->expr_types[call.callee.get()] = receiver;
    if (failed) return types::error;
    if (receiver == types::pending) return types::pending;
    if (receiver == types::any) return types::any;
    for (TypeId a : args) {
        if (a == types::pending) return types::pending;
    }

    const std::string& name = member.name;
    const TypeInfo info = t.info(receiver);
    auto arity = [&](std::size_t lo, std::size_t hi) {
        return check_arity(call, name, args.size(), lo, hi);
    };
    // Argument i converts to `target`; a pending target is filled from the argument.
    auto convert = [&](std::size_t i, TypeId target) {
        return check_conversion(args[i], element_read(target), *call.args[i],
                                fmt::format(" for the argument of '{}'", name));
    };
    auto want_string = [&](std::size_t i) { return convert(i, types::string); };
    if (is_mutating(info.kind, name) && !info.is_mut) {
        return unsupported(member.name_loc,
                           fmt::format("'{}' changes its receiver, but {} is immutable (make a "
                                       "mutable copy with {}(...))",
                                       name, type_name(receiver), constructor_of(info.kind)));
    }
    const bool is_len = name == "len";
    switch (info.kind) {
        case TypeKind::string:
            if (is_len) return arity(0, 0) ? types::int_ : types::error;
            if (name == "upper" || name == "lower" || name == "strip") {
                return arity(0, 0) ? types::string : types::error;
            }
            if (name == "contains" || name == "starts_with" || name == "ends_with") {
                return arity(1, 1) && want_string(0) ? types::bool_ : types::error;
            }
            if (name == "find") return arity(1, 1) && want_string(0) ? types::int_ : types::error;
            if (name == "split") {
                if (!arity(0, 1) || (args.size() == 1 && !want_string(0))) return types::error;
                return t.container(TypeKind::list, {types::string}, false);
            }
            if (name == "replace") {
                return arity(2, 2) && want_string(0) && want_string(1) ? types::string
                                                                       : types::error;
            }
            if (name == "join") {
                if (!arity(1, 1)) return types::error;
                TypeId element = iter_element(args[0], call.args[0]->range.begin);
                if (element == types::error) return types::error;
                if (element != types::string && element != types::any && !t.is_silent(element)) {
                    return unsupported(
                        call.args[0]->range.begin,
                        fmt::format("join() takes strings, got {}", type_name(args[0])));
                }
                return types::string;
            }
            break;
        case TypeKind::list: {
            const TypeId element = info.args[0];
            const TypeId filled_by0 =
                args.empty() ? receiver : t.container(TypeKind::list, {args[0]}, true);
            if (is_len) return arity(0, 0) ? types::int_ : types::error;
            if (name == "contains") return arity(1, 1) ? types::bool_ : types::error;
            if (name == "index") return arity(1, 1) ? types::int_ : types::error;
            if (name == "push" || name == "remove") {
                if (!arity(1, 1) || !convert(0, element)) return types::error;
                if (name == "push") refine_receiver(object, filled_by0);
                return types::void_;
            }
            if (name == "pop") return arity(0, 0) ? element_read(element) : types::error;
            if (name == "insert") {
                if (!arity(2, 2) || !convert(0, types::int_) || !convert(1, element)) {
                    return types::error;
                }
                refine_receiver(object, t.container(TypeKind::list, {args[1]}, true));
                return types::void_;
            }
            if (name == "sort" && !orderable(t, element, element)) {
                return unsupported(call.range.begin,
                                   fmt::format("sort() cannot order values of type {}",
                                               type_name(element)));
            }
            if (name == "clear" || name == "reverse" || name == "sort") {
                return arity(0, 0) ? types::void_ : types::error;
            }
            if (name == "extend") {
                if (!arity(1, 1)) return types::error;
                TypeId from = iter_element(args[0], call.args[0]->range.begin);
                if (from == types::error) return types::error;
                if (!t.convertible(from, element_read(element))) {
                    return unsupported(call.args[0]->range.begin,
                                       fmt::format("type mismatch for the argument of 'extend': "
                                                   "expected elements of type {}, got {}",
                                                   type_name(element), type_name(args[0])));
                }
                refine_receiver(object, t.container(TypeKind::list, {from}, true));
                return types::void_;
            }
            break;
        }
        case TypeKind::tuple:
            if (is_len) return arity(0, 0) ? types::int_ : types::error;
            break;
        case TypeKind::set:
            if (is_len) return arity(0, 0) ? types::int_ : types::error;
            if (name == "contains") return arity(1, 1) ? types::bool_ : types::error;
            if (name == "add" || name == "remove") {
                if (!arity(1, 1) || !convert(0, info.args[0])) return types::error;
                if (name == "add") {
                    refine_receiver(object, t.container(TypeKind::set, {args[0]}, true));
                }
                return types::void_;
            }
            if (name == "clear") return arity(0, 0) ? types::void_ : types::error;
            break;
        case TypeKind::dict: {
            const TypeId key = info.args[0];
            const TypeId value = info.args[1];
            if (is_len) return arity(0, 0) ? types::int_ : types::error;
            if (name == "keys") {
                return arity(0, 0) ? t.container(TypeKind::list, {key}, false) : types::error;
            }
            if (name == "values") {
                return arity(0, 0) ? t.container(TypeKind::list, {value}, false) : types::error;
            }
            if (name == "items") {
                if (!arity(0, 0)) return types::error;
                return t.container(TypeKind::list,
                                   {t.container(TypeKind::tuple, {key, value}, false)}, false);
            }
            if (name == "contains") {
                return arity(1, 1) && convert(0, key) ? types::bool_ : types::error;
            }
            if (name == "get") {
                if (!arity(1, 2) || !convert(0, key)) return types::error;
                if (args.size() == 1) {
                    note_any(call.range.begin,
                             fmt::format("get(k) gives {} | void (the value, or void when the "
                                         "key is absent)",
                                         type_name(element_read(value))));
                    return types::any;
                }
                if (!convert(1, value)) return types::error;
                if (value == types::pending) {
                    // An empty dict's first get(k, default) gives its types.
                    refine_receiver(object,
                                    t.container(TypeKind::dict, {args[0], args[1]}, info.is_mut));
                    return args[1];
                }
                return value;
            }
            if (name == "insert") {
                if (!arity(2, 2) || !convert(0, key) || !convert(1, value)) return types::error;
                refine_receiver(object, t.container(TypeKind::dict, {args[0], args[1]}, true));
                return types::void_;
            }
            if (name == "remove") {
                return arity(1, 1) && convert(0, key) ? types::void_ : types::error;
            }
            if (name == "clear") return arity(0, 0) ? types::void_ : types::error;
            break;
        }
        default:
            break;
    }
    return unsupported(member.name_loc,
                       fmt::format("no method '{}' on {}", name, type_name(receiver)));
}

}  // namespace pyro2cpp::sema::detail
