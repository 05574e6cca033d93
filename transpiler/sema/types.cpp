// The type table: interning, names, joins and conversions.
#include "sema/types.hpp"

#include <fmt/format.h>

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

TypeId TypeTable::join(TypeId a, TypeId b) const {
    if (a == b) return a;
    if (a == types::error || b == types::error) return types::error;
    if (a == types::pending) return b;
    if (b == types::pending) return a;
    if (is_numeric(a) && is_numeric(b)) return types::float_;
    if (auto filled = fill(a, b)) return *filled;
    return types::any;
}

bool TypeTable::convertible(TypeId from, TypeId to) const {
    if (from == to || is_silent(from) || is_silent(to)) return true;
    if (auto filled = fill(from, to); filled && *filled == to) return true;
    if (from == types::any || to == types::any) return true;
    return from == types::int_ && to == types::float_;
}

}  // namespace pyro2cpp::sema
