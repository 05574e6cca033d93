// std.time and std.sync in sema: what the concurrency programs need (LANGUAGE.md 6.5, 7) —
// `import std.time` / `import std.sync`, calls `time.f(...)` or `std.time.f(...)`, and the
// methods of WaitGroup and Mutex.
//
// This is a stop-gap for the two modules concurrency needs: the general `import std.NAME`
// mechanism (every module, its functions and argument checks) belongs to the standard library's
// sema, which should absorb these tables when both land.
#include <fmt/format.h>

#include <array>
#include <string_view>

#include "sema/checker.hpp"

namespace pyro2cpp::sema::detail {

namespace {

enum class Param { none, seconds, int_ };

struct StdFunction {
    std::string_view module;
    std::string_view name;
    Param param;
    TypeKind result;
};

constexpr std::array<StdFunction, 6> std_functions = {{
    {"time", "sleep", Param::seconds, TypeKind::void_},
    {"time", "now", Param::none, TypeKind::float_},
    {"time", "millis", Param::none, TypeKind::int_},
    {"time", "monotonic", Param::none, TypeKind::float_},
    {"sync", "WaitGroup", Param::none, TypeKind::wait_group},
    {"sync", "Mutex", Param::none, TypeKind::mutex},
}};

struct SyncMethod {
    TypeKind kind;
    std::string_view name;
    Param param;
};

constexpr std::array<SyncMethod, 5> sync_methods = {{
    {TypeKind::wait_group, "add", Param::int_},
    {TypeKind::wait_group, "done", Param::none},
    {TypeKind::wait_group, "wait", Param::none},
    {TypeKind::mutex, "lock", Param::none},
    {TypeKind::mutex, "unlock", Param::none},
}};

// An import's names are "reported" (sema.cpp) until the general import mechanism lands.
bool names_a_module(const Resolved& r) {
    return r.kind == Resolved::Kind::none || r.kind == Resolved::Kind::reported;
}

TypeId scalar(TypeTable& types, TypeKind kind) {
    TypeInfo info;
    info.kind = kind;
    return types.intern(info);
}

}  // namespace

// "time" or "sync" when `object` names an imported module (`time`, `std.time`) that no
// variable hides; else null.
const char* Checker::std_conc_module(const ast::Expr& object) {
    std::string name;
    if (object.kind == ast::ExprKind::name) {
        name = object.as<ast::Name>().id;
    } else if (object.kind == ast::ExprKind::member) {
        const auto& m = object.as<ast::Member>();
        if (m.object->kind != ast::ExprKind::name || m.object->as<ast::Name>().id != "std") {
            return nullptr;
        }
        if (!names_a_module(resolve("std", object.range.begin))) return nullptr;
        name = m.name;
    } else {
        return nullptr;
    }
    if (name != "time" && name != "sync") return nullptr;
    if (object.kind == ast::ExprKind::name && !names_a_module(resolve(name, object.range.begin))) {
        return nullptr;
    }
    for (const auto& stmt : current_module().module->body) {
        if (stmt->kind != ast::StmtKind::import) continue;
        const auto& import = stmt->as<ast::ImportStmt>();
        if (import.import_kind == ast::ImportKind::std_module && import.path == "std." + name) {
            return name == "time" ? "time" : "sync";
        }
    }
    return nullptr;
}

TypeId Checker::check_std_conc_call(const ast::Call& call, const char* module) {
    const auto& member = call.callee->as<ast::Member>();
    std::vector<TypeId> args;
    bool failed = false;
    for (const auto& arg : call.args) {
        args.push_back(check_expr(*arg));
        failed = failed || args.back() == types::error;
    }
    const StdFunction* fn = nullptr;
    for (const StdFunction& f : std_functions) {
        if (f.module == module && f.name == member.name) fn = &f;
    }
    if (fn == nullptr) {
        return unsupported(member.name_loc,
                           fmt::format("module '{}' has no function '{}'", module, member.name));
    }
    const std::size_t n = fn->param == Param::none ? 0 : 1;
    if (args.size() != n) {
        error(call.range.begin,
              fmt::format("{}.{}() takes {} argument{} but {} {} given", module, member.name, n,
                          n == 1 ? "" : "s", args.size(), args.size() == 1 ? "was" : "were"));
        return types::error;
    }
    if (failed) return types::error;
    if (fn->param == Param::seconds && !types().is_silent(args[0]) && args[0] != types::any &&
        !types().is_numeric(args[0])) {
        error(call.args[0]->range.begin,
              fmt::format("{}.{}() takes seconds as an int or a float, got {}", module, member.name,
                          type_name(args[0])));
        return types::error;
    }
    return scalar(types(), fn->result);
}

TypeId Checker::check_sync_method(const ast::Call& call, TypeId object) {
    const auto& member = call.callee->as<ast::Member>();
    std::vector<TypeId> args;
    bool failed = false;
    for (const auto& arg : call.args) {
        args.push_back(check_expr(*arg));
        failed = failed || args.back() == types::error;
    }
    const TypeKind kind = types().kind(object);
    const SyncMethod* method = nullptr;
    for (const SyncMethod& m : sync_methods) {
        if (m.kind == kind && m.name == member.name) method = &m;
    }
    if (method == nullptr) {
        return unsupported(member.name_loc,
                           fmt::format("{} has no method '{}'", type_name(object), member.name));
    }
    const std::size_t n = method->param == Param::none ? 0 : 1;
    if (args.size() != n) {
        error(call.range.begin, fmt::format("{}.{}() takes {} argument{} but {} {} given",
                                            type_name(object), member.name, n, n == 1 ? "" : "s",
                                            args.size(), args.size() == 1 ? "was" : "were"));
        return types::error;
    }
    if (failed) return types::error;
    if (method->param == Param::int_ && !types().convertible(args[0], types::int_)) {
        error(call.args[0]->range.begin,
              fmt::format("argument 1 of {}.{}() must be an int, got {}", type_name(object),
                          member.name, type_name(args[0])));
        return types::error;
    }
    return types::void_;
}

}  // namespace pyro2cpp::sema::detail
