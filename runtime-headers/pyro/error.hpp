// Pyro errors as C++ exceptions, and where they happen.
//
// Every statement of generated code that can fail first records its source location in the
// current task's slot (PYRO_AT), and every generated function body opens with a frame guard
// (PYRO_ENTER) that puts the caller's location back when the function exits, so a fault after
// a call returns is still reported at the caller's statement. The slot lives in a task object
// (TaskState), not in a thread_local: a task may resume on another thread (issue 4). A
// thread-local pointer names the running task; the guard reads it at most twice per call and
// PYRO_AT writes through the guard's cached pointer, one store per statement.
//
// A raised Pyro value travels as the C++ exception `Raised`. Its payload is a
// `RaisedValue`, a small polymorphic interface with the two things the runtime needs from a
// raised value it does not otherwise know: its text (as `str(x)` prints it) and its `cause`.
// Runtime faults raise a `BuiltinError` (`Error(message)`), which needs nothing of the data
// model; `raise v` in a program raises an `AnyRaised` (exception.hpp), which wraps any Pyro
// value, and handlers turn a BuiltinError into an `Error` instance when they bind it. `Raised`
// deliberately does not derive from std::exception: C++ code that catches std::exception (extern
// wrappers, libraries) must not swallow Pyro errors.
#pragma once

#include <atomic>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <utility>

namespace pyro::rt {

// A statement's position in a .pyro file. Generated code keeps one static SrcLoc per
// statement that can fail and stores a pointer to it, so recording a location is one store.
struct SrcLoc {
    const char* file;
    std::uint32_t line;
    std::uint32_t col;
};

// What a slot holds before any statement recorded a location. Never null, so a Frame can use
// "saved nothing yet" (null) as its flag without another register.
inline constexpr SrcLoc no_location{nullptr, 0, 0};

// Per-task runtime state. The scheduler of issue 4 embeds one in each task and points the
// running thread's current_task_ptr at it whenever it switches tasks; it will also hold the
// task's stack limit for the PYRO_ENTER stack check. The slot is a relaxed atomic so that
// threads which share a state (below) never make a data race; on x86-64 its loads and stores
// are plain moves.
struct TaskState {
    std::atomic<const SrcLoc*> loc{&no_location};
};

// The state of code that runs outside any task: the main thread until the scheduler starts,
// test threads, foreign threads calling into generated code. Pointing every thread at it from
// the start (a constant initializer, so no TLS init guard) keeps current_task() a single load
// with no null check. Foreign threads that run Pyro code at the same time may then see each
// other's locations in error reports; nothing is corrupted.
inline TaskState default_task_state;
inline constinit thread_local TaskState* current_task_ptr = &default_task_state;

// The running task's state. Whatever thread a task resumes on, this names that task: the
// scheduler sets the pointer at every switch.
inline TaskState* current_task() noexcept {
    TaskState* task = current_task_ptr;
    if (task == nullptr) {
        __builtin_unreachable();  // never null; lets the compiler drop null tests
    }
    return task;
}

// `task` must not be null: pass &default_task_state when a thread leaves its tasks.
inline void set_current_task(TaskState* task) noexcept {
    current_task_ptr = task;
}

// The guard behind PYRO_ENTER: remembers the caller's location and restores it when the
// function exits, normally or by an exception, so that a fault after a call returns is
// reported at the caller's statement.
//
// Cost is what matters here (every call of generated code pays it), so the guard is lazy:
// - nothing happens on entry; a call that records no location of its own (a leaf such as
//   fib's `if n < 2: return n`) leaves the slot alone and costs nothing;
// - the first PYRO_AT reads the current task once and saves the caller's location; later
//   PYRO_ATs store through the cached task pointer, one store each, no thread-local read;
// - on exit the task pointer is read again rather than kept: it names the same task (see
//   current_task), and not keeping it alive across the body's calls saves a callee-saved
//   register in every frame, which measured ~10% on fib(35). In an executable each read is
//   a fresh %fs-relative load, so a task that moved to another thread reads its new thread's
//   pointer, which names it.
class Frame {
public:
    Frame() noexcept = default;
    ~Frame() {
        if (saved_ != nullptr) {
            current_task()->loc.store(saved_, std::memory_order_relaxed);
        }
    }
    Frame(const Frame&) = delete;
    Frame& operator=(const Frame&) = delete;

