// Generic records (LANGUAGE.md 5.2, `record Box<T>(value: T)`): their instance types
// (`Box<int>`), inferring the type arguments from a constructor's arguments, and their
// methods.
//
// A method of a generic record is declared once as a *template* (never instantiated
// itself); each record type it is used with (`Box<int>`, `Box<string>`) gets its own
// FunctionDecl, whose `self` is that type and whose annotations are resolved with the type
// parameters bound to the type's arguments (`def get(self) -> T` returns int on a
// `Box<int>`). From there on such a method is an ordinary method: instances per argument
// types, bound methods, currying. Its body is checked with the same binding, so an
// annotation inside it may name T too. Constructing a record type instantiates its methods
// whose parameters are all annotated, as a non-generic record's are whether called or not
// (so a value of that type held in an `any` can have them called by name), unless they do
// not check for that type (add_record_methods).
#include <fmt/format.h>

#include <algorithm>

#include "sema/checker.hpp"

namespace pyro2cpp::sema::detail {

namespace {

// A record type nested inside itself deeper than this (`Box<Box<...>>`) is refused, so a
// method that wraps `self` in a new Box cannot instantiate types forever (C++ templates
// have the same limit).
constexpr int max_record_nesting = 8;

int nesting(const TypeTable& types, TypeId t, const void* decl) {
    const TypeInfo& info = types.info(t);
    int deepest = 0;
    for (TypeId a : info.args)
        deepest = std::max(deepest, nesting(types, a, decl));
    if (info.kind == TypeKind::function)
        deepest = std::max(deepest, nesting(types, info.result, decl));
    return deepest + (info.kind == TypeKind::record && info.decl == decl ? 1 : 0);
}

// Whether a type is fully known (no pending part, no generic function value), so C++ can
// spell it.
bool concrete(const TypeTable& types, TypeId t) {
    if (types.is_silent(t) || types.is_generic_function(t)) return false;
    const TypeInfo& info = types.info(t);
    for (TypeId a : info.args) {
        if (!concrete(types, a)) return false;
    }
    return info.kind != TypeKind::function || concrete(types, info.result);
}

}  // namespace

TypeId Checker::record_instance_type(const ClassInfo& cls, const std::vector<TypeId>& args) {
    TypeInfo t;
    t.kind = TypeKind::record;
    t.decl = &cls;
    t.name = cls.name + "<";
    for (std::size_t i = 0; i < args.size(); ++i) {
        t.args.push_back(args[i]);
        t.name += (i > 0 ? ", " : "") + type_name(args[i]);
    }
    t.name += ">";
    return types().intern(t);
}

std::unordered_map<std::string, TypeId> Checker::record_subst(TypeId record_type) const {
    std::unordered_map<std::string, TypeId> subst;
    const TypeInfo& t = program_->types.info(record_type);
    if (t.kind != TypeKind::record || t.decl == nullptr) return subst;
    const auto& cls = *static_cast<const ClassInfo*>(t.decl);
    for (std::size_t i = 0; i < cls.type_params.size() && i < t.args.size(); ++i)
        subst[cls.type_params[i]] = t.args[i];
    return subst;
}

// The parts of `value` that stand where `written` names a type parameter of `cls`
// (`list<T>` and `list<int>` give T = int), joined into `bound`.
void Checker::unify_record_param(const ClassInfo& cls, const ast::TypeExpr& written, TypeId value,
                                 std::vector<TypeId>& bound) {
    const TypeInfo& info = types().info(value);
    if (written.kind == ast::TypeExprKind::function) {
        if (info.kind != TypeKind::function || types().is_generic_function(value) ||
            info.args.size() != written.args.size()) {
            return;
        }
        for (std::size_t i = 0; i < written.args.size(); ++i)
            unify_record_param(cls, *written.args[i], info.args[i], bound);
        if (written.result) unify_record_param(cls, *written.result, info.result, bound);
        return;
    }
    if (written.kind != ast::TypeExprKind::named) return;
    if (written.args.empty()) {
        for (std::size_t k = 0; k < cls.type_params.size(); ++k) {
            if (written.name != cls.type_params[k]) continue;
            bound[k] = bound[k] == types::error ? value : types().join(bound[k], value);
            return;
        }
        return;
    }
    if (info.args.size() != written.args.size() || info.kind == TypeKind::function) return;
    for (std::size_t i = 0; i < written.args.size(); ++i)
        unify_record_param(cls, *written.args[i], info.args[i], bound);
}

// `cls`'s type for a construction from values of these types (one per field); error after
// reporting at `loc` a type parameter no field's value decides, pending when a value is.
TypeId Checker::infer_record_type(const ClassInfo& cls, const std::vector<TypeId>& fields,
                                  Loc loc) {
    for (TypeId t : fields) {
        if (t == types::pending) return types::pending;
        if (t == types::error) return types::error;
    }
    std::vector<TypeId> bound(cls.type_params.size(), types::error);
    for (std::size_t i = 0; i < fields.size() && i < cls.fields.size(); ++i) {
        if (cls.fields[i].annotation != nullptr)
            unify_record_param(cls, *cls.fields[i].annotation, fields[i], bound);
    }
    for (std::size_t k = 0; k < bound.size(); ++k) {
        // Only an empty literal's unknown element gets here (a pending value returned above):
        // with nothing else to say what it holds, it is any (docs/inference.md).
        if (bound[k] == types::pending) bound[k] = types::any;
        if (bound[k] != types::error) continue;
        error(loc, fmt::format("cannot infer the type parameter '{}' of '{}' from the "
                               "arguments; write the type with an annotation",
                               cls.type_params[k], cls.name));
        return types::error;
    }
    const TypeId type = record_instance_type(cls, bound);
    if (nesting(types(), type, &cls) > max_record_nesting) {
        error(loc, fmt::format("'{}' is nested inside itself more than {} times ({}); a "
                               "method that wraps self in a new '{}' cannot recurse forever",
                               cls.name, max_record_nesting, type_name(type), cls.name));
        return types::error;
    }
    return type;
}

// The method `name` of a value of type `self_type` whose record or class is `cls`: for a
// generic record, the method's declaration for that record type.
FunctionDecl* Checker::method_for(TypeId self_type, const ClassInfo& cls, const std::string& name) {
    FunctionDecl* base = find_method(cls, name);
    if (base == nullptr || cls.type_params.empty() ||
        types().info(self_type).args.size() != cls.type_params.size()) {
        return base;
    }
    const auto key = std::make_pair(static_cast<const FunctionDecl*>(base), self_type);
    if (auto it = record_methods_.find(key); it != record_methods_.end()) return it->second;
    auto decl = std::make_unique<FunctionDecl>();
    decl->def = base->def;
    decl->position = base->position;
    decl->module = base->module;
    decl->owner = base->owner;
    decl->cpp_name = base->cpp_name;
    decl->falls_off_end = base->falls_off_end;
    decl->param_types.push_back(self_type);
    auto saved = std::move(type_subst_);
    type_subst_ = record_subst(self_type);
    const auto saved_module = type_module_override_;
    type_module_override_ = base->module;  // its annotations name what its file sees
    const ast::DefStmt& def = *base->def;
    for (std::size_t i = 1; i < def.params.size(); ++i) {
        if (def.params[i].type) {
            TypeId t = resolve_type(*def.params[i].type, false);
            decl->param_types.push_back(t);
            if (types().kind(t) == TypeKind::interface) decl->generic = true;
        } else {
            decl->param_types.push_back(std::nullopt);
            decl->generic = true;
        }
    }
    if (base->result_type) {
        decl->result_type =
            def.result && *base->result_type != types::error && def.name != "__str__"
                ? resolve_type(*def.result, false)
                : *base->result_type;
    }
    type_module_override_ = saved_module;
    type_subst_ = std::move(saved);
    FunctionDecl* out = decl.get();
    record_methods_[key] = out;
    record_method_decls_.push_back(std::move(decl));
    return out;
}

// A generic record's method as written: checked for its annotations (with its type
// parameters standing for any), and kept as the template of its per-type declarations.
void Checker::declare_generic_method(ClassInfo& c, std::unique_ptr<FunctionDecl> decl) {
    const ast::DefStmt& def = *decl->def;
    for (const std::string& t : c.type_params)
        type_subst_[t] = types::any;
    decl->param_types.push_back(std::nullopt);
    for (std::size_t i = 1; i < def.params.size(); ++i) {
        if (def.params[i].type) resolve_type(*def.params[i].type, true);
        decl->param_types.push_back(std::nullopt);
    }
    decl->generic = true;
    if (def.result) decl->result_type = resolve_type(*def.result, true);
    if (def.name == "__str__") {
        if (def.params.size() != 1) sink_.error(def.name_loc, "__str__ takes only 'self'");
        decl->result_type = types::string;
    }
    type_subst_.clear();
    decl->falls_off_end = can_reach_end(def.body);
    check_interface_uses(*decl);
    methods_[{&c, def.name}] = decl.get();
    record_method_decls_.push_back(std::move(decl));
}

// A record type is constructed: its methods whose parameters are all annotated get their
// instance (emitted, like a non-generic record's, whether called or not).
void Checker::instantiate_record_methods(TypeId record_type) {
    const ClassInfo* cls = class_of(record_type);
    if (cls == nullptr || cls->type_params.empty() || frames_.empty()) return;
    for (const auto& m : cls->rec->methods) {
        if (methods_.count({cls, m->name}) == 0) continue;
        FunctionDecl* decl = method_for(record_type, *cls, m->name);
        if (decl == nullptr || decl->generic) continue;
        std::vector<TypeId> params;
        bool ok = true;
        for (const auto& t : decl->param_types) {
            params.push_back(*t);
            ok = ok && *t != types::error;
        }
        if (!ok) continue;
        FunctionInstance* inst = find_or_check(*decl, params);
        inst->owner = decl->owner;
        if (!frame().check_only) eager_record_methods_.push_back(inst);
    }
}

// The methods instantiated because their record type was constructed are emitted when they
// (and what they call) check without errors. As with C++ templates, a method that does not
// fit some record type (`self.value + 1` on a Box<string>) is an error only where it is
// called on that type.
void Checker::add_record_methods(std::unordered_set<const FunctionInstance*>& emitted) {
    for (const FunctionInstance* inst : eager_record_methods_) {
        if (emitted.count(inst) != 0) continue;
        std::unordered_set<const FunctionInstance*> seen{inst};
        std::vector<const Body*> work{&inst->body};
        while (!work.empty()) {
            const Body* body = work.back();
            work.pop_back();
            auto visit = [&](const FunctionInstance* next) {
                if (next != nullptr && emitted.count(next) == 0 && seen.insert(next).second)
                    work.push_back(&next->body);
            };
            for (const auto& [call, target] : body->calls)
                visit(target.instance);
            for (const FunctionInstance* next : body->also_reached)
                visit(next);
        }
        bool failed = false;
        for (const FunctionInstance* i : seen) {
            auto it = infos_.find(i);
            if (it == infos_.end()) continue;
            for (const Diagnostic& d : it->second.diags)
                failed = failed || d.severity == Severity::error;
        }
        if (!failed) emitted.insert(seen.begin(), seen.end());
    }
}

// Sets the type parameters a body's annotations see: a generic record's method sees its
// record type's arguments. Returns what to restore afterwards.
std::unordered_map<std::string, TypeId> Checker::enter_record_params(const FunctionDecl& decl) {
    auto saved = std::move(type_subst_);
    type_subst_.clear();
    if (decl.owner != nullptr && !decl.owner->type_params.empty() && !decl.param_types.empty() &&
        decl.param_types[0]) {
        type_subst_ = record_subst(*decl.param_types[0]);
    }
    return saved;
}

void Checker::reset_record_methods() {
    eager_record_methods_.clear();
    for (auto& decl : record_method_decls_)
        decl->instances.clear();
}

// LANGUAGE.md 9: a method no code calls is still checked (with `any` for what is unknown):
// a generic record's method used with no record type is checked on `Box<any>`.
void Checker::check_uncalled_record_methods() {
    std::set<const FunctionDecl*> used;
    for (const auto& [key, decl] : record_methods_) {
        if (!decl->instances.empty()) used.insert(key.first);
    }
    std::vector<std::pair<ClassInfo*, FunctionDecl*>> unused;
    for (const auto& [key, decl] : methods_) {
        const ClassInfo* c = key.first;
        if (c->is_record() && !c->type_params.empty() && used.count(decl) == 0)
            unused.emplace_back(const_cast<ClassInfo*>(c), decl);
    }
    for (auto [c, base] : unused) {
        const TypeId self =
            record_instance_type(*c, std::vector<TypeId>(c->type_params.size(), types::any));
        FunctionDecl* decl = method_for(self, *c, base->def->name);
        std::vector<TypeId> params;
        for (const auto& t : decl->param_types)
            params.push_back(t ? *t : types::any);
        FunctionInstance* inst = find_or_check(*decl, params);
        inst->owner = decl->owner;
        uncalled_roots_.push_back(inst);
    }
}

// The field types of each instance of a generic record that the program's types name, for
// emit (ClassInfo::specializations).
void Checker::collect_record_specializations() {
    for (auto& owned : program_->class_storage) {
        ClassInfo& c = *owned;
        if (!c.is_record() || c.type_params.empty()) continue;
        c.specializations.clear();
        for (std::size_t i = 0; i < types().size(); ++i) {
            const TypeId t{static_cast<std::uint32_t>(i)};
            const TypeInfo& info = types().info(t);
            if (info.kind != TypeKind::record || info.decl != &c || info.args.empty()) continue;
            ClassInfo::Specialization spec{t, {}};
            bool ok = concrete(types(), t);
            for (const FieldInfo& f : c.fields) {
                spec.fields.push_back(record_field_type(c, t, f));
                ok = ok && spec.fields.back() != types::error;
            }
            if (ok) c.specializations.push_back(std::move(spec));
        }
    }
}

}  // namespace pyro2cpp::sema::detail
