// Tuples inside an Any: adapters for Tuple<Ts...> and TupleMut<Ts...>, and DynTuple, the tuple
// whose length is known only at run time.
//
// Static tuples have their length in their type, so operations whose result length depends on
// run-time values — `t1 + t2` and `t[i:j]` on tuples held in Anys, `tuple(xs)` — build a
// DynTuple: a vector of Any that is a tuple in every observable way (type "tuple", prints
// `(1, 2)`, equals and hashes like a static tuple with the same elements). from_any converts
// any immutable tuple of the right length and element types to a static Tuple; a TupleMut must
// be the exact type (its identity is kept). A dynamic index `t[i]` on a tuple (the index not
// known statically) goes through its Any adapter: rt::index(Any(t), i).
#pragma once

#include <memory>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include "pyro/any.hpp"
#include "pyro/any_seq.hpp"
#include "pyro/tuple.hpp"

namespace pyro::rt {

// The behaviour every tuple adapter shares, given its elements as Any.
class TupleLike : public AnyObject {
public:
    std::string type_name() const override { return "tuple"; }
    Family family() const override { return Family::kTuple; }
    std::uint64_t hash() const override { return any_seq_hash(kTupleHashSeed, elements()); }
    bool truthy() const override { return len().v != 0; }
    Any index(const Any& key) const override {
        std::vector<Any> items = elements();
        return items[normalize_index(from_any<Int>(key), items.size())];
    }
    inline Any slice(const SliceArgs& args) const override;
    bool contains(const Any& x) const override {
        for (const Any& e : elements()) {
            if (e == x) {
                return true;
            }
        }
        return false;
    }
    std::unique_ptr<AnyCursor> iterate() const override {
        return std::make_unique<VectorCursor>(elements());
    }
    inline Any add(const Any& other) const override;
    inline Any repeat(Int count) const override;
    Any call_method(std::string_view name, std::span<const Any> args) const override {
        if (name == "len") {
            expect_args(args, 0, name);
            return len();
        }
        return AnyObject::call_method(name, args);
    }
};

class DynTuple final : public TupleLike {
public:
    explicit DynTuple(std::vector<Any> items) : items_(std::move(items)) {}
    void print(Buf& out) const override {
        out.push_back('(');
        for (std::size_t i = 0; i < items_.size(); ++i) {
            if (i > 0) {
                append(out, ", ");
            }
            append_repr(out, items_[i]);
        }
        append(out, items_.size() == 1 ? ",)" : ")");
    }
    bool equals(const AnyObject& other) const override {
        return other.family() == Family::kTuple && any_seq_equal(items_, other.elements());
    }
    std::partial_ordering compare(const AnyObject& other) const override {
        return family_compare(*this, other);
    }
    Int len() const override { return Int(static_cast<std::int64_t>(items_.size())); }
    std::vector<Any> elements() const override { return items_; }

private:
    std::vector<Any> items_;
};

inline Any make_dyn_tuple(std::vector<Any> items) {
    return Any::make_object<DynTuple>(std::move(items));
}

inline Any TupleLike::slice(const SliceArgs& args) const {
    return make_dyn_tuple(slice_vector(elements(), args));
}
inline Any TupleLike::add(const Any& other) const {
    if (!other.is_object() || other.object().family() != Family::kTuple) {
        return AnyObject::add(other);
    }
    std::vector<Any> items = elements();
    for (Any& x : other.object().elements()) {
        items.push_back(std::move(x));
    }
    return make_dyn_tuple(std::move(items));
}
inline Any TupleLike::repeat(Int count) const {
    return make_dyn_tuple(repeat_vector(elements(), count));
}

template <class... Ts>
class TupleBox final : public TupleLike {
public:
    explicit TupleBox(Tuple<Ts...> value) : value_(std::move(value)) {}
    const Tuple<Ts...>& value() const noexcept { return value_; }

