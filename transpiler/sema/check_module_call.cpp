// Checking the standard library's imports and calls (LANGUAGE.md 7): `import std.NAME` at the
// top of a module makes `NAME.f(...)` and `std.NAME.f(...)` call the module's functions, and
// the library's objects (sync.WaitGroup, sync.Mutex) have methods. Every call is checked
// against the table in stdlib_modules.cpp: the function exists, the argument count fits, and
// each argument's static type can be what the parameter takes. An `any` argument is accepted
// here and checked when the program runs (emit converts it).
//
// A module's name is a name like any other: a local variable or function of that name hides
// the module (with a warning where the variable is declared).
#include <fmt/format.h>

#include "sema/checker.hpp"

namespace pyro2cpp::sema::detail {

namespace {

const char* param_text(StdParam p) {
    switch (p) {
        case StdParam::number:
            return "an int or a float";
        case StdParam::int_:
            return "an int";
        case StdParam::string:
            return "a string";
        case StdParam::value:
            return "a value";
        case StdParam::string_list:
            return "a list of strings";
        case StdParam::list:
            return "a list";
        case StdParam::list_mut:
            return "a list_mut";
        case StdParam::strings:
            return "strings or a list of strings";
    }
    return "?";
}

}  // namespace

// `import std.math` at the module's top level: known modules are recorded (for name lookup,
// and for emit's #include); anything else is reported here, once.
void Checker::declare_std_import(const ast::ImportStmt& import) {
    const std::string& path = import.path;
    const Loc loc = import.range.begin;
    if (!path.starts_with("std.")) {
        if (is_std_module(path)) {
            sink_.error(loc, fmt::format("unknown module '{0}' (the standard library's modules "
                                         "are imported as 'import std.{0}')",
                                         path));
        } else {
            sink_.error(loc, fmt::format("unknown module '{}'", path));
        }
        return;
    }
    const std::string name = path.substr(4);
    if (!is_std_module(name)) {
        sink_.error(loc, fmt::format("unknown module '{}'", path));
        return;
    }
    if (std_modules_.emplace(name, loc).second) program_->std_imports.push_back(name);
}

void Checker::check_std_import(const ast::ImportStmt& import) {
    if (frame().instance != nullptr || frame().scopes.size() > 1) {
        error(import.range.begin, "imports must be at the top level of the module");
    }
}

// The module `object` names in `object.f`: `math` or `std.math` (when the module is imported
// and no variable or function hides the name). `reported`: it names a module that cannot be
// used (not imported, unknown), and that was reported.
std::optional<std::string> Checker::module_named(const ast::Expr& object, bool& reported) {
    reported = false;
    auto shadowed = [&](const std::string& name) {
        Resolved::Kind k = resolve(name).kind;
        return k == Resolved::Kind::variable || k == Resolved::Kind::function;
    };
    std::string name;
    Loc loc = object.range.begin;
    if (object.kind == ast::ExprKind::name) {
        name = object.as<ast::Name>().id;
        if (shadowed(name)) return std::nullopt;
        if (name == "std" && !std_modules_.empty()) {
            error(loc,
                  "'std' is not a module: call a function of one of its modules, as in "
                  "std.math.sqrt(x)");
            reported = true;
            return std::nullopt;
        }
    } else if (object.kind == ast::ExprKind::member) {
        const auto& m = object.as<ast::Member>();
        if (m.object->kind != ast::ExprKind::name || m.object->as<ast::Name>().id != "std" ||
            shadowed("std")) {
            return std::nullopt;
        }
        name = m.name;
        if (!is_std_module(name)) {
            error(m.name_loc, fmt::format("unknown module 'std.{}'", name));
            reported = true;
            return std::nullopt;
        }
    } else {
        return std::nullopt;
    }
    if (std_modules_.count(name) != 0) return name;
    if (!is_std_module(name)) return std::nullopt;
    error(loc, fmt::format("module '{0}' is not imported (add 'import std.{0}')", name));
    reported = true;
    return std::nullopt;
}

// A call whose callee is `object.name`: a module function or a method of a library object.
// math.f(...), std.math.f(...). nullopt: the object is not a module (the caller checks it).
std::optional<TypeId> Checker::check_std_module_call(const ast::Call& call) {
    const auto& member = call.callee->as<ast::Member>();
    auto check_args = [&] {
        std::vector<TypeId> args;
        for (const auto& arg : call.args)
            args.push_back(check_expr(*arg));
        return args;
    };
    bool reported = false;
    std::optional<std::string> module = module_named(*member.object, reported);
    if (reported) {
        check_args();
        return types::error;
    }
    if (!module) return std::nullopt;
    const std::vector<TypeId> args = check_args();
    const StdFunction* fn = find_std_function(*module, member.name);
    if (fn == nullptr) {
        return unsupported(member.name_loc,
                           fmt::format("module '{}' has no function '{}'", *module, member.name));
    }
    return check_std_call(*fn, call, args, *module + "." + member.name);
}

// A method call on an object of the library (`wg.add(1)`, `m.lock()`): checked against the
// table like a module function.
TypeId Checker::check_std_method_call(const ast::Call& call, TypeId object) {
    const auto& member = call.callee->as<ast::Member>();
    std::vector<TypeId> args;
    for (const auto& arg : call.args)
        args.push_back(check_expr(*arg));
    const std::string type = type_name(object);
    const StdFunction* fn = find_std_method(type, member.name);
    if (fn == nullptr) {
        return unsupported(member.name_loc,
                           fmt::format("{} has no method '{}'", type, member.name));
    }
    return check_std_call(*fn, call, args, type + "." + member.name);
}

// `object.name` not called: `object` is a module (`math.pi`) or a library object
// (`wg.add`). nullopt: something else (the object has been checked), for the caller.
std::optional<TypeId> Checker::check_std_member(const ast::Member& member) {
    const ast::Expr& target = *member.object;
    if (target.kind == ast::ExprKind::name && target.as<ast::Name>().id == "std" &&
        std_modules_.count(member.name) != 0 && resolve("std").kind == Resolved::Kind::none) {
        return unsupported(member.name_loc,
                           fmt::format("'std.{0}' is a module, not a value: call its functions, "
                                       "as in std.{0}.f(...)",
                                       member.name));
    }
    bool reported = false;
    std::optional<std::string> module = module_named(*member.object, reported);
    if (reported) return types::error;
    if (module) {
        if (find_std_function(*module, member.name) == nullptr) {
            return unsupported(member.name_loc, fmt::format("module '{}' has no function '{}'",
                                                            *module, member.name));
        }
        return unsupported(member.name_loc,
                           fmt::format("'{0}.{1}' is a function of the standard library: call "
                                       "it, as in {0}.{1}(...)",
                                       *module, member.name));
    }
    return std::nullopt;
}

// A module's name used as a value (`print(math)`), or one not imported.
std::optional<TypeId> Checker::check_module_name(const ast::Name& name) {
    if (std_modules_.count(name.id) != 0 || (name.id == "std" && !std_modules_.empty())) {
        return unsupported(name.range.begin,
                           fmt::format("'{}' is a module, not a value: call its functions, as "
                                       "in {}.f(...)",
                                       name.id, name.id == "std" ? "std.NAME" : name.id));
    }
    return std::nullopt;
}

TypeId Checker::check_std_call(const StdFunction& fn, const ast::Call& call,
                               const std::vector<TypeId>& args, const std::string& shown) {
    for (TypeId t : args) {
        if (t == types::error) return types::error;
    }
    const bool variadic = fn.params.size() == 1 && fn.params[0] == StdParam::strings;
    const std::size_t n = args.size();
    if (n < fn.required || (!variadic && n > fn.params.size())) {
        std::string takes = variadic ? "1 or more arguments"
                            : fn.required == fn.params.size()
                                ? count_text(fn.required)
                                : fmt::format("{} to {} arguments", fn.required, fn.params.size());
        return unsupported(call.range.begin,
                           fmt::format("{}() takes {} but {}", shown, takes, given_text(n)));
    }
    const TypeTable& table = types();
    auto is_list = [&](TypeId t) { return table.kind(t) == TypeKind::list; };
    auto accepts = [&](StdParam p, TypeId t) {
        if (table.is_silent(t) || t == types::any) return true;
        switch (p) {
            case StdParam::number:
                return table.is_numeric(t);
            case StdParam::int_:
                return t == types::int_;
            case StdParam::string:
                return t == types::string;
            case StdParam::value:
                return true;
            case StdParam::string_list: {
                if (!is_list(t)) return false;
                const TypeId e = table.info(t).args.at(0);
                return e == types::string || e == types::any || table.is_silent(e);
            }
            case StdParam::list:
                return is_list(t);
            case StdParam::list_mut:
                return is_list(t) && table.info(t).is_mut;
            case StdParam::strings:
                return t == types::string;
        }
        return false;
    };
    bool ok = true;
    for (std::size_t i = 0; i < n; ++i) {
        StdParam p = variadic ? StdParam::strings : fn.params[i];
        // path.join(parts): one list of strings instead of several strings.
        if (variadic && n == 1 && is_list(args[0])) p = StdParam::string_list;
        if (accepts(p, args[i])) continue;
        error(call.args[i]->range.begin,
              fmt::format("argument {} of {}() must be {}, got {}", i + 1, shown,
                          param_text(variadic ? StdParam::strings : p), type_name(args[i])));
        ok = false;
    }
    if (!ok) return types::error;
    CallTarget target;
    target.std_function = &fn;
    frame().body->calls[&call] = target;
    const TypeId result = std_result(fn, args);
    if (result == types::any) {
        // json.parse's value has no static type; env.var and io.read_line may give void.
        note_any(call.range.begin,
                 fn.name == "parse"
                     ? fmt::format("{}() returns any: parsed JSON has no static type", shown)
                     : fmt::format("{}() returns string | void", shown));
    }
    return result;
}

TypeId Checker::std_result(const StdFunction& fn, const std::vector<TypeId>& args) {
    auto list_of = [&](TypeId element) {
        TypeInfo info;
        info.kind = TypeKind::list;
        info.args = {element};
        return types().intern(info);
    };
    auto dict_of = [&](TypeId key, TypeId value) {
        TypeInfo info;
        info.kind = TypeKind::dict;
        info.args = {key, value};
        return types().intern(info);
    };
    auto scalar = [&](TypeKind kind) {
        TypeInfo info;
        info.kind = kind;
        return types().intern(info);
    };
    switch (fn.result) {
        case StdResult::void_:
            return types::void_;
        case StdResult::bool_:
            return types::bool_;
        case StdResult::int_:
            return types::int_;
        case StdResult::float_:
            return types::float_;
        case StdResult::string:
            return types::string;
        case StdResult::any:
            return types::any;
        case StdResult::string_list:
            return list_of(types::string);
        case StdResult::string_dict:
            return dict_of(types::string, types::string);
        case StdResult::any_dict:
            return dict_of(types::string, types::any);
        case StdResult::element: {
            const TypeId list = args.at(0);
            if (types().kind(list) != TypeKind::list) return list;  // any, or silent
            return types().info(list).args.at(0);
        }
        case StdResult::wait_group:
            return scalar(TypeKind::wait_group);
        case StdResult::mutex:
            return scalar(TypeKind::mutex);
    }
    return types::error;
}

// LANGUAGE.md 3: a local name that hides an imported module gets a warning.
void Checker::warn_if_hides_module(const std::string& name, Loc loc) {
    if (name == "std" && !std_modules_.empty()) {
        warning(loc,
                "'std' hides the standard library (std.NAME cannot be used here; the "
                "imported modules' own names still work)");
        return;
    }
    auto it = std_modules_.find(name);
    if (it == std_modules_.end()) return;
    warning(loc, fmt::format("'{}' hides the module imported at line {} (std.{} cannot be "
                             "reached by this name here)",
                             name, it->second.line, name));
}

}  // namespace pyro2cpp::sema::detail
