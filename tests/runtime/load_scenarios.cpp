// Channels, select and std.sync under load on the real scheduler: values are neither lost nor
// duplicated, wake-ups across threads are never lost, 100,000 tasks fit in memory.
#include <atomic>
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <string>
#include <vector>

#include "scenario.hpp"

using pyro::Int;
using scenario::check;

namespace {

// Resident memory plus page tables, in KiB.
std::int64_t memory_kib() {
    std::ifstream status("/proc/self/status");
    std::string key;
    std::int64_t total = 0;
    while (status >> key) {
        std::int64_t value = 0;
        if (key == "VmRSS:" || key == "VmPTE:") {
            status >> value;
            total += value;
        }
        status.ignore(1 << 12, '\n');
    }
    return total;
}

}  // namespace

// 8 producers and 8 consumers move 1,000,000 values: each arrives exactly once, and each
// consumer sees each producer's values in order.
RUNTIME_SCENARIO(chan_8x8) {
    constexpr int kProducers = 8, kConsumers = 8;
    constexpr std::int64_t kPerProducer = 125'000;
    for (int capacity : {0, 100}) {
        auto c = pyro::chan<Int>(capacity);
        auto sums = pyro::chan<Int>(kConsumers);
        auto disorder = std::make_shared<std::atomic<std::int64_t>>(0);
        for (int p = 0; p < kProducers; ++p) {
            pyro::go([c, p] {
                for (std::int64_t i = 0; i < kPerProducer; ++i) {
                    c.push(p * kPerProducer + i);
                }
            });
        }
        for (int k = 0; k < kConsumers; ++k) {
            pyro::go([c, sums, disorder] {
                std::vector<std::int64_t> last(kProducers, -1);
                std::int64_t sum = 0;
                for (std::int64_t i = 0; i < kProducers * kPerProducer / kConsumers; ++i) {
                    const std::int64_t v = c.collect().v;
                    auto& seen = last[static_cast<std::size_t>(v / kPerProducer)];
                    if (v % kPerProducer <= seen) {
                        ++*disorder;
                    }
                    seen = v % kPerProducer;
                    sum += v;
                }
                sums.push(sum);
            });
        }
        std::int64_t total = 0;
        for (int k = 0; k < kConsumers; ++k) {
            total += sums.collect().v;
        }
        const std::int64_t n = kProducers * kPerProducer;
        check(total == n * (n - 1) / 2, "checksum of 1,000,000 values");
        check(*disorder == 0, "per-producer order");
        check(c.len() == 0, "channel drained");
    }
    pyro::print("ok");
}

// 100,000 tasks blocked at once fit well under 1 GiB, then all complete.
RUNTIME_SCENARIO(tasks_100k) {
    constexpr int kTasks = 100'000;
    auto c = pyro::chan<Int>(0);
    pyro::sync::WaitGroup started;
    started.add(kTasks);
    const std::int64_t before = memory_kib();
    for (int i = 0; i < kTasks; ++i) {
        pyro::go([c, started, i] {
            started.done();
            c.push(i);
        });
    }
    started.wait();
    pyro::time::sleep(0.05);  // let the last ones block
    const std::int64_t used = memory_kib() - before;
    std::printf("100,000 blocked tasks: %lld MiB\n", static_cast<long long>(used / 1024));
#if !defined(PYRO_ASAN)  // AddressSanitizer's shadow memory and fatter frames do not count
    check(used < 700 * 1024, "100,000 blocked tasks use under 700 MiB");
#endif
    std::int64_t sum = 0;
    for (int i = 0; i < kTasks; ++i) {
        sum += c.collect().v;
    }
    check(sum == std::int64_t{kTasks} * (kTasks - 1) / 2, "every task delivered its value");
    pyro::print("ok");
}

