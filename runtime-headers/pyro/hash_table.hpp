// rt::HashTable<K, V>: the insertion-ordered hash table behind sets and dicts.
//
// The layout is CPython's compact dict: entries (hash, key, value) are appended to a dense
// vector in insertion order, and a separate open-addressing index of 32-bit entry numbers,
// probed linearly from the hash's low bits, finds them. Iteration walks the dense vector, so
// it is in insertion order and cache-friendly; a lookup touches one index slot and one entry
// for most keys (the entry's stored hash is compared before the key). Removing a key sets its
// entry's hash to 0 (live hashes are never 0) and leaves the index slot pointing at it, which
// makes it a tombstone that probes step over; the entry's key and value are reset to release
// what they hold. Every entry, live or removed, owns exactly one index slot, so counting the
// entry vector bounds the index's load. When the vector would fill two thirds of the index,
// the table is rebuilt:
// removed entries are squeezed out (compaction) and the index is resized so it is at most
// half full, which keeps every operation amortised O(1).
//
// Hashes come from rt::Hash<K> and may be computed by the caller before it takes a lock
// (the *_hashed members), so a locked dict holds its lock only for the probe.
#pragma once

#include <cstdint>
#include <utility>
#include <vector>

#include "pyro/hash.hpp"

namespace pyro::rt {

// The value type of a set's table.
struct NoValue {
    friend constexpr bool operator==(NoValue, NoValue) noexcept = default;
};

template <class K, class V>
class HashTable {
public:
    struct Entry {
        std::uint64_t hash;  // 0: removed
        K key;
        [[no_unique_address]] V value;
    };

    static std::uint64_t hash_key(const K& key) {
        const std::uint64_t h = Hash<K>{}(key);
        return h != 0 ? h : 1;
    }

    std::size_t size() const noexcept { return live_; }
    bool empty() const noexcept { return live_ == 0; }

    // The entry holding `key`, or null.
    const Entry* find(const K& key) const { return find_hashed(key, hash_key(key)); }
    const Entry* find_hashed(const K& key, std::uint64_t h) const {
        const std::uint32_t at = locate(key, h);
        return at == kNone ? nullptr : &entries_[at];
    }
    Entry* find_hashed(const K& key, std::uint64_t h) {
        const std::uint32_t at = locate(key, h);
        return at == kNone ? nullptr : &entries_[at];
    }

    // Sets key's value, adding the key at the end if it is new; true if it was new.
    template <class KK, class VV>
    bool insert_or_assign(KK&& key, VV&& value) {
        const std::uint64_t h = hash_key(key);
        return insert_or_assign_hashed(std::forward<KK>(key), std::forward<VV>(value), h);
    }
    template <class KK, class VV>
    bool insert_or_assign_hashed(KK&& key, VV&& value, std::uint64_t h) {
        if (Entry* e = find_hashed(key, h)) {
            e->value = std::forward<VV>(value);
            return false;
        }
        append(Entry{h, K(std::forward<KK>(key)), V(std::forward<VV>(value))});
        return true;
    }
    // Adds key (with a default value) unless present; true if it was new.
    template <class KK>
    bool insert(KK&& key) {
        const std::uint64_t h = hash_key(key);
        if (find_hashed(key, h) != nullptr) {
            return false;
        }
        append(Entry{h, K(std::forward<KK>(key)), V()});
        return true;
    }

    bool erase(const K& key) { return erase_hashed(key, hash_key(key)); }
    bool erase_hashed(const K& key, std::uint64_t h) {
        const std::uint32_t at = locate(key, h);
        if (at == kNone) {
            return false;
        }
        Entry& e = entries_[at];
        e.hash = 0;
        if constexpr (std::is_default_constructible_v<K>) {
            e.key = K();
        }
        if constexpr (std::is_default_constructible_v<V>) {
            e.value = V();
        }
        --live_;
        return true;
    }

    void clear() noexcept {
        entries_.clear();
        index_.clear();
        live_ = 0;
    }

    // Visits live entries in insertion order.
    template <class F>
    void for_each(F&& f) const {
        for (const Entry& e : entries_) {
            if (e.hash != 0) {
                f(e);
            }
        }
    }

    // Iterates live entries in insertion order.
    class Iterator {
    public:
        Iterator(const Entry* at, const Entry* end) noexcept : at_(at), end_(end) { skip(); }
        const Entry& operator*() const noexcept { return *at_; }
        const Entry* operator->() const noexcept { return at_; }
        Iterator& operator++() noexcept {
            ++at_;
            skip();
            return *this;
        }
        friend bool operator==(const Iterator& a, const Iterator& b) noexcept {
            return a.at_ == b.at_;
        }

    private:
        void skip() noexcept {
            while (at_ != end_ && at_->hash == 0) {
                ++at_;
            }
        }
        const Entry* at_;
        const Entry* end_;
    };
    Iterator begin() const noexcept {
        return Iterator(entries_.data(), entries_.data() + entries_.size());
    }
    Iterator end() const noexcept {
        const Entry* last = entries_.data() + entries_.size();
        return Iterator(last, last);
    }

private:
    static constexpr std::uint32_t kNone = 0xffffffffu;  // an empty index slot

    std::uint32_t locate(const K& key, std::uint64_t h) const {
        if (index_.empty()) {
            return kNone;
        }
        const std::size_t mask = index_.size() - 1;
        for (std::size_t i = h & mask;; i = (i + 1) & mask) {
            const std::uint32_t at = index_[i];
            if (at == kNone) {
                return kNone;
            }
            const Entry& e = entries_[at];
            if (e.hash == h && e.key == key) {
                return at;
            }
        }
    }

    void append(Entry&& entry) {
        if (index_.empty() || (entries_.size() + 1) * 3 > index_.size() * 2) {
            rebuild(live_ + 1);
        }
        const std::size_t mask = index_.size() - 1;
        std::size_t i = entry.hash & mask;
        while (index_[i] != kNone) {
            i = (i + 1) & mask;
        }
        index_[i] = static_cast<std::uint32_t>(entries_.size());
        entries_.push_back(std::move(entry));
        ++live_;
    }

    // Squeezes out removed entries and sizes the index for `wanted` live entries at most half
    // full.
    void rebuild(std::size_t wanted) {
        if (live_ != entries_.size()) {
            std::size_t out = 0;
            for (std::size_t i = 0; i < entries_.size(); ++i) {
                if (entries_[i].hash != 0) {
                    if (out != i) {
                        entries_[out] = std::move(entries_[i]);
                    }
                    ++out;
                }
            }
            entries_.erase(entries_.begin() + static_cast<std::ptrdiff_t>(out), entries_.end());
        }
        std::size_t capacity = 8;
        while (capacity < wanted * 2) {
            capacity *= 2;
        }
        index_.assign(capacity, kNone);
        const std::size_t mask = capacity - 1;
        for (std::size_t at = 0; at < entries_.size(); ++at) {
            std::size_t i = entries_[at].hash & mask;
            while (index_[i] != kNone) {
                i = (i + 1) & mask;
            }
            index_[i] = static_cast<std::uint32_t>(at);
        }
    }

    std::vector<Entry> entries_;
    std::vector<std::uint32_t> index_;  // size a power of two, or empty
    std::size_t live_ = 0;
};

}  // namespace pyro::rt
