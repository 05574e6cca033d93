// pyro::Dict<K, V> (`dict`) and pyro::DictMut<K, V> (`dict_mut`): insertion-ordered maps.
//
// Both keep an rt::HashTable (hash_table.hpp): iteration, keys(), values(), items() and
// printing follow insertion order; setting an existing key keeps its place and replaces its
// value (so in a literal the last value wins). A Dict is immutable and shares its table; a
// DictMut is a shared reference to a table under a SpinLock, each method atomic, the key's
// hash computed before the lock is taken, so the lock is held for one probe. Keys are
// immutable values (their comparisons never lock), values are only copied under the lock.
//
// `d[k]` of a missing key raises `key not found: "k"` (the key as it prints inside a
// container); `get(k)` gives the value or void as an Any (the type `V | void`), get_opt(k) the
// same as a std::optional for code that knows better; `get(k, default)` gives a V. Iterating
// a dict walks its keys; for a DictMut, a snapshot of them (rt::iter). keys(), values() and
// items() return immutable lists (items are Tuple<K, V>). Dicts print `{"a": 1}` and `{}`.
#pragma once

#include <initializer_list>
#include <memory>
#include <mutex>
#include <optional>
#include <utility>
#include <vector>

#include "pyro/any.hpp"
#include "pyro/hash_table.hpp"
#include "pyro/list.hpp"
#include "pyro/set.hpp"
#include "pyro/shared_table.hpp"
#include "pyro/spin_lock.hpp"
#include "pyro/tuple.hpp"
#include "pyro/type_name.hpp"

namespace pyro {

namespace rt {

[[noreturn, gnu::cold, gnu::noinline]] inline void raise_key_not_found(const std::string& repr) {
    raise_error("key not found: " + repr);
}

template <class Table>
void append_dict(Buf& out, const Table& table) {
    out.push_back('{');
    bool first = true;
    for (const auto& e : table) {
        if (!first) {
            append(out, ", ");
        }
        first = false;
        append_repr(out, e.key);
        append(out, ": ");
        append_repr(out, e.value);
    }
    out.push_back('}');
}

template <class Table>
bool same_items(const Table& a, const Table& b) {
    if (a.size() != b.size()) {
        return false;
    }
    for (const auto& e : a) {
        const auto* other = b.find_hashed(e.key, e.hash);
        if (other == nullptr || !(other->value == e.value)) {
            return false;
        }
    }
    return true;
}

template <class K, class V, class Table>
std::vector<V> table_values(const Table& table) {
    std::vector<V> out;
    out.reserve(table.size());
    table.for_each([&out](const auto& e) { out.push_back(e.value); });
    return out;
}

template <class K, class V, class Table>
std::vector<Tuple<K, V>> table_items(const Table& table) {
    std::vector<Tuple<K, V>> out;
    out.reserve(table.size());
    table.for_each([&out](const auto& e) { out.push_back(Tuple<K, V>(e.key, e.value)); });
    return out;
}

}  // namespace rt

template <class K, class V>
class Dict {
public:
    using Table = rt::HashTable<K, V>;
    using key_type = K;
    using mapped_type = V;

    Dict() noexcept = default;
    Dict(std::initializer_list<std::pair<K, V>> items) {
        if (items.size() != 0) {
            Table table;
            for (const auto& [k, v] : items) {
                table.insert_or_assign(k, v);
            }
            table_ = rt::SharedTable<Table>(std::move(table));
        }
    }
    explicit Dict(Table table) : table_(std::move(table)) {}

    const Table& table() const noexcept { return table_.get(); }
    Int len() const noexcept { return Int(static_cast<std::int64_t>(size())); }
    std::size_t size() const noexcept { return table().size(); }
    bool empty() const noexcept { return size() == 0; }

    bool contains(const K& key) const { return table().find(key) != nullptr; }
    // d[k]
    const V& at(const K& key) const {
        const auto* e = table().find(key);
        if (e == nullptr) [[unlikely]] {
            rt::raise_key_not_found(rt::repr_string(key));
        }
        return e->value;
    }
    std::optional<V> get_opt(const K& key) const {
        const auto* e = table().find(key);
        return e ? std::optional<V>(e->value) : std::nullopt;
    }
    Any get(const K& key) const {
        const auto* e = table().find(key);
        return e ? Any(e->value) : Any();
    }
    V get(const K& key, const V& fallback) const {
        const auto* e = table().find(key);
        return e ? e->value : fallback;
    }

    List<K> keys() const { return List<K>(rt::table_keys(table())); }
    List<V> values() const { return List<V>(rt::table_values<K, V>(table())); }
    List<Tuple<K, V>> items() const { return List<Tuple<K, V>>(rt::table_items<K, V>(table())); }

    rt::KeyIterator<Table> begin() const noexcept {
        return rt::KeyIterator<Table>(table().begin());
    }
    rt::KeyIterator<Table> end() const noexcept { return rt::KeyIterator<Table>(table().end()); }
    std::vector<K> snapshot_elements() const { return rt::table_keys(table()); }

    friend bool operator==(const Dict& a, const Dict& b) {
        return a.table_.shares(b.table_) || rt::same_items(a.table(), b.table());
    }

private:
    rt::SharedTable<Table> table_;
};

template <class K, class V>
class DictMut {
    using Table = rt::HashTable<K, V>;
    struct State {
        mutable rt::SpinLock lock;
        Table table;
    };

public:
    using key_type = K;
    using mapped_type = V;

