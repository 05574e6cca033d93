// The module-level driver of semantic analysis: collects the module's declarations, checks
// the top-level body (which instantiates the functions it calls, transitively), the
// non-generic functions and then the uncalled generic ones, and finally decides what is
// emitted and which diagnostics are reported.
//
// A module-level variable's type may be widened by a function instance that was checked
// after someone read the variable at its narrower type; then the whole module is checked
// again, starting every global at its widened type (docs/inference.md).
#include <fmt/format.h>

#include <algorithm>
#include <set>
#include <tuple>

#include "emit/cpp_names.hpp"
#include "sema/checker.hpp"

namespace pyro2cpp::sema {

std::unique_ptr<Program> analyze(const ast::Module& module, const SourceFile& file,
                                 DiagnosticSink& diags, const SemaOptions& options) {
    return analyze_program({ModuleInput{&module, &file, {}, "pyro_program"}}, diags, options);
}

std::unique_ptr<Program> analyze_program(const std::vector<ModuleInput>& modules,
                                         DiagnosticSink& diags, const SemaOptions& options) {
    detail::Checker checker(modules, diags, options);
    return checker.run();
}

namespace detail {

Checker::Checker(const std::vector<ModuleInput>& modules, DiagnosticSink& sink,
                 const SemaOptions& options)
    : sink_(sink), options_(options), program_(std::make_unique<Program>()) {
    std::size_t base = 0;
    for (const ModuleInput& in : modules) {
        ModuleScope m;
        m.module = in.module;
        m.file = in.file;
        m.imports = in.imports;
        m.base = base;
        base += in.module->body.size();
        modules_.push_back(std::move(m));
        program_->modules.push_back(ModuleInfo{in.module, in.file, in.cpp_namespace});
    }
}

std::unique_ptr<Program> Checker::run() {
    collect_declarations();
    for (int run = 0;; ++run) {
        reset_run();
        check_module_once();
        if (settle_function_values(rerun_)) rerun_ = true;
        if (!rerun_) break;
        if (run + 1 >= max_passes) {
            sink_.error(Loc{}, "internal error: the types of module-level variables do not settle");
            break;
        }
    }
    check_uncalled_functions();
    finish();
    return std::move(program_);
}

void Checker::collect_declarations() {
    // C++ names: functions keep theirs; globals avoid the functions' and each other's (a
    // module-level name declared twice becomes `x` and `x_2`). Each file is its own C++
    // namespace, so names need to be unique only within a file.
    for (std::uint32_t m = 0; m < modules_.size(); ++m)
        collect_module_names(m);
    // Every file's records and classes before any function: a def's parameter types may
    // name them, in its own file or (through an import) in another.
    declare_objects();
    for (std::uint32_t m = 0; m < modules_.size(); ++m) {
        std::set<std::string> used;
        collect_module_declarations(m, used);
    }
    global_memory_.resize(program_->globals.size());
}

void Checker::collect_module_names(std::uint32_t m) {
    for (const auto& stmt : modules_[m].module->body) {
        if (stmt->kind != ast::StmtKind::import) continue;
        const auto& import = stmt->as<ast::ImportStmt>();
        if (import.import_kind == ast::ImportKind::std_module) declare_std_import(import);
    }
}

void Checker::collect_module_declarations(std::uint32_t m, std::set<std::string>& used) {
    ModuleScope& scope = modules_[m];
    const ast::Block& body = scope.module->body;
    decl_module_ = m;
    for (const ClassInfo* c : program_->classes) {
        if (c->module == m) used.insert(c->cpp_name.substr(c->cpp_name.rfind(':') + 1));
    }
    const std::size_t first_decl = decls_.size();
    for (std::size_t i = 0; i < body.size(); ++i) {
        if (body[i]->kind == ast::StmtKind::def) {
            declare_function(body[i]->as<ast::DefStmt>(), scope.base + i, m);
        } else if (body[i]->kind == ast::StmtKind::extern_) {
            declare_extern(body[i]->as<ast::ExternStmt>(), scope.base + i, m);
        }
    }
    for (std::size_t d = first_decl; d < decls_.size(); ++d) {
        FunctionDecl& decl = *decls_[d];
        if (decl.owner != nullptr) continue;  // a method: a member of its class
        std::string base = emit::cpp_identifier(decl.def->name);
        std::string name = base;
        for (int n = 2; used.count(name) != 0; ++n)
            name = fmt::format("{}_{}", base, n);
        decl.cpp_name = name;
        used.insert(name);
    }
    for (std::size_t i = 0; i < body.size(); ++i) {
        if (body[i]->kind != ast::StmtKind::let) continue;
        const auto& let = body[i]->as<ast::LetStmt>();
        // `let a, b = p` declares one module-level variable per name.
        for (std::uint32_t j = 0; j < let.names.size(); ++j) {
            const std::string& name = let.names[j];
            auto fn = scope.functions.find(name);
            if (fn != scope.functions.end()) {
                sink_.error(let.name_locs[j],
                            fmt::format("'{}' is already defined as a function at line {}", name,
                                        fn->second->def->name_loc.line));
                continue;
            }
            Variable var;
            var.name = name;
            var.loc = let.name_locs[j];
            var.is_mut = let.is_mut;
            var.type = types::pending;
            var.module = m;
            std::string base = emit::cpp_identifier(name);
            var.cpp_name = base;
            for (int n = 2; used.count(var.cpp_name) != 0; ++n) {
                var.cpp_name = fmt::format("{}_{}", base, n);
            }
            used.insert(var.cpp_name);
            GlobalDecl g{scope.base + i, static_cast<std::uint32_t>(program_->globals.size())};
            program_->globals.push_back(std::move(var));
            global_positions_.push_back(scope.base + i);
            globals_by_decl_[DeclKey{&let, j}] = g;
            scope.globals_by_name[name].push_back(g);
        }
    }
}

void Checker::declare_function(const ast::DefStmt& def, std::size_t position,
                               std::uint32_t module) {
    auto [it, inserted] = modules_[module].functions.emplace(def.name, nullptr);
    if (!inserted) {
        sink_.error(def.name_loc, fmt::format("'{}' is already defined at line {}", def.name,
                                              it->second->def->name_loc.line));
        return;
    }
    auto decl = std::make_unique<FunctionDecl>();
    decl->def = &def;
    decl->position = position;
    decl->module = module;
    if (!def.type_params.empty()) {
        sink_.error(def.type_params[0].loc, "type parameters are not supported yet");
    }
    type_params_.clear();
    for (const ast::TypeParam& t : def.type_params)
        type_params_.insert(t.name);
    std::set<std::string> seen;
    for (const ast::Param& p : def.params) {
        if (!seen.insert(p.name).second) {
            sink_.error(p.loc, fmt::format("duplicate parameter '{}'", p.name));
        }
        if (p.type) {
            decl->param_types.push_back(resolve_type(*p.type, true));
        } else {
            decl->param_types.push_back(std::nullopt);
            decl->generic = true;
        }
    }
    if (def.result) decl->result_type = resolve_type(*def.result, true);
    type_params_.clear();
    check_interface_uses(*decl);
    decl->falls_off_end = can_reach_end(def.body);
    it->second = decl.get();
    decls_.push_back(std::move(decl));
}

void Checker::reset_run() {
    rerun_ = false;
    program_->main = Body{};
    infos_.clear();
    all_instances_.clear();
    for (auto& decl : decls_)
        decl->instances.clear();
    reset_record_methods();
    for (std::size_t i = 0; i < program_->globals.size(); ++i) {
        Variable& g = program_->globals[i];
        g.type = global_memory_[i].type;
        g.read = false;
        g.reassigned = false;
    }
    global_read_.assign(program_->globals.size(), std::nullopt);
    for (auto& [field, memory] : field_memory_)
        memory.read = false;
    main_diags_.clear();
    main_any_.clear();
}

void Checker::check_module_once() {
    check_main_body();
    if (rerun_) return;
    // A function with no generic parameter has its one instance whether called or not.
    for (auto& decl : decls_) {
        if (decl->generic) continue;
        std::vector<TypeId> params;
        for (const auto& t : decl->param_types)
            params.push_back(*t);
        find_or_check(*decl, params);
        if (rerun_) return;
    }
}

void Checker::check_main_body() {
    for (int pass = 0;; ++pass) {
        program_->main = Body{};
        Frame f;
        f.body = &program_->main;
        f.memory = &main_memory_;
        frames_.push_back(&f);
        // Every file's top-level statements, in the order they run, each file with its own
        // names.
        for (std::uint32_t m = 0; m < modules_.size(); ++m) {
            f.module = m;
            f.scopes.clear();
            f.scopes.emplace_back();
            check_statements(modules_[m].module->body);
        }
        frames_.pop_back();
        main_diags_ = std::move(f.diags);
        main_any_ = std::move(f.any_sites);
        if (!f.widened || rerun_ || pass + 1 >= max_passes) break;
    }
}

// LANGUAGE.md 9: a function never called is checked with `any` parameters, so its mistakes
// are reported, but it has no instance to emit.
void Checker::check_uncalled_functions() {
    check_only_ = true;
    for (auto& decl : decls_) {
        if (!decl->generic || !decl->instances.empty()) continue;
        std::vector<TypeId> params;
        for (const auto& t : decl->param_types)
            params.push_back(t ? *t : types::any);
        uncalled_roots_.push_back(find_or_check(*decl, params));
    }
    check_uncalled_record_methods();
    check_only_ = false;
}

namespace {

// Every instance reachable through the calls recorded in `start`'s tables.
void reach(const Body& start, std::unordered_set<const FunctionInstance*>& seen) {
    std::vector<const Body*> work{&start};
    while (!work.empty()) {
        const Body* body = work.back();
        work.pop_back();
        for (const auto& [call, target] : body->calls) {
            if (target.instance != nullptr && seen.insert(target.instance).second) {
                work.push_back(&target.instance->body);
            }
        }
        for (const FunctionInstance* inst : body->also_reached) {
            if (seen.insert(inst).second) work.push_back(&inst->body);
        }
    }
}

}  // namespace

void Checker::finish() {
    std::unordered_set<const FunctionInstance*> emitted;
    reach(program_->main, emitted);
    for (auto& decl : decls_) {
        if (decl->generic) continue;
        for (auto& [params, inst] : decl->instances) {
            if (emitted.insert(inst).second) reach(inst->body, emitted);
        }
    }
    add_record_methods(emitted);
    mark_unset_checks(emitted);
    check_overrides();
    std::unordered_set<const FunctionInstance*> checked = emitted;
    for (FunctionInstance* root : uncalled_roots_) {
        if (checked.insert(root).second) reach(root->body, checked);
    }

    // Report one copy of each message (instances of one def repeat their body's mistakes);
    // notes follow the diagnostic they explain, and go with it.
    std::set<std::tuple<int, Loc, std::string>> reported;
    bool keep_notes = true;
    auto report = [&](Severity severity, Loc loc, const std::string& message) {
        if (severity == Severity::note) {
            if (keep_notes) sink_.add(severity, loc, message);
            return;
        }
        keep_notes = reported.emplace(static_cast<int>(severity), loc, message).second;
        if (keep_notes) sink_.add(severity, loc, message);
    };
    // `check --explain-any`: a note wherever any was inferred, saying why.
    auto report_any = [&](const AnySite& site) {
        if (!options_.explain_any) return;
        const std::string message = "any: " + site.why;
        if (reported.emplace(static_cast<int>(Severity::note), site.loc, message).second) {
            sink_.add(Severity::note, site.loc, message);
        }
    };
    for (const Diagnostic& d : main_diags_)
        report(d.severity, d.loc, d.message);
    for (const AnySite& site : main_any_)
        report_any(site);
    for (const auto& [key, memory] : main_memory_) {
        if (memory.why_any) report_any(*memory.why_any);
    }
    for (const VarMemory& memory : global_memory_) {
        if (memory.why_any) report_any(*memory.why_any);
    }
    for (const auto& [field, memory] : field_memory_) {
        if (memory.why_any) report_any(*memory.why_any);
    }
    for (const auto& owned : all_instances_) {
        const FunctionInstance* inst = owned.get();
        if (checked.count(inst) == 0) continue;
        const InstanceInfo& info = infos_.at(inst);
        for (const Diagnostic& d : info.diags)
            report(d.severity, d.loc, d.message);
        if (emitted.count(inst) != 0) {
            for (const AnySite& site : info.any_sites)
                report_any(site);
        }
    }
    if (options_.explain_any) {
        keep_notes = true;
        for (const FunctionInstance* root : uncalled_roots_) {
            report(Severity::note, root->def->name_loc,
                   fmt::format("'{}' is never called: it was checked with any for its "
                               "unannotated parameters, and produces no C++",
                               root->def->name));
        }
    }

    // Keep the emitted instances, grouped by def in source order.
    std::vector<std::unique_ptr<FunctionInstance>> kept;
    for (auto& owned : all_instances_) {
        if (emitted.count(owned.get()) != 0) kept.push_back(std::move(owned));
    }
    std::stable_sort(kept.begin(), kept.end(), [&](const auto& a, const auto& b) {
        std::size_t pa = infos_.at(a.get()).decl->position;
        std::size_t pb = infos_.at(b.get()).decl->position;
        return pa != pb ? pa < pb : a->serial < b->serial;
    });
    for (const auto& inst : kept)
        ++program_->overloads[inst->cpp_name];
    program_->instances = std::move(kept);
}

}  // namespace detail
}  // namespace pyro2cpp::sema
