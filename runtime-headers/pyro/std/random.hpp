// std.random: one process-wide pseudo-random generator (LANGUAGE.md 7).
//
// The generator is a std::mt19937_64 behind an rt::SpinLock, shared by every task and thread:
// seeded from std::random_device on first use, or with `seed(n)`, after which a program whose
// draws happen in one task is repeatable. Each draw holds the lock for a few instructions
// only, so a spinlock suits fibers better than a mutex (a mutex wait would block every task on
// the waiting thread). As the runtime's rule for its spinlocks asks, no other lock is held
// while drawing: choice on a list_mut draws first and reads the element after. The integer draws
// are ours (Lemire's multiply-and-reject), not std::uniform_int_distribution, whose algorithm
// differs between standard libraries: the same seed gives the same numbers with any compiler.
//
// The work is in Generator, over plain integers; the public face (pyro::random::random,
// randint, seed, choice, shuffle) adds Pyro's types and errors.
#pragma once

#include <cstdint>
#include <mutex>
#include <optional>
#include <random>
#include <string>
#include <utility>
#include <vector>

#include "pyro/data.hpp"
#include "pyro/error.hpp"
#include "pyro/int.hpp"
#include "pyro/spin_lock.hpp"

namespace pyro::random::detail {

class Generator {
public:
    // Restarts the sequence: the same n always gives the same draws.
    void seed(std::uint64_t n) {
        std::lock_guard guard(lock_);
        engine_.seed(n);
        seeded_ = true;
    }

    // 64 uniformly random bits.
    std::uint64_t bits() {
        std::lock_guard guard(lock_);
        if (!seeded_) {
            seed_from_os();
        }
        return engine_();
    }

    // Uniform in [0, 1): the top 53 bits scaled, so every result is a multiple of 2**-53 and
    // 1.0 cannot come out (std::generate_canonical may round up to it).
    double unit() { return static_cast<double>(bits() >> 11) * 0x1p-53; }

    // Uniform in [0, n), n > 0, without modulo bias (Lemire, "Fast random integer generation
    // in an interval", 2019).
    std::uint64_t below(std::uint64_t n) {
        unsigned __int128 m = static_cast<unsigned __int128>(bits()) * n;
        auto low = static_cast<std::uint64_t>(m);
        if (low < n) {
            const std::uint64_t threshold = -n % n;  // 2**64 mod n
            while (low < threshold) {
                m = static_cast<unsigned __int128>(bits()) * n;
                low = static_cast<std::uint64_t>(m);
            }
        }
        return static_cast<std::uint64_t>(m >> 64);
    }

    // Uniform in [a, b], a <= b; the full int64 range included.
    std::int64_t between(std::int64_t a, std::int64_t b) {
        const std::uint64_t span = static_cast<std::uint64_t>(b) - static_cast<std::uint64_t>(a);
        const std::uint64_t offset = span == UINT64_MAX ? bits() : below(span + 1);
        return static_cast<std::int64_t>(static_cast<std::uint64_t>(a) + offset);
    }

private:
    // Called with the lock held. Eight words of OS entropy fill more of the engine's state
    // than a single 64-bit seed would.
    void seed_from_os() {
        std::random_device device;
        std::seed_seq seq{device(), device(), device(), device(),
                          device(), device(), device(), device()};
        engine_.seed(seq);
        seeded_ = true;
    }

