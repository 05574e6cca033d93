// pyro::Set<T> (`set`) and pyro::SetMut<T> (`set_mut`): insertion-ordered sets.
//
// Both keep their elements in an rt::HashTable (hash_table.hpp), so iteration and printing
// follow insertion order and duplicates collapse to the first occurrence. A Set is immutable
// and shares its table (O(1) copies); a SetMut is a shared reference to a table under a
// SpinLock, each method atomic. Elements are keys: immutable values whose comparisons never
// lock anything, so every method works under the lock, and the element's hash is computed
// before the lock is taken. Iterating a SetMut walks a snapshot of its elements (rt::iter),
// so the loop body may add and remove freely. `remove` of a missing element raises
// `5 is not in set`. Sets print `{1, 2}`, and the empty set `set()`.
#pragma once

#include <initializer_list>
#include <memory>
#include <mutex>
#include <utility>
#include <vector>

#include "pyro/hash_table.hpp"
#include "pyro/list.hpp"
#include "pyro/repr.hpp"
#include "pyro/shared_table.hpp"
#include "pyro/spin_lock.hpp"
#include "pyro/type_name.hpp"

namespace pyro {

namespace rt {

// Iterates the keys of a table.
template <class Table>
class KeyIterator {
public:
    using Inner = typename Table::Iterator;
    explicit KeyIterator(Inner it) noexcept : it_(it) {}
    const auto& operator*() const noexcept { return it_->key; }
    KeyIterator& operator++() noexcept {
        ++it_;
        return *this;
    }
    friend bool operator==(const KeyIterator& a, const KeyIterator& b) noexcept {
        return a.it_ == b.it_;
    }

private:
    Inner it_;
};

template <class Table>
std::vector<std::remove_cvref_t<decltype(std::declval<typename Table::Entry>().key)>> table_keys(
    const Table& table) {
    std::vector<std::remove_cvref_t<decltype(std::declval<typename Table::Entry>().key)>> out;
    out.reserve(table.size());
    table.for_each([&out](const auto& e) { out.push_back(e.key); });
    return out;
}

template <class Table>
bool same_keys(const Table& a, const Table& b) {
    if (a.size() != b.size()) {
        return false;
    }
    for (const auto& e : a) {
        if (b.find_hashed(e.key, e.hash) == nullptr) {
            return false;
        }
    }
    return true;
}

[[noreturn, gnu::cold, gnu::noinline]] inline void raise_not_in_set(const std::string& repr) {
    raise_error(repr + " is not in set");
}

template <class Table>
void append_set(Buf& out, const Table& table) {
    if (table.empty()) {
        append(out, "set()");
        return;
    }
    out.push_back('{');
    bool first = true;
    for (const auto& e : table) {
        if (!first) {
            append(out, ", ");
        }
        first = false;
        append_repr(out, e.key);
    }
    out.push_back('}');
}

}  // namespace rt

template <class T>
class Set {
public:
    using Table = rt::HashTable<T, rt::NoValue>;
    using value_type = T;

    Set() noexcept = default;
    Set(std::initializer_list<T> items) : Set(std::vector<T>(items)) {}
    explicit Set(const std::vector<T>& items) {
        if (!items.empty()) {
            Table table;
            for (const T& x : items) {
                table.insert(x);
            }
            table_ = rt::SharedTable<Table>(std::move(table));
        }
    }
    explicit Set(Table table) : table_(std::move(table)) {}

    const Table& table() const noexcept { return table_.get(); }
    Int len() const noexcept { return Int(static_cast<std::int64_t>(size())); }
    std::size_t size() const noexcept { return table().size(); }
    bool empty() const noexcept { return size() == 0; }
    bool contains(const T& x) const { return table().find(x) != nullptr; }

    rt::KeyIterator<Table> begin() const noexcept {
        return rt::KeyIterator<Table>(table().begin());
    }
    rt::KeyIterator<Table> end() const noexcept { return rt::KeyIterator<Table>(table().end()); }
    std::vector<T> snapshot_elements() const { return rt::table_keys(table()); }

