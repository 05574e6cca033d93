// Emitting records and classes (docs/internals/runtime-contract.md, "Records", "Classes"):
// the struct or class definitions with their method declarations, the out-of-line method
// and constructor definitions, and the expressions that use them — constructor calls, field
// reads and writes, method calls, `super()` and `self`.
//
// Definitions come in dependency order (a parent, or a record held by value, before its
// user); method bodies come after every definition, so they may use any class.
#include <fmt/format.h>

#include <algorithm>
#include <functional>
#include <map>
#include <optional>
#include <set>

#include "emit/emitter.hpp"

namespace pyro2cpp::emit::detail {

using sema::ClassInfo;
using sema::TypeId;
namespace types = sema::types;

std::string object_cpp_type(const sema::TypeTable& types, TypeId type) {
    const sema::TypeInfo& t = types.info(type);
    const auto* c = static_cast<const ClassInfo*>(t.decl);
    if (c == nullptr) return "void";
    if (c->is_class()) return "pyro::Ref<" + c->cpp_name + ">";
    std::string name = c->cpp_name;
    if (!t.args.empty()) {
        name += "<";
        for (std::size_t i = 0; i < t.args.size(); ++i)
            name += (i > 0 ? ", " : "") + cpp_type(types, t.args[i]);
        name += ">";
    }
    return name;
}

std::vector<TypeId> record_field_types(const sema::TypeTable& types, TypeId type) {
    const auto* c = static_cast<const ClassInfo*>(types.info(type).decl);
    std::vector<TypeId> out;
    if (c == nullptr) return out;
    if (c->type_params.empty()) {
        for (const sema::FieldInfo& f : c->fields)
            out.push_back(f.type);
        return out;
    }
    for (const ClassInfo::Specialization& spec : c->specializations) {
        if (spec.type == type) return spec.fields;
    }
    return std::vector<TypeId>(c->fields.size(), types::any);
}

std::string owner_cpp_name(const sema::TypeTable& types, const sema::FunctionInstance& inst) {
    if (inst.owner->is_record() && !inst.param_types.empty())
        return object_cpp_type(types, inst.param_types[0]);
    return inst.owner->cpp_name;
}

namespace {

// A class's name inside its own file's namespace (cpp_name is qualified when the class is
// used from other files: `lib_pyro::Point`).
std::string local_name(const ClassInfo& c) {
    return c.cpp_name.substr(c.cpp_name.rfind(':') + 1);
}

// In a program of several files, each class is defined in its own file's namespace; the
// definitions go in dependency order, so the namespaces are opened and closed as the files
// change. (A program of one file is all in `pyro_program` already.)
class Namespaces {
public:
    Namespaces(const sema::Program& program, Writer& w) : program_(program), w_(w) {}
    Namespaces(const Namespaces&) = delete;
    Namespaces& operator=(const Namespaces&) = delete;
    ~Namespaces() { close(); }

