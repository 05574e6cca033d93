// pyro::List<T> (`list`) and pyro::ListMut<T> (`list_mut`).
//
// A List is immutable: a shared pointer to a const vector, so copying one is a reference count
// increment and lists may be shared between tasks freely; the empty list allocates nothing.
// A ListMut is a shared reference to a vector under a SpinLock: copies of the handle are the
// same list, and each method call is atomic (LANGUAGE.md 5.4). Methods never run user code
// while holding the lock; where comparing elements might lock other objects (elements that are
// not LockFree, such as Any), remove/index/contains/sort work on a snapshot and commit only if
// the list did not change meanwhile (a version count), retrying otherwise.
//
// Iterating a ListMut is index-based, as Python's: each step yields the element now at the
// next index, checked against the current length, so a loop sees elements pushed during the
// loop (a work-list idiom) and never reads freed memory when another task shrinks the list.
// (It reads ahead in small batches and rereads whenever the list changes; see Iterator.)
// Printing, equality and the builtins work on a snapshot taken under the lock.
//
// Indexing accepts negative indices and raises `index 5 out of range for length 3`; slicing is
// Python's (slice.hpp); `pop` on an empty list raises `pop from empty list`; `remove(x)` and
// `index(x)` of a missing x raise `5 is not in list`.
#pragma once

#include <algorithm>
#include <atomic>
#include <initializer_list>
#include <memory>
#include <mutex>
#include <utility>
#include <vector>

#include "pyro/hash.hpp"
#include "pyro/iterable.hpp"
#include "pyro/sequence.hpp"
#include "pyro/spin_lock.hpp"
#include "pyro/type_name.hpp"

namespace pyro {

template <class T>
class List {
public:
    using value_type = T;
    using const_iterator = typename std::vector<T>::const_iterator;

    List() noexcept = default;
    List(std::initializer_list<T> items)
        : items_(items.size() == 0 ? nullptr : std::make_shared<const std::vector<T>>(items)) {}
    explicit List(std::vector<T> items)
        : items_(items.empty() ? nullptr
                               : std::make_shared<const std::vector<T>>(std::move(items))) {}

    const std::vector<T>& items() const noexcept { return items_ ? *items_ : empty_vector(); }
    Int len() const noexcept { return Int(static_cast<std::int64_t>(size())); }
    std::size_t size() const noexcept { return items_ ? items_->size() : 0; }
    bool empty() const noexcept { return size() == 0; }

    const T& at(Int i) const { return items()[rt::normalize_index(i, size())]; }
    List slice(rt::Bound start, rt::Bound stop, rt::Bound step = rt::open) const {
        return List(rt::slice_vector(items(), rt::SliceArgs{start, stop, step}));
    }

    template <class U>
    bool contains(const U& x) const {
        return std::find_if(begin(), end(), [&](const T& e) { return rt::equal_or_false(e, x); }) !=
               end();
    }
    template <class U>
    Int index(const U& x) const {
        const auto it =
            std::find_if(begin(), end(), [&](const T& e) { return rt::equal_or_false(e, x); });
        if (it == end()) {
            rt::raise_not_in_list(rt::repr_string(x));
        }
        return Int(static_cast<std::int64_t>(it - begin()));
    }

    const_iterator begin() const noexcept { return items().begin(); }
    const_iterator end() const noexcept { return items().end(); }

    // Whether two lists share their elements' storage (an O(1) equality shortcut).
    const void* identity() const noexcept { return items_.get(); }

    friend List operator+(const List& a, const List& b) {
        if (a.empty()) {
            return b;
        }
        if (b.empty()) {
            return a;
        }
        std::vector<T> out;
        out.reserve(a.size() + b.size());
        out.insert(out.end(), a.begin(), a.end());
        out.insert(out.end(), b.begin(), b.end());
        return List(std::move(out));
    }
    friend List operator*(const List& a, Int count) {
        return List(rt::repeat_vector(a.items(), count));
    }
    friend List operator*(Int count, const List& a) { return a * count; }

