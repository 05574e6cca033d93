// Dicts inside an Any: adapters for Dict<K, V> and DictMut<K, V> and their AnyTraits.
//
// Lookups through an Any with a key of another type miss (try_key, set_any.hpp): `d[k]`
// raises `key not found: "k"`, `get(k)` gives void, `k in d` is false. Storing through an Any
// checks both key and value against the static types. Iterating a dict walks its keys.
#pragma once

#include <memory>
#include <span>
#include <string>

#include "pyro/any.hpp"
#include "pyro/any_seq.hpp"
#include "pyro/dict.hpp"
#include "pyro/list_any.hpp"
#include "pyro/set_any.hpp"
#include "pyro/tuple_any.hpp"

namespace pyro::rt {

// What the two dict adapters share, given the static dict type D (Dict or DictMut).
template <class D, class K, class V>
class DictLike : public AnyObject {
public:
    explicit DictLike(D value) : value_(std::move(value)) {}
    const D& value() const noexcept { return value_; }

    std::string full_type_name() const override { return TypeName<D>::name(); }
    void print(Buf& out) const override { Printer<D>::str(out, value_); }
    Family family() const override { return Family::kDict; }
    bool equals(const AnyObject& other) const override {
        if (identity() == other.identity()) {
            return true;
        }
        if (const auto* same = dynamic_cast<const DictLike*>(&other)) {
            return value_ == same->value_;
        }
        if (other.family() != Family::kDict || !any_same_elements(*this, other)) {
            return false;
        }
        for (const Any& k : elements()) {
            if (!(index(k) == other.index(k))) {
                return false;
            }
        }
        return true;
    }
    bool truthy() const override { return !value_.empty(); }
    Int len() const override { return value_.len(); }
    bool contains(const Any& k) const override {
        const auto key = try_key<K>(k);
        return key && value_.contains(*key);
    }
    Any index(const Any& k) const override {
        const auto key = try_key<K>(k);
        if (key) {
            if (auto v = value_.get_opt(*key)) {
                return Any(*v);
            }
        }
        raise_key_not_found(repr_string(k));
    }
    std::unique_ptr<AnyCursor> iterate() const override {
        return std::make_unique<VectorCursor>(elements());
    }
    std::vector<Any> elements() const override { return to_any_vector(value_.snapshot_elements()); }
    Any call_method(std::string_view name, std::span<const Any> args) const override {
        if (name == "len" || name == "keys" || name == "values" || name == "items") {
            expect_args(args, 0, name);
            if (name == "len") {
                return value_.len();
            }
            if (name == "keys") {
                return Any(value_.keys());
            }
            return name == "values" ? Any(value_.values()) : Any(value_.items());
        }
        if (name == "contains") {
            expect_args(args, 1, name);
            return contains(args[0]);
        }
        if (name == "get") {
            if (args.size() != 1) {
                expect_args(args, 2, name);
            }
            const auto key = try_key<K>(args[0]);
            if (key) {
                if (auto v = value_.get_opt(*key)) {
                    return Any(*v);
                }
            }
            return args.size() == 2 ? args[1] : Any();
        }
        return AnyObject::call_method(name, args);
    }

protected:
    D value_;
};

template <class K, class V>
class DictBox final : public DictLike<Dict<K, V>, K, V> {
public:
    using DictLike<Dict<K, V>, K, V>::DictLike;
    std::string type_name() const override { return "dict"; }
    std::uint64_t hash() const override {
        if constexpr (requires(const Dict<K, V>& d) { Hash<Dict<K, V>>{}(d); }) {
            return Hash<Dict<K, V>>{}(this->value_);
        } else {
            return AnyObject::hash();
        }
    }
};

template <class K, class V>
class DictMutBox final : public DictLike<DictMut<K, V>, K, V> {
public:
    using DictLike<DictMut<K, V>, K, V>::DictLike;
    std::string type_name() const override { return "dict_mut"; }
    const void* identity() const override { return this->value_.identity(); }
    void set_index(const Any& k, const Any& v) const override {
        this->value_.set(from_any<K>(k), from_any<V>(v));
    }
    Any call_method(std::string_view name, std::span<const Any> args) const override {
        if (name == "insert") {
            expect_args(args, 2, name);
            set_index(args[0], args[1]);
            return Any();
        }
        if (name == "remove") {
            expect_args(args, 1, name);
            const auto key = try_key<K>(args[0]);
            if (!key) {
                raise_key_not_found(repr_string(args[0]));
            }
            this->value_.remove(*key);
            return Any();
        }
        if (name == "clear") {
            expect_args(args, 0, name);
            this->value_.clear();
            return Any();
        }
        return DictLike<DictMut<K, V>, K, V>::call_method(name, args);
    }
};

template <class K, class V>
struct AnyTraits<Dict<K, V>> {
    static Any to_any(const Dict<K, V>& d) { return Any::make_object<DictBox<K, V>>(d); }
    static bool is(const Any& a) {
        if (object_as<DictBox<K, V>>(a) != nullptr) {
            return true;
        }
        if (!a.is_object() || a.object().type_name() != "dict") {
            return false;
        }
        for (const Any& k : a.object().elements()) {
            if (!AnyTraits<K>::is(k) || !AnyTraits<V>::is(a.object().index(k))) {
                return false;
            }
        }
        return true;
    }
    static Dict<K, V> from(const Any& a) {
        if (const auto* box = object_as<DictBox<K, V>>(a)) {
            return box->value();
        }
        if (a.is_object() && a.object().type_name() == "dict") {
            typename Dict<K, V>::Table table;
            for (const Any& k : a.object().elements()) {
                table.insert_or_assign(from_any<K>(k), from_any<V>(a.object().index(k)));
            }
            return Dict<K, V>(std::move(table));
        }
        raise_type_mismatch(TypeName<Dict<K, V>>::name(), a.full_type_name());
    }
};

template <class K, class V>
struct AnyTraits<DictMut<K, V>> : BoxedTraits<DictMut<K, V>, DictMutBox<K, V>> {};

}  // namespace pyro::rt
