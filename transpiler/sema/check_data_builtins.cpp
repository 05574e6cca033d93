// Checking the builtins of LANGUAGE.md 5.5 that work on collections and characters: type,
// input, abs, min, max, sum, sorted, reversed, enumerate, zip, map, filter, any, all, chr,
// ord, list, set, dict, tuple and the four ...Mutable constructors. They take any iterable
// (a collection, a range, a string, an any) and are not curried.
//
// map and filter take a function of one parameter. A module-level `def` named directly is
// instantiated for the element type (recorded as the call's target instance, so emit calls
// it directly); any other function value (a lambda, a closure, a variable or parameter of a
// function type, a partial application) is checked as a value: a generic one learns the
// element type from this use, as a call through it would teach it. They are the only
// builtins of 5.5 that take a function (Pyro has no keyword arguments, so no `key=`).
#include <fmt/format.h>

#include "sema/checker.hpp"

namespace pyro2cpp::sema::detail {

// Whether values of types a and b can be ordered (`<`, sorted, min, max): numbers, strings,
// bools, and lists and tuples of such, element by element (LANGUAGE.md 2); an any is checked
// when the program runs.
bool orderable(const TypeTable& t, TypeId a, TypeId b) {
    if (a == types::any || b == types::any || t.is_silent(a) || t.is_silent(b)) return true;
    if (t.is_numeric(a) && t.is_numeric(b)) return true;
    if (a == b && (a == types::string || a == types::bool_)) return true;
    const TypeInfo& ia = t.info(a);
    const TypeInfo& ib = t.info(b);
    if (ia.kind != ib.kind || (ia.kind != TypeKind::list && ia.kind != TypeKind::tuple)) {
        return false;
    }
    for (std::size_t i = 0; i < ia.args.size() && i < ib.args.size(); ++i) {
        if (!orderable(t, ia.args[i], ib.args[i])) return false;
    }
    return true;
}

TypeId Checker::check_data_builtin(Builtin builtin, const ast::Call& call,
                                   const std::vector<TypeId>& args) {
    TypeTable& t = types();
    const std::string name = builtin_name(builtin);
    for (TypeId a : args) {
        if (a == types::pending) return types::pending;
    }
    auto arity = [&](std::size_t lo, std::size_t hi) {
        if (args.size() >= lo && args.size() <= hi) return true;
        std::string takes;
        if (lo == hi) {
            takes = fmt::format("{} argument{}", lo, lo == 1 ? "" : "s");
        } else if (hi == SIZE_MAX) {
            takes = fmt::format("at least {} argument{}", lo, lo == 1 ? "" : "s");
        } else {
            takes = fmt::format("{} to {} arguments", lo, hi);
        }
        error(call.range.begin, fmt::format("{}() takes {} but {} {} given", name, takes,
                                            args.size(), args.size() == 1 ? "was" : "were"));
        return false;
    };
    auto element = [&](std::size_t i) { return iter_element(args[i], call.args[i]->range.begin); };
    auto takes = [&](std::size_t i, const char* what) {
        return unsupported(call.args[i]->range.begin,
                           fmt::format("{}() takes {}, got {}", name, what, type_name(args[i])));
    };
    auto list_of = [&](TypeId e) { return t.container(TypeKind::list, {e}, false); };
    // map(str, xs): a builtin of one argument named directly, applied to each element e.
    auto map_builtin = [&](Builtin fb, TypeId e) {
        const std::string fname = builtin_name(fb);
        TypeId result = types::error;
        bool fits = e == types::any;
        switch (fb) {
            case Builtin::str:
            case Builtin::type:
                result = types::string;
                fits = true;
                break;
            case Builtin::bool_:
                result = types::bool_;
                fits = true;
                break;
            case Builtin::int_:
            case Builtin::float_:
                result = fb == Builtin::int_ ? types::int_ : types::float_;
                fits = fits || t.is_numeric(e) || e == types::string || e == types::bool_;
                break;
            case Builtin::len:
                result = types::int_;
                fits = fits || t.is_container(e) || e == types::string || e == types::range;
                break;
            case Builtin::abs:
                result = e;
                fits = fits || t.is_numeric(e);
                break;
            case Builtin::chr:
                result = types::string;
                fits = fits || e == types::int_;
                break;
            case Builtin::ord:
                result = types::int_;
                fits = fits || e == types::string;
                break;
            default:
                return unsupported(call.args[0]->range.begin,
                                   fmt::format("{}() takes a function of one parameter; the "
                                               "builtin '{}' cannot be used here",
                                               name, fname));
        }
        if (!fits) {
            return unsupported(call.args[1]->range.begin,
                               fmt::format("type mismatch: {}() cannot take the elements, which "
                                           "are {}",
                                           fname, type_name(e)));
        }
        return list_of(builtin == Builtin::map ? result : e);
    };
    switch (builtin) {
        case Builtin::type:
            return arity(1, 1) ? types::string : types::error;
        case Builtin::input:
            if (!arity(0, 1)) return types::error;
            if (args.size() == 1 && !check_conversion(args[0], types::string, *call.args[0])) {
                return types::error;
            }
            note_any(call.range.begin, "input() gives string | void (void at the end of input)");
            return types::any;
        case Builtin::abs:
            if (!arity(1, 1)) return types::error;
            if (t.is_numeric(args[0]) || args[0] == types::any) return args[0];
            return takes(0, "a number");
        case Builtin::chr:
            if (!arity(1, 1) || !check_conversion(args[0], types::int_, *call.args[0])) {
                return types::error;
            }
            return types::string;
        case Builtin::ord:
            if (!arity(1, 1) || !check_conversion(args[0], types::string, *call.args[0])) {
                return types::error;
            }
            return types::int_;
        case Builtin::min:
        case Builtin::max: {
            if (!arity(1, SIZE_MAX)) return types::error;
            auto unordered = [&](TypeId e) {
                return unsupported(
                    call.range.begin,
                    fmt::format("{}() cannot order values of type {}", name, type_name(e)));
            };
            if (args.size() == 1) {
                const TypeId e = element(0);
                return orderable(t, e, e) ? e : unordered(e);
            }
            TypeId joined = types::pending;
            for (TypeId a : args)
                joined = t.join(joined, a);
            if (!orderable(t, joined, joined)) return unordered(joined);
            if (joined == types::any) {
                note_any(call.range.begin,
                         fmt::format("the arguments of {}() have different types", name));
            }
            return joined;
        }
        case Builtin::sum: {
            if (!arity(1, 1)) return types::error;
            TypeId e = element(0);
            if (e == types::error) return e;
            if (t.is_numeric(e) || e == types::any) return e;
            return takes(0, "numbers");
        }
        case Builtin::sorted:
        case Builtin::reversed:
        case Builtin::list: {
            if (!arity(1, 1)) return types::error;
            TypeId e = element(0);
            if (builtin == Builtin::sorted && !orderable(t, e, e)) {
                return unsupported(
                    call.args[0]->range.begin,
                    fmt::format("sorted() cannot order values of type {}", type_name(e)));
            }
            return e == types::error ? e : list_of(e);
        }
        case Builtin::any_:
        case Builtin::all:
            if (!arity(1, 1)) return types::error;
            return element(0) == types::error ? types::error : types::bool_;
        case Builtin::enumerate: {
            if (!arity(1, 1)) return types::error;
            TypeId e = element(0);
            if (e == types::error) return e;
            return list_of(t.container(TypeKind::tuple, {types::int_, e}, false));
        }
        case Builtin::zip: {
            if (!arity(1, SIZE_MAX)) return types::error;
            std::vector<TypeId> parts;
            for (std::size_t i = 0; i < args.size(); ++i) {
                TypeId e = element(i);
                if (e == types::error) return e;
                parts.push_back(e);
            }
            return list_of(t.container(TypeKind::tuple, std::move(parts), false));
        }
        case Builtin::map:
        case Builtin::filter: {
            if (!arity(2, 2)) return types::error;
            TypeId e = element(1);
            if (e == types::error) return e;
            const ast::Expr& f = *call.args[0];
            Resolved r = f.kind == ast::ExprKind::name ? resolve(f.as<ast::Name>().id) : Resolved{};
            if (r.kind == Resolved::Kind::builtin) return map_builtin(r.builtin, e);
            if (r.kind != Resolved::Kind::function) {
                // A function value: a lambda, a closure, a variable or parameter, a partial
                // application. A generic one learns the element type as its parameter's.
                const TypeId fn = args[0];
                if (t.is_generic_function(fn)) {
                    if (t.info(fn).args.size() == 1) {
                        teach_site(fn, {e});
                        return types::pending;
                    }
                } else if (fn == types::any) {
                    note_any(f.range.begin,
                             fmt::format("the function given to {}() is any, so its results "
                                         "are any",
                                         name));
                    return list_of(builtin == Builtin::map ? types::any : e);
                } else if (t.kind(fn) != TypeKind::function) {
                    return takes(0, "a function");
                }
                const TypeInfo info = t.info(fn);
                if (info.args.size() != 1) {
                    return unsupported(f.range.begin,
                                       fmt::format("{}() needs a function of one parameter; "
                                                   "this one takes {}",
                                                   name, info.args.size()));
                }
                if (!t.convertible(e, info.args[0])) {
                    return unsupported(call.args[1]->range.begin,
                                       fmt::format("type mismatch: the function takes {}, but "
                                                   "the elements are {}",
                                                   type_name(info.args[0]), type_name(e)));
                }
                if (t.is_silent(info.result)) return info.result;
                return list_of(builtin == Builtin::map ? info.result : e);
            }
            FunctionDecl& decl = *r.function;
            if (builtin == Builtin::map && decl.def->params.size() > 1) {
                return map_partial(decl, call, e);
            }
            if (decl.def->params.size() != 1) {
                return unsupported(f.range.begin,
                                   fmt::format("{}() needs a function of one parameter; '{}' "
                                               "takes {}",
                                               name, decl.def->name, decl.def->params.size()));
            }
            TypeId param = decl.param_types[0] ? *decl.param_types[0] : e;
            if (!t.convertible(e, param)) {
                return unsupported(call.args[1]->range.begin,
                                   fmt::format("type mismatch: '{}' takes {}, but the elements "
                                               "are {}",
                                               decl.def->name, type_name(param), type_name(e)));
            }
            FunctionInstance* inst = find_or_check(decl, {param});
            CallTarget target = CallTarget::of_builtin(builtin);
            target.instance = inst;
            frame().body->calls[&call] = target;
            if (t.is_silent(inst->result)) return inst->result;
            return builtin == Builtin::map ? list_of(inst->result) : list_of(e);
        }
        case Builtin::set: {
            if (!arity(0, 1)) return types::error;
            if (args.empty()) return t.container(TypeKind::set, {types::pending}, false);
            TypeId e = element(0);
            return e == types::error ? e : t.container(TypeKind::set, {e}, false);
        }
        case Builtin::dict: {
            if (!arity(1, 1)) return types::error;
            TypeId e = element(0);
            if (e == types::error) return e;
            if (e == types::any)
                return t.container(TypeKind::dict, {types::any, types::any}, false);
            const TypeInfo info = t.info(e);
            // Pairs given as 2-element lists, as Python allows: their length is checked
            // when the program runs.
            if (info.kind == TypeKind::list && info.args[0] != types::pending) {
                return t.container(TypeKind::dict, {info.args[0], info.args[0]}, false);
            }
            if (info.kind != TypeKind::tuple || info.args.size() != 2) {
                return takes(0, "pairs (2-tuples or 2-element lists)");
            }
            return t.container(TypeKind::dict, info.args, false);
        }
        case Builtin::tuple:
            if (!arity(1, 1)) return types::error;
            if (t.kind(args[0]) == TypeKind::tuple && !t.info(args[0]).is_mut) return args[0];
            if (element(0) == types::error) return types::error;
            note_any(call.range.begin, "tuple(xs) has a length known only at run time");
            return types::any;
        case Builtin::list_mutable:
        case Builtin::set_mutable: {
            if (!arity(1, 1)) return types::error;
            TypeId e = element(0);
            if (e == types::error) return e;
            // The empty literal's unknown element stays unknown, for refine_receiver.
            const TypeInfo& info = t.info(args[0]);
            if (t.is_container(args[0]) && !info.args.empty() && info.args[0] == types::pending) {
                e = types::pending;
            }
            return t.container(builtin == Builtin::list_mutable ? TypeKind::list : TypeKind::set,
                               {e}, true);
        }
        case Builtin::dict_mutable: {
            if (!arity(1, 1)) return types::error;
            if (t.kind(args[0]) != TypeKind::dict) return takes(0, "a dict");
            return t.container(TypeKind::dict, t.info(args[0]).args, true);
        }
        case Builtin::tuple_mutable: {
            if (!arity(1, 1)) return types::error;
            if (t.kind(args[0]) != TypeKind::tuple) return takes(0, "a tuple");
            return t.container(TypeKind::tuple, t.info(args[0]).args, true);
        }
        default:
            break;
    }
    return types::error;
}

// map(add, xs) with `def add(a, b)`: by currying each element gives a partial application
// `add(x)`, a function of the remaining parameters; unannotated ones learn their types from
// the calls of those functions (a generic function value, as `add(1)` alone makes).
TypeId Checker::map_partial(FunctionDecl& decl, const ast::Call& call, TypeId element) {
    const std::size_t n = decl.def->params.size();
    const TypeId first = decl.param_types[0] ? *decl.param_types[0] : element;
    if (!types().convertible(element, first)) {
        return unsupported(call.args[1]->range.begin,
                           fmt::format("type mismatch: '{}' takes {}, but the elements are {}",
                                       decl.def->name, type_name(first), type_name(element)));
    }
    bool generic = false;
    for (std::size_t i = 1; i < n; ++i)
        generic = generic || !decl.param_types[i];
    auto make = [&](const std::vector<TypeId>& taught) {
        std::vector<TypeId> params{first};
        for (std::size_t i = 1; i < n; ++i)
            params.push_back(decl.param_types[i] ? *decl.param_types[i] : taught[i - 1]);
        for (TypeId p : params) {
            if (p == types::error) return types::error;
        }
        FunctionInstance* inst = find_or_check(decl, params);
        CallTarget target = CallTarget::of_builtin(Builtin::map);
        target.instance = inst;
        frame().body->calls[&call] = target;
        return types().function({params.begin() + 1, params.end()}, inst->result);
    };
    const TypeId fn = generic ? function_value(&call, call.range.begin, n - 1, make) : make({});
    if (fn == types::error) return fn;
    return types().container(TypeKind::list, {fn}, false);
}

}  // namespace pyro2cpp::sema::detail
