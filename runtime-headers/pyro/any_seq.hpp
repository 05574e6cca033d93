// What the Any adapters of collections (list, tuple, set, dict and their _mut kinds) share:
// structural equality, order and hash over elements seen as Any (for two sequences of
// different static element types, e.g. a List<Int> and a List<Any>), a cursor over a
// snapshot, the conversion of an adapter's elements to a static element type, and the
// AnyTraits of a collection kept in an Any as its adapter.
#pragma once

#include <memory>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

#include "pyro/any.hpp"
#include "pyro/any_ops.hpp"
#include "pyro/hash.hpp"
#include "pyro/iterable.hpp"
#include "pyro/type_name.hpp"

namespace pyro::rt {

inline bool any_seq_equal(const std::vector<Any>& a, const std::vector<Any>& b) {
    if (a.size() != b.size()) {
        return false;
    }
    for (std::size_t i = 0; i < a.size(); ++i) {
        if (!(a[i] == b[i])) {
            return false;
        }
    }
    return true;
}

inline std::partial_ordering any_seq_compare(const std::vector<Any>& a, const std::vector<Any>& b) {
    const std::size_t n = std::min(a.size(), b.size());
    for (std::size_t i = 0; i < n; ++i) {
        const auto c = a[i] <=> b[i];
        if (c != 0) {
            return c;
        }
    }
    return a.size() <=> b.size();
}

inline std::uint64_t any_seq_hash(std::uint64_t seed, const std::vector<Any>& items) {
    for (const Any& x : items) {
        seed = hash_combine(seed, Hash<Any>{}(x));
    }
    return seed;
}

// Walks a snapshot of elements.
class VectorCursor final : public AnyCursor {
public:
    explicit VectorCursor(std::vector<Any> items) : items_(std::move(items)) {}
    bool next(Any& out) override {
        if (next_ >= items_.size()) {
            return false;
        }
        out = items_[next_++];
        return true;
    }

private:
    std::vector<Any> items_;
    std::size_t next_ = 0;
};

template <class Range>
std::vector<Any> to_any_vector(const Range& items) {
    std::vector<Any> out;
    for (const auto& x : items) {
        out.push_back(Any(x));
    }
    return out;
}

// Equality of an adapter with another object of the same family: the static comparison when
// the other holds the same static type, else element by element through Any.
template <class Box>
bool family_equals(const Box& self, const AnyObject& other) {
    if (self.family() != other.family()) {
        return false;
    }
    if (const auto* same = dynamic_cast<const Box*>(&other)) {
        return self.value() == same->value();
    }
    return any_seq_equal(self.elements(), other.elements());
}

template <class Box>
std::partial_ordering family_compare(const Box& self, const AnyObject& other) {
    if (self.family() != other.family() || self.family() == Family::kSet ||
        self.family() == Family::kDict) {
        raise_error("cannot compare " + self.type_name() + " and " + other.type_name());
    }
    return any_seq_compare(self.elements(), other.elements());
}

// AnyTraits of a collection `V` kept in an Any as its adapter `Box`. A mutable collection is
// shared by identity, so only its own adapter gives it back.
template <class V, class Box>
struct BoxedTraits {
    static Any to_any(const V& v) { return Any::make_object<Box>(v); }
    static bool is(const Any& a) { return object_as<Box>(a) != nullptr; }
    static V from(const Any& a) {
        if (const auto* box = object_as<Box>(a)) {
            return box->value();
        }
        raise_type_mismatch(TypeName<V>::name(), a.full_type_name());
    }
};

// An immutable list or set of `T` also comes from one of the same kind (`Box::kind`) built
// with other element types (a mixed literal's elements are Any) when every element is a `T`;
// an int is a float here, as it is at every typed boundary.
template <class V, class Box, class T>
struct ElementsTraits : BoxedTraits<V, Box> {
    static bool is(const Any& a) {
        if (object_as<Box>(a) != nullptr) {
            return true;
        }
        if (!a.is_object() || a.object().type_name() != Box::kind) {
            return false;
        }
        for (const Any& x : a.object().elements()) {
            if (!AnyTraits<T>::is(x) && !(std::is_same_v<T, double> && x.is_int())) {
                return false;
            }
        }
        return true;
    }
    static V from(const Any& a) {
        if (const auto* box = object_as<Box>(a)) {
            return box->value();
        }
        if (a.is_object() && a.object().type_name() == Box::kind) {
            return V(to_vector<T>(a));
        }
        raise_type_mismatch(TypeName<V>::name(), a.full_type_name());
    }
};

}  // namespace pyro::rt
