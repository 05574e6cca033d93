// The collection types of the type table: list, set, tuple and dict types and their _mut
// forms, what iterating one gives, and the `fill` that lets an empty literal's unknown
// elements (pending) take their type from the first use (LANGUAGE.md 9, docs/inference.md
// "Empty literals").
#include "sema/types.hpp"

namespace pyro2cpp::sema {

TypeId TypeTable::container(TypeKind kind, std::vector<TypeId> args, bool is_mut) const {
    TypeInfo info;
    info.kind = kind;
    info.is_mut = is_mut;
    info.args = std::move(args);
    return intern(info);
}

bool TypeTable::is_container(TypeId id) const {
    switch (kind(id)) {
        case TypeKind::list:
        case TypeKind::tuple:
        case TypeKind::set:
        case TypeKind::dict:
            return true;
        default:
            return false;
    }
}

std::optional<TypeId> TypeTable::fill(TypeId a, TypeId b) const {
    if (a == b) return a;
    if (a == types::pending) return b;
    if (b == types::pending) return a;
    if (!is_container(a)) return std::nullopt;
    const TypeInfo ia = info(a);
    const TypeInfo& ib = info(b);
    if (ia.kind != ib.kind || ia.is_mut != ib.is_mut || ia.args.size() != ib.args.size()) {
        return std::nullopt;
    }
    std::vector<TypeId> args;
    for (std::size_t i = 0; i < ia.args.size(); ++i) {
        auto arg = fill(ia.args[i], ib.args[i]);
        if (!arg) return std::nullopt;
        args.push_back(*arg);
    }
    return container(ia.kind, std::move(args), ia.is_mut);
}

// list<int> into list<any>, dict<string, int> into dict<string, float>: a new container of
// converted elements. A mutable container is shared by reference, so converting it would
// split it from its other holders: only a fresh one (a literal, a comprehension, a copy) may
// convert, into either kind. Elements convert as values do, so a nested mutable container
// must match exactly.
bool TypeTable::copies_into(TypeId from, TypeId to, bool fresh) const {
    if (!is_container(from) || !is_container(to)) return false;
    const TypeInfo& a = info(from);
    const TypeInfo& b = info(to);
    if (a.kind != b.kind || a.args.size() != b.args.size()) return false;
    if ((a.is_mut || b.is_mut) && !fresh) return false;
    for (std::size_t i = 0; i < a.args.size(); ++i) {
        if (a.args[i] != types::pending && !convertible(a.args[i], b.args[i])) return false;
    }
    return true;
}

bool TypeTable::has_pending(TypeId id) const {
    if (id == types::pending) return true;
    if (!is_container(id)) return false;
    for (TypeId arg : info(id).args) {
        if (has_pending(arg)) return true;
    }
    return false;
}

std::optional<TypeId> TypeTable::iter_element(TypeId iterable) const {
    const TypeInfo& it = info(iterable);
    auto read = [](TypeId element) { return element == types::pending ? types::any : element; };
    switch (it.kind) {
        case TypeKind::any:
            return types::any;
        case TypeKind::range:
            return types::int_;
        case TypeKind::string:
            return types::string;
        case TypeKind::list:
        case TypeKind::set:
        case TypeKind::dict:
            return read(it.args[0]);
        case TypeKind::tuple: {
            // One element type only when all are the same (the runtime's CommonElement).
            TypeId common = it.args.empty() ? types::any : it.args[0];
            for (TypeId arg : it.args) {
                if (arg != common) common = types::any;
            }
            return read(common);
        }
        default:
            return std::nullopt;
    }
}

}  // namespace pyro2cpp::sema
