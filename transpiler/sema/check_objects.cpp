// Records and classes as declarations: their ClassInfo, their fields (a class's are the
// `self.x` its methods assign), their methods (FunctionDecls whose first parameter, `self`,
// has the class's type), constructor calls `C(args)`, and the consistency of overrides.
//
// Methods are instantiated like functions (instantiate.cpp): one whose parameters after
// `self` are all annotated has one instance, checked whether called or not; a generic one
// gets an instance per call's argument types. A call through a base class reaches, by
// dynamic dispatch, every override in its subclasses: those instances are instantiated with
// the same argument types and recorded in Body::also_reached, so they are emitted.
#include <fmt/format.h>

#include <algorithm>
#include <functional>

#include "emit/cpp_names.hpp"
#include "sema/checker.hpp"

namespace pyro2cpp::sema::detail {

namespace {

// `self.NAME` (the target of an assignment in a method).
const std::string* self_field(const ast::Expr& target) {
    if (target.kind != ast::ExprKind::member) return nullptr;
    const auto& m = target.as<ast::Member>();
    if (m.object->kind != ast::ExprKind::name || m.object->as<ast::Name>().id != "self") {
        return nullptr;
    }
    return &m.name;
}

// The `self.x` assigned anywhere in a block, in source order.
void assigned_fields(const ast::Block& block, std::vector<std::string>& out) {
    auto add = [&](const ast::Expr& target) {
        if (const std::string* name = self_field(target)) {
            if (std::find(out.begin(), out.end(), *name) == out.end()) out.push_back(*name);
        }
    };
    for (const auto& stmt : block) {
        switch (stmt->kind) {
            case ast::StmtKind::assign:
                add(*stmt->as<ast::AssignStmt>().target);
                break;
            case ast::StmtKind::aug_assign:
                add(*stmt->as<ast::AugAssignStmt>().target);
                break;
            case ast::StmtKind::if_: {
                const auto& s = stmt->as<ast::IfStmt>();
                for (const auto& b : s.branches)
                    assigned_fields(b.body, out);
                assigned_fields(s.else_body, out);
                break;
            }
            case ast::StmtKind::while_:
                assigned_fields(stmt->as<ast::WhileStmt>().body, out);
                break;
            case ast::StmtKind::for_:
                assigned_fields(stmt->as<ast::ForStmt>().body, out);
                break;
            case ast::StmtKind::try_: {
                const auto& s = stmt->as<ast::TryStmt>();
                assigned_fields(s.body, out);
                for (const auto& h : s.handlers)
                    assigned_fields(h.body, out);
                assigned_fields(s.finally_body, out);
                break;
            }
            default:
                break;
        }
    }
}

}  // namespace

// Called once the functions are declared: makes a ClassInfo for Error and for each record
// and class (parents first), finds the fields and declares the methods.
void Checker::declare_objects() {
    auto error_class = std::make_unique<ClassInfo>();
    error_class->kind = ClassInfo::Kind::builtin_error;
    error_class->name = "Error";
    error_class->cpp_name = "pyro::Error";
    error_class->fields.push_back(FieldInfo{"message", "message", types::string, nullptr});
    error_class->fields.push_back(FieldInfo{"cause", "cause", types::any, nullptr});
    TypeInfo error_type;
    error_type.kind = TypeKind::class_;
    error_type.name = "Error";
    error_type.decl = error_class.get();
    error_class->type = types().intern(error_type);
    classes_["Error"] = error_class.get();
    program_->class_storage.push_back(std::move(error_class));

    declare_interfaces();
    // Each file's own C++ namespace holds its classes; one defined in an imported file (or
    // in a main file that another imports) is written qualified wherever it is used.
    bool main_imported = false;
    for (const ModuleScope& m : modules_) {
        for (std::uint32_t j : m.imports)
            main_imported = main_imported || j + 1 == modules_.size();
    }
    std::vector<ClassInfo*> declared;
    for (std::uint32_t m = 0; m < modules_.size(); ++m) {
        ModuleScope& scope = modules_[m];
        const ast::Block& body = scope.module->body;
        for (std::size_t i = 0; i < body.size(); ++i) {
            const ast::Stmt& stmt = *body[i];
            if (stmt.kind != ast::StmtKind::record && stmt.kind != ast::StmtKind::class_) continue;
            auto info = std::make_unique<ClassInfo>();
            info->position = scope.base + i;
            info->module = m;
            Loc loc;
            if (stmt.kind == ast::StmtKind::record) {
                info->kind = ClassInfo::Kind::record;
                info->rec = &stmt.as<ast::RecordStmt>();
                info->name = info->rec->name;
                loc = info->rec->name_loc;
                for (const ast::TypeParam& t : info->rec->type_params)
                    info->type_params.push_back(t.name);
            } else {
                info->cls = &stmt.as<ast::ClassStmt>();
                info->name = info->cls->name;
                loc = info->cls->name_loc;
            }
            info->cpp_name = emit::cpp_identifier(info->name);
            if (modules_.size() > 1 && (m + 1 != modules_.size() || main_imported)) {
                info->cpp_name = program_->modules[m].cpp_namespace + "::" + info->cpp_name;
            }
            const bool is_def = std::any_of(body.begin(), body.end(), [&](const auto& s) {
                return s->kind == ast::StmtKind::def &&
                       s->template as<ast::DefStmt>().name == info->name;
            });
            if (scope.classes.count(info->name) != 0 || info->name == "Error" || is_def) {
                sink_.error(loc, fmt::format("'{}' is already defined", info->name));
                continue;
            }
            scope.classes[info->name] = info.get();
            declared.push_back(info.get());
            program_->class_storage.push_back(std::move(info));
        }
    }
    // Parents, then the order parents-first.
    for (ClassInfo* c : declared) {
        if (c->cls == nullptr || c->cls->parent.empty()) continue;
        decl_module_ = c->module;
        const TypeName p = find_type_name(c->cls->parent, c->cls->parent_loc, true);
        if (p.ambiguous) continue;
        if (p.cls == nullptr || p.cls->is_record()) {
            sink_.error(c->cls->parent_loc,
                        p.cls == nullptr
                            ? fmt::format("unknown class '{}'", c->cls->parent)
                            : fmt::format("'{}' is a record; classes cannot inherit from records",
                                          c->cls->parent));
            continue;
        }
        c->parent = p.cls;
        for (const ClassInfo* a = c->parent; a != nullptr; a = a->parent) {
            if (a == c) {
                sink_.error(c->cls->parent_loc,
                            fmt::format("class '{}' inherits from itself", c->name));
                c->parent = nullptr;
                break;
            }
        }
    }
    std::vector<ClassInfo*> ordered;
    std::function<void(ClassInfo*)> visit = [&](ClassInfo* c) {
        if (std::find(ordered.begin(), ordered.end(), c) != ordered.end()) return;
        if (c->parent != nullptr && c->parent->kind != ClassInfo::Kind::builtin_error) {
            visit(const_cast<ClassInfo*>(c->parent));
        }
        ordered.push_back(c);
    };
    for (ClassInfo* c : declared)
        visit(c);

    for (ClassInfo* c : ordered) {
        decl_module_ = c->module;
        if (c->type_params.empty()) {
            TypeInfo t;
            t.kind = c->is_record() ? TypeKind::record : TypeKind::class_;
            t.name = c->name;
            t.decl = c;
            c->type = types().intern(t);
        }
        declare_class_fields(*c);
        program_->classes.push_back(c);
    }
    for (ClassInfo* c : ordered) {
        decl_module_ = c->module;
        const auto& methods = c->is_record() ? c->rec->methods : c->cls->methods;
        for (const auto& m : methods)
            declare_method(*c, *m);
    }
    // A method a subclass redefines is virtual in the parent (and every ancestor having it).
    for (ClassInfo* c : ordered) {
        if (!c->is_class()) continue;
        for (const auto& m : c->cls->methods) {
            for (const ClassInfo* a = c->parent; a != nullptr; a = a->parent) {
                if (methods_.count({a, m->name}) != 0) {
                    const_cast<ClassInfo*>(a)->overridden.insert(m->name);
                }
            }
        }
    }
}

void Checker::declare_class_fields(ClassInfo& c) {
    if (c.is_record()) {
        type_params_.clear();
        for (const std::string& t : c.type_params)
            type_params_.insert(t);
        for (const ast::Param& p : c.rec->fields) {
            FieldInfo f{p.name, emit::cpp_identifier(p.name), types::error, p.type.get()};
            if (p.type == nullptr) {
                sink_.error(p.loc, fmt::format("record field '{}' needs a type", p.name));
            } else if (c.type_params.empty()) {
                f.type = resolve_type(*p.type, true);
            } else {
                f.type = types::pending;  // per instance: record_field_type
            }
            c.fields.push_back(std::move(f));
        }
        type_params_.clear();
        return;
    }
    // __init__'s assignments come first: they are what a new instance sets first.
    std::vector<const ast::DefStmt*> order;
    for (const auto& m : c.cls->methods) {
        if (m->name == "__init__")
            order.insert(order.begin(), m.get());
        else
            order.push_back(m.get());
    }
    std::vector<std::string> names;
    for (const ast::DefStmt* m : order)
        assigned_fields(m->body, names);
    for (const std::string& name : names) {
        if (c.parent != nullptr && c.parent->find_field(name) != nullptr) continue;
        c.fields.push_back(FieldInfo{name, emit::cpp_identifier(name), types::pending, nullptr});
    }
}

void Checker::declare_method(ClassInfo& c, const ast::DefStmt& def) {
    if (methods_.count({&c, def.name}) != 0) {
        sink_.error(def.name_loc,
                    fmt::format("method '{}' is already defined in '{}'", def.name, c.name));
        return;
    }
    if (def.params.empty() || def.params[0].name != "self") {
        sink_.error(def.name_loc,
                    fmt::format("method '{}' of '{}' must take 'self' as its first parameter",
                                def.name, c.name));
        return;
    }
    if (c.find_field(def.name) != nullptr) {
        sink_.error(def.name_loc,
                    fmt::format("'{}' is both a field and a method of '{}'", def.name, c.name));
        return;
    }
    auto decl = std::make_unique<FunctionDecl>();
    decl->def = &def;
    decl->position = c.position;
    decl->module = c.module;
    decl->owner = &c;
    decl->cpp_name = def.name == "__init__"  ? "pyro_init"
                     : def.name == "__str__" ? "pyro_str"
                                             : emit::cpp_identifier(def.name);
    if (!c.type_params.empty()) return declare_generic_method(c, std::move(decl));
    type_params_.clear();
    decl->param_types.push_back(c.type);
    for (std::size_t i = 1; i < def.params.size(); ++i) {
        const ast::Param& p = def.params[i];
        if (p.type) {
            decl->param_types.push_back(resolve_type(*p.type, true));
        } else {
            decl->param_types.push_back(std::nullopt);
            decl->generic = true;
        }
    }
    if (def.result) decl->result_type = resolve_type(*def.result, true);
    if (def.name == "__str__") {
        if (def.params.size() != 1) {
            sink_.error(def.name_loc, "__str__ takes only 'self'");
        }
        decl->result_type = types::string;
    }
    if (def.name == "__init__") decl->result_type = types::void_;
    decl->falls_off_end = can_reach_end(def.body);
    check_interface_uses(*decl);
    methods_[{&c, def.name}] = decl.get();
    decls_.push_back(std::move(decl));
}

FunctionDecl* Checker::find_method(const ClassInfo& cls, const std::string& name) const {
    for (const ClassInfo* c = &cls; c != nullptr; c = c->parent) {
        auto it = methods_.find({c, name});
        if (it != methods_.end()) return it->second;
    }
    return nullptr;
}

const ClassInfo* Checker::class_of(TypeId type) const {
    const TypeInfo& t = program_->types.info(type);
    if (t.kind != TypeKind::class_ && t.kind != TypeKind::record) return nullptr;
    return static_cast<const ClassInfo*>(t.decl);
}

// A record or class name written as a type; `Box<int>` for a generic record.
std::optional<TypeId> Checker::object_type(const ast::TypeExpr& type, bool report) {
    if (auto s = type_subst_.find(type.name); s != type_subst_.end() && type.args.empty()) {
        return s->second;
    }
    const TypeName found = find_type_name(type.name, type.range.begin, report);
    if (found.ambiguous) return types::error;
    if (auto t = interface_or_alias_type(type, report)) return t;
    if (found.cls == nullptr) return std::nullopt;
    const ClassInfo& c = *found.cls;
    auto fail = [&](std::string message) {
        return annotation_error(type, std::move(message), report);
    };
    if (c.type_params.size() != type.args.size()) {
        return fail(fmt::format("'{}' takes {} type argument{}, got {}", c.name,
                                c.type_params.size(), c.type_params.size() == 1 ? "" : "s",
                                type.args.size()));
    }
    if (c.type_params.empty()) return c.type;
    std::vector<TypeId> args;
    for (const auto& a : type.args) {
        args.push_back(resolve_type(*a, report));
        if (args.back() == types::error) return types::error;
    }
    return record_instance_type(c, args);
}

TypeId Checker::record_field_type(const ClassInfo& rec, TypeId record_type,
                                  const FieldInfo& field) {
    if (rec.type_params.empty() || field.annotation == nullptr) return field.type;
    const TypeInfo& t = types().info(record_type);
    auto saved = std::move(type_subst_);
    type_subst_.clear();
    for (std::size_t i = 0; i < rec.type_params.size() && i < t.args.size(); ++i)
        type_subst_[rec.type_params[i]] = t.args[i];
    const auto saved_module = type_module_override_;
    type_module_override_ = rec.module;  // the names its own file sees
    TypeId result = resolve_type(*field.annotation, false);
    type_module_override_ = saved_module;
    type_subst_ = std::move(saved);
    return result;
}

// C(args): a record's fields in order, or a class's __init__ (its own or inherited).
TypeId Checker::check_construct(ClassInfo& cls, const ast::Call& call,
                                const std::vector<TypeId>& args) {
    for (TypeId t : args) {
        if (t == types::error) return types::error;
    }
    auto arity_error = [&](std::size_t n) {
        error(call.range.begin,
              args.size() < n
                  ? fmt::format("partial application (currying) is not supported yet: '{}' "
                                "takes {} argument{}, got {}",
                                cls.name, n, n == 1 ? "" : "s", args.size())
                  : fmt::format("too many arguments: '{}' takes {}, got {}", cls.name, n,
                                args.size()));
        return types::error;
    };
    if (cls.is_record()) {
        if (args.size() < cls.fields.size()) return construct_partial(cls, call, args);
        if (args.size() != cls.fields.size()) return arity_error(cls.fields.size());
        TypeId type = cls.type;
        if (!cls.type_params.empty()) {
            // Each type parameter takes the type of the arguments for the fields typed by it.
            type = infer_record_type(cls, args, call.range.begin);
            if (types().is_silent(type)) return type;
        }
        bool ok = true;
        for (std::size_t i = 0; i < args.size(); ++i) {
            TypeId field = record_field_type(cls, type, cls.fields[i]);
            ok = check_conversion(
                     args[i], field, *call.args[i],
                     fmt::format(" for field '{}' of '{}'", cls.fields[i].name, cls.name)) &&
                 ok;
        }
        if (!ok) return types::error;
        CallTarget target;
        target.constructs = &cls;
        frame().body->calls[&call] = target;
        instantiate_record_methods(type);
        return type;
    }
    FunctionDecl* init = find_method(cls, "__init__");
    CallTarget target;
    target.constructs = &cls;
    if (init == nullptr) {
        const bool error_init = cls.derives_from(classes_.at("Error"));
        const std::size_t n = error_init ? 1 : 0;
        if (args.size() != n) return arity_error(n);
        if (error_init && !check_conversion(args[0], types::string, *call.args[0],
                                            fmt::format(" for the message of '{}'", cls.name))) {
            return types::error;
        }
        frame().body->calls[&call] = target;
        return cls.type;
    }
    const std::size_t init_params = init->def->params.size() - 1;
    if (args.size() < init_params) return construct_partial(cls, call, args);
    if (args.size() > init_params) return arity_error(init_params);
    TypeId result = call_method(*init, call, init->owner->type, args);
    if (result == types::error) return types::error;
    target.instance = frame().body->calls[&call].instance;
    frame().body->calls[&call] = target;
    return result == types::pending ? types::pending : cls.type;
}

// LANGUAGE.md 5.2 and 4: an override may return another type than the method it overrides
// (that is no operation that can never succeed). A call through the base class may reach
// either, so every method of the family returns the join of their results: a subclass of the
// base's result type joins to the base's (`Animal` and `Dog` give `Animal`), unrelated types
// to `any` (checked where the value is used). C++ virtual functions then agree too. The join
// is remembered across whole-module runs; one that widens makes the module be checked again.
TypeId Checker::override_result(const FunctionInstance& inst, const InstanceInfo& info) {
    const FunctionDecl& decl = *info.decl;
    const ClassInfo* owner = decl.owner;
    const std::string& name = decl.def->name;
    if (owner == nullptr || !owner->is_class() || name == "__init__" || name == "__str__" ||
        info.check_only || types().is_silent(inst.result)) {
        return inst.result;
    }
    const ClassInfo* root = nullptr;
    for (const ClassInfo* a = owner; a != nullptr; a = a->parent) {
        if (methods_.count({a, name}) != 0) root = a;
    }
    if (root == nullptr || root->overridden.count(name) == 0) return inst.result;
    std::vector<TypeId> params(inst.param_types.begin() + 1, inst.param_types.end());
    auto [it, fresh] = family_results_.try_emplace({root, name, std::move(params)}, inst.result);
    if (fresh) return inst.result;
    const TypeId joined = types().join(it->second, inst.result);
    if (joined != it->second) {
        it->second = joined;
        rerun_ = true;  // instances of the family checked before read the narrower result
    }
    return joined;
}

// The override's results agree by now (override_result); this reports a family that did not
// settle.
//
// Also the fields' final types: one no checked code assigns is `any` (its class is never
// constructed); one assigned values of different kinds is `any` too (LANGUAGE.md 9).
void Checker::check_overrides() {
    for (auto& owned : program_->class_storage) {
        for (FieldInfo& f : owned->fields) {
            if (f.type == types::pending) f.type = types::any;
        }
    }
    collect_record_specializations();
    for (const auto& [key, decl] : methods_) {
        const ClassInfo* c = key.first;
        if (c->parent == nullptr || key.second == "__init__") continue;
        FunctionDecl* base = find_method(*c->parent, key.second);
        if (base == nullptr) continue;
        for (const auto& [params, inst] : decl->instances) {
            for (const auto& [base_params, base_inst] : base->instances) {
                if (!std::equal(params.begin() + 1, params.end(), base_params.begin() + 1,
                                base_params.end())) {
                    continue;
                }
                if (inst->result != base_inst->result && !types().is_silent(inst->result) &&
                    !types().is_silent(base_inst->result)) {
                    sink_.error(
                        decl->def->name_loc,
                        fmt::format("'{}.{}' returns {} but the method it overrides, "
                                    "'{}.{}', returns {} (write the same `-> T` on both)",
                                    c->name, key.second, type_name(inst->result), base->owner->name,
                                    key.second, type_name(base_inst->result)));
                }
            }
        }
    }
}

}  // namespace pyro2cpp::sema::detail
