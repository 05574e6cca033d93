// Task stacks, and the stack check every generated function runs on entry.
//
// A task runs on a stack of bounded size (kTaskStackSize; the main program gets kMainStackSize).
// Stacks are carved from large slabs mapped with MAP_NORESERVE, so memory is committed only
// for the pages a task actually touches, and they are reused through a free list: 100,000 tasks
// need a few hundred mappings, not 100,000 (Linux's default vm.max_map_count is 65,530, and a
// guard page per stack would split every mapping in two). Without guard pages, the check
// below is what stops deep recursion: check_stack() compares the stack pointer with the
// running task's limit and raises `stack overflow` while a red zone (kStackRedZone) is still
// free for the raise itself (allocating the error, unwinding, the runtime's own helpers).
//
// The limit starts higher, kShallowStack below the top: the first time a task goes deeper the
// slow path marks its stack deep and lowers the limit to the real one. When a stack comes back
// to the pool, only deep stacks pay an madvise(MADV_DONTNEED) of everything below the shallow
// part, so a reused stack never keeps megabytes of a finished recursion, and the common
// shallow task costs no system call. (C++ code that is not generated, e.g. an extern, is not
// checked; if it goes deep the pages stay committed until the stack is reused.)
#pragma once

#include <sys/mman.h>

#include <boost/context/stack_context.hpp>

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <mutex>
#include <new>
#include <vector>

#include "pyro/error.hpp"
#include "pyro/spin_lock.hpp"

#if defined(__SANITIZE_ADDRESS__)
#define PYRO_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define PYRO_ASAN 1
#endif
#endif
#if defined(PYRO_ASAN)
#include <sanitizer/common_interface_defs.h>
#endif

namespace pyro::rt {

// 256 KiB per task: deep enough for thousands of nested calls, and small enough that the page
// tables of many blocked tasks stay small (a page-table page maps 2 MiB, i.e. 8 task stacks;
// with 1 MiB stacks the page tables of 100,000 blocked tasks alone took 200 MB).
inline constexpr std::size_t kTaskStackSize = std::size_t{256} << 10;
inline constexpr std::size_t kMainStackSize = std::size_t{64} << 20;
inline constexpr std::size_t kStackRedZone = std::size_t{32} << 10;
inline constexpr std::size_t kShallowStack = std::size_t{32} << 10;
inline constexpr std::size_t kStacksPerSlab = 256;  // 64 MiB of address space per mapping

// The top 64 bytes of every stack, above everything Boost puts there; it outlives the task
// (the pool reads it when the stack comes back).
struct alignas(64) StackHeader {
    std::atomic<bool> deep{false};
};

// A task's view of its stack, consulted by the stack check's slow path.
struct StackBounds {
    std::uintptr_t limit = 0;  // what check_stack compares with: soft, then hard
    std::uintptr_t hard = 0;   // bottom + red zone: below it the task has overflowed
    std::uintptr_t bottom = 0;
    std::uintptr_t top = 0;
    StackHeader* header = nullptr;
};

// The running task's limit, copied here at every task switch so that the check is one
// thread-local load and a compare; 0 outside tasks (no check). `current_stack` is the running
// task's bounds, for the slow path.
inline constinit thread_local std::uintptr_t stack_limit = 0;
inline constinit thread_local StackBounds* current_stack = nullptr;

// AddressSanitizer does not see Boost.Context's stack switches. Telling it which stack runs
// (a "switch" to the stack we are already on) when a task starts or resumes, and that the
// thread's own stack runs again when a task switches out, is enough for it to clean up after
// an exception unwinds frames: without it, it ignores the unwinding ("ignoring requested
// __asan_handle_no_return") and later reports false stack overflows. (Boost's dispatcher runs
// while ASan believes the thread's stack runs; it throws nothing, so that does no harm.)
#if defined(PYRO_ASAN)
struct AsanStack {
    const void* bottom = nullptr;
    std::size_t size = 0;
};
inline constinit thread_local AsanStack asan_thread_stack;

inline AsanStack asan_switch(AsanStack to) noexcept {
    void* fake_stack = nullptr;
    AsanStack from;
    __sanitizer_start_switch_fiber(&fake_stack, to.bottom, to.size);
    __sanitizer_finish_switch_fiber(fake_stack, &from.bottom, &from.size);
    return from;
}

inline void asan_enter(const StackBounds& bounds) noexcept {
    const AsanStack from =
        asan_switch({reinterpret_cast<const void*>(bounds.bottom), bounds.top - bounds.bottom});
    if (asan_thread_stack.bottom == nullptr) {
        asan_thread_stack = from;  // the first task on this thread: ASan saw the thread's stack
    }
}

inline void asan_leave() noexcept {
    if (asan_thread_stack.bottom != nullptr) {
        asan_switch(asan_thread_stack);
    }
}
#else
inline void asan_enter(const StackBounds&) noexcept {}
inline void asan_leave() noexcept {}
#endif

[[gnu::cold, gnu::noinline]] inline void stack_limit_reached(std::uintptr_t sp) {
    StackBounds* bounds = current_stack;
    if (bounds == nullptr) {
        return;
    }
    if (sp >= bounds->hard) {
        // First time this deep: from now on only the real limit matters, and the pool must
        // give the deep pages back when the stack is reused.
        bounds->header->deep.store(true, std::memory_order_relaxed);
        bounds->limit = bounds->hard;
        stack_limit = bounds->hard;
        return;
    }
    raise_error("stack overflow");
}

// Called on entry to every generated function (PYRO_ENTER). Always inlined so that the stack
// pointer it reads is its caller's.
[[gnu::always_inline]] inline void check_stack() {
    std::uintptr_t sp;
#if defined(__x86_64__)
    asm("movq %%rsp, %0" : "=r"(sp));
#elif defined(__aarch64__)
    asm("mov %0, sp" : "=r"(sp));
#else
    sp = reinterpret_cast<std::uintptr_t>(__builtin_frame_address(0));
#endif
    if (sp < stack_limit) [[unlikely]] {
        stack_limit_reached(sp);
    }
}

// The stacks of all tasks. Thread-safe; stacks may be freed on another thread than the one
// that allocated them (a task ends wherever it last ran).
class StackPool {
public:
    static StackPool& instance() {
        static StackPool* pool = new StackPool();  // never destroyed: tasks outlive statics
        return *pool;
    }

