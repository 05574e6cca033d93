// Hashing of Pyro values, for the keys of sets and dicts (hash_table.hpp).
//
// pyro::rt::Hash<T> gives a 64-bit hash; every key type specialises it next to its definition
// (Int, double, bool, Str, Void here; tuples, records, Any and the immutable containers in
// their headers). The hashes are *consistent across static types*: a value hashes the same
// whether it sits in a Dict<Int, V> or in an Any, and equal values of different static types
// hash alike (an integral float hashes as the int it equals, so `1` and `1.0` are one key of
// a dict of `any`; a tuple hashes the same whatever static types its elements have), because
// the dynamic dict of Any compares keys by value across types.
//
// Byte strings use wyhash (final version 4, by Wang Yi, public domain): a handful of
// multiplications for the short keys programs use, good spread in the low bits, which the open
// addressing of hash_table.hpp masks off directly. Tables are not seeded per process: Pyro
// programs are not servers fed adversarial keys, and a fixed hash keeps runs repeatable.
#pragma once

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstring>

#include "pyro/int.hpp"
#include "pyro/void.hpp"

namespace pyro::rt {

inline constexpr std::uint64_t kHashSecret[4] = {0x2d358dccaa6c78a5ull, 0x8bb84b93962eacc9ull,
                                                 0x4b33a62ed433d4a3ull, 0x4d5a2da51de1aa47ull};

// 128-bit product folded to 64 bits: the mixing step of wyhash.
constexpr std::uint64_t hash_mix(std::uint64_t a, std::uint64_t b) noexcept {
    const unsigned __int128 r = static_cast<unsigned __int128>(a) * b;
    return static_cast<std::uint64_t>(r) ^ static_cast<std::uint64_t>(r >> 64);
}

namespace detail {

inline std::uint64_t read8(const unsigned char* p) noexcept {
    std::uint64_t v;
    std::memcpy(&v, p, 8);
    return v;
}
inline std::uint64_t read4(const unsigned char* p) noexcept {
    std::uint32_t v;
    std::memcpy(&v, p, 4);
    return v;
}

inline constexpr std::uint64_t kByteSeed =
    kHashSecret[0] ^ hash_mix(kHashSecret[0] ^ kHashSecret[0], kHashSecret[1]);

}  // namespace detail

inline std::uint64_t hash_bytes(const void* data, std::size_t len) noexcept {
    using detail::read4;
    using detail::read8;
    const auto* p = static_cast<const unsigned char*>(data);
    const std::uint64_t* s = kHashSecret;
    std::uint64_t seed = detail::kByteSeed;
    std::uint64_t a;
    std::uint64_t b;
    if (len <= 16) [[likely]] {
        if (len >= 4) {
            const std::size_t shift = (len >> 3) << 2;
            a = (read4(p) << 32) | read4(p + shift);
            b = (read4(p + len - 4) << 32) | read4(p + len - 4 - shift);
        } else if (len > 0) {
            a = (std::uint64_t{p[0]} << 16) | (std::uint64_t{p[len >> 1]} << 8) | p[len - 1];
            b = 0;
        } else {
            a = b = 0;
        }
    } else {
        std::size_t i = len;
        if (i > 48) {
            std::uint64_t see1 = seed;
            std::uint64_t see2 = seed;
            do {
                seed = hash_mix(read8(p) ^ s[1], read8(p + 8) ^ seed);
                see1 = hash_mix(read8(p + 16) ^ s[2], read8(p + 24) ^ see1);
                see2 = hash_mix(read8(p + 32) ^ s[3], read8(p + 40) ^ see2);
                p += 48;
                i -= 48;
            } while (i > 48);
            seed ^= see1 ^ see2;
        }
        while (i > 16) {
            seed = hash_mix(read8(p) ^ s[1], read8(p + 8) ^ seed);
            i -= 16;
            p += 16;
        }
        a = read8(p + i - 16);
        b = read8(p + i - 8);
    }
    a ^= s[1];
    b ^= seed;
    const unsigned __int128 r = static_cast<unsigned __int128>(a) * b;
    a = static_cast<std::uint64_t>(r);
    b = static_cast<std::uint64_t>(r >> 64);
    return hash_mix(a ^ s[0] ^ len, b ^ s[1]);
}

constexpr std::uint64_t hash_int(std::int64_t v) noexcept {
    return hash_mix(static_cast<std::uint64_t>(v) ^ kHashSecret[0], kHashSecret[1]);
}

// Equal numbers hash alike: an integral double in the int range hashes as that int.
inline std::uint64_t hash_double(double d) noexcept {
    if (d >= -0x1p63 && d < 0x1p63) {
        const auto i = static_cast<std::int64_t>(d);
        if (static_cast<double>(i) == d) {
            return hash_int(i);
        }
    }
    if (std::isnan(d)) {
        return 0x7ff8'0000'0000'0000ull;  // every nan alike (none equals another anyway)
    }
    std::uint64_t bits;
    std::memcpy(&bits, &d, sizeof bits);
    return hash_mix(bits ^ kHashSecret[2], kHashSecret[1]);
}

// Order-sensitive combination, for tuples, lists and records: fold each element's hash in.
constexpr std::uint64_t hash_combine(std::uint64_t seed, std::uint64_t h) noexcept {
    return hash_mix(seed ^ h, kHashSecret[3]);
}
inline constexpr std::uint64_t kTupleHashSeed = 0x345678ull;
inline constexpr std::uint64_t kListHashSeed = 0x6c697374ull;

// Order-insensitive combination, for sets and dicts: a sum of well-mixed element hashes.
constexpr std::uint64_t hash_unordered(std::uint64_t sum, std::size_t count) noexcept {
    return hash_mix(sum ^ kHashSecret[2], count ^ kHashSecret[3]);
}

template <class T>
struct Hash;  // no default: a type that cannot be a key has no hash

template <>
struct Hash<Int> {
    std::uint64_t operator()(Int x) const noexcept { return hash_int(x.v); }
};
template <>
struct Hash<double> {
    std::uint64_t operator()(double d) const noexcept { return hash_double(d); }
};
template <>
struct Hash<bool> {
    std::uint64_t operator()(bool b) const noexcept {
        return hash_int(b ? 0x626f6f6c31 : 0x626f6f6c30);
    }
};
template <>
struct Hash<Void> {
    std::uint64_t operator()(Void) const noexcept { return 0x766f6964ull; }
};

template <class T>
std::uint64_t hash_of(const T& x) {
    return Hash<T>{}(x);
}

}  // namespace pyro::rt
