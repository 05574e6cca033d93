// Functions as values (LANGUAGE.md 5.1): a named function used as a value, lambdas, nested
// defs and the variables they capture, and generic function values.
//
// A lambda or nested def is checked inside the body that contains it: its parameters and
// locals are locals of that body (the C++ lambda declares them inside itself), and a name it
// reads from outside is *captured*. Captures are by reference: a captured variable that is
// also reassigned lives in a pyro::rt::Cell (sema::Variable::in_cell), so the closure and its
// scope share one variable even after the scope ends.
//
// A function value needs concrete parameter types, but a generic def (`let f = add`) or a
// lambda with unannotated parameters has none of its own. Such a value starts as a *generic*
// function type that names the site that made it; the uses of the value teach the site its
// parameter types (a call's arguments, the function type it is converted to), and the module
// is checked again, the site now making a concrete value. A site that nothing teaches gets
// `any` parameters (docs/inference.md, "Function values").
#include <fmt/format.h>

#include "sema/checker.hpp"

namespace pyro2cpp::sema::detail {

TypeId Checker::function_value(const void* site, Loc loc, std::size_t arity,
                               const std::function<TypeId(const std::vector<TypeId>&)>& make) {
    if (frame().check_only) return make(std::vector<TypeId>(arity, types::any));
    auto it = sites_.find(site);
    if (it != sites_.end()) {
        bool known = it->second.params.size() == arity;
        for (TypeId t : it->second.params)
            known = known && t != types::pending;
        if (known) {
            if (it->second.why_any && !it->second.quiet) note_any(loc, *it->second.why_any);
            return make(it->second.params);
        }
    }
    TypeId generic = types().generic_function(site, arity);
    open_sites_.push_back(generic);
    return generic;
}

void Checker::teach_site(TypeId generic, const std::vector<TypeId>& params, bool conversion) {
    if (frame().check_only) return;
    const TypeInfo info = types().info(generic);
    ValueSite& site = sites_[info.decl];
    if (site.params.empty()) site.params.assign(info.args.size(), types::pending);
    if (conversion && params.size() != site.params.size()) {
        // It can never match; the mismatch is reported, any parameters say nothing more.
        for (TypeId& t : site.params) {
            if (t == types::pending) {
                t = types::any;
                site.quiet = true;
                sites_changed_ = true;
            }
        }
        return;
    }
    for (std::size_t i = 0; i < site.params.size() && i < params.size(); ++i) {
        TypeId t = params[i];
        // Unknown or not yet concrete: nothing to learn from this use.
        if (types().is_silent(t) || types().is_generic_function(t)) continue;
        TypeId joined = types().join(site.params[i], t);
        if (joined == types::any && t != types::any && site.params[i] != types::pending &&
            site.params[i] != types::any && !site.why_any) {
            site.why_any = fmt::format(
                "this function value is used with arguments of different "
                "types ({} and {}) for its parameter {}, so it becomes any",
                types().name(site.params[i]), types().name(t), i + 1);
        }
        if (joined != site.params[i]) {
            site.params[i] = joined;
            sites_changed_ = true;
        }
    }
}

bool Checker::settle_function_values(bool aborted) {
    std::vector<TypeId> open = std::move(open_sites_);
    open_sites_.clear();
    if (aborted) return false;
    if (sites_changed_) {
        sites_changed_ = false;
        return true;
    }
    // Nothing more to learn: what no use taught becomes any.
    bool more = false;
    for (TypeId generic : open) {
        const TypeInfo& info = types().info(generic);
        ValueSite& site = sites_[info.decl];
        if (site.params.empty()) site.params.assign(info.args.size(), types::pending);
        for (TypeId& t : site.params) {
            if (t == types::pending) {
                t = types::any;
                more = true;
                if (!site.why_any && !site.nested_def) {
                    site.why_any =
                        "nothing calls this function value or gives it a function "
                        "type, so its unannotated parameters are any";
                }
            }
        }
    }
    return more;
}

// `add` used as a value: the instance it calls.
TypeId Checker::function_ref(const ast::Name& name, FunctionDecl& decl) {
    const std::size_t n = decl.def->params.size();
    auto make = [&](const std::vector<TypeId>& generic) {
        std::vector<TypeId> params(n);
        for (std::size_t i = 0; i < n; ++i) {
            params[i] = decl.param_types[i] ? *decl.param_types[i] : generic[i];
            if (params[i] == types::error) return types::error;
        }
        FunctionInstance* inst = find_or_check(decl, params);
        frame().body->calls[&name] =
            CallTarget::applying(inst, false, n);
        return types().function(params, inst->result);
    };
    if (!decl.generic) return make({});
    return function_value(&name, name.range.begin, n, make);
}

namespace {

// The state of the enclosing body that a closure's own body must not change.
struct SavedFrame {
    TypeId returns;
    bool returns_value;
    int loop_depth;
    ClosureCtx* closure;
    std::uint32_t first_local;
};

}  // namespace

// lambda x, y: body
TypeId Checker::check_lambda(const ast::Lambda& lambda) {
    const std::size_t n = lambda.params.size();
    std::vector<std::optional<TypeId>> written(n);
    bool generic = false;
    for (std::size_t i = 0; i < n; ++i) {
        if (lambda.params[i].type) {
            written[i] = resolve_type(*lambda.params[i].type, true);
        } else {
            generic = true;
        }
    }
    auto make = [&](const std::vector<TypeId>& taught) {
        std::vector<TypeId> params(n);
        for (std::size_t i = 0; i < n; ++i)
            params[i] = written[i] ? *written[i] : taught[i];
        Frame& f = frame();
        ClosureCtx ctx;
        ctx.parent = f.closure;
        SavedFrame saved{f.returns, f.returns_value, f.loop_depth, f.closure,
                         f.closure_first_local};
        f.closure = &ctx;
        f.closure_first_local = static_cast<std::uint32_t>(f.body->locals.size());
        push_scope();
        Closure closure;
        for (std::size_t i = 0; i < n; ++i) {
            const ast::Param& p = lambda.params[i];
            VarRef ref =
                declare_variable(p.name, p.loc, params[i], params[i], true, DeclKey{&p, 0});
            frame().body->locals[ref.index].fixed_storage = true;
            closure.params.push_back(ref.index);
        }
        TypeId result = check_expr(*lambda.body);
        pop_scope();
        Frame& g = frame();
        g.returns = saved.returns;
        g.returns_value = saved.returns_value;
        g.loop_depth = saved.loop_depth;
        g.closure = saved.closure;
        g.closure_first_local = saved.first_local;
        if (result == types::error) return types::error;
        closure.type = types().function(params, result);
        frame().body->closures[&lambda] = closure;
        return closure.type;
    };
    if (!generic) return make({});
    return function_value(&lambda, lambda.range.begin, n, make);
}

// A def inside a function or block: a closure bound to a local variable, visible from its
// def on (and inside itself, for recursion).
void Checker::check_nested_def(const ast::DefStmt& def) {
    const std::size_t n = def.params.size();
    const DeclKey key{&def, 0};
    if (!def.type_params.empty()) {
        error(def.type_params[0].loc, "type parameters are not supported yet");
    }
    std::vector<std::optional<TypeId>> written(n);
    bool generic = false;
    for (std::size_t i = 0; i < n; ++i) {
        if (def.params[i].type) {
            written[i] = resolve_type(*def.params[i].type, true);
        } else {
            generic = true;
        }
    }
    std::optional<TypeId> declared;
    if (def.result) declared = resolve_type(*def.result, true);
    auto make = [&](const std::vector<TypeId>& taught) {
        std::vector<TypeId> params(n);
        for (std::size_t i = 0; i < n; ++i)
            params[i] = written[i] ? *written[i] : taught[i];
        // The result inferred by the previous pass: recursive calls read it.
        TypeId before = declared ? *declared : types::pending;
        if (!declared) {
            auto memory = frame().memory->find(key);
            if (memory != frame().memory->end() &&
                types().kind(memory->second.type) == TypeKind::function &&
                types().info(memory->second.type).args == params) {
                before = types().info(memory->second.type).result;
            }
        }
        const TypeId start = types().function(params, before);
        VarRef self = declare_variable(def.name, def.name_loc, start, std::nullopt, false, key);
        Frame& f = frame();
        ClosureCtx ctx;
        ctx.parent = f.closure;
        ctx.def = &def;
        ctx.result_type = declared;
        ctx.self = self;
        SavedFrame saved{f.returns, f.returns_value, f.loop_depth, f.closure,
                         f.closure_first_local};
        f.returns = types::pending;
        f.returns_value = false;
        f.loop_depth = 0;
        f.closure = &ctx;
        f.closure_first_local = static_cast<std::uint32_t>(f.body->locals.size());
        push_scope();
        Closure closure;
        for (std::size_t i = 0; i < n; ++i) {
            const ast::Param& p = def.params[i];
            VarRef ref =
                declare_variable(p.name, p.loc, params[i], params[i], true, DeclKey{&p, 0});
            frame().body->locals[ref.index].fixed_storage = true;
            closure.params.push_back(ref.index);
        }
        check_statements(def.body);
        pop_scope();
        Frame& g = frame();
        closure.falls_off_end = can_reach_end(def.body);
        TypeId result = types().join(g.returns, before);
        if (declared) {
            result = *declared;
        } else if (closure.falls_off_end || !g.returns_value) {
            result = types().join(result, types::void_);
        }
        g.returns = saved.returns;
        g.returns_value = saved.returns_value;
        g.loop_depth = saved.loop_depth;
        g.closure = saved.closure;
        g.closure_first_local = saved.first_local;
        const TypeId type = types().function(params, result);
        Variable& var = g.body->locals[self.index];
        var.type = type;
        (*g.memory)[key].type = type;
        if (type != start) g.widened = true;
        if (ctx.recursive) var.reassigned = true;  // declared, then set: it lives in a Cell
        closure.type = type;
        closure.var = self.index;
        closure.recursive = ctx.recursive;
        g.body->closures[&def] = closure;
        return type;
    };
    if (!generic) {
        make({});
        return;
    }
    if (!frame().check_only) sites_[&def].nested_def = true;
    TypeId type = function_value(&def, def.name_loc, n, make);
    if (types().is_generic_function(type)) {
        declare_variable(def.name, def.name_loc, type, std::nullopt, false, key);
    }
}

void Checker::check_closure_return(const ast::ReturnStmt& stmt) {
    Frame& f = frame();
    const ClosureCtx& ctx = *f.closure;
    TypeId value = types::void_;
    if (stmt.value) {
        value = check_expr(*stmt.value);
        f.returns_value = true;
    }
    if (ctx.result_type) {
        if (stmt.value) {
            if (!check_conversion(value, *ctx.result_type, *stmt.value)) {
                note(ctx.def->result->range.begin,
                     fmt::format("'{}' is declared to return {}", ctx.def->name,
                                 type_name(*ctx.result_type)));
            }
        } else if (*ctx.result_type != types::void_ && *ctx.result_type != types::error) {
            error(stmt.range.begin, fmt::format("'{}' must return a value of type {}",
                                                ctx.def->name, type_name(*ctx.result_type)));
        }
        return;
    }
    TypeId joined = types().join(f.returns, value);
    if (joined == types::any && f.returns != types::any && value != types::any) {
        note_any(stmt.range.begin,
                 fmt::format("'{}' returns values of different types ({} and {})", ctx.def->name,
                             type_name(f.returns), type_name(value)));
    }
    f.returns = joined;
}

// A variable read or assigned: inside a closure, one declared outside it is captured.
void Checker::note_capture(VarRef ref) {
    Frame& f = frame();
    if (ref.global) return;
    if (f.closure != nullptr && ref.index < f.closure_first_local) {
        Variable& var = f.body->locals[ref.index];
        var.captured = true;
        for (ClosureCtx* c = f.closure; c != nullptr; c = c->parent) {
            if (c->self && c->self->index == ref.index) c->recursive = true;
        }
    }
    const Variable& var = f.body->locals[ref.index];
    if (var.captured && var.reassigned && var.fixed_storage) {
        error(var.loc, fmt::format("'{}' is captured by a closure and reassigned, which a "
                                   "parameter or loop variable cannot be (copy it into a 'mut' "
                                   "variable first)",
                                   var.name));
    }
}

}  // namespace pyro2cpp::sema::detail