    std::string full_type_name() const override { return TypeName<Tuple<Ts...>>::name(); }
    void print(Buf& out) const override { Printer<Tuple<Ts...>>::str(out, value_); }
    bool equals(const AnyObject& other) const override { return family_equals(*this, other); }
    std::partial_ordering compare(const AnyObject& other) const override {
        return family_compare(*this, other);
    }
    Int len() const override { return value_.len(); }
    std::vector<Any> elements() const override {
        return std::apply([](const auto&... e) { return std::vector<Any>{Any(e)...}; },
                          value_.items());
    }

private:
    Tuple<Ts...> value_;
};

template <class... Ts>
class TupleMutBox final : public TupleLike {
public:
    explicit TupleMutBox(TupleMut<Ts...> value) : value_(std::move(value)) {}
    const TupleMut<Ts...>& value() const noexcept { return value_; }

    std::string type_name() const override { return "tuple_mut"; }
    std::string full_type_name() const override { return TypeName<TupleMut<Ts...>>::name(); }
    void print(Buf& out) const override { Printer<TupleMut<Ts...>>::str(out, value_); }
    const void* identity() const override { return value_.identity(); }
    bool equals(const AnyObject& other) const override {
        return identity() == other.identity() || family_equals(*this, other);
    }
    std::uint64_t hash() const override { return AnyObject::hash(); }  // mutable: unhashable
    std::partial_ordering compare(const AnyObject& other) const override {
        return family_compare(*this, other);
    }
    Int len() const override { return value_.len(); }
    std::vector<Any> elements() const override {
        return TupleBox<Ts...>(value_.snapshot()).elements();
    }
    void set_index(const Any& key, const Any& v) const override {
        const std::size_t i = normalize_index(from_any<Int>(key), sizeof...(Ts));
        with_index<sizeof...(Ts)>(i, [&](auto index) {
            using T = std::tuple_element_t<decltype(index)::value, std::tuple<Ts...>>;
            value_.template set<decltype(index)::value>(from_any<T>(v));
        });
    }

private:
    TupleMut<Ts...> value_;
};

template <class... Ts>
struct AnyTraits<Tuple<Ts...>> {
    static Any to_any(const Tuple<Ts...>& t) { return Any::make_object<TupleBox<Ts...>>(t); }
    static bool is(const Any& a) {
        if (object_as<TupleBox<Ts...>>(a) != nullptr) {
            return true;
        }
        if (!a.is_object() || a.object().type_name() != "tuple") {
            return false;
        }
        const std::vector<Any> items = a.object().elements();
        if (items.size() != sizeof...(Ts)) {
            return false;
        }
        return [&]<std::size_t... I>(std::index_sequence<I...>) {
            return (AnyTraits<Ts>::is(items[I]) && ...);
        }
        (std::index_sequence_for<Ts...>{});
    }
    static Tuple<Ts...> from(const Any& a) {
        if (const auto* box = object_as<TupleBox<Ts...>>(a)) {
            return box->value();
        }
        if (a.is_object() && a.object().type_name() == "tuple") {
            const std::vector<Any> items = a.object().elements();
            const bool fits =
                items.size() == sizeof...(Ts)&& [&]<std::size_t... I>(std::index_sequence<I...>) {
                return (converts<Ts>(items[I]) && ...);
            }
            (std::index_sequence_for<Ts...>{});
            if (fits) {
                return [&]<std::size_t... I>(std::index_sequence<I...>) {
                    return Tuple<Ts...>(from_items, std::tuple<Ts...>(from_any<Ts>(items[I])...));
                }
                (std::index_sequence_for<Ts...>{});
            }
        }
        raise_type_mismatch(TypeName<Tuple<Ts...>>::name(), a.full_type_name());
    }
};

template <class... Ts>
struct AnyTraits<TupleMut<Ts...>> : BoxedTraits<TupleMut<Ts...>, TupleMutBox<Ts...>> {};

}  // namespace pyro::rt
