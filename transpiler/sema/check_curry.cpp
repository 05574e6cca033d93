// Calls that curry (LANGUAGE.md 5.1 and 9): calling a function value, partial application
// (fewer arguments than parameters give a function of the rest) and over-application (more
// apply the result to the surplus), for values and for the module's functions alike.
//
// apply_function is the one place that types a curried call of a callee whose function type
// is known; record and class constructors and methods reuse it. Each call records a
// CallTarget whose `params` says how many parameters its callee takes, so emit (and `go`)
// can tell a complete call from a partial one.
#include <fmt/format.h>

#include "sema/checker.hpp"

namespace pyro2cpp::sema::detail {

namespace {

std::string arguments(std::size_t n) {
    return fmt::format("{} argument{}", n, n == 1 ? "" : "s");
}

}  // namespace

TypeId Checker::apply_function(TypeId fn, const std::vector<TypeId>& args, const ast::Call& call,
                               std::size_t first, const std::string& callee_name) {
    const TypeInfo info = types().info(fn);  // a copy: interning below may move the table
    const std::size_t n = info.args.size();
    const std::size_t m = args.size();
    bool failed = false;
    bool pending = false;
    for (std::size_t i = 0; i < n && i < m; ++i) {
        if (args[i] == types::error) failed = true;
        if (args[i] == types::pending) pending = true;
        const std::string what = fmt::format(" for argument {} of {}", i + 1, callee_name);
        if (!check_conversion(args[i], info.args[i], *call.args[first + i], what)) failed = true;
    }
    if (failed) return types::error;
    if (m < n) {
        std::vector<TypeId> rest(info.args.begin() + static_cast<long>(m), info.args.end());
        return types().function(std::move(rest), info.result);
    }
    if (pending) return types::pending;
    if (m == n) return info.result;
    return apply_surplus(info.result, args, call, first, n, callee_name);
}

TypeId Checker::apply_surplus(TypeId result, const std::vector<TypeId>& args, const ast::Call& call,
                              std::size_t first, std::size_t taken,
                              const std::string& callee_name) {
    std::vector<TypeId> surplus(args.begin() + static_cast<long>(taken), args.end());
    if (types().is_silent(result) || result == types::any) return result;
    if (types().is_generic_function(result)) {
        teach_site(result, surplus);
        return types::pending;
    }
    if (types().kind(result) == TypeKind::function) {
        return apply_function(result, surplus, call, first + taken,
                              fmt::format("the result of {}", callee_name));
    }
    error(call.range.begin,
          fmt::format("too many arguments: {} takes {}, got {} (its result, {}, is not a function)",
                      callee_name, taken, args.size(), a_type(result)));
    return types::error;
}

// f(args) where f is a value of a function type (or a generic function value).
TypeId Checker::call_value(TypeId callee_type, const ast::Call& call,
                           const std::vector<TypeId>& args) {
    const std::size_t n = types().info(callee_type).args.size();
    frame().body->calls[&call] = CallTarget::applying(nullptr, true, n);
    std::string name = "the function";
    if (call.callee->kind == ast::ExprKind::name) {
        name = fmt::format("'{}'", call.callee->as<ast::Name>().id);
    }
    if (types().is_generic_function(callee_type)) {
        teach_site(callee_type, args);
        return types::pending;
    }
    return apply_function(callee_type, args, call, 0, name);
}

std::optional<TypeId> Checker::given_params(const FunctionDecl& decl, std::size_t first,
                                            const ast::Call& call, const std::vector<TypeId>& args,
                                            std::string_view callee, std::vector<TypeId>& given) {
    given.assign(args.size(), types::error);
    bool failed = false;
    bool pending = false;
    for (std::size_t i = 0; i < args.size(); ++i) {
        if (args[i] == types::error) failed = true;
        if (args[i] == types::pending) pending = true;
        if (decl.param_types[first + i]) {
            given[i] = *decl.param_types[first + i];
            const std::string what = fmt::format(" for parameter '{}' of '{}'",
                                                 decl.def->params[first + i].name, callee);
            if (!check_conversion(args[i], given[i], *call.args[i], what)) failed = true;
        } else {
            given[i] = args[i];
        }
    }
    if (failed) return types::error;
    if (pending) return types::pending;
    return std::nullopt;
}

// add(5): a module-level function given fewer arguments than it has parameters.
TypeId Checker::call_function_partial(FunctionDecl& decl, const ast::Call& call,
                                      const std::vector<TypeId>& args) {
    const ast::DefStmt& def = *decl.def;
    const std::size_t n = def.params.size();
    const std::size_t k = args.size();
    std::vector<TypeId> given;
    if (auto stop = given_params(decl, 0, call, args, def.name, given)) return *stop;
    bool generic = false;
    for (std::size_t i = k; i < n; ++i)
        generic = generic || !decl.param_types[i];
    auto make = [&](const std::vector<TypeId>& taught) {
        std::vector<TypeId> params = given;
        for (std::size_t i = k; i < n; ++i)
            params.push_back(decl.param_types[i] ? *decl.param_types[i] : taught[i - k]);
        for (TypeId t : params) {
            if (t == types::error) return types::error;
        }
        FunctionInstance* inst = find_or_check(decl, params);
        frame().body->calls[&call] = CallTarget::applying(inst, false, n);
        std::vector<TypeId> rest(params.begin() + static_cast<long>(k), params.end());
        return types().function(std::move(rest), inst->result);
    };
    if (!generic) return make({});
    return function_value(&call, call.range.begin, n - k, make);
}

// A statement that only makes a partial application throws it away: most likely a
// forgotten argument (LANGUAGE.md 9, `f()`).
void Checker::warn_discarded_partial(const ast::Expr& expr) {
    if (expr.kind != ast::ExprKind::call) return;
    const auto& call = expr.as<ast::Call>();
    auto it = frame().body->calls.find(&call);
    bool partial = it != frame().body->calls.end() && !it->second.complete(call.args.size());
    partial = partial || types().is_generic_function(frame().body->type_of(expr));
    if (!partial) return;
    std::string callee = "the function";
    if (call.callee->kind == ast::ExprKind::name) {
        callee = fmt::format("'{}'", call.callee->as<ast::Name>().id);
    }
    const std::size_t params =
        it != frame().body->calls.end() ? it->second.params : call.args.size() + 1;
    warning(
        call.range.begin,
        fmt::format("{} takes {} but {} given: this makes a partial application, which is "
                    "discarded",
                    callee, arguments(params),
                    call.args.size() == 1 ? "1 was" : fmt::format("{} were", call.args.size())));
}

}  // namespace pyro2cpp::sema::detail
