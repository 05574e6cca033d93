// Names: what a name means where it is used, declaring variables with their C++ names, and
// reading and assigning them (where variable types are joined, docs/inference.md).
//
// Lookup order: the block scopes of the current body, innermost first (the top level's
// outermost scope holds the module-level variables as they are declared); in a function,
// the module-level variables declared before its `def`; the module's functions; the names of
// the files it imports (modules.cpp); builtins.
//
// C++ names: a new variable keeps its name unless that C++ name is already visible (an
// outer variable, an earlier one in the same block, a global, a function), in which case it
// becomes `x_2`, `x_3`, ... C++ forbids redeclaring a name in one block, and an initializer
// like `let x = x + 1` must still see the outer `x`.
#include <fmt/format.h>

#include "emit/cpp_names.hpp"
#include "sema/checker.hpp"

namespace pyro2cpp::sema::detail {

Resolved Checker::resolve(const std::string& name, Loc use) {
    Resolved r;
    const Frame& f = frame();
    for (auto it = f.scopes.rbegin(); it != f.scopes.rend(); ++it) {
        auto found = it->names.find(name);
        if (found != it->names.end()) {
            r.kind = Resolved::Kind::variable;
            r.var = found->second;
            return r;
        }
    }
    if (f.instance != nullptr) {
        if (auto g = visible_global(name)) {
            r.kind = Resolved::Kind::variable;
            r.var = VarRef{true, *g};
            return r;
        }
    }
    const ModuleScope& module = current_module();
    if (auto fn = module.functions.find(name); fn != module.functions.end()) {
        r.kind = Resolved::Kind::function;
        r.function = fn->second;
        return r;
    }
    if (module.reported_names.count(name) != 0) {
        r.kind = Resolved::Kind::reported;
        return r;
    }
    if (auto c = module.classes.find(name); c != module.classes.end()) {
        r.kind = Resolved::Kind::class_;
        r.cls = c->second;
        return r;
    }
    if (Resolved imported = resolve_imported(name, use); imported.kind != Resolved::Kind::none) {
        return imported;
    }
    if (auto c = classes_.find(name); c != classes_.end()) {  // Error
        r.kind = Resolved::Kind::class_;
        r.cls = c->second;
        return r;
    }
    if (auto b = find_builtin(name)) {
        r.kind = Resolved::Kind::builtin;
        r.builtin = *b;
        return r;
    }
    if (is_unsupported_builtin(name)) r.kind = Resolved::Kind::unsupported_builtin;
    return r;
}

// The latest module-level variable of that name declared before the current function.
std::optional<std::uint32_t> Checker::visible_global(const std::string& name) const {
    return latest_global(current_module(), name, frame().position);
}

bool Checker::cpp_name_visible(const std::string& cpp) const {
    const Frame& f = frame();
    for (const Scope& s : f.scopes) {
        if (s.cpp_names.count(cpp) != 0) return true;
    }
    // Names of other files live in their own C++ namespaces (and are written qualified).
    for (const auto& decl : decls_) {
        if (decl->module == f.module && decl->cpp_name == cpp) return true;
    }
    if (f.instance != nullptr) {
        for (std::size_t i = 0; i < program_->globals.size(); ++i) {
            const Variable& g = program_->globals[i];
            if (g.module == f.module && global_positions_[i] < f.position && g.cpp_name == cpp) {
                return true;
            }
        }
    }
    return false;
}

std::string Checker::fresh_cpp_name(const std::string& name) const {
    const std::string base = emit::cpp_identifier(name);
    std::string cpp = base;
    for (int n = 2; cpp_name_visible(cpp); ++n)
        cpp = fmt::format("{}_{}", base, n);
    return cpp;
}

Variable& Checker::variable(VarRef ref) {
    return ref.global ? program_->globals[ref.index] : frame().body->locals[ref.index];
}

namespace {

// Joins a value into a remembered variable type, noting the first time it becomes any.
TypeId widen(const TypeTable& types, VarMemory& memory, TypeId value, const std::string& name,
             Loc loc) {
    // A bad value assigned to a variable that already has a type must not change that type:
    // if it did, the next checking pass would see an error-typed variable and stay silent,
    // losing the message while invalid C++ was emitted. (A declaration whose value is bad
    // still makes the variable an error, which silences its uses.)
    if (value == types::error && memory.type != types::pending) return memory.type;
    TypeId joined = types.join(memory.type, value);
    if (joined == types::any && memory.type != types::any && value != types::any &&
        !memory.why_any) {
        memory.why_any =
            AnySite{loc, fmt::format("'{}' is assigned values of different types "
                                     "({} and {})",
                                     name, types.name(memory.type), types.name(value))};
    }
    memory.type = joined;
    return joined;
}

}  // namespace

VarRef Checker::declare_variable(const std::string& name, Loc loc, TypeId value_type,
                                 std::optional<TypeId> annotation, bool is_mut, DeclKey key) {
    warn_if_hides_module(name, loc);
    Frame& f = frame();
    if (f.instance == nullptr && f.scopes.size() == 1) {
        auto g = globals_by_decl_.find(key);
        if (g != globals_by_decl_.end()) {
            const std::uint32_t index = g->second.index;
            Variable& var = program_->globals[index];
            VarMemory& memory = global_memory_[index];
            TypeId type = annotation ? *annotation : widen(types(), memory, value_type, name, loc);
            // Someone read it at another type before this declaration was checked.
            if (type != var.type && global_read_[index]) rerun_ = true;
            var.type = type;
            var.annotated = annotation.has_value();
            VarRef ref{true, index};
            f.scopes[0].names[name] = ref;
            f.scopes[0].cpp_names.insert(var.cpp_name);
            f.body->decls[key] = ref;
            return ref;
        }
    }
    VarMemory& memory = (*f.memory)[key];
    Variable var;
    var.name = name;
    var.cpp_name = fresh_cpp_name(name);
    var.loc = loc;
    var.is_mut = is_mut;
    var.annotated = annotation.has_value();
    var.type = annotation ? *annotation : widen(types(), memory, value_type, name, loc);
    VarRef ref{false, static_cast<std::uint32_t>(f.body->locals.size())};
    f.scopes.back().names[name] = ref;
    f.scopes.back().cpp_names.insert(var.cpp_name);
    f.body->locals.push_back(std::move(var));
    f.local_keys.push_back(key);
    f.body->decls[key] = ref;
    return ref;
}

std::uint32_t Checker::declare_parameter(const std::string& name, Loc loc, TypeId type,
                                         DeclKey key) {
    warn_if_hides_module(name, loc);
    Frame& f = frame();
    Variable var;
    var.name = name;
    // Parameters may hide globals and functions: C++ agrees. Only a duplicate is renamed.
    const std::string base = emit::cpp_identifier(name);
    var.cpp_name = base;
    for (int n = 2; f.scopes[0].cpp_names.count(var.cpp_name) != 0; ++n) {
        var.cpp_name = fmt::format("{}_{}", base, n);
    }
    var.loc = loc;
    var.is_mut = true;
    var.annotated = true;
    var.fixed_storage = true;
    var.type = type;
    const auto index = static_cast<std::uint32_t>(f.body->locals.size());
    f.scopes[0].names[name] = VarRef{false, index};
    f.scopes[0].cpp_names.insert(var.cpp_name);
    f.body->locals.push_back(std::move(var));
    f.local_keys.push_back(key);
    return index;
}

TypeId Checker::read_variable(VarRef ref) {
    Variable& var = variable(ref);
    var.read = true;
    note_capture(ref);
    if (ref.global) {
        global_read_[ref.index] = var.type;
        if (frame().instance != nullptr) frame().global_reads.insert(ref.index);
    }
    return var.type;
}

void Checker::assign_variable(VarRef ref, TypeId value_type, const ast::Expr& value, Loc loc) {
    Variable& var = variable(ref);
    if (!var.is_mut) {
        warning(loc, fmt::format("'{}' is declared with 'let' and reassigned here (use 'mut')",
                                 var.name));
        note(var.loc, fmt::format("'{}' is declared here", var.name));
    }
    var.reassigned = true;
    note_capture(ref);
    if (var.annotated) {
        check_conversion(value_type, var.type, value);
        return;
    }
    Frame& f = frame();
    if (ref.global) {
        // Uncalled functions are checked with `any` parameters; they must not widen globals.
        if (f.check_only) return;
        TypeId type = widen(types(), global_memory_[ref.index], value_type, var.name, loc);
        if (type != var.type) {
            var.type = type;
            if (global_read_[ref.index]) rerun_ = true;
        }
        return;
    }
    VarMemory& memory = (*f.memory)[f.local_keys[ref.index]];
    TypeId type = widen(types(), memory, value_type, var.name, loc);
    if (type != var.type) {
        var.type = type;
        f.widened = true;
    }
}

}  // namespace pyro2cpp::sema::detail