    template <class U>
    friend bool operator==(const List& a, const List<U>& b) {
        return a.identity() == b.identity() || rt::seq_equal(a.items(), b.items());
    }
    template <class U>
    friend std::partial_ordering operator<=>(const List& a, const List<U>& b) {
        return rt::seq_compare(a.items(), b.items());
    }

private:
    static const std::vector<T>& empty_vector() noexcept {
        static const std::vector<T> empty;
        return empty;
    }

    std::shared_ptr<const std::vector<T>> items_;
};

template <class T>
class ListMut {
    struct State {
        mutable rt::SpinLock lock;
        std::vector<T> items;
        // Bumped (under the lock) by every change: lets snapshot-based methods commit only if
        // nothing changed, and iterators check their batch without taking the lock.
        std::atomic<std::uint64_t> version{0};

        void changed() noexcept {
            version.store(version.load(std::memory_order_relaxed) + 1, std::memory_order_release);
        }
        std::uint64_t current_version() const noexcept {
            return version.load(std::memory_order_relaxed);
        }
    };

public:
    using value_type = T;

    ListMut() : state_(std::make_shared<State>()) {}
    ListMut(std::initializer_list<T> items) : ListMut(std::vector<T>(items)) {}
    explicit ListMut(std::vector<T> items) : state_(std::make_shared<State>()) {
        state_->items = std::move(items);
    }

    Int len() const {
        std::lock_guard lock(state_->lock);
        return Int(static_cast<std::int64_t>(state_->items.size()));
    }
    std::size_t size() const { return static_cast<std::size_t>(len().v); }
    bool empty() const { return len().v == 0; }

    T at(Int i) const {
        std::lock_guard lock(state_->lock);
        return state_->items[rt::normalize_index(i, state_->items.size())];
    }
    // a[i] = v
    void set(Int i, T value) const {
        std::lock_guard lock(state_->lock);
        state_->items[rt::normalize_index(i, state_->items.size())] = std::move(value);
        state_->changed();
    }

    void push(T value) const {
        std::lock_guard lock(state_->lock);
        state_->items.push_back(std::move(value));
        state_->changed();
    }
    T pop() const {
        std::lock_guard lock(state_->lock);
        if (state_->items.empty()) {
            rt::raise_error("pop from empty list");
        }
        T last = std::move(state_->items.back());
        state_->items.pop_back();
        state_->changed();
        return last;
    }
    // Python's insert: the index is clamped, a negative one counts from the end.
    void insert(Int i, T value) const {
        std::lock_guard lock(state_->lock);
        auto& items = state_->items;
        const auto n = static_cast<std::int64_t>(items.size());
        std::int64_t at = i.v < 0 ? std::max<std::int64_t>(i.v + n, 0) : std::min(i.v, n);
        items.insert(items.begin() + at, std::move(value));
        state_->changed();
    }
    void clear() const {
        std::lock_guard lock(state_->lock);
        state_->items.clear();
        state_->changed();
    }
    void reverse() const {
        std::lock_guard lock(state_->lock);
        std::reverse(state_->items.begin(), state_->items.end());
        state_->changed();
    }
    // Appends every element of `xs` (any iterable, this very list included).
    template <class Iterable>
    void extend(const Iterable& xs) const {
        std::vector<T> tail = rt::to_vector<T>(xs);  // a snapshot, taken before locking
        std::lock_guard lock(state_->lock);
        auto& items = state_->items;
        items.insert(items.end(), std::make_move_iterator(tail.begin()),
                     std::make_move_iterator(tail.end()));
        state_->changed();
    }

    template <class U>
    bool contains(const U& x) const {
        return find(x) >= 0;
    }
    template <class U>
    Int index(const U& x) const {
        const std::int64_t i = find(x);
        if (i < 0) {
            rt::raise_not_in_list(rt::repr_string(x));
        }
        return Int(i);
    }
    // Removes the first element equal to x.
    template <class U>
    void remove(const U& x) const {
        if constexpr (rt::lock_free_v<T>) {
            std::lock_guard lock(state_->lock);
            auto& items = state_->items;
            const auto it = std::find_if(items.begin(), items.end(),
                                         [&](const T& e) { return rt::equal_or_false(e, x); });
            if (it != items.end()) {
                items.erase(it);
                state_->changed();
                return;
            }
        } else {
            while (true) {
                const auto [items, version] = snapshot_versioned();
                const auto it = std::find_if(items.begin(), items.end(),
                                             [&](const T& e) { return rt::equal_or_false(e, x); });
                if (it == items.end()) {
                    break;
                }
                std::lock_guard lock(state_->lock);
                if (state_->current_version() == version) {
                    state_->items.erase(state_->items.begin() + (it - items.begin()));
                    state_->changed();
                    return;
                }
            }
        }
        rt::raise_not_in_list(rt::repr_string(x));
    }

