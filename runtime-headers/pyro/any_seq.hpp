// What the Any adapters of sequences (list, list_mut, tuple, tuple_mut) share: structural
// equality, order and hash over elements seen as Any (for two sequences of different static
// element types, e.g. a List<Int> and a List<Any>), a cursor over a snapshot, and the
// conversion of an adapter's elements to a static element type.
#pragma once

#include <memory>
#include <utility>
#include <vector>

#include "pyro/any.hpp"
#include "pyro/any_ops.hpp"
#include "pyro/hash.hpp"

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

}  // namespace pyro::rt
