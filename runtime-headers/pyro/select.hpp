// `select`: wait until one of several channel operations can proceed, and perform only it.
//
// Generated code declares one case object per case, in source order (so operands and pushed
// values are evaluated once, in order), passes them to pyro::rt::select, and branches on the
// index it returns (the position of the chosen case among the arguments):
//
//     auto case0 = pyro::rt::select_collect(results);
//     auto case1 = pyro::rt::select_push(jobs, next);
//     const int chosen = pyro::rt::select(case0, case1, pyro::rt::select_after(0.5));
//     if (chosen == 0) { const pyro::Int v = case0.take(); ... }
//     else if (chosen == 1) { ... }
//     else { ... }
//
// An if-chain rather than a switch, so `break`/`continue` in a case still act on the loop.
//
// How it works, as in Go: lock every channel involved (each once, in address order), poll the
// cases in a random order (a uniformly random choice among those ready), and perform the first
// ready one. A closed and drained channel makes its collect case ready (choosing it raises
// `collect on closed channel`), a closed one makes a push case ready (choosing it raises `push
// on closed channel`), an `after` whose time has come is ready. With nothing ready, `default`
// runs if there is one; otherwise one Waiter is registered with every channel (and the timer
// set, for the earliest `after`) and the task blocks until the first claimer completes its case
// (waiter.hpp). Then the task unregisters from the other channels.
#pragma once

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <limits>
#include <memory>
#include <optional>
#include <utility>

#include "pyro/chan.hpp"
#include "pyro/error.hpp"
#include "pyro/int.hpp"
#include "pyro/park.hpp"
#include "pyro/timers.hpp"
#include "pyro/waiter.hpp"

namespace pyro::rt {

// A case as select() sees it, whatever its channel's element type.
struct SelectCase {
    enum class Kind { Collect, Push, After, Default };
    Kind kind = Kind::Default;
    ChanCore* chan = nullptr;
    void* slot = nullptr;  // Collect: std::optional<T>*; Push: T*
    double seconds = 0;    // After
};

template <class T>
class CollectCase {
public:
    explicit CollectCase(std::shared_ptr<ChanState<T>> chan) : chan_(std::move(chan)) {}
    CollectCase(const CollectCase&) = delete;
    CollectCase& operator=(const CollectCase&) = delete;

    // The collected value, once select chose this case.
    T take() { return std::move(*value_); }

    SelectCase erase() { return {SelectCase::Kind::Collect, chan_.get(), &value_, 0}; }

private:
    std::shared_ptr<ChanState<T>> chan_;
    std::optional<T> value_;
};

template <class T>
class PushCase {
public:
    PushCase(std::shared_ptr<ChanState<T>> chan, T value)
        : chan_(std::move(chan)), value_(std::move(value)) {}
    PushCase(const PushCase&) = delete;
    PushCase& operator=(const PushCase&) = delete;

    SelectCase erase() { return {SelectCase::Kind::Push, chan_.get(), &value_, 0}; }

private:
    std::shared_ptr<ChanState<T>> chan_;
    T value_;
};

struct AfterCase {
    double seconds;
    SelectCase erase() const { return {SelectCase::Kind::After, nullptr, nullptr, seconds}; }
};

struct DefaultCase {
    SelectCase erase() const { return {}; }
};

template <class T>
CollectCase<T> select_collect(const ChanHandle<T>& rx) {
    rx.state();  // raises for a channel that is not set yet
    return CollectCase<T>(rx.shared_state());
}

template <class T, class V>
PushCase<T> select_push(const ChanHandle<T>& tx, V&& value) {
    tx.state();
    return PushCase<T>(tx.shared_state(), T(std::forward<V>(value)));
}

inline AfterCase select_after(double seconds) {
    if (std::isnan(seconds)) {
        raise_error("invalid timeout: nan");
    }
    return {seconds};
}
inline AfterCase select_after(Int seconds) {
    return {static_cast<double>(seconds.v)};
}

inline DefaultCase select_default() {
    return {};
}

// A cheap per-thread generator for the poll order; seeded with a constant so that a program
// on one worker thread makes the same choices every run.
inline std::uint64_t select_random() noexcept {
    static constinit thread_local std::uint64_t state = 0x853c49e6748fea9bu;
    state ^= state >> 12;
    state ^= state << 25;
    state ^= state >> 27;
    return state * 0x2545f4914f6cdd1du;
}

// The deadline `seconds` from now on the steady clock, saturated.
inline std::int64_t deadline_after(double seconds) noexcept {
    const std::int64_t now = steady_now_ns();
    const double ns = seconds * 1e9;
    if (!(ns > 0)) {
        return now;
    }
    if (ns >= static_cast<double>(kNoDeadline - now - 1)) {
        return kNoDeadline - 1;
    }
    return now + static_cast<std::int64_t>(ns);
}

class SelectRun {
public:
    // `nodes` and `order` are scratch space of `count` entries each.
    SelectRun(SelectCase* cases, WaitNode* nodes, int* order, int count)
        : cases_(cases), nodes_(nodes), order_(order), count_(count) {}

