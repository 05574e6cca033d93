// Checking the collection expressions (LANGUAGE.md 2, 5.4): list, tuple, set and dict
// displays, indexing, slicing, comprehensions, `+`/`*` on sequences, `in`, and what
// iterating a value yields.
//
// An empty display (`[]`, `{}`) has pending element types; its first use in the same
// function fills them in (refine_receiver widens the variable, and the pass is repeated, as
// for any widening: docs/inference.md). Elements of different kinds make the elements any.
#include <fmt/format.h>

#include "sema/checker.hpp"

namespace pyro2cpp::sema {

std::optional<std::int64_t> literal_index(const ast::Expr& e) {
    if (e.kind == ast::ExprKind::int_lit) return e.as<ast::IntLit>().value;
    if (e.kind == ast::ExprKind::unary) {
        const auto& u = e.as<ast::Unary>();
        if (u.op == ast::UnaryOp::neg && u.operand->kind == ast::ExprKind::int_lit) {
            return -u.operand->as<ast::IntLit>().value;
        }
    }
    return std::nullopt;
}

}  // namespace pyro2cpp::sema

namespace pyro2cpp::sema::detail {

namespace {

const char* display_name(ast::ExprKind kind) {
    switch (kind) {
        case ast::ExprKind::list:
            return "list";
        case ast::ExprKind::set:
            return "set";
        case ast::ExprKind::tuple:
            return "tuple";
        default:
            return "dict";
    }
}

}  // namespace

TypeId Checker::element_read(TypeId element) const {
    return element == types::pending ? types::any : element;
}

TypeId Checker::check_display(const ast::Expr& expr) {
    TypeTable& t = types();
    bool failed = false;
    // The join of the element types, noting where it became any.
    auto join_all = [&](const std::vector<const ast::Expr*>& exprs, const char* what) {
        TypeId joined = types::pending;
        for (const ast::Expr* e : exprs) {
            TypeId type = check_expr(*e);
            if (type == types::error) failed = true;
            TypeId next = t.join(joined, type);
            if (next == types::any && joined != types::any && type != types::any) {
                note_any(expr.range.begin,
                         fmt::format("the {} of this {} have different types ({} and {})", what,
                                     display_name(expr.kind), type_name(joined), type_name(type)));
            }
            joined = next;
        }
        return joined;
    };
    auto check_key = [&](TypeId key, const ast::Expr& at) {
        if (t.is_container(key) && t.info(key).is_mut) {
            error(at.range.begin, fmt::format("unhashable type: {} (keys and set elements must "
                                              "be immutable)",
                                              type_name(key)));
            failed = true;
        }
    };
    switch (expr.kind) {
        case ast::ExprKind::list:
        case ast::ExprKind::set: {
            const auto& elements = expr.kind == ast::ExprKind::list
                                       ? expr.as<ast::ListExpr>().elements
                                       : expr.as<ast::SetExpr>().elements;
            std::vector<const ast::Expr*> exprs;
            for (const auto& e : elements)
                exprs.push_back(e.get());
            TypeId element = join_all(exprs, "elements");
            if (expr.kind == ast::ExprKind::set && !exprs.empty()) check_key(element, *exprs[0]);
            if (failed) return types::error;
            return t.container(expr.kind == ast::ExprKind::list ? TypeKind::list : TypeKind::set,
                               {element}, false);
        }
        case ast::ExprKind::tuple: {
            std::vector<TypeId> args;
            for (const auto& e : expr.as<ast::TupleExpr>().elements) {
                TypeId type = check_expr(*e);
                if (type == types::error) failed = true;
                args.push_back(type);
            }
            if (failed) return types::error;
            return t.container(TypeKind::tuple, std::move(args), false);
        }
        default: {
            std::vector<const ast::Expr*> keys;
            std::vector<const ast::Expr*> values;
            for (const ast::DictEntry& entry : expr.as<ast::DictExpr>().entries) {
                keys.push_back(entry.key.get());
                values.push_back(entry.value.get());
            }
            TypeId key = join_all(keys, "keys");
            TypeId value = join_all(values, "values");
            if (!keys.empty()) check_key(key, *keys[0]);
            if (failed) return types::error;
            return t.container(TypeKind::dict, {key, value}, false);
        }
    }
}

TypeId Checker::check_index(const ast::Index& index) {
    TypeId object = check_expr(*index.object);
    TypeId key = check_expr(*index.index);
    if (object == types::error || key == types::error) return types::error;
    if (object == types::pending || key == types::pending) return types::pending;
    if (object == types::any) return types::any;
    const TypeInfo info = types().info(object);
    auto int_index = [&]() {
        if (key == types::int_ || key == types::any) return true;
        error(index.index->range.begin, fmt::format("an index of {} must be an int, got {}",
                                                    type_name(object), type_name(key)));
        return false;
    };
    switch (info.kind) {
        case TypeKind::string:
            return int_index() ? types::string : types::error;
        case TypeKind::list:
            return int_index() ? element_read(info.args[0]) : types::error;
        case TypeKind::range:
            return int_index() ? types::int_ : types::error;
        case TypeKind::dict:
            if (!check_conversion(key, element_read(info.args[0]), *index.index,
                                  " for a key of " + type_name(object))) {
                return types::error;
            }
            return element_read(info.args[1]);
        case TypeKind::tuple: {
            if (!int_index()) return types::error;
            const auto n = static_cast<std::int64_t>(info.args.size());
            if (auto i = literal_index(*index.index)) {
                const std::int64_t at = *i < 0 ? *i + n : *i;
                if (at < 0 || at >= n) {
                    return unsupported(
                        index.index->range.begin,
                        fmt::format("index {} out of range for {}", *i, type_name(object)));
                }
                return info.args[static_cast<std::size_t>(at)];
            }
            return iter_element(object, index.range.begin);
        }
        default:
            break;
    }
    return unsupported(index.range.begin, fmt::format("cannot index {}", a_type(object)));
}

TypeId Checker::check_slice(const ast::Slice& slice) {
    TypeId object = check_expr(*slice.object);
    bool failed = object == types::error;
    for (const ast::Expr* bound : {slice.lo.get(), slice.hi.get(), slice.step.get()}) {
        if (bound == nullptr) continue;
        TypeId b = check_expr(*bound);
        if (b == types::error) {
            failed = true;
        } else if (b != types::int_ && b != types::any && !types().is_silent(b)) {
            error(bound->range.begin,
                  fmt::format("slice bounds must be ints, got {}", type_name(b)));
            failed = true;
        }
    }
    if (failed) return types::error;
    if (object == types::pending || object == types::any) return object;
    switch (types().kind(object)) {
        case TypeKind::string:
        case TypeKind::list:
            return object;
        case TypeKind::tuple:
            // A tuple slice's length is known only when the program runs.
            note_any(slice.range.begin, "a slice of a tuple has a length known only at run time");
            return types::any;
        default:
            break;
    }
    return unsupported(slice.range.begin, fmt::format("cannot slice {}", a_type(object)));
}

TypeId Checker::iter_element(TypeId iterable, Loc loc, bool report) {
    if (iterable == types::error || iterable == types::pending) return iterable;
    if (const auto element = types().iter_element(iterable)) return *element;
    if (report) error(loc, fmt::format("cannot iterate over {}", a_type(iterable)));
    return types::error;
}

TypeId Checker::check_comprehension(const ast::Comprehension& comp) {
    push_scope();
    bool failed = false;
    for (const ast::CompClause& clause : comp.clauses) {
        TypeId iterable = check_expr(*clause.iter);
        TypeId element = iter_element(iterable, clause.iter->range.begin);
        if (element == types::error) failed = true;
        declare_targets(clause.target, element, &clause, clause.iter->range.begin);
        for (const auto& cond : clause.conditions) {
            if (check_condition(*cond) == types::error) failed = true;
        }
    }
    TypeId key = comp.key ? check_expr(*comp.key) : types::void_;
    TypeId value = check_expr(*comp.element);
    pop_scope();
    if (failed || key == types::error || value == types::error) return types::error;
    switch (comp.comp) {
        case ast::CompKind::list:
            return types().container(TypeKind::list, {value}, false);
        case ast::CompKind::set:
            return types().container(TypeKind::set, {value}, false);
        case ast::CompKind::dict:
            return types().container(TypeKind::dict, {key, value}, false);
    }
    return types::error;
}

// `+` and `*` with a collection operand: list + list, tuple + tuple, list * int.
TypeId Checker::container_binary(ast::BinaryOp op, TypeId lhs, TypeId rhs, Loc loc) {
    TypeTable& t = types();
    const TypeInfo a = t.info(lhs);
    const TypeInfo b = t.info(rhs);
    if (op == ast::BinaryOp::add && a.kind == TypeKind::list && b.kind == TypeKind::list) {
        // Any two lists concatenate (a list_mut with a list too): the result has the left
        // one's kind and the join of the element types ([1] + [0.5] is a list<float>).
        if (a.is_mut == b.is_mut) {
            if (auto joined = t.fill(lhs, rhs)) return *joined;
        }
        const TypeId ea = a.args[0];
        const TypeId eb = b.args[0];
        const TypeId element = t.join(ea, eb);
        if (element == types::any && ea != types::any && eb != types::any) {
            note_any(loc, fmt::format("the lists added have elements of different types ({} and "
                                      "{})",
                                      type_name(ea), type_name(eb)));
        }
        return t.container(TypeKind::list, {element}, a.is_mut);
    }
    if (op == ast::BinaryOp::add && a.kind == TypeKind::tuple && b.kind == TypeKind::tuple &&
        !a.is_mut && !b.is_mut) {
        std::vector<TypeId> args = a.args;
        args.insert(args.end(), b.args.begin(), b.args.end());
        return t.container(TypeKind::tuple, std::move(args), false);
    }
    if (op == ast::BinaryOp::mul) {
        if (a.kind == TypeKind::list && rhs == types::int_) return lhs;
        if (b.kind == TypeKind::list && lhs == types::int_) return rhs;
        const bool tuple_left = a.kind == TypeKind::tuple && !a.is_mut && rhs == types::int_;
        if (tuple_left || (b.kind == TypeKind::tuple && !b.is_mut && lhs == types::int_)) {
            // (1, 2) * n: its length depends on n, so its type is known only at run time.
            note_any(loc, "a tuple repeated by '*' has a length known only at run time");
            return types::any;
        }
    }
    const char* verb = op == ast::BinaryOp::add ? "add" : nullptr;
    if (verb != nullptr) {
        return unsupported(loc,
                           fmt::format("cannot add {} and {}", type_name(lhs), type_name(rhs)));
    }
    return unsupported(loc, fmt::format("cannot apply '{}' to {} and {}", ast::spelling(op),
                                        type_name(lhs), type_name(rhs)));
}

// `element in container`: substrings of strings, elements of lists, tuples and sets, keys of
// dicts, ints of ranges.
bool Checker::check_membership(TypeId element, TypeId container, Loc loc, const char* op) {
    switch (types().kind(container)) {
        case TypeKind::string:
            if (element == types::string) return true;
            error(loc, fmt::format("'{}' on a string takes a string on its left, got {}", op,
                                   type_name(element)));
            return false;
        case TypeKind::list:
        case TypeKind::set:
        case TypeKind::dict:
        case TypeKind::tuple:
        case TypeKind::any:
            return true;
        case TypeKind::range:
            if (element == types::int_ || element == types::any) return true;
            error(loc, fmt::format("'{}' on a range takes an int on its left, got {}", op,
                                   type_name(element)));
            return false;
        default:
            break;
    }
    error(loc, fmt::format("'{}' needs a string or a collection on its right, got {}", op,
                           type_name(container)));
    return false;
}

void Checker::refine_receiver(const ast::Expr& receiver, TypeId filled) {
    if (receiver.kind != ast::ExprKind::name) return;
    auto it = frame().body->vars.find(&receiver);
    if (it == frame().body->vars.end()) return;
    const VarRef ref = it->second;
    Variable& var = variable(ref);
    if (var.annotated || !types().has_pending(var.type)) return;
    auto refined = types().fill(var.type, filled);
    if (!refined || *refined == var.type) return;
    Frame& f = frame();
    if (ref.global) {
        if (f.check_only) return;
        global_memory_[ref.index].type = *refined;
        var.type = *refined;
        rerun_ = true;
        return;
    }
    (*f.memory)[f.local_keys[ref.index]].type = *refined;
    var.type = *refined;
    f.widened = true;
}

namespace {

// A value that nothing else holds yet: a display, a comprehension, a concatenation or slice,
// or a builtin that builds a new collection (ListMutable(xs), list(xs), sorted(xs), ...).
bool is_fresh(const ast::Expr& value, const Body& body) {
    switch (value.kind) {
        case ast::ExprKind::list:
        case ast::ExprKind::set:
        case ast::ExprKind::dict:
        case ast::ExprKind::tuple:
        case ast::ExprKind::comprehension:
        case ast::ExprKind::binary:
        case ast::ExprKind::slice:
            return true;
        case ast::ExprKind::call: {
            auto it = body.calls.find(&value);
            if (it == body.calls.end() || !it->second.builtin) return false;
            switch (*it->second.builtin) {
                case Builtin::list_mutable:
                case Builtin::set_mutable:
                case Builtin::dict_mutable:
                case Builtin::tuple_mutable:
                case Builtin::list:
                case Builtin::set:
                case Builtin::dict:
                case Builtin::sorted:
                case Builtin::reversed:
                case Builtin::map:
                case Builtin::filter:
                case Builtin::enumerate:
                case Builtin::zip:
                    return true;
                default:
                    return false;
            }
        }
        default:
            return false;
    }
}

}  // namespace

// A display whose elements each convert to the target's, fresh ones too:
// `[ListMutable([1])]` where a list<list_mut<any>> is expected.
bool Checker::displays_into(const ast::Expr& value, TypeId target) {
    const TypeInfo info = types().info(target);
    if (!types().is_container(target)) return false;
    std::string ignored;
    auto fits = [&](const ast::Expr& e, TypeId to) {
        const TypeId from = frame().body->type_of(e);
        return types().convertible(from, to) || converts_fresh(from, to, e, ignored);
    };
    auto all_fit = [&](const std::vector<ast::ExprPtr>& elements, TypeKind kind) {
        if (info.kind != kind) return false;
        for (std::size_t i = 0; i < elements.size(); ++i) {
            const TypeId to = kind == TypeKind::tuple ? info.args[i] : info.args[0];
            if (!fits(*elements[i], to)) return false;
        }
        return true;
    };
    switch (value.kind) {
        case ast::ExprKind::list:
            return all_fit(value.as<ast::ListExpr>().elements, TypeKind::list);
        case ast::ExprKind::set:
            return all_fit(value.as<ast::SetExpr>().elements, TypeKind::set);
        case ast::ExprKind::tuple: {
            const auto& elements = value.as<ast::TupleExpr>().elements;
            return elements.size() == info.args.size() && all_fit(elements, TypeKind::tuple);
        }
        case ast::ExprKind::dict:
            if (info.kind != TypeKind::dict) return false;
            for (const ast::DictEntry& entry : value.as<ast::DictExpr>().entries) {
                if (!fits(*entry.key, info.args[0]) || !fits(*entry.value, info.args[1])) {
                    return false;
                }
            }
            return true;
        default:
            return false;
    }
}

bool Checker::converts_fresh(TypeId value_type, TypeId target, const ast::Expr& value,
                             std::string& hint) {
    if (displays_into(value, target)) return true;
    if (!types().copies_into(value_type, target, true)) return false;
    if (is_fresh(value, *frame().body)) return true;
    const TypeInfo& info = types().info(value_type);
    static constexpr const char* copies[] = {"ListMutable", "TupleMutable", "SetMutable",
                                             "DictMutable"};
    const char* copy = info.kind == TypeKind::list    ? copies[0]
                       : info.kind == TypeKind::tuple ? copies[1]
                       : info.kind == TypeKind::set   ? copies[2]
                                                      : copies[3];
    if (info.is_mut) {
        const std::string name = types().name(value_type);
        hint = fmt::format(
            " (a {} is shared by reference, so it cannot change its type; "
            "convert a copy: {}(...))",
            name.substr(0, name.find('<')), copy);
    } else {
        hint = fmt::format(" (make a mutable copy with {}(...))", copy);
    }
    return false;
}

}  // namespace pyro2cpp::sema::detail
