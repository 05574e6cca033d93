// Function instances: monomorphisation of generic parameters, and the fixpoint that infers
// the result of recursive functions (docs/inference.md, "Return types and recursion").
//
// An instance is checked at its first call, in passes. While it is being checked it is
// *in progress*: a call reaching it again reads its result so far (at first `pending`) and
// records that it did. When a pass ends with a different result than the one read, the body
// is checked again. An instance that read the open result of another instance is
// *provisional*: it is valid only as long as that other instance stays in the same pass, and
// is checked again when it is next called otherwise.
#include <fmt/format.h>

#include <algorithm>

#include "sema/checker.hpp"

namespace pyro2cpp::sema::detail {

int Checker::nesting_of(const FunctionDecl& decl) const {
    int n = 0;
    for (const Frame* f : frames_) {
        if (f->info != nullptr && f->info->decl == &decl) ++n;
    }
    return n;
}

TypeId Checker::call_function(FunctionDecl& decl, const ast::Call& call,
                              const std::vector<TypeId>& arg_types) {
    const ast::DefStmt& def = *decl.def;
    const std::size_t n = def.params.size();
    if (arg_types.size() > n) {
        // Currying applies the result to the surplus: only a function result could take it.
        std::vector<TypeId> first(arg_types.begin(), arg_types.begin() + static_cast<long>(n));
        TypeId result = call_function(decl, call, first);
        if (result == types::error) return types::error;
        return apply_surplus(result, arg_types, call, 0, n, fmt::format("'{}'", def.name));
    }
    if (arg_types.size() < n) return call_function_partial(decl, call, arg_types);
    std::vector<TypeId> params(n);
    bool failed = false;
    bool pending = false;
    for (std::size_t i = 0; i < n; ++i) {
        if (arg_types[i] == types::error) failed = true;
        if (arg_types[i] == types::pending) pending = true;
        if (is_unknown_channel(types(), arg_types[i])) pending = true;  // chan(n), first pass
        if (decl.param_types[i]) {
            params[i] = *decl.param_types[i];
            const std::string what =
                fmt::format(" for parameter '{}' of '{}'", def.params[i].name, def.name);
            // An interface parameter is instantiated for the class or record passed.
            const bool iface = types().kind(params[i]) == TypeKind::interface;
            if (iface ? !check_satisfies(arg_types[i], params[i], *call.args[i], what)
                      : !check_conversion(arg_types[i], params[i], *call.args[i], what)) {
                note(def.params[i].loc,
                     fmt::format("parameter '{}' is declared here", def.params[i].name));
                failed = true;
            }
            if (!failed && def.params[i].type) {
                failed = !check_union_member(arg_types[i], *def.params[i].type, *call.args[i]);
            }
            if (iface) params[i] = arg_types[i];
        } else {
            params[i] = arg_types[i];
        }
    }
    if (failed) return types::error;
    // An argument whose type waits on a recursive result: this pass is not the last one.
    if (pending) return types::pending;
    if (decl.generic && nesting_of(decl) >= max_nested_instances) {
        for (std::size_t i = 0; i < n; ++i) {
            if (!decl.param_types[i]) params[i] = types::any;
        }
        note_any(call.range.begin,
                 fmt::format("'{}' is instantiated more than {} times inside itself, so its "
                             "parameters become any",
                             def.name, max_nested_instances));
    }
    FunctionInstance* inst = find_or_check(decl, std::move(params));
    frame().body->calls[&call] = CallTarget::applying(inst, false, n);
    return inst->result;
}

FunctionInstance* Checker::find_or_check(FunctionDecl& decl, std::vector<TypeId> param_types) {
    auto it = decl.instances.find(param_types);
    if (it == decl.instances.end()) {
        auto owned = std::make_unique<FunctionInstance>();
        FunctionInstance* inst = owned.get();
        inst->def = decl.def;
        inst->owner = decl.owner;
        inst->cpp_name = decl.cpp_name;
        inst->param_types = param_types;
        inst->falls_off_end = decl.falls_off_end;
        inst->serial = instance_counter_++;
        inst->module = decl.module;
        inst->extern_ = decl.extern_;
        all_instances_.push_back(std::move(owned));
        decl.instances.emplace(std::move(param_types), inst);
        InstanceInfo& info = infos_[inst];
        info.decl = &decl;
        info.check_only = check_only_;
        check_instance(*inst);
        return inst;
    }
    FunctionInstance* inst = it->second;
    InstanceInfo& info = infos_.at(inst);
    switch (info.state) {
        case InstanceState::done:
            return inst;
        case InstanceState::in_progress:
            info.result_read = true;
            if (!frames_.empty()) frame().deps.push_back({inst, info.serial});
            return inst;
        case InstanceState::provisional:
            if (dependencies_hold(info)) {
                std::vector<Dependency> open;
                collect_open_dependencies(info, open);
                if (open.empty()) {
                    info.state = InstanceState::done;
                    info.deps.clear();
                } else if (!frames_.empty()) {
                    auto& deps = frame().deps;
                    deps.insert(deps.end(), open.begin(), open.end());
                }
                return inst;
            }
            check_instance(*inst);
            return inst;
    }
    return inst;
}

bool Checker::dependencies_hold(const InstanceInfo& info, int depth) const {
    if (depth > 1000) return false;
    for (const Dependency& dep : info.deps) {
        const InstanceInfo& d = infos_.at(dep.instance);
        if (d.serial != dep.serial) return false;
        if (d.state == InstanceState::provisional && !dependencies_hold(d, depth + 1)) {
            return false;
        }
    }
    return true;
}

void Checker::collect_open_dependencies(const InstanceInfo& info, std::vector<Dependency>& out,
                                        int depth) const {
    if (depth > 1000) return;
    for (const Dependency& dep : info.deps) {
        const InstanceInfo& d = infos_.at(dep.instance);
        if (d.state == InstanceState::in_progress) {
            out.push_back(dep);
        } else if (d.state == InstanceState::provisional) {
            collect_open_dependencies(d, out, depth + 1);
        }
    }
}

void Checker::run_pass(FunctionInstance& inst, InstanceInfo& info, Frame& f) {
    info.serial = ++serial_counter_;
    info.result_read = false;
    inst.body = Body{};
    inst.params.clear();
    f.instance = &inst;
    f.info = &info;
    f.body = &inst.body;
    f.memory = &info.memory;
    f.position = info.decl->position;
    f.module = info.decl->module;
    f.check_only = info.check_only;
    f.scopes.emplace_back();
    frames_.push_back(&f);
    auto saved_params = enter_record_params(*info.decl);  // a generic record's method sees T
    const ast::DefStmt& def = *inst.def;
    for (std::size_t i = 0; i < def.params.size(); ++i) {
        inst.params.push_back(declare_parameter(def.params[i].name, def.params[i].loc,
                                                inst.param_types[i],
                                                DeclKey{&def, static_cast<std::uint32_t>(i)}));
    }
    check_statements(def.body);
    type_subst_ = std::move(saved_params);
    frames_.pop_back();
}

void Checker::check_instance(FunctionInstance& inst) {
    InstanceInfo& info = infos_.at(&inst);
    const FunctionDecl& decl = *info.decl;
    info.state = InstanceState::in_progress;
    info.result_any.reset();
    std::unique_ptr<Frame> last;
    for (int pass = 0;; ++pass) {
        auto f = std::make_unique<Frame>();
        run_pass(inst, info, *f);
        TypeId result;
        if (decl.result_type) {
            result = *decl.result_type;
        } else {
            // Joined with the previous pass's result, so results only ever grow.
            result = types().join(f->returns, inst.result);
            if (inst.falls_off_end || !f->returns_value) {
                TypeId with_void = types().join(result, types::void_);
                if (with_void == types::any && result != types::any && !f->check_only &&
                    !info.result_any) {
                    info.result_any =
                        AnySite{decl.def->name_loc,
                                fmt::format("'{}' returns {} on some paths and nothing on others",
                                            decl.def->name, type_name(result))};
                }
                result = with_void;
            }
        }
        const bool again = f->widened || (info.result_read && result != inst.result);
        inst.result = result;
        if (!again || pass + 1 >= max_passes) {
            last = std::move(f);
            break;
        }
    }
    inst.result = override_result(inst, info);  // an overridden method's family agrees

    info.diags = std::move(last->diags);
    info.any_sites = std::move(last->any_sites);
    info.global_reads = std::move(last->global_reads);
    if (!info.check_only) {
        for (const auto& [key, memory] : info.memory) {
            if (memory.why_any) info.any_sites.push_back(*memory.why_any);
        }
        if (info.result_any) info.any_sites.push_back(*info.result_any);
    }
    std::vector<Dependency> deps;
    for (const Dependency& dep : last->deps) {
        if (dep.instance == &inst) continue;
        bool dup = std::any_of(deps.begin(), deps.end(), [&](const Dependency& d) {
            return d.instance == dep.instance && d.serial == dep.serial;
        });
        if (!dup) deps.push_back(dep);
    }
    if (deps.empty()) {
        info.state = InstanceState::done;
        info.deps.clear();
        // Still pending with nothing left open: every return passes its own result on.
        if (inst.result == types::pending) {
            info.diags.push_back(Diagnostic{
                Severity::error, decl.def->name_loc,
                fmt::format("cannot infer the result type of '{}': it only returns what its "
                            "own recursive calls return; write it down with `-> T`",
                            decl.def->name)});
            inst.result = types::error;
        }
    } else {
        info.state = InstanceState::provisional;
        info.deps = deps;
        if (!frames_.empty()) {
            auto& caller = frame().deps;
            caller.insert(caller.end(), deps.begin(), deps.end());
        }
    }
}

}  // namespace pyro2cpp::sema::detail