    void sort() const {
        if constexpr (rt::lock_free_v<T>) {
            std::lock_guard lock(state_->lock);
            rt::sort_vector(state_->items);
            state_->changed();
        } else {
            while (true) {
                auto [items, version] = snapshot_versioned();
                rt::sort_vector(items);
                std::lock_guard lock(state_->lock);
                if (state_->current_version() == version) {
                    state_->items = std::move(items);
                    state_->changed();
                    return;
                }
            }
        }
    }

    ListMut slice(rt::Bound start, rt::Bound stop, rt::Bound step = rt::open) const {
        std::lock_guard lock(state_->lock);
        return ListMut(rt::slice_vector(state_->items, rt::SliceArgs{start, stop, step}));
    }

    // The elements now.
    std::vector<T> copy_items() const {
        std::lock_guard lock(state_->lock);
        return state_->items;
    }
    List<T> snapshot() const { return List<T>(copy_items()); }
    std::vector<T> snapshot_elements() const { return copy_items(); }
    // Runs f(const std::vector<T>&) under the lock: for builtins such as sum that read every
    // element once. f must not touch other mutable objects.
    template <class F>
    decltype(auto) with_items(F&& f) const {
        std::lock_guard lock(state_->lock);
        return std::forward<F>(f)(std::as_const(state_->items));
    }

    // Runs f(std::vector<T>&) under the lock and records a change: for library functions that
    // rearrange a list in place (random.shuffle). f must not touch other mutable objects.
    template <class F>
    decltype(auto) mutate_items(F&& f) const {
        std::lock_guard lock(state_->lock);
        state_->changed();
        return std::forward<F>(f)(state_->items);
    }

    const void* identity() const noexcept { return state_.get(); }

    struct End {};
    // Index-based: yields element 0, 1, ... of the list as it is at each step, and stops when
    // the index reaches its current length. To avoid a lock per element it copies up to
    // kBatch elements under the lock and serves them while the list's version is unchanged
    // (one atomic load per step); any change to the list makes the next step reread under
    // the lock, so every element served is the one at its index at that moment.
    class Iterator {
    public:
        using value_type = T;
        using difference_type = std::ptrdiff_t;

        explicit Iterator(const State* state) : state_(state) { refill(0); }
        // current_ points into batch_: a move keeps the buffer, a copy would not.
        Iterator(Iterator&&) noexcept = default;
        Iterator& operator=(Iterator&&) noexcept = default;
        Iterator(const Iterator&) = delete;
        Iterator& operator=(const Iterator&) = delete;
        const T& operator*() const noexcept { return *current_; }
        Iterator& operator++() {
            // Relaxed suffices: the batch is a private copy, and a change made by this very
            // thread (the loop body) is always seen by its own later load.
            if (++current_ == batch_end_ ||
                state_->version.load(std::memory_order_relaxed) != version_) [[unlikely]] {
                refill(base_ + static_cast<std::size_t>(current_ - batch_.data()));
            }
            return *this;
        }
        friend bool operator==(const Iterator& it, End) noexcept { return it.current_ == nullptr; }

    private:
        static constexpr std::size_t kBatch = 64;

        // Copies the elements from `index` on; at the end, marks the iterator done.
        void refill(std::size_t index) {
            std::lock_guard lock(state_->lock);
            const auto& items = state_->items;
            version_ = state_->current_version();
            base_ = index;
            if (index >= items.size()) {
                current_ = batch_end_ = nullptr;
                return;
            }
            const std::size_t end = std::min(items.size(), index + kBatch);
            batch_.assign(items.begin() + static_cast<std::ptrdiff_t>(index),
                          items.begin() + static_cast<std::ptrdiff_t>(end));
            current_ = batch_.data();
            batch_end_ = batch_.data() + batch_.size();
        }