    void enter(const ClassInfo& c) {
        if (program_.modules.size() == 1 || open_ == c.module) return;
        close();
        const sema::ModuleInfo& m = program_.modules[c.module];
        w_.raw("namespace " + m.cpp_namespace + " {  // " + m.file->path);
        w_.blank();
        open_ = c.module;
    }
    void close() {
        if (!open_) return;
        w_.raw("}  // namespace " + program_.modules[*open_].cpp_namespace);
        w_.blank();
        open_.reset();
    }

private:
    const sema::Program& program_;
    Writer& w_;
    std::optional<std::uint32_t> open_;
};

bool is_self(const Ctx& ctx, const ast::Expr& e) {
    return ctx.instance != nullptr && ctx.instance->owner != nullptr &&
           e.kind == ast::ExprKind::name && e.as<ast::Name>().id == "self" &&
           ctx.body.vars.at(&e).index == ctx.instance->params[0] && !ctx.body.vars.at(&e).global;
}

// A member's name inside a method: `this->x` where a local variable of the method has the
// same C++ name and would hide it.
std::string member_name(const Ctx& ctx, const std::string& cpp) {
    for (const sema::Variable& v : ctx.body.locals) {
        if (v.cpp_name == cpp) return "this->" + cpp;
    }
    return cpp;
}

// A method's parameters after `self`, as C++.
std::string method_params(const sema::Program& program, const sema::FunctionInstance& inst,
                          bool definition) {
    std::string text;
    for (std::size_t i = 1; i < inst.params.size(); ++i) {
        const sema::Variable& p = inst.body.locals[inst.params[i]];
        if (i > 1) text += ", ";
        if (definition && !p.read) text += "[[maybe_unused]] ";
        text += cpp_type(program.types, p.type) + " " + p.cpp_name;
    }
    return text;
}

bool overrides(const ClassInfo& c, const std::string& name,
               const std::vector<const sema::FunctionInstance*>& all) {
    for (const sema::FunctionInstance* other : all) {
        if (other->def->name == name && c.parent != nullptr && other->owner != nullptr &&
            other->owner != &c && c.derives_from(other->owner)) {
            return true;
        }
    }
    return false;
}

// The constructor signatures used: the __init__ instances reached by `C(args)` calls (null
// when the class has no __init__ of its own or inherited).
std::map<const ClassInfo*, std::vector<const sema::FunctionInstance*>> constructors(
    const sema::Program& program) {
    std::map<const ClassInfo*, std::vector<const sema::FunctionInstance*>> out;
    auto scan = [&](const sema::Body& body) {
        for (const auto& [call, target] : body.calls) {
            if (target.constructs == nullptr || target.super_call) continue;
            auto& list = out[target.constructs];
            if (std::find(list.begin(), list.end(), target.instance) == list.end()) {
                list.push_back(target.instance);
            }
        }
    };
    scan(program.main);
    for (const auto& inst : program.instances)
        scan(inst->body);
    for (auto& [cls, list] : out) {
        std::sort(list.begin(), list.end(), [](const auto* a, const auto* b) {
            return (a ? a->serial : 0) < (b ? b->serial : 0);
        });
    }
    return out;
}

bool is_error_class(const ClassInfo& c) {
    for (const ClassInfo* a = &c; a != nullptr; a = a->parent) {
        if (a->kind == ClassInfo::Kind::builtin_error) return true;
    }
    return false;
}

// pyro_new's parameters: __init__'s after self, or Error's message.
std::string new_params(const sema::Program& program, const ClassInfo& c,
                       const sema::FunctionInstance* init) {
    if (init != nullptr) return method_params(program, *init, false);
    return is_error_class(c) ? "pyro::Str message" : "";
}

// One C++ definition: a class, a record, or one specialization of a generic record.
struct Unit {
    const ClassInfo* cls = nullptr;
    TypeId type{};
    std::vector<TypeId> fields;  // records: the fields' types
};

void collect_deps(const sema::TypeTable& types, TypeId t, std::vector<TypeId>& out) {
    const sema::TypeInfo& info = types.info(t);
    if (info.kind == sema::TypeKind::record && info.decl != nullptr) out.push_back(t);
    for (TypeId a : info.args)
        collect_deps(types, a, out);
}

std::vector<Unit> definition_order(const sema::Program& program) {
    std::map<TypeId, Unit> units;
    std::vector<TypeId> roots;
    for (const ClassInfo* c : program.classes) {
        if (c->kind == ClassInfo::Kind::builtin_error) continue;
        if (!c->is_record() || c->type_params.empty()) {
            Unit u{c, c->type, {}};
            for (const sema::FieldInfo& f : c->fields)
                u.fields.push_back(f.type);
            units[c->type] = u;
            roots.push_back(c->type);
            continue;
        }
        for (const ClassInfo::Specialization& spec : c->specializations) {
            units[spec.type] = Unit{c, spec.type, spec.fields};
            roots.push_back(spec.type);
        }
    }
    std::vector<Unit> order;
    std::set<TypeId> visiting;
    std::function<void(TypeId)> visit = [&](TypeId t) {
        auto it = units.find(t);
        if (it == units.end() || !visiting.insert(t).second) return;
        const Unit& u = it->second;
        if (u.cls->parent != nullptr && u.cls->parent->kind != ClassInfo::Kind::builtin_error)
            visit(u.cls->parent->type);
        std::vector<TypeId> deps;
        for (TypeId f : u.fields)
            collect_deps(program.types, f, deps);
        for (TypeId d : deps)
            visit(d);
        order.push_back(u);
    };
    for (TypeId t : roots)
        visit(t);
    return order;
}

// The methods reachable by name through an `any` (pyro_method): those with one instance and
// every parameter annotated, so their C++ signature is known.
std::vector<const sema::FunctionInstance*> dispatchable(
    const std::vector<const sema::FunctionInstance*>& methods) {
    std::vector<const sema::FunctionInstance*> out;
    for (const sema::FunctionInstance* m : methods) {
        const std::string& name = m->def->name;
        if (name == "__init__" || name == "__str__") continue;
        bool annotated = true;
        for (std::size_t i = 1; i < m->def->params.size(); ++i)
            annotated = annotated && m->def->params[i].type != nullptr;
        const auto same = std::count_if(methods.begin(), methods.end(),
                                        [&](const auto* o) { return o->def->name == name; });
        if (annotated && same == 1) out.push_back(m);
    }
    return out;
}

void emit_dispatch(const sema::Program& program, const ClassInfo& c, TypeId type,
                   const std::vector<const sema::FunctionInstance*>& methods, Writer& w) {
    w.line(
        fmt::format("pyro::Any {}::pyro_method(std::string_view pyro_method_name, "
                    "std::span<const pyro::Any> pyro_args){} {{",
                    c.is_record() ? object_cpp_type(program.types, type) : c.cpp_name,
                    c.is_record() ? " const" : ""));
    w.indent();
    for (const sema::FunctionInstance* m : dispatchable(methods)) {
        w.line(fmt::format("if (pyro_method_name == {}) {{", c_string(m->def->name)));
        w.indent();
        const std::size_t n = m->params.size() - 1;
        w.line(fmt::format("pyro::rt::expect_args(pyro_args, {}, pyro_method_name);", n));
        std::string args;
        for (std::size_t i = 0; i < n; ++i) {
            const std::string t = cpp_type(program.types, m->param_types[i + 1]);
            args += fmt::format("{}pyro::rt::from_any<{}>(pyro_args[{}])", i > 0 ? ", " : "", t, i);
        }
        const std::string call = m->cpp_name + "(" + args + ")";
        if (m->result == types::void_) {
            w.line(call + ";");
            w.line("return pyro::Any();");
        } else {
            w.line("return pyro::Any(" + call + ");");
        }
        w.dedent();
        w.line("}");
    }
    if (c.is_record()) {
        w.line("pyro::rt::raise_no_attribute(pyro_method_name);");
    } else {
        w.line(fmt::format("return {}::pyro_method(pyro_method_name, pyro_args);",
                           c.parent != nullptr ? c.parent->cpp_name : "pyro::Object"));
    }
    w.dedent();
    w.line("}");
    w.blank();
}

// A record, or one specialization of a generic record (`template <> struct Box<pyro::Int>`).
void emit_record(const sema::Program& program, const Unit& u,
                 const std::vector<const sema::FunctionInstance*>& methods, Writer& w) {
    const ClassInfo& c = *u.cls;
    if (!c.type_params.empty()) {
        const std::string full = object_cpp_type(program.types, u.type);
        w.line("template <>");
        w.line("struct " + local_name(c) + full.substr(c.cpp_name.size()) + " {");
    } else {
        w.line("struct " + local_name(c) + " {");
    }
    w.indent();
    std::string names;
    std::string ties;
    for (std::size_t i = 0; i < c.fields.size(); ++i) {
        const sema::FieldInfo& f = c.fields[i];
        w.line(cpp_type(program.types, u.fields[i]) + " " + f.cpp_name + ";");
        names += (names.empty() ? "" : ", ") + c_string(f.name);
        ties += (ties.empty() ? "" : ", ") + f.cpp_name;
    }
    w.line(fmt::format("static constexpr std::string_view pyro_name = {};", c_string(c.name)));
    w.line(fmt::format("static constexpr std::array<std::string_view, {}> pyro_field_names{{{}}};",
                       c.fields.size(), names));
    w.line("auto pyro_fields() const { return std::tie(" + ties + "); }");
    w.line(fmt::format("friend bool operator==(const {0}&, const {0}&) = default;", local_name(c)));
    for (const sema::FunctionInstance* m : methods) {
        w.line(cpp_type(program.types, m->result, true) + " " + m->cpp_name + "(" +
               method_params(program, *m, false) + ") const;");
    }
    if (!dispatchable(methods).empty()) {
        w.line(
            "pyro::Any pyro_method(std::string_view pyro_method_name, "
            "std::span<const pyro::Any> pyro_args) const;");
    }
    w.dedent();
    w.line("};");
}

void emit_class(const sema::Program& program, const ClassInfo& c,
                const std::vector<const sema::FunctionInstance*>& methods,
                const std::vector<const sema::FunctionInstance*>& all_methods,
                const std::vector<const sema::FunctionInstance*>& news, Writer& w) {
    const std::string base = c.parent != nullptr ? c.parent->cpp_name : "pyro::Object";
    w.line(fmt::format("class {} : public {} {{", local_name(c), base));
    w.line("public:");
    w.indent();
    w.line(fmt::format("static constexpr std::string_view pyro_name = {};", c_string(c.name)));
    for (const sema::FieldInfo& f : c.fields) {
        w.line(fmt::format("pyro::rt::Field<{}, {}> {};", cpp_type(program.types, f.type),
                           c_string(f.name), f.cpp_name));
    }
    for (const sema::FunctionInstance* init : news) {
        w.line(fmt::format("static pyro::Ref<{}> pyro_new({});", c.cpp_name,
                           new_params(program, c, init)));
    }
    for (const sema::FunctionInstance* m : methods) {
        const std::string& name = m->def->name;
        std::string decl = cpp_type(program.types, m->result, true) + " " + m->cpp_name + "(" +
                           method_params(program, *m, false) + ")";
        if (name == "__str__" || (name != "__init__" && overrides(c, name, all_methods))) {
            decl += " override";
        } else if (name != "__init__" && c.overridden.count(name) != 0) {
            decl = "virtual " + decl;
        }
        w.line(decl + ";");
    }
    if (!dispatchable(methods).empty()) {
        w.line(
            "pyro::Any pyro_method(std::string_view pyro_method_name, "
            "std::span<const pyro::Any> pyro_args) override;");
    }
    w.line("std::string_view pyro_class_name() const override { return pyro_name; }");
    std::string visits =
        c.parent != nullptr ? c.parent->cpp_name + "::pyro_fields(pyro_visit); " : "";
    for (const sema::FieldInfo& f : c.fields)
        visits += "pyro_visit(" + f.cpp_name + "); ";
    w.line("void pyro_fields([[maybe_unused]] pyro::rt::FieldVisitor& pyro_visit) override { " +
           visits + "}");
    w.dedent();
    w.line("};");
}

}  // namespace

void emit_object_definitions(const sema::Program& program, Writer& w) {
    if (program.classes.empty()) return;
    std::vector<const sema::FunctionInstance*> all_methods;
    for (const auto& inst : program.instances) {
        if (inst->owner != nullptr) all_methods.push_back(inst.get());
    }
    const auto news = constructors(program);
    Namespaces namespaces(program, w);
    for (const ClassInfo* c : program.classes) {
        if (c->is_record() && c->type_params.empty()) continue;
        namespaces.enter(*c);
        if (c->is_class()) {
            w.line("class " + local_name(*c) + ";");
            continue;
        }
        // A generic record: one specialization per record type the program uses.
        std::string params;
        for (const std::string& t : c->type_params)
            params += (params.empty() ? "class " : ", class ") + t;
        w.line("template <" + params + ">");
        w.line("struct " + local_name(*c) + ";");
    }
    w.blank();
    // A record's methods are those of its type (a generic record's, of that specialization).
    auto methods_of = [&](const ClassInfo* c, TypeId type) {
        std::vector<const sema::FunctionInstance*> methods;
        for (const sema::FunctionInstance* m : all_methods) {
            if (m->owner == c && (c->is_class() || m->param_types[0] == type)) methods.push_back(m);
        }
        return methods;
    };
    const std::vector<Unit> units = definition_order(program);
    for (const Unit& u : units) {
        const ClassInfo* c = u.cls;
        namespaces.enter(*c);
        const auto methods = methods_of(c, u.type);
        if (c->is_record()) {
            emit_record(program, u, methods, w);
        } else {
            auto it = news.find(c);
            emit_class(program, *c, methods, all_methods,
                       it == news.end() ? std::vector<const sema::FunctionInstance*>{} : it->second,
                       w);
        }
        w.blank();
    }
    // Dispatch by name, for method calls on an `any`.
    for (const Unit& u : units) {
        const auto methods = methods_of(u.cls, u.type);
        if (dispatchable(methods).empty()) continue;
        namespaces.enter(*u.cls);
        emit_dispatch(program, *u.cls, u.type, methods, w);
    }
    // Constructors: allocate, then run __init__ (its own or inherited).
    for (const auto& [c, list] : news) {
        if (c->is_record() || c->kind == ClassInfo::Kind::builtin_error) continue;
        for (const sema::FunctionInstance* init : list) {
            std::string args;
            if (init != nullptr) {
                for (std::size_t i = 1; i < init->params.size(); ++i)
                    args += (i > 1 ? ", " : "") + init->body.locals[init->params[i]].cpp_name;
            } else if (!new_params(program, *c, nullptr).empty()) {
                args = "message";
            }
            std::string params = new_params(program, *c, init);
            namespaces.enter(*c);
            w.line(fmt::format("pyro::Ref<{0}> {0}::pyro_new({1}) {{", c->cpp_name, params));
            w.indent();
            w.line(fmt::format("auto self = pyro::make<{}>();", c->cpp_name));
            if (init != nullptr || !args.empty()) w.line("self->pyro_init(" + args + ");");
            w.line("return self;");
            w.dedent();
            w.line("}");
            w.blank();
        }
    }
}

std::string method_signature(const sema::Program& program, const sema::FunctionInstance& inst) {
    const ClassInfo& c = *inst.owner;
    std::string text = cpp_type(program.types, inst.result, true) + " " +
                       owner_cpp_name(program.types, inst) + "::" + inst.cpp_name + "(" +
                       method_params(program, inst, true) + ")";
    return c.is_record() ? text + " const" : text;
}

Cpp emit_self(const Ctx& ctx) {
    if (ctx.instance->owner->is_record()) return {"(*this)"};
    return {"pyro::rt::self_ref(this)"};
}

bool is_self_name(const Ctx& ctx, const ast::Expr& e) {
    return is_self(ctx, e);
}

// obj.x as a value.
Cpp emit_member(const Ctx& ctx, const ast::Member& member) {
    const sema::MemberTarget& m = ctx.body.members.at(&member);
    if (m.kind == sema::MemberTarget::Kind::any_attr) {
        return {fmt::format("pyro::rt::get_attr({}, {})", emit_value(ctx, *member.object).text,
                            c_string(member.name))};
    }
    if (m.kind == sema::MemberTarget::Kind::method) return emit_bound_method(ctx, member);
    if (m.kind == sema::MemberTarget::Kind::unbound_method ||
        m.kind == sema::MemberTarget::Kind::super_method) {
        return emit_method_value(ctx, member);
    }
    const std::string field = m.field->cpp_name;
    const bool self = is_self(ctx, *member.object);
    if (self && m.owner->is_record()) return {member_name(ctx, field)};
    if (self) return {"pyro_get(" + member_name(ctx, field) + ")"};
    if (m.owner->is_record()) {
        if (self) return {field};
        return {parenthesize(emit_expr(ctx, *member.object), prec_primary) + "." + field};
    }
    if (self) return {"pyro_get(" + field + ")"};
    if (member.object->kind == ast::ExprKind::name) {
        const std::string obj = emit_expr(ctx, *member.object).text;
        return {fmt::format("{0}->pyro_get({0}->{1})", obj, field)};
    }
    return {fmt::format("pyro::rt::get_field({}, &{}::{})", emit_expr(ctx, *member.object).text,
                        m.owner->cpp_name, field)};
}

// obj.x = v / obj.x op= v, as a statement's text (without the `;`).
std::string emit_member_assign(const Ctx& ctx, const ast::Member& target, const ast::Expr& value,
                               std::optional<ast::BinaryOp> op) {
    const sema::MemberTarget& m = ctx.body.members.at(&target);
    const TypeId type = ctx.body.type_of(target);
    std::string v = emit_as(ctx, value, type, type == types::int_);
    if (op) {
        const Cpp current = emit_member(ctx, target);
        if (*op == ast::BinaryOp::pow) {
            v = fmt::format("pyro::rt::pow({}, {})", current.text, v);
        } else if (*op == ast::BinaryOp::mod && type == types::float_) {
            v = fmt::format("pyro::rt::mod({}, {})", current.text, v);
        } else {
            v = fmt::format("{} {} {}", current.text, ast::spelling(*op),
                            parenthesize(emit_value(ctx, value, true), prec_multiplicative + 1));
        }
    }
    if (m.kind == sema::MemberTarget::Kind::any_attr) {
        return fmt::format("pyro::rt::set_attr({}, {}, pyro::Any({}))",
                           emit_value(ctx, *target.object).text, c_string(target.name), v);
    }
    const std::string& field = m.field->cpp_name;
    if (is_self(ctx, *target.object)) {
        return fmt::format("pyro_set({}, {})", member_name(ctx, field), v);
    }
    if (target.object->kind == ast::ExprKind::name) {
        const std::string obj = emit_expr(ctx, *target.object).text;
        return fmt::format("{0}->pyro_set({0}->{1}, {2})", obj, field, v);
    }
    return fmt::format("pyro::rt::set_field({}, &{}::{}, {})", emit_expr(ctx, *target.object).text,
                       m.owner->cpp_name, field, v);
}

namespace {

// isinstance(x, T): a run-time test for an `any` (or a class instance's subclass), else known.
Cpp emit_isinstance(const Ctx& ctx, const ast::Call& call, TypeId tested) {
    const ast::Expr& subject = *call.args[0];
    const TypeId type = ctx.body.type_of(subject);
    const std::string t = cpp_type(ctx.program.types, tested);
    const Cpp x = emit_value(ctx, subject);
    if (type == types::any || ctx.program.types.kind(type) == sema::TypeKind::interface) {
        return {"pyro::rt::is<" + t + ">(" + x.text + ")"};
    }
    if (auto known = ctx.body.isinstance_known.find(&call);
        known != ctx.body.isinstance_known.end()) {
        const std::string answer = known->second ? "true" : "false";
        if (subject.kind == ast::ExprKind::name) return {answer};
        return {"(static_cast<void>(" + x.text + "), " + answer + ")"};
    }
    const auto& table = ctx.program.types;
    const auto* from = static_cast<const ClassInfo*>(table.info(type).decl);
    const auto* to = static_cast<const ClassInfo*>(table.info(tested).decl);
    const bool classes =
        table.kind(type) == sema::TypeKind::class_ && table.kind(tested) == sema::TypeKind::class_;
    if (classes && to->derives_from(from) && to != from) {
        return {"pyro::rt::is<" + t + ">(pyro::Any(" + x.text + "))"};
    }
    const bool known = type == tested || (classes && from->derives_from(to));
    if (subject.kind == ast::ExprKind::name) return {known ? "true" : "false"};
    return {"(static_cast<void>(" + x.text + "), " + (known ? "true" : "false") + ")"};
}

}  // namespace

void emit_narrowing(const Ctx& ctx, Writer& w, const ast::IfBranch& branch) {
    auto it = ctx.body.narrowings.find(&branch);
    if (it == ctx.body.narrowings.end()) return;
    const sema::Variable& original = ctx.program.variable(ctx.body, it->second);
    const sema::Variable& narrowed =
        ctx.program.variable(ctx.body, ctx.body.decls.at(sema::DeclKey{&branch, 0}));
    const std::string t = cpp_type(ctx.program.types, narrowed.type);
    const std::string from = original.type == types::any
                                 ? emit_variable_read(ctx, it->second).text
                                 : "pyro::Any(" + emit_variable_read(ctx, it->second).text + ")";
    w.line(fmt::format("{}const {} {} = pyro::rt::from_any<{}>({});",
                       narrowed.read ? "" : "[[maybe_unused]] ", t, narrowed.cpp_name, t, from));
}

// C(args), obj.m(args), super().m(args), and calls on `any` by name.
Cpp emit_object_call(const Ctx& ctx, const ast::Call& call, const sema::CallTarget& target) {
    std::vector<std::string> args;
    auto join = [&]() {
        std::string text;
        for (std::size_t i = 0; i < args.size(); ++i)
            text += (i > 0 ? ", " : "") + args[i];
        return text;
    };
    if (target.isinstance) return emit_isinstance(ctx, call, *target.isinstance);
    const bool curried =
        target.method ? call.args.size() != target.params : call.args.size() < target.params;
    if (curried && !target.super_call && !target.dynamic) {
        return emit_object_curried(ctx, call, target);
    }
    const sema::FunctionInstance* inst = target.instance;
    if (inst != nullptr) {
        for (std::size_t i = 0; i < call.args.size(); ++i)
            args.push_back(emit_as(ctx, *call.args[i], inst->param_types[i + 1], true));
    }
    if (target.dynamic) {
        const auto& member = call.callee->as<ast::Member>();
        args.clear();
        args.push_back(emit_value(ctx, *member.object).text);
        args.push_back(c_string(member.name));
        for (const auto& a : call.args)
            args.push_back("pyro::Any(" + emit_value(ctx, *a).text + ")");
        return emit_interface_result(call, ctx, "pyro::rt::call_method(" + join() + ")");
    }
    if (target.super_call) {
        if (inst == nullptr) {  // Error.__init__(message)
            return {"pyro::Error::pyro_init(" + emit_as(ctx, *call.args[0], types::string, false) +
                    ")"};
        }
        return {inst->owner->cpp_name + "::" + inst->cpp_name + "(" + join() + ")"};
    }
    if (target.constructs != nullptr && !target.method) {
        const ClassInfo& c = *target.constructs;
        if (c.is_record()) {
            const TypeId type = ctx.body.type_of(call);
            const std::vector<TypeId> fields = record_field_types(ctx.program.types, type);
            for (std::size_t i = 0; i < call.args.size(); ++i)
                args.push_back(emit_as(ctx, *call.args[i], fields[i], true));
            return {object_cpp_type(ctx.program.types, type) + "{" + join() + "}"};
        }
        if (inst == nullptr) {
            for (const auto& a : call.args)
                args.push_back(emit_as(ctx, *a, types::string, false));
        }
        return {c.cpp_name + "::pyro_new(" + join() + ")"};
    }
    // A method call.
    const auto& member = call.callee->as<ast::Member>();
    const std::string name = inst->cpp_name + "(" + join() + ")";
    if (is_self(ctx, *member.object))
        return {member_name(ctx, inst->cpp_name) + "(" + join() + ")"};
    const Cpp obj = emit_expr(ctx, *member.object);
    if (inst->owner->is_record()) return {parenthesize(obj, prec_primary) + "." + name};
    return {parenthesize(obj, prec_primary) + "->" + name};
}

}  // namespace pyro2cpp::emit::detail
