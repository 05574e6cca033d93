// The type table: interning, names, joins and conversions.
#include "sema/types.hpp"

#include "sema/objects.hpp"

#include <fmt/format.h>

#include <optional>

namespace pyro2cpp::sema {

namespace {

const char* kind_name(TypeKind kind, bool is_mut) {
    switch (kind) {
        case TypeKind::error:
            return "<error>";
        case TypeKind::pending:
            return "<pending>";
        case TypeKind::any:
            return "any";
        case TypeKind::void_:
            return "void";
        case TypeKind::bool_:
            return "bool";
        case TypeKind::int_:
            return "int";
        case TypeKind::float_:
            return "float";
        case TypeKind::string:
            return "string";
        case TypeKind::range:
            return "range";
        case TypeKind::function:
            return "function";
        case TypeKind::list:
            return is_mut ? "list_mut" : "list";
        case TypeKind::tuple:
            return is_mut ? "tuple_mut" : "tuple";
        case TypeKind::set:
            return is_mut ? "set_mut" : "set";
        case TypeKind::dict:
            return is_mut ? "dict_mut" : "dict";
        case TypeKind::record:
            return "record";
        case TypeKind::class_:
            return "class";
        case TypeKind::chan:
            return "chan";
        case TypeKind::sender:
            return "Sender";
        case TypeKind::receiver:
            return "Receiver";
        case TypeKind::union_:
            return "union";
        case TypeKind::interface:
            return "interface";
        case TypeKind::wait_group:
            return "WaitGroup";
        case TypeKind::mutex:
            return "Mutex";
    }
    return "?";
}

// The interning key: everything that makes two TypeInfos different.
std::string key_of(const TypeInfo& info) {
    std::string key = fmt::format("{}:{}:{}:{}:{}", static_cast<int>(info.kind), info.is_mut,
                                  static_cast<std::uint32_t>(info.result), info.decl, info.name);
    for (TypeId arg : info.args)
        key += fmt::format(",{}", static_cast<std::uint32_t>(arg));
    return key;
}

}  // namespace

// Channels (check_conc.cpp).
std::optional<TypeId> join_channels(const TypeTable& types, TypeId a, TypeId b);
bool channel_converts(const TypeTable& types, TypeId from, TypeId to);

TypeTable::TypeTable() {
    // The fixed ids in `types::` must match this order.
    for (TypeKind kind :
         {TypeKind::error, TypeKind::pending, TypeKind::any, TypeKind::void_, TypeKind::bool_,
          TypeKind::int_, TypeKind::float_, TypeKind::string, TypeKind::range}) {
        TypeInfo info;
        info.kind = kind;
        intern(info);
    }
}

TypeId TypeTable::intern(const TypeInfo& info) const {
    std::string key = key_of(info);
    auto it = index_.find(key);
    if (it != index_.end()) return it->second;
    TypeId id{static_cast<std::uint32_t>(types_.size())};
    types_.push_back(info);
    index_.emplace(std::move(key), id);
    return id;
}

TypeId TypeTable::function(std::vector<TypeId> params, TypeId result) {
    TypeInfo info;
    info.kind = TypeKind::function;
    info.args = std::move(params);
    info.result = result;
    return intern(info);
}

TypeId TypeTable::channel(TypeKind kind, TypeId element, const void* origin) {
    TypeInfo info;
    info.kind = kind;
    info.args = {element};
    info.decl = origin;
    return intern(info);
}

TypeId TypeTable::generic_function(const void* site, std::size_t arity) {
    TypeInfo info;
    info.kind = TypeKind::function;
    info.args.assign(arity, types::pending);
    info.result = types::pending;
    info.decl = site;
    return intern(info);
}

std::string TypeTable::name(TypeId id) const {
    const TypeInfo& t = info(id);
    switch (t.kind) {
        case TypeKind::function: {
            std::string out = "(";
            for (std::size_t i = 0; i < t.args.size(); ++i) {
                if (i > 0) out += ", ";
                out += name(t.args[i]);
            }
            return out + ") -> " + name(t.result);
        }
        case TypeKind::record:
        case TypeKind::class_:
        case TypeKind::interface:
            return t.name;
        case TypeKind::union_: {
            std::string out;
            for (std::size_t i = 0; i < t.args.size(); ++i) {
                if (i > 0) out += " | ";
                out += name(t.args[i]);
            }
            return out;
        }
        default:
            break;
    }
    std::string out = kind_name(t.kind, t.is_mut);
    if (!t.args.empty()) {
        out += "<";
        for (std::size_t i = 0; i < t.args.size(); ++i) {
            if (i > 0) out += ", ";
            out += name(t.args[i]);
        }
        out += ">";
    }
    return out;
}

bool TypeTable::is_numeric(TypeId id) const {
    return id == types::int_ || id == types::float_;
}

namespace {

// Immutable lists and tuples whose elements differ only as int and float join element-wise
// (LANGUAGE.md 9: int and float join to float), also nested; the runtime converts them
// (pyro/convert_elements.hpp). Mutable ones are shared by reference, so they never convert.
std::optional<TypeId> join_numbers(const TypeTable& t, TypeId a, TypeId b) {
    if (t.is_numeric(a) && t.is_numeric(b)) return a == b ? a : types::float_;
    if (auto filled = t.fill(a, b)) return filled;
    if (!t.is_container(a) || !t.is_container(b)) return std::nullopt;
    const TypeInfo ia = t.info(a);
    const TypeInfo ib = t.info(b);
    if (ia.kind != ib.kind || ia.is_mut || ib.is_mut || ia.args.size() != ib.args.size() ||
        (ia.kind != TypeKind::list && ia.kind != TypeKind::tuple)) {
        return std::nullopt;
    }
    std::vector<TypeId> args;
    for (std::size_t i = 0; i < ia.args.size(); ++i) {
        auto arg = join_numbers(t, ia.args[i], ib.args[i]);
        if (!arg) return std::nullopt;
        args.push_back(*arg);
    }
    return t.container(ia.kind, std::move(args), false);
}

}  // namespace

bool TypeTable::waits_for(TypeId a, TypeId b) const {
    if (a == types::pending) return true;
    if (kind(a) != TypeKind::function || kind(b) != TypeKind::function) return false;
    const TypeInfo& x = info(a);
    const TypeInfo& y = info(b);
    if (x.args.size() != y.args.size()) return false;
    if (is_generic_function(a)) return true;
    return !is_generic_function(b) && x.args == y.args && waits_for(x.result, y.result);
}

TypeId TypeTable::join(TypeId a, TypeId b) const {
    if (a == b) return a;
    if (a == types::error || b == types::error) return types::error;
    if (a == types::pending) return b;
    if (b == types::pending) return a;
    if (is_numeric(a) && is_numeric(b)) return types::float_;
    if (kind(a) == TypeKind::class_ && kind(b) == TypeKind::class_) {
        // Instances of classes with a common ancestor join to it (LANGUAGE.md 9).
        const auto* cb = static_cast<const ClassInfo*>(info(b).decl);
        for (const auto* c = static_cast<const ClassInfo*>(info(a).decl); c; c = c->parent) {
            if (cb != nullptr && cb->derives_from(c)) return c->type;
        }
    }
    if (auto channels = join_channels(*this, a, b)) return *channels;
    // A generic value not yet resolved, or a result not yet inferred, waits like pending.
    if (waits_for(a, b)) return b;
    if (waits_for(b, a)) return a;
    if (auto filled = fill(a, b)) return *filled;
    if (auto numbers = join_numbers(*this, a, b)) return *numbers;
    return types::any;
}

bool TypeTable::convertible(TypeId from, TypeId to) const {
    if (from == to || is_silent(from) || is_silent(to)) return true;
    if (auto filled = fill(from, to); filled && *filled == to) return true;
    if (auto numbers = join_numbers(*this, from, to); numbers && *numbers == to) return true;
    if (from == types::any || to == types::any) return true;
    if (kind(from) == TypeKind::class_ && kind(to) == TypeKind::class_) {
        const auto* c = static_cast<const ClassInfo*>(info(from).decl);
        return c != nullptr && c->derives_from(static_cast<const ClassInfo*>(info(to).decl));
    }
    if (channel_converts(*this, from, to)) return true;
    if (copies_into(from, to, false)) return true;
    if (kind(from) == TypeKind::function && kind(to) == TypeKind::function) {
        // A generic value takes the target's parameter types (sema/check_func.cpp).
        if (is_generic_function(from)) return info(from).args.size() == info(to).args.size();
        return waits_for(from, to);
    }
    return from == types::int_ && to == types::float_;
}

}  // namespace pyro2cpp::sema
