// pyro::Range, what `range(...)` and `a..b` give: an immutable arithmetic sequence of Int.
//
// The number of elements is computed once, in unsigned arithmetic, so iteration never
// overflows even at the ends of the int range (range(MIN, MAX, 2**62) has 4 elements) and a
// `for i in range(n)` loop compiles to two counters. A step of 0 raises `range step must not
// be zero`. Ranges print as Python's do: `range(0, 5)`, `range(0, 10, 2)`.
#pragma once

#include <cstdint>
#include <iterator>

#include "pyro/error.hpp"
#include "pyro/int.hpp"
#include "pyro/print.hpp"
#include "pyro/slice.hpp"

namespace pyro {

class Range {
public:
    Range(Int start, Int stop, Int step) : start_(start.v), stop_(stop.v), step_(step.v) {
        if (step_ == 0) {
            rt::raise_error("range step must not be zero");
        }
        const auto ustart = static_cast<std::uint64_t>(start_);
        const auto ustop = static_cast<std::uint64_t>(stop_);
        if (step_ > 0 && start_ < stop_) {
            count_ = (ustop - ustart - 1) / static_cast<std::uint64_t>(step_) + 1;
        } else if (step_ < 0 && start_ > stop_) {
            count_ = (ustart - ustop - 1) / (0 - static_cast<std::uint64_t>(step_)) + 1;
        } else {
            count_ = 0;
        }
    }

    Int start() const noexcept { return Int(start_); }
    Int stop() const noexcept { return Int(stop_); }
    Int step() const noexcept { return Int(step_); }
    // Number of elements; at most 2**64 - 1, which fits only as unsigned (range(MIN, MAX)).
    std::uint64_t size() const noexcept { return count_; }
    // r[i], negative counting from the end, as Python's ranges index.
    Int at(Int i) const {
        const auto k = static_cast<std::uint64_t>(rt::normalize_index(i, count_));
        return Int(static_cast<std::int64_t>(static_cast<std::uint64_t>(start_) +
                                             k * static_cast<std::uint64_t>(step_)));
    }

    struct End {};
    class Iterator {
    public:
        using value_type = Int;
        using difference_type = std::ptrdiff_t;

        Int operator*() const noexcept { return Int(static_cast<std::int64_t>(value_)); }
        Iterator& operator++() noexcept {
            value_ += step_;  // wraps only after the last element, where it is never read
            --left_;
            return *this;
        }
        Iterator operator++(int) noexcept {
            Iterator old = *this;
            ++*this;
            return old;
        }
        friend bool operator==(const Iterator& it, End) noexcept { return it.left_ == 0; }

    private:
        friend class Range;
        Iterator(std::uint64_t value, std::uint64_t step, std::uint64_t left) noexcept
            : value_(value), step_(step), left_(left) {}
        std::uint64_t value_;
        std::uint64_t step_;
        std::uint64_t left_;
    };

    Iterator begin() const noexcept {
        return Iterator(static_cast<std::uint64_t>(start_), static_cast<std::uint64_t>(step_),
                        count_);
    }
    End end() const noexcept { return {}; }

    // Equal when they hold the same elements, as in Python (range(0) == range(3, 3)).
    friend bool operator==(const Range& a, const Range& b) noexcept {
        if (a.count_ != b.count_) {
            return false;
        }
        return a.count_ == 0 || (a.start_ == b.start_ && (a.count_ == 1 || a.step_ == b.step_));
    }

private:
    std::int64_t start_;
    std::int64_t stop_;
    std::int64_t step_;
    std::uint64_t count_;
};

inline Range range(Int stop) {
    return Range(0, stop, 1);
}
inline Range range(Int start, Int stop) {
    return Range(start, stop, 1);
}
inline Range range(Int start, Int stop, Int step) {
    return Range(start, stop, step);
}

// The length as an int; only range(MIN, MAX)-like ranges are too long for one.
inline Int len(const Range& r) {
    if (r.size() > static_cast<std::uint64_t>(Int::max().v)) {
        rt::raise_overflow();
    }
    return Int(static_cast<std::int64_t>(r.size()));
}

inline bool truthy(const Range& r) noexcept {
    return r.size() != 0;
}

namespace rt {

template <>
struct Printer<Range> {
    static void str(Buf& out, const Range& r) {
        append(out, "range(");
        Printer<Int>::str(out, r.start());
        append(out, ", ");
        Printer<Int>::str(out, r.stop());
        if (r.step() != 1) {
            append(out, ", ");
            Printer<Int>::str(out, r.step());
        }
        out.push_back(')');
    }
};

}  // namespace rt

}  // namespace pyro