// Tasks started in a burst from several tasks at once, each ending at once: stacks are
// reused, and nothing is lost on the way.
RUNTIME_SCENARIO(spawn_storm) {
    constexpr int kSpawners = 8, kEach = 20'000;
    auto done = pyro::chan<Int>(1024);
    for (int s = 0; s < kSpawners; ++s) {
        pyro::go([done] {
            for (int i = 0; i < kEach; ++i) {
                pyro::go([done, i] { done.push(i); });
            }
        });
    }
    std::int64_t sum = 0;
    for (int i = 0; i < kSpawners * kEach; ++i) {
        sum += done.collect().v;
    }
    check(sum == std::int64_t{kSpawners} * kEach * (kEach - 1) / 2, "every task ran once");
    pyro::print("ok");
}

RUNTIME_SCENARIO(select_fairness) {
    auto a = pyro::chan<Int>(1);
    auto b = pyro::chan<Int>(1);
    constexpr int kRounds = 10'000;
    int chose_a = 0;
    for (int i = 0; i < kRounds; ++i) {
        a.push(1);
        b.push(2);
        auto from_a = pyro::rt::select_collect(a);
        auto from_b = pyro::rt::select_collect(b);
        if (pyro::rt::select(from_a, from_b) == 0) {
            ++chose_a;
            b.collect();
        } else {
            a.collect();
        }
    }
    std::printf("a chosen %d of %d\n", chose_a, kRounds);
    check(chose_a > kRounds * 40 / 100 && chose_a < kRounds * 60 / 100, "fair choice");
    pyro::print("ok");
}

// Many selects waiting on shared channels, fed by many pushers and a closer: every value is
// taken by exactly one select, and the timeouts that fire do not lose values.
RUNTIME_SCENARIO(select_storm) {
    constexpr int kSelectors = 16, kPushers = 8;
    constexpr std::int64_t kPerPusher = 20'000;
    auto a = pyro::chan<Int>(0);
    auto b = pyro::chan<Int>(4);
    auto sums = pyro::chan<Int>(kSelectors);
    for (int p = 0; p < kPushers; ++p) {
        pyro::go([a, b, p] {
            for (std::int64_t i = 0; i < kPerPusher; ++i) {
                (i % 2 == 0 ? a : b).push(p * kPerPusher + i);
            }
        });
    }
    auto remaining = std::make_shared<std::atomic<std::int64_t>>(kPushers * kPerPusher);
    for (int s = 0; s < kSelectors; ++s) {
        pyro::go([a, b, sums, remaining] {
            std::int64_t sum = 0;
            while (remaining->load() > 0) {
                auto from_a = pyro::rt::select_collect(a);
                auto from_b = pyro::rt::select_collect(b);
                const int chosen = pyro::rt::select(from_a, from_b, pyro::rt::select_after(0.001));
                if (chosen == 0) {
                    sum += from_a.take().v;
                    --*remaining;
                } else if (chosen == 1) {
                    sum += from_b.take().v;
                    --*remaining;
                }
            }
            sums.push(sum);
        });
    }
    std::int64_t total = 0;
    for (int s = 0; s < kSelectors; ++s) {
        total += sums.collect().v;
    }
    const std::int64_t n = kPushers * kPerPusher;
    check(total == n * (n - 1) / 2, "every value selected exactly once");
    pyro::print("ok");
}

// A counter guarded by a Mutex, from many tasks on all workers.
RUNTIME_SCENARIO(mutex_counter) {
    constexpr int kTasks = 100, kIncrements = 1000;
    pyro::sync::Mutex mu;
    pyro::sync::WaitGroup wg;
    auto counter = std::make_shared<std::int64_t>(0);
    wg.add(kTasks);
    for (int t = 0; t < kTasks; ++t) {
        pyro::go([mu, wg, counter] {
            for (int i = 0; i < kIncrements; ++i) {
                mu.lock();
                const std::int64_t seen = *counter;
                if (i % 64 == 0) {
                    pyro::time::sleep(0.0);  // hold the lock across a switch
                }
                *counter = seen + 1;
                mu.unlock();
            }
            wg.done();
        });
    }
    wg.wait();
    check(*counter == kTasks * kIncrements, "no increment lost");
    pyro::print("ok");
}
