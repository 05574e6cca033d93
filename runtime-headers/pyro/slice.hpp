// Indexing and slicing arithmetic shared by lists, tuples and strings.
//
// `a[i]` with a negative i counts from the end; out of range it raises
// `index 5 out of range for length 3` (the index as written). `a[i:j:k]` follows Python
// exactly: omitted bounds default by the step's sign, bounds are clamped to the sequence, a
// negative step walks backwards, and a step of 0 raises `slice step cannot be zero`. The
// emitter passes an omitted bound as pyro::rt::open: `a[1:]` is
// `a.slice(1, pyro::rt::open)`, `a[::-1]` is `a.slice(pyro::rt::open, pyro::rt::open, -1)`.
#pragma once

#include <cstddef>
#include <cstdint>
#include <limits>
#include <string>

#include "pyro/error.hpp"
#include "pyro/int.hpp"

namespace pyro::rt {

struct Open {};
inline constexpr Open open{};

// One bound of a slice: an int, or open (omitted).
class Bound {
public:
    constexpr Bound(Open) noexcept {}
    constexpr Bound(Int v) noexcept : value_(v.v), given_(true) {}
    template <FitsInt I>
    constexpr Bound(I v) noexcept : value_(static_cast<std::int64_t>(v)), given_(true) {}

    constexpr bool given() const noexcept { return given_; }
    constexpr std::int64_t value() const noexcept { return value_; }

private:
    std::int64_t value_ = 0;
    bool given_ = false;
};

struct SliceArgs {
    Bound start;
    Bound stop;
    Bound step = open;
};

// The elements a slice selects: start, start + step, ... (count of them).
struct SliceRange {
    std::int64_t start;
    std::int64_t step;
    std::int64_t count;
};

[[noreturn, gnu::cold, gnu::noinline]] inline void raise_index_out_of_range(std::int64_t index,
                                                                            std::size_t length) {
    raise_error("index " + std::to_string(index) + " out of range for length " +
                std::to_string(length));
}

// The position `index` names in a sequence of `length` elements, or a raise.
inline std::size_t normalize_index(Int index, std::size_t length) {
    std::int64_t i = index.v;
    if (i < 0) {
        i += static_cast<std::int64_t>(length);
    }
    if (static_cast<std::uint64_t>(i) >= length) [[unlikely]] {
        raise_index_out_of_range(index.v, length);
    }
    return static_cast<std::size_t>(i);
}

inline SliceRange slice_range(const SliceArgs& args, std::size_t size) {
    constexpr std::int64_t kMax = std::numeric_limits<std::int64_t>::max();
    const auto length = static_cast<std::int64_t>(size);
    std::int64_t step = args.step.given() ? args.step.value() : 1;
    if (step == 0) {
        raise_error("slice step cannot be zero");
    }
    if (step < -kMax) {
        step = -kMax;  // so that -step exists, as Python clamps it
    }
    const auto adjust = [&](const Bound& b, std::int64_t if_open) {
        if (!b.given()) {
            return if_open;
        }
        std::int64_t v = b.value();
        if (v < 0) {
            v += length;
            if (v < 0) {
                v = step < 0 ? -1 : 0;
            }
        } else if (v >= length) {
            v = step < 0 ? length - 1 : length;
        }
        return v;
    };
    const std::int64_t start = adjust(args.start, step < 0 ? length - 1 : 0);
    const std::int64_t stop = adjust(args.stop, step < 0 ? -1 : length);
    std::int64_t count = 0;
    if (step > 0 && start < stop) {
        count = (stop - start - 1) / step + 1;
    } else if (step < 0 && stop < start) {
        count = (start - stop - 1) / -step + 1;
    }
    return SliceRange{start, step, count};
}

}  // namespace pyro::rt