    DictMut() : state_(std::make_shared<State>()) {}
    DictMut(std::initializer_list<std::pair<K, V>> items) : DictMut() {
        for (const auto& [k, v] : items) {
            state_->table.insert_or_assign(k, v);
        }
    }
    explicit DictMut(const Dict<K, V>& d) : DictMut() { state_->table = d.table(); }

    Int len() const {
        std::lock_guard lock(state_->lock);
        return Int(static_cast<std::int64_t>(state_->table.size()));
    }
    std::size_t size() const { return static_cast<std::size_t>(len().v); }
    bool empty() const { return size() == 0; }

    bool contains(const K& key) const {
        const std::uint64_t h = Table::hash_key(key);
        std::lock_guard lock(state_->lock);
        return state_->table.find_hashed(key, h) != nullptr;
    }
    // d[k]
    V at(const K& key) const {
        if (auto v = get_opt(key)) [[likely]] {
            return std::move(*v);
        }
        rt::raise_key_not_found(rt::repr_string(key));
    }
    std::optional<V> get_opt(const K& key) const {
        const std::uint64_t h = Table::hash_key(key);
        std::lock_guard lock(state_->lock);
        const auto* e = state_->table.find_hashed(key, h);
        return e ? std::optional<V>(e->value) : std::nullopt;
    }
    Any get(const K& key) const {
        auto v = get_opt(key);
        return v ? Any(*v) : Any();
    }
    V get(const K& key, const V& fallback) const {
        const std::uint64_t h = Table::hash_key(key);
        std::lock_guard lock(state_->lock);
        const auto* e = state_->table.find_hashed(key, h);
        return e ? e->value : fallback;
    }

    // d[k] = v
    void set(K key, V value) const {
        const std::uint64_t h = Table::hash_key(key);
        std::lock_guard lock(state_->lock);
        state_->table.insert_or_assign_hashed(std::move(key), std::move(value), h);
    }
    void insert(K key, V value) const { set(std::move(key), std::move(value)); }
    void remove(const K& key) const {
        const std::uint64_t h = Table::hash_key(key);
        bool removed;
        {
            std::lock_guard lock(state_->lock);
            removed = state_->table.erase_hashed(key, h);
        }
        if (!removed) {
            rt::raise_key_not_found(rt::repr_string(key));
        }
    }
    void clear() const {
        std::lock_guard lock(state_->lock);
        state_->table.clear();
    }

    // Snapshots: the dict as it is now.
    Dict<K, V> snapshot() const {
        std::lock_guard lock(state_->lock);
        return Dict<K, V>(state_->table);
    }
    List<K> keys() const { return List<K>(snapshot_elements()); }
    List<V> values() const {
        std::lock_guard lock(state_->lock);
        return List<V>(rt::table_values<K, V>(state_->table));
    }
    List<Tuple<K, V>> items() const {
        std::lock_guard lock(state_->lock);
        return List<Tuple<K, V>>(rt::table_items<K, V>(state_->table));
    }
    std::vector<K> snapshot_elements() const {
        std::lock_guard lock(state_->lock);
        return rt::table_keys(state_->table);
    }

    const void* identity() const noexcept { return state_.get(); }

    friend bool operator==(const DictMut& a, const DictMut& b) {
        return a.identity() == b.identity() || a.snapshot() == b.snapshot();
    }
    friend bool operator==(const DictMut& a, const Dict<K, V>& b) { return a.snapshot() == b; }

private:
    std::shared_ptr<State> state_;
};

template <class K, class V>
Int len(const Dict<K, V>& d) noexcept {
    return d.len();
}
template <class K, class V>
Int len(const DictMut<K, V>& d) {
    return d.len();
}
template <class K, class V>
bool truthy(const Dict<K, V>& d) noexcept {
    return !d.empty();
}
template <class K, class V>
bool truthy(const DictMut<K, V>& d) {
    return !d.empty();
}

// DictMutable(d): a new mutable dict with d's items.
template <class K, class V>
DictMut<K, V> dict_mutable(const Dict<K, V>& d) {
    return DictMut<K, V>(d);
}
template <class K, class V>
DictMut<K, V> dict_mutable(const DictMut<K, V>& d) {
    return DictMut<K, V>(d.snapshot());
}

namespace rt {

template <class K, class V>
struct Printer<Dict<K, V>> {
    static void str(Buf& out, const Dict<K, V>& d) { append_dict(out, d.table()); }
};
template <class K, class V>
struct Printer<DictMut<K, V>> {
    static void str(Buf& out, const DictMut<K, V>& d) {
        const PrintGuard guard(d.identity());
        if (guard.recursive()) {
            append(out, "{...}");
            return;
        }
        append_dict(out, d.snapshot().table());
    }
};

template <class K, class V>
struct TypeName<Dict<K, V>> {
    static std::string name() {
        return "dict<" + TypeName<K>::name() + ", " + TypeName<V>::name() + ">";
    }
};
template <class K, class V>
struct TypeName<DictMut<K, V>> {
    static std::string name() {
        return "dict_mut<" + TypeName<K>::name() + ", " + TypeName<V>::name() + ">";
    }
};

template <class K, class V>
requires requires(const V& v) {
    Hash<V>{}(v);
}
struct Hash<Dict<K, V>> {
    std::uint64_t operator()(const Dict<K, V>& d) const {
        std::uint64_t sum = 0;
        for (const auto& e : d.table()) {
            sum += hash_mix(hash_combine(e.hash, Hash<V>{}(e.value)), kHashSecret[1]);
        }
        return hash_unordered(sum, d.size());
    }
};

template <class K, class V>
List<K> iter(const DictMut<K, V>& d) {
    return d.keys();
}

}  // namespace rt

}  // namespace pyro