    int run() {
        for (int i = 0; i < count_; ++i) {
            const SelectCase& c = cases_[i];
            if (c.kind == SelectCase::Kind::Default) {
                default_ = i;
            } else if (c.kind == SelectCase::Kind::After) {
                const std::int64_t deadline = deadline_after(c.seconds);
                if (after_ < 0 || deadline < deadline_) {
                    after_ = i;
                    deadline_ = deadline;
                }
            } else {
                add_chan(c.chan);
            }
        }
        std::sort(chans_.begin(), chans_.begin() + nchans_);
        lock_all();
        int chosen;
        try {
            chosen = poll();  // a push into a growing buffer may throw bad_alloc
        } catch (...) {
            unlock_all();
            throw;
        }
        if (chosen >= 0) {
            return finish(chosen, chosen_closed_);
        }
        if (default_ >= 0) {
            unlock_all();
            return default_;
        }
        return wait();
    }

private:
    static constexpr int kMaxChans = 64;

    void add_chan(ChanCore* chan) {
        if (std::find(chans_.begin(), chans_.begin() + nchans_, chan) == chans_.begin() + nchans_) {
            if (nchans_ == kMaxChans) {
                raise_error("select with more than 64 channels");
            }
            chans_[nchans_++] = chan;
        }
    }
    void lock_all() {
        for (int i = 0; i < nchans_; ++i) {
            chans_[i]->lock_.lock();
        }
    }
    void unlock_all() {
        for (int i = nchans_; i-- > 0;) {
            chans_[i]->lock_.unlock();
        }
    }

    // Polls the channel and after cases in a random order; the index of the case performed,
    // or -1. With the locks held.
    int poll() {
        int n = 0;
        for (int i = 0; i < count_; ++i) {
            if (cases_[i].kind != SelectCase::Kind::Default) {
                order_[n++] = i;
            }
        }
        for (int i = n - 1; i > 0; --i) {  // Fisher-Yates
            std::swap(order_[i], order_[static_cast<int>(select_random() % (i + 1))]);
        }
        const std::int64_t now = after_ >= 0 ? steady_now_ns() : 0;
        for (int k = 0; k < n; ++k) {
            const int i = order_[k];
            SelectCase& c = cases_[i];
            Poll poll = Poll::NotReady;
            switch (c.kind) {
                case SelectCase::Kind::Collect:
                    poll = c.chan->poll_collect(c.slot, woken_);
                    break;
                case SelectCase::Kind::Push:
                    poll = c.chan->poll_push(c.slot, woken_);
                    break;
                case SelectCase::Kind::After:
                    poll = i == after_ && deadline_ <= now ? Poll::Ready : Poll::NotReady;
                    break;
                case SelectCase::Kind::Default:
                    break;
            }
            if (poll != Poll::NotReady) {
                chosen_closed_ = poll == Poll::Closed;
                return i;
            }
        }
        return -1;
    }

    int wait() {
        Waiter waiter;
        prepare_wait(waiter, after_ < 0);
        for (int i = 0; i < count_; ++i) {
            SelectCase& c = cases_[i];
            if (c.kind == SelectCase::Kind::Collect || c.kind == SelectCase::Kind::Push) {
                nodes_[i].waiter = &waiter;
                nodes_[i].index = i;
                nodes_[i].slot = c.slot;
                queue_of(c).push_back(nodes_[i]);
            }
        }
        ParkLock park = hold_park(waiter);
        unlock_all();
        if (after_ >= 0) {
            waiter.deadline = deadline_;
            waiter.timeout_outcome = after_;
            add_timer(waiter);
        }
        block(waiter, park);
        const int outcome = waiter.outcome.load(std::memory_order_acquire);
        // Unregister from the channels that did not fire, and from the timer set.
        lock_all();
        for (int i = 0; i < count_; ++i) {
            if (nodes_[i].waiter != nullptr) {
                queue_of(cases_[i]).remove(nodes_[i]);
            }
        }
        unlock_all();
        if (after_ >= 0) {
            cancel_timer(waiter);
        }
        const int chosen = outcome & ~kClosedBit;
        if (outcome & kClosedBit) {
            raise_closed(chosen);
        }
        return chosen;
    }

    WaitQueue& queue_of(const SelectCase& c) {
        return c.kind == SelectCase::Kind::Collect ? c.chan->recvq_ : c.chan->sendq_;
    }

    int finish(int chosen, bool closed) {
        unlock_all();
        if (woken_ != nullptr) {
            wake(*woken_);
        }
        if (closed) {
            raise_closed(chosen);
        }
        return chosen;
    }

    [[noreturn]] void raise_closed(int chosen) {
        if (cases_[chosen].kind == SelectCase::Kind::Push) {
            raise_push_closed();
        }
        raise_collect_closed();
    }

    SelectCase* cases_;
    WaitNode* nodes_;
    int* order_;
    int count_;
    int default_ = -1;
    int after_ = -1;
    std::int64_t deadline_ = kNoDeadline;
    std::array<ChanCore*, kMaxChans> chans_{};
    int nchans_ = 0;
    Waiter* woken_ = nullptr;
    bool chosen_closed_ = false;
};

// Runs a select over the given cases; returns the index of the case chosen.
template <class... Cases>
int select(Cases&&... cases) {
    constexpr int kCount = static_cast<int>(sizeof...(Cases));
    static_assert(kCount > 0, "a select has at least one case");
    SelectCase erased[] = {cases.erase()...};
    WaitNode nodes[kCount];
    int order[kCount];
    return SelectRun(erased, nodes, order, kCount).run();
}

}  // namespace pyro::rt
