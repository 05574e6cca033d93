// Pyro's static types, interned: each distinct type is stored once in a TypeTable and named
// by a small TypeId, so types compare with `==` and key hash maps cheaply.
//
// A type is a kind plus arguments (element types, parameter types, a result, a declaration
// for records and classes). The scalar kinds and the checker's two internal kinds (`error`,
// which stands for something already reported, and `pending`, the not-yet-known result of a
// recursive call) have fixed ids. docs/inference.md describes how the checker uses them;
// join() is the one place that decides what a mix of types becomes.
#pragma once

#include <cstdint>
#include <deque>
#include <functional>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace pyro2cpp::sema {

enum class TypeKind : std::uint8_t {
    error,    // already reported: silences follow-on diagnostics
    pending,  // the result of an instance still being inferred (bottom of the lattice)
    any,
    void_,
    bool_,
    int_,
    float_,
    string,
    range,
    function,  // args: parameter types; result
    // Kinds of later issues, so their types have a home: args hold element types (dict: key,
    // value), `is_mut` marks the _mut forms, `name`/`decl` identify records and classes.
    list,
    tuple,
    set,
    dict,
    record,
    class_,
    chan,
    sender,
    receiver,
    union_,
    interface,
    wait_group,  // std.sync's WaitGroup and Mutex (stdlib_modules.cpp)
    mutex,
};

enum class TypeId : std::uint32_t {};

namespace types {
inline constexpr TypeId error{0};
inline constexpr TypeId pending{1};
inline constexpr TypeId any{2};
inline constexpr TypeId void_{3};
inline constexpr TypeId bool_{4};
inline constexpr TypeId int_{5};
inline constexpr TypeId float_{6};
inline constexpr TypeId string{7};
inline constexpr TypeId range{8};
}  // namespace types

struct TypeInfo {
    TypeKind kind = TypeKind::error;
    bool is_mut = false;
    std::vector<TypeId> args;
    TypeId result{};
    std::string name;            // records, classes, interfaces
    const void* decl = nullptr;  // their declaration node
};

class TypeTable {
public:
    TypeTable();

    // Interning only adds; a const table may still name new types (joins build them).
    TypeId intern(const TypeInfo& info) const;
    TypeId function(std::vector<TypeId> params, TypeId result);
    // chan<T>, Sender<T>, Receiver<T> (kind chan, sender or receiver). `origin`: the `chan(n)`
    // call of a channel whose element type is not known yet (element `pending`).
    TypeId channel(TypeKind kind, TypeId element, const void* origin = nullptr);
    // A function value whose parameter types are not known yet (a generic def or lambda used
    // as a value): its `decl` is the site that made it, its arity the parameters still open
    // (sema/check_func.cpp).
    TypeId generic_function(const void* site, std::size_t arity);
    bool is_generic_function(TypeId id) const {
        return info(id).kind == TypeKind::function && info(id).decl != nullptr;
    }
    // Collections (types_data.cpp): list, set, tuple and dict types and their _mut forms.
    TypeId container(TypeKind kind, std::vector<TypeId> args, bool is_mut) const;
    bool is_container(TypeId id) const;
    // `a` with its pending parts (an empty literal's unknown elements) taken from `b`, when
    // the two are otherwise the same type.
    std::optional<TypeId> fill(TypeId a, TypeId b) const;
    // Whether the type mentions pending anywhere (an empty literal's elements).
    bool has_pending(TypeId id) const;
    // What iterating a value of the type gives (pending elements read as any); nullopt when
    // it cannot be iterated. Sema checks with it and emit converts with it.
    std::optional<TypeId> iter_element(TypeId iterable) const;

    const TypeInfo& info(TypeId id) const { return types_[static_cast<std::uint32_t>(id)]; }
    TypeKind kind(TypeId id) const { return info(id).kind; }
    std::size_t size() const { return types_.size(); }  // ids are 0 .. size() - 1

    // How Pyro writes the type: `int`, `(int, float) -> string`, `list_mut<int>`.
    std::string name(TypeId id) const;

    // What one place holding values of both types gets (docs/inference.md, "Joins").
    TypeId join(TypeId a, TypeId b) const;

    // True when a value of type `from` may be stored where `to` is expected, converting if
    // needed: equal types, int to float, anything to or from any (checked at run time), and
    // the silent error/pending types.
    bool convertible(TypeId from, TypeId to) const;
    // A container converts by a copy of its elements (types_data.cpp): immutable ones always,
    // mutable ones (or into a mutable kind) only when `fresh` (a value nothing else shares).
    bool copies_into(TypeId from, TypeId to, bool fresh) const;

    bool is_numeric(TypeId id) const;
    // error or pending: operations on these produce them again without a diagnostic.
    bool is_silent(TypeId id) const { return id == types::error || id == types::pending; }

private:
    // `a` is `b` with parts still unknown (pending results, generic function values).
    bool waits_for(TypeId a, TypeId b) const;

    mutable std::deque<TypeInfo> types_;  // a deque: info() references stay valid
    mutable std::unordered_map<std::string, TypeId> index_;
};

// A `chan(n)` whose element type is not known yet (check_conc.cpp).
bool is_unknown_channel(const TypeTable& types, TypeId id);

}  // namespace pyro2cpp::sema
