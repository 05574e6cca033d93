// Checking calls: a user function (instantiated for the argument types, instantiate.cpp)
// or a builtin (typed here). Builtins are not curried: their argument counts are exact.
#include <fmt/format.h>

#include "sema/checker.hpp"

namespace pyro2cpp::sema::detail {

std::string count_text(std::size_t n) {
    return fmt::format("{} argument{}", n, n == 1 ? "" : "s");
}

std::string given_text(std::size_t n) {
    return fmt::format("{} {} given", n, n == 1 ? "was" : "were");
}

std::vector<TypeId> Checker::check_args(const ast::Call& call, bool* failed) {
    std::vector<TypeId> args;
    for (const auto& arg : call.args) {
        args.push_back(check_expr(*arg));
        if (failed != nullptr && args.back() == types::error) *failed = true;
    }
    return args;
}

bool Checker::check_arity(const ast::Call& call, const std::string& name, std::size_t given,
                          std::size_t lo, std::size_t hi) {
    if (given >= lo && given <= hi) return true;
    const std::string takes = lo == hi ? count_text(lo) : fmt::format("{} to {} arguments", lo, hi);
    error(call.range.begin, fmt::format("{}() takes {} but {}", name, takes, given_text(given)));
    return false;
}

TypeId Checker::check_call(const ast::Call& call) {
    const ast::Expr& callee = *call.callee;
    // `Point.area(p)` calls the unbound method as a value (check_method_values.cpp).
    if (callee.kind == ast::ExprKind::member && !names_class_method(callee.as<ast::Member>())) {
        return check_member_call(call);
    }
    if (callee.kind == ast::ExprKind::name) {
        const std::string& name = callee.as<ast::Name>().id;
        Resolved r = resolve(name, callee.range.begin);
        if (r.kind == Resolved::Kind::unsupported_builtin && name == "chan") {
            return check_chan_call(call);
        }
        if (name == "isinstance" && r.kind == Resolved::Kind::unsupported_builtin) {
            return check_isinstance(call);
        }
        if (r.kind != Resolved::Kind::variable) {
            std::vector<TypeId> args;
            for (const auto& arg : call.args) {
                // map(f, xs) / filter(f, xs) name a def or a builtin (map(str, xs)):
                // check_data_builtin resolves it.
                const bool function_arg =
                    r.kind == Resolved::Kind::builtin && args.empty() &&
                    (r.builtin == Builtin::map || r.builtin == Builtin::filter) &&
                    arg->kind == ast::ExprKind::name &&
                    (resolve(arg->as<ast::Name>().id).kind == Resolved::Kind::function ||
                     resolve(arg->as<ast::Name>().id).kind == Resolved::Kind::builtin);
                args.push_back(function_arg ? types::void_ : check_expr(*arg));
            }
            switch (r.kind) {
                case Resolved::Kind::function:
                    return call_function(*r.function, call, args);
                case Resolved::Kind::builtin:
                    return check_builtin_call(r.builtin, call, args);
                case Resolved::Kind::class_:
                    return check_construct(*r.cls, call, args);
                case Resolved::Kind::unsupported_builtin:
                    return unsupported(callee.range.begin,
                                       fmt::format("'{}' is not supported yet", name));
                case Resolved::Kind::reported:
                    return types::error;
                default:
                    return unsupported(callee.range.begin, fmt::format("unknown name '{}'", name));
            }
        }
    }
    TypeId callee_type = check_expr(callee);
    bool failed = false;
    const std::vector<TypeId> args = check_args(call, &failed);
    if (callee_type == types::pending && !failed) return types::pending;
    if (types().is_silent(callee_type) || failed) return types::error;
    if (callee_type == types::any) {
        // Checked when it runs (emit_func.cpp): it takes whatever it is given.
        frame().body->calls[&call] = CallTarget::applying(nullptr, true, args.size());
        return types::any;
    }
    if (types().kind(callee_type) == TypeKind::function) return call_value(callee_type, call, args);
    if (callee.kind == ast::ExprKind::name) {
        return unsupported(callee.range.begin,
                           fmt::format("'{}' is not a function (it is {}) and cannot be called",
                                       callee.as<ast::Name>().id, a_type(callee_type)));
    }
    return unsupported(callee.range.begin,
                       fmt::format("cannot call a value of type {}", type_name(callee_type)));
}

TypeId Checker::check_builtin_call(Builtin builtin, const ast::Call& call,
                                   const std::vector<TypeId>& args) {
    const std::string name = builtin_name(builtin);
    for (TypeId t : args) {
        if (t == types::error) return types::error;
    }
    auto arity = [&](std::size_t lo, std::size_t hi) {
        return check_arity(call, name, args.size(), lo, hi);
    };
    auto expect = [&](std::size_t i, std::initializer_list<TypeId> accepted, const char* what) {
        TypeId t = args[i];
        if (types().is_silent(t) || t == types::any) return true;
        for (TypeId a : accepted) {
            if (t == a) return true;
        }
        error(call.args[i]->range.begin,
              fmt::format("{}() takes {}, got {}", name, what, type_name(t)));
        return false;
    };
    frame().body->calls[&call] = CallTarget::of_builtin(builtin);
    switch (builtin) {
        case Builtin::print:
        case Builtin::eprint:
            return types::void_;
        case Builtin::str:
            if (!arity(1, 1)) return types::error;
            return types::string;
        case Builtin::bool_:
            if (!arity(1, 1)) return types::error;
            return types::bool_;
        case Builtin::int_:
        case Builtin::float_: {
            if (!arity(1, 1)) return types::error;
            if (!expect(0, {types::int_, types::float_, types::string, types::bool_},
                        "an int, a float, a string or a bool")) {
                return types::error;
            }
            return builtin == Builtin::int_ ? types::int_ : types::float_;
        }
        case Builtin::len:
            if (!arity(1, 1)) return types::error;
            if (types().is_container(args[0])) return types::int_;
            if (!expect(0, {types::string, types::range}, "a string or a collection")) {
                return types::error;
            }
            return types::int_;
        case Builtin::range: {
            if (!arity(1, 3)) return types::error;
            bool ok = true;
            for (std::size_t i = 0; i < args.size(); ++i) {
                ok = expect(i, {types::int_}, "ints") && ok;
            }
            return ok ? types::range : types::error;
        }
        default:
            return check_data_builtin(builtin, call, args);
    }
    return types::error;
}

}  // namespace pyro2cpp::sema::detail