    boost::context::stack_context allocate_task() {
        std::unique_lock lock(lock_);
        char* base;
        if (!free_.empty()) {
            base = free_.back();
            free_.pop_back();
        } else {
            base = carve(lock);
        }
        lock.unlock();
        return make_context(base, kTaskStackSize);
    }

    void deallocate_task(const boost::context::stack_context& sc) noexcept {
        char* top = static_cast<char*>(sc.sp) + sizeof(StackHeader);
        char* base = top - kTaskStackSize;
        auto* header = reinterpret_cast<StackHeader*>(sc.sp);
        if (header->deep.load(std::memory_order_relaxed)) {
            ::madvise(base, kTaskStackSize - kShallowStack, MADV_DONTNEED);
            header->deep.store(false, std::memory_order_relaxed);
        }
        std::lock_guard lock(lock_);
        free_.push_back(base);
    }

    // The main program's stack: one mapping of its own, used once.
    boost::context::stack_context allocate_main() {
        return make_context(map(kMainStackSize), kMainStackSize);
    }

    static void deallocate_main(const boost::context::stack_context& sc) noexcept {
        ::munmap(static_cast<char*>(sc.sp) + sizeof(StackHeader) - kMainStackSize, kMainStackSize);
    }

    // The bounds a task running on `sc` checks against.
    static StackBounds bounds_of(const boost::context::stack_context& sc, std::size_t size) {
        const auto top = reinterpret_cast<std::uintptr_t>(sc.sp) + sizeof(StackHeader);
        StackBounds bounds;
        bounds.bottom = top - size;
        bounds.top = top;
        bounds.hard = top - size + kStackRedZone;
        bounds.limit = top - kShallowStack;
        bounds.header = static_cast<StackHeader*>(sc.sp);
        return bounds;
    }

    std::size_t free_count() {
        std::lock_guard lock(lock_);
        return free_.size();
    }

private:
    StackPool() { free_.reserve(1024); }

    // A fresh stack from the current slab, mapping a new slab when it is used up. `lock` is
    // held on entry and on return.
    char* carve(std::unique_lock<SpinLock>& lock) {
        if (slab_next_ == slab_end_) {
            lock.unlock();  // mmap outside the lock; another thread may refill meanwhile
            char* slab = static_cast<char*>(map(kTaskStackSize * kStacksPerSlab));
            lock.lock();
            if (slab_next_ == slab_end_) {
                slab_next_ = slab;
                slab_end_ = slab + kTaskStackSize * kStacksPerSlab;
            } else {
                ::munmap(slab, kTaskStackSize * kStacksPerSlab);
            }
        }
        char* base = slab_next_;
        slab_next_ += kTaskStackSize;
        return base;
    }

    static void* map(std::size_t bytes) {
        void* p = ::mmap(nullptr, bytes, PROT_READ | PROT_WRITE,
                         MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
        if (p == MAP_FAILED) {
            throw std::bad_alloc();
        }
        // A transparent huge page would commit 2 MiB for the few bytes a task touches.
        ::madvise(p, bytes, MADV_NOHUGEPAGE);
        return p;
    }

    // Boost places its control blocks below `sp`; the header sits above it, at the very top.
    static boost::context::stack_context make_context(void* base, std::size_t size) {
        char* top = static_cast<char*>(base) + size;
        auto* header = new (top - sizeof(StackHeader)) StackHeader();
        boost::context::stack_context sc;
        sc.sp = header;
        sc.size = size - sizeof(StackHeader);
        return sc;
    }

    SpinLock lock_;
    std::vector<char*> free_;
    char* slab_next_ = nullptr;
    char* slab_end_ = nullptr;
};

// A Boost.Context stack allocator handing out one stack taken from the pool beforehand (so
// that the task knows its bounds before its fiber exists) and giving it back when the fiber
// is destroyed.
class PooledStack {
public:
    PooledStack(boost::context::stack_context sc, bool main) noexcept : sc_(sc), main_(main) {}

    boost::context::stack_context allocate() noexcept { return sc_; }
    void deallocate(boost::context::stack_context& sc) noexcept {
        if (main_) {
            StackPool::deallocate_main(sc);
        } else {
            StackPool::instance().deallocate_task(sc);
        }
    }

private:
    boost::context::stack_context sc_;
    bool main_;
};

}  // namespace pyro::rt