    friend bool operator==(const Set& a, const Set& b) {
        return a.table_.shares(b.table_) || rt::same_keys(a.table(), b.table());
    }

private:
    rt::SharedTable<Table> table_;
};

template <class T>
class SetMut {
    using Table = rt::HashTable<T, rt::NoValue>;
    struct State {
        mutable rt::SpinLock lock;
        Table table;
    };

public:
    using value_type = T;

    SetMut() : state_(std::make_shared<State>()) {}
    SetMut(std::initializer_list<T> items) : SetMut(std::vector<T>(items)) {}
    explicit SetMut(const std::vector<T>& items) : SetMut() {
        for (const T& x : items) {
            state_->table.insert(x);
        }
    }

    Int len() const {
        std::lock_guard lock(state_->lock);
        return Int(static_cast<std::int64_t>(state_->table.size()));
    }
    std::size_t size() const { return static_cast<std::size_t>(len().v); }
    bool empty() const { return size() == 0; }

    bool contains(const T& x) const {
        const std::uint64_t h = Table::hash_key(x);
        std::lock_guard lock(state_->lock);
        return state_->table.find_hashed(x, h) != nullptr;
    }
    void add(T x) const {
        const std::uint64_t h = Table::hash_key(x);
        std::lock_guard lock(state_->lock);
        state_->table.insert_or_assign_hashed(std::move(x), rt::NoValue{}, h);
    }
    void remove(const T& x) const {
        const std::uint64_t h = Table::hash_key(x);
        bool removed;
        {
            std::lock_guard lock(state_->lock);
            removed = state_->table.erase_hashed(x, h);
        }
        if (!removed) {
            rt::raise_not_in_set(rt::repr_string(x));
        }
    }
    void clear() const {
        std::lock_guard lock(state_->lock);
        state_->table.clear();
    }

    // The elements now (what iteration walks), and as an immutable set.
    std::vector<T> snapshot_elements() const {
        std::lock_guard lock(state_->lock);
        return rt::table_keys(state_->table);
    }
    Set<T> snapshot() const {
        std::lock_guard lock(state_->lock);
        return Set<T>(state_->table);
    }

    const void* identity() const noexcept { return state_.get(); }

    friend bool operator==(const SetMut& a, const SetMut& b) {
        return a.identity() == b.identity() || a.snapshot() == b.snapshot();
    }
    friend bool operator==(const SetMut& a, const Set<T>& b) { return a.snapshot() == b; }

private:
    std::shared_ptr<State> state_;
};

template <class T>
Int len(const Set<T>& s) noexcept {
    return s.len();
}
template <class T>
Int len(const SetMut<T>& s) {
    return s.len();
}
template <class T>
bool truthy(const Set<T>& s) noexcept {
    return !s.empty();
}
template <class T>
bool truthy(const SetMut<T>& s) {
    return !s.empty();
}

// SetMutable(s): a new mutable set with s's elements (any iterable).
template <class Iterable>
auto set_mutable(const Iterable& xs) {
    using T = rt::element_t<Iterable>;
    return SetMut<T>(rt::to_vector<T>(xs));
}

namespace rt {

template <class T>
struct Printer<Set<T>> {
    static void str(Buf& out, const Set<T>& s) { append_set(out, s.table()); }
};
template <class T>
struct Printer<SetMut<T>> {
    static void str(Buf& out, const SetMut<T>& s) {
        const PrintGuard guard(s.identity());
        if (guard.recursive()) {
            append(out, "{...}");
            return;
        }
        append_set(out, s.snapshot().table());
    }
};

template <class T>
struct TypeName<Set<T>> {
    static std::string name() { return "set<" + TypeName<T>::name() + ">"; }
};
template <class T>
struct TypeName<SetMut<T>> {
    static std::string name() { return "set_mut<" + TypeName<T>::name() + ">"; }
};

// An immutable set is a value and may be a key; its hash ignores order.
template <class T>
struct Hash<Set<T>> {
    std::uint64_t operator()(const Set<T>& s) const {
        std::uint64_t sum = 0;
        for (const auto& e : s.table()) {
            sum += hash_mix(e.hash, kHashSecret[1]);
        }
        return hash_unordered(sum, s.size());
    }
};

template <class T>
List<T> iter(const SetMut<T>& s) {
    return List<T>(s.snapshot_elements());
}

}  // namespace rt

}  // namespace pyro
