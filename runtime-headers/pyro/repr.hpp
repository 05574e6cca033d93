// How a value prints *inside* a container, record or instance, and the guard that stops a
// container which holds itself from printing forever (LANGUAGE.md 5.6).
//
// pyro::rt::Repr<T> is Printer<T> except for strings, which print double-quoted with escapes
// inside containers (`["a", "b\n"]`); Any specialises it to quote the strings it holds.
// Container printers call append_repr for their elements.
//
// Only mutable containers and instances can hold themselves. Their printers open a PrintGuard
// on their identity; a guard that finds the same identity already being printed *by the same
// task* reports recursive(), and the printer writes `[...]` (or `{...}`, `Name(...)`) there.
// The identities being printed live in one process-wide list under a SpinLock rather than in
// a thread_local: a task may suspend inside a user's __str__ and resume on another thread,
// and two threads printing the same list at once must not see each other's marks. Tasks are
// told apart by their TaskState (error.hpp); code outside any task by its thread.
#pragma once

#include <algorithm>
#include <mutex>
#include <vector>

#include "pyro/error.hpp"
#include "pyro/print.hpp"
#include "pyro/spin_lock.hpp"
#include "pyro/str.hpp"

namespace pyro::rt {

template <class T>
struct Repr {
    static void repr(Buf& out, const T& x) { Printer<T>::str(out, x); }
};
template <>
struct Repr<Str> {
    static void repr(Buf& out, const Str& s) { append_quoted(out, s.view()); }
};

template <class T>
void append_repr(Buf& out, const T& x) {
    Repr<std::decay_t<T>>::repr(out, x);
}

// The text a value's repr gives, as a std::string (error messages: `key not found: "k"`).
template <class T>
std::string repr_string(const T& x) {
    Buf out;
    append_repr(out, x);
    return fmt::to_string(out);
}

class PrintGuard {
public:
    explicit PrintGuard(const void* identity) : entry_{printer_key(), identity} {
        std::lock_guard lock(registry_lock());
        auto& active = registry();
        recursive_ = std::find(active.begin(), active.end(), entry_) != active.end();
        if (!recursive_) {
            active.push_back(entry_);
        }
    }
    ~PrintGuard() {
        if (recursive_) {
            return;
        }
        std::lock_guard lock(registry_lock());
        auto& active = registry();
        const auto it = std::find(active.rbegin(), active.rend(), entry_);
        if (it != active.rend()) {
            active.erase(std::next(it).base());
        }
    }
    PrintGuard(const PrintGuard&) = delete;
    PrintGuard& operator=(const PrintGuard&) = delete;

    // True when this identity is already being printed further up by the same printer.
    bool recursive() const noexcept { return recursive_; }

private:
    struct Entry {
        const void* printer;
        const void* identity;
        bool operator==(const Entry&) const = default;
    };

    static const void* printer_key() noexcept {
        static constinit thread_local char thread_tag = 0;
        TaskState* task = current_task();
        return task == &default_task_state ? static_cast<const void*>(&thread_tag) : task;
    }
    static SpinLock& registry_lock() {
        static SpinLock lock;
        return lock;
    }
    static std::vector<Entry>& registry() {
        static std::vector<Entry>* entries = new std::vector<Entry>();  // outlives other statics
        return *entries;
    }

    Entry entry_;
    bool recursive_ = false;
};

}  // namespace pyro::rt