    rt::SpinLock lock_;
    std::mt19937_64 engine_;
    bool seeded_ = false;
};

inline Generator& generator() {
    static Generator instance;
    return instance;
}

// An index for a collection of `size` elements; `what` names the call for the error
// (`choice from an empty list`).
inline std::size_t pick_index(std::size_t size, const char* what) {
    if (size == 0) {
        rt::raise_error(std::string(what) + " from an empty list");
    }
    return static_cast<std::size_t>(generator().below(size));
}

// Fisher-Yates in two halves, so the drawing (under the generator's lock) and the swapping
// (under a list's lock) never nest: draw_swaps gives, for i = size-1 down to 1, the index
// j <= i that element i trades places with; apply_swaps performs them.
inline std::vector<std::size_t> draw_swaps(std::size_t size) {
    std::vector<std::size_t> swaps;
    if (size > 1) {
        swaps.reserve(size - 1);
        for (std::size_t i = size; i > 1; --i) {
            swaps.push_back(static_cast<std::size_t>(generator().below(i)));
        }
    }
    return swaps;
}
template <class Swap>
void apply_swaps(std::size_t size, const std::vector<std::size_t>& swaps, Swap&& swap) {
    for (std::size_t k = 0; k < swaps.size(); ++k) {
        const std::size_t i = size - 1 - k;
        if (swaps[k] != i) {
            swap(i, swaps[k]);
        }
    }
}

}  // namespace pyro::random::detail

namespace pyro::random {

inline double random() {
    return detail::generator().unit();
}

// A whole number in [a, b], both ends included.
inline Int randint(Int a, Int b) {
    if (a.v > b.v) {
        rt::raise_error("empty range for randint(" + std::to_string(a.v) + ", " +
                        std::to_string(b.v) + ")");
    }
    return Int(detail::generator().between(a.v, b.v));
}

// Negative seeds are as good as any: the bits are taken as they are.
inline void seed(Int n) {
    detail::generator().seed(static_cast<std::uint64_t>(n.v));
}

template <class T>
T choice(const List<T>& xs) {
    return xs.items()[detail::pick_index(xs.size(), "choice")];
}
// Draws an index for the length the list has now, then reads it under the list's lock if the
// length is still the same (another task may push or pop meanwhile; then it draws again), so
// every element stays equally likely and the generator's lock is never taken inside the list's.
template <class T>
T choice(const ListMut<T>& xs) {
    while (true) {
        const std::size_t size = xs.size();
        const std::size_t i = detail::pick_index(size, "choice");
        std::optional<T> picked = xs.with_items([&](const std::vector<T>& items) {
            return items.size() == size ? std::optional<T>(items[i]) : std::nullopt;
        });
        if (picked) {
            return std::move(*picked);
        }
    }
}
// Puts the list's elements in a random order, every order equally likely, as one change:
// the swaps are drawn for the length the list has now and applied under its lock if the
// length is still the same (else drawn again).
template <class T>
void shuffle(const ListMut<T>& xs) {
    while (true) {
        const std::size_t size = xs.size();
        const std::vector<std::size_t> swaps = detail::draw_swaps(size);
        const bool done = xs.mutate_items([&](std::vector<T>& items) {
            if (items.size() != size) {
                return false;
            }
            detail::apply_swaps(
                size, swaps, [&](std::size_t i, std::size_t j) { std::swap(items[i], items[j]); });
            return true;
        });
        if (done) {
            return;
        }
    }
}
// A list_mut inside an any. Its element type is not known here, so the elements are read,
// shuffled and stored back one by one: not one atomic change, unlike the static case.
inline void shuffle(const Any& xs) {
    if (!xs.is_object() || xs.type_name() != "list_mut") {
        rt::raise_error("shuffle needs a list_mut, got " + xs.type_name());
    }
    const rt::AnyObject& list = xs.object();
    std::vector<Any> items = list.elements();
    detail::apply_swaps(items.size(), detail::draw_swaps(items.size()),
                        [&](std::size_t i, std::size_t j) { std::swap(items[i], items[j]); });
    for (std::size_t i = 0; i < items.size(); ++i) {
        list.set_index(Any(Int(static_cast<std::int64_t>(i))), items[i]);
    }
}

// A list or tuple inside an any: its elements now.
inline Any choice(const Any& xs) {
    if (!xs.is_object() ||
        (xs.object().family() != rt::Family::kList && xs.object().family() != rt::Family::kTuple)) {
        rt::raise_error("cannot choose from " + xs.type_name());
    }
    const std::vector<Any> items = xs.object().elements();
    return items[detail::pick_index(items.size(), "choice")];
}

}  // namespace pyro::random