        const State* state_;
        std::vector<T> batch_;
        const T* current_ = nullptr;  // null when done
        const T* batch_end_ = nullptr;
        std::size_t base_ = 0;  // position in the list of batch_[0]
        std::uint64_t version_ = 0;
    };
    // The handle must outlive the loop: iterate a copy (`for (auto& x : pyro::rt::iter(xs))`).
    Iterator begin() const { return Iterator(state_.get()); }
    End end() const noexcept { return {}; }

    friend ListMut operator+(const ListMut& a, const ListMut& b) {
        std::vector<T> out = a.copy_items();
        std::vector<T> tail = b.copy_items();
        out.insert(out.end(), std::make_move_iterator(tail.begin()),
                   std::make_move_iterator(tail.end()));
        return ListMut(std::move(out));
    }
    friend ListMut operator*(const ListMut& a, Int count) {
        return ListMut(rt::repeat_vector(a.copy_items(), count));
    }
    friend ListMut operator*(Int count, const ListMut& a) { return a * count; }

    template <class U>
    friend bool operator==(const ListMut& a, const ListMut<U>& b) {
        return a.identity() == b.identity() || rt::seq_equal(a.copy_items(), b.copy_items());
    }
    template <class U>
    friend bool operator==(const ListMut& a, const List<U>& b) {
        return rt::seq_equal(a.copy_items(), b.items());
    }
    template <class U>
    friend std::partial_ordering operator<=>(const ListMut& a, const ListMut<U>& b) {
        return rt::seq_compare(a.copy_items(), b.copy_items());
    }

private:
    struct Versioned {
        std::vector<T> items;
        std::uint64_t version;
    };
    Versioned snapshot_versioned() const {
        std::lock_guard lock(state_->lock);
        return {state_->items, state_->current_version()};
    }
    template <class U>
    std::int64_t find(const U& x) const {
        const auto search = [&](const std::vector<T>& items) -> std::int64_t {
            const auto it = std::find_if(items.begin(), items.end(),
                                         [&](const T& e) { return rt::equal_or_false(e, x); });
            return it == items.end() ? -1 : it - items.begin();
        };
        if constexpr (rt::lock_free_v<T>) {
            std::lock_guard lock(state_->lock);
            return search(state_->items);
        } else {
            return search(copy_items());
        }
    }

    std::shared_ptr<State> state_;
};

template <class T>
Int len(const List<T>& xs) noexcept {
    return xs.len();
}
template <class T>
Int len(const ListMut<T>& xs) {
    return xs.len();
}
template <class T>
bool truthy(const List<T>& xs) noexcept {
    return !xs.empty();
}
template <class T>
bool truthy(const ListMut<T>& xs) {
    return !xs.empty();
}

namespace rt {

template <class T>
struct LockFree<List<T>> : LockFree<T> {};

template <class T>
struct Printer<List<T>> {
    static void str(Buf& out, const List<T>& xs) { append_elements(out, '[', xs, ']'); }
};
template <class T>
struct Printer<ListMut<T>> {
    static void str(Buf& out, const ListMut<T>& xs) {
        const PrintGuard guard(xs.identity());
        if (guard.recursive()) {
            append(out, "[...]");
            return;
        }
        append_elements(out, '[', xs.copy_items(), ']');
    }
};

template <class T>
struct TypeName<List<T>> {
    static std::string name() { return "list<" + TypeName<T>::name() + ">"; }
};
template <class T>
struct TypeName<ListMut<T>> {
    static std::string name() { return "list_mut<" + TypeName<T>::name() + ">"; }
};

// An immutable list is a value and may be a key.
template <class T>
struct Hash<List<T>> {
    std::uint64_t operator()(const List<T>& xs) const {
        std::uint64_t h = kListHashSeed;
        for (const T& x : xs) {
            h = hash_combine(h, Hash<T>{}(x));
        }
        return h;
    }
};

}  // namespace rt

}  // namespace pyro