    // Records `loc` (static storage) as the task's current statement.
    void at(const SrcLoc* loc) noexcept {
        if (saved_ == nullptr) {
            task_ = current_task();
            saved_ = task_->loc.load(std::memory_order_relaxed);
        }
        task_->loc.store(loc, std::memory_order_relaxed);
    }

private:
    TaskState* task_ = nullptr;
    const SrcLoc* saved_ = nullptr;  // null until the first at()
};

// The current task's statement, or null when none was recorded.
inline const SrcLoc* current_location() noexcept {
    const SrcLoc* loc = current_task()->loc.load(std::memory_order_relaxed);
    return loc == &no_location ? nullptr : loc;
}

// What a raised value must offer the runtime. Immutable once raised, shared between copies
// of the exception (and, after issue 4, between tasks).
class RaisedValue {
public:
    virtual ~RaisedValue() = default;
    // The value's text as str(x) gives it; for an Error: "Error: message".
    virtual std::string str() const = 0;
    // The value's `cause`, or null when it is void.
    virtual std::shared_ptr<const RaisedValue> cause() const { return nullptr; }
};

// `Error(message)` as the runtime raises it for its own faults.
class BuiltinError final : public RaisedValue {
public:
    explicit BuiltinError(std::string message, std::shared_ptr<const RaisedValue> cause = nullptr)
        : message_(std::move(message)), cause_(std::move(cause)) {}

    const std::string& message() const noexcept { return message_; }
    std::string str() const override { return "Error: " + message_; }
    std::shared_ptr<const RaisedValue> cause() const override { return cause_; }

private:
    std::string message_;
    std::shared_ptr<const RaisedValue> cause_;
};

// The C++ exception carrying a raised Pyro value and the statement that raised it (null when
// no statement was recorded, e.g. in hand-written C++).
class Raised {
public:
    Raised(std::shared_ptr<const RaisedValue> value, const SrcLoc* where) noexcept
        : value_(std::move(value)), where_(where) {}

    const RaisedValue& value() const noexcept { return *value_; }
    const std::shared_ptr<const RaisedValue>& shared_value() const noexcept { return value_; }
    const SrcLoc* where() const noexcept { return where_; }
    // The raised value's text, e.g. "Error: division by zero".
    std::string str() const { return value_->str(); }

private:
    std::shared_ptr<const RaisedValue> value_;
    const SrcLoc* where_;
};

// Throws `Error(message)` located at the current task's statement. Cold and out of line so
// the checks that call it stay a compare and a never-taken branch.
[[noreturn, gnu::cold, gnu::noinline]] inline void raise_error(std::string_view message) {
    throw Raised(std::make_shared<const BuiltinError>(std::string(message)), current_location());
}

}  // namespace pyro::rt

// Opens every generated function body (and the module's body): the stack check (stack.hpp,
// reached through pyro.hpp: a recursion too deep for the task's stack raises `stack
// overflow`), then the frame guard.
#define PYRO_ENTER()           \
    ::pyro::rt::check_stack(); \
    ::pyro::rt::Frame pyro_frame

// Records the location of the statement that follows; `pyro_file` is the generated file's
// `static constexpr const char*` naming its .pyro source.
#define PYRO_AT(line, col)                                                  \
    do {                                                                    \
        static constexpr ::pyro::rt::SrcLoc pyro_loc{pyro_file, line, col}; \
        pyro_frame.at(&pyro_loc);                                           \
    } while (false)
