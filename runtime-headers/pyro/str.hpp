// pyro::Str, Pyro's `string`: immutable UTF-8 text that copies in O(1).
//
// A Str is 16 bytes in one of three forms, told apart by the top two bits of the last byte:
// - static: a pointer and length into storage that outlives the program (string literals via
//   `"text"_s`): no allocation, no reference count, copying is two word moves;
// - inline: up to 15 bytes stored in the Str itself, for the short strings programs make
//   (`str(42)`, single characters, small concatenations): no allocation;
// - heap: a pointer into a shared buffer whose header holds an atomic reference count and a
//   capacity. Buffers are never written once shared; `+=` (and `+` on a temporary) appends in
//   place only while the buffer has exactly one owner, which keeps `s += x` loops linear.
// Comparisons are by bytes, which for UTF-8 is code point order; len() counts code points.
// A heap buffer also caches two things computed on first use: the hash (dict keys are hashed
// on every lookup) and the number of code points (so len() and indexing of an ASCII string
// are O(1)). Inline strings compute both on the spot, cheaply: they are at most 15 bytes.
#pragma once

#include <fmt/format.h>

#include <atomic>
#include <bit>
#include <compare>
#include <cstdint>
#include <cstring>
#include <functional>
#include <new>
#include <string>
#include <string_view>
#include <utility>

#include "pyro/hash.hpp"
#include "pyro/int.hpp"

namespace pyro {

static_assert(std::endian::native == std::endian::little, "Str's inline form assumes it");

class Str {
public:
    Str() noexcept { set_static("", 0); }

    // Copies the text (use "..."_s or from_static for text that outlives the program).
    explicit Str(std::string_view text) {
        if (text.size() <= kInlineMax) {
            set_inline(text.data(), text.size());
        } else {
            char* dst = allocate(text.size(), text.size());
            std::memcpy(dst, text.data(), text.size());
        }
    }
    explicit Str(const std::string& text) : Str(std::string_view(text)) {}

    // Wraps text that lives for the rest of the program, without copying it.
    static Str from_static(const char* data, std::size_t size) noexcept {
        Str s;
        s.set_static(data, size);
        return s;
    }

    Str(const Str& other) noexcept {
        std::memcpy(rep_, other.rep_, sizeof rep_);
        if (kind() == kHeap) {
            block()->refs.fetch_add(1, std::memory_order_relaxed);
        }
    }
    Str(Str&& other) noexcept {
        std::memcpy(rep_, other.rep_, sizeof rep_);
        other.set_static("", 0);
    }
    Str& operator=(const Str& other) noexcept {
        Str copy(other);
        swap(copy);
        return *this;
    }
    Str& operator=(Str&& other) noexcept {
        Str moved(std::move(other));
        swap(moved);
        return *this;
    }
    ~Str() {
        if (kind() == kHeap) {
            release();
        }
    }

    void swap(Str& other) noexcept {
        unsigned char tmp[sizeof rep_];
        std::memcpy(tmp, rep_, sizeof rep_);
        std::memcpy(rep_, other.rep_, sizeof rep_);
        std::memcpy(other.rep_, tmp, sizeof rep_);
    }

    std::string_view view() const noexcept {
        if (kind() == kInline) {
            return {reinterpret_cast<const char*>(rep_), inline_size()};
        }
        return {ptr(), meta() & kSizeMask};
    }
    const char* data() const noexcept { return view().data(); }
    std::size_t size() const noexcept { return view().size(); }  // in bytes
    bool empty() const noexcept { return size() == 0; }
    std::string std_string() const { return std::string(view()); }

    // True when the text is stored in the Str itself or in static storage (for tests and
    // for code that wants to know whether a copy costs an atomic increment).
    bool is_static() const noexcept { return kind() == kStatic; }
    bool is_inline() const noexcept { return kind() == kInline; }

    Str& operator+=(const Str& tail) { return append(tail.view()); }

    friend Str operator+(const Str& a, const Str& b) { return concat(a.view(), b.view(), 0); }
    friend Str operator+(Str&& a, const Str& b) {
        a.append(b.view());
        return std::move(a);
    }
    friend Str operator*(const Str& s, Int count) { return repeat(s.view(), count.v); }
    friend Str operator*(Int count, const Str& s) { return repeat(s.view(), count.v); }

    friend bool operator==(const Str& a, const Str& b) noexcept {
        // Two inline strings are equal exactly when their 16 bytes are (the unused bytes are
        // zero): the common case of short dict keys costs two compares.
        if (a.kind() == kInline && b.kind() == kInline) {
            return std::memcmp(a.rep_, b.rep_, sizeof a.rep_) == 0;
        }
        return a.view() == b.view();
    }

    // The hash of the text (hash.hpp's hash_bytes), cached in a heap buffer. Never 0.
    std::uint64_t hash() const noexcept {
        if (kind() == kHeap) {
            Block* b = block();
            std::uint64_t h = b->hash.load(std::memory_order_relaxed);
            if (h == 0) {
                h = rt::hash_bytes(ptr(), meta() & kSizeMask);
                h += h == 0;
                b->hash.store(h, std::memory_order_relaxed);  // racing writers store the same
            }
            return h;
        }
        const std::uint64_t h = rt::hash_bytes(data(), size());
        return h + (h == 0);
    }

    // Number of code points; cached in a heap buffer. is_ascii() is then a compare.
    std::int64_t code_points() const noexcept {
        if (kind() == kHeap) {
            Block* b = block();
            std::int64_t n = b->code_points.load(std::memory_order_relaxed);
            if (n < 0) {
                n = count_code_points(view());
                b->code_points.store(n, std::memory_order_relaxed);
            }
            return n;
        }
        return count_code_points(view());
    }
    bool is_ascii() const noexcept { return code_points() == static_cast<std::int64_t>(size()); }

    static std::int64_t count_code_points(std::string_view s) noexcept {
        std::int64_t n = 0;
        for (const char c : s) {
            n += (static_cast<unsigned char>(c) & 0xc0) != 0x80;
        }
        return n;
    }
    friend std::strong_ordering operator<=>(const Str& a, const Str& b) noexcept {
        // char_traits<char> compares as unsigned char, i.e. UTF-8 byte order = code point order.
        return a.view().compare(b.view()) <=> 0;
    }

private:
    // Form, in the top two bits of the last byte.
    enum Kind : unsigned { kStatic = 0, kInline = 1, kHeap = 2 };
    static constexpr std::size_t kInlineMax = 15;
    static constexpr std::uint64_t kSizeMask = (std::uint64_t{1} << 56) - 1;

    struct Block {
        std::atomic<std::uint64_t> refs;
        std::uint64_t capacity;
        std::atomic<std::uint64_t> hash;        // 0: not computed yet
        std::atomic<std::int64_t> code_points;  // -1: not counted yet
    };
    // Bytes 0-7 hold the pointer (static/heap) or text; bytes 8-15 the size or more text, and
    // byte 15 the form (and an inline string's length). memcpy keeps the punning defined.
    const char* ptr() const noexcept {
        const char* p;
        std::memcpy(&p, rep_, sizeof p);
        return p;
    }
    std::uint64_t meta() const noexcept {
        std::uint64_t m;
        std::memcpy(&m, rep_ + 8, sizeof m);
        return m;
    }
    Kind kind() const noexcept { return static_cast<Kind>(rep_[15] >> 6); }
    std::size_t inline_size() const noexcept { return rep_[15] & 0x0f; }
    Block* block() const noexcept {
        return reinterpret_cast<Block*>(const_cast<char*>(ptr()) - sizeof(Block));
    }

    void set_ptr(const char* data, std::uint64_t size, Kind kind) noexcept {
        const std::uint64_t m = size | (std::uint64_t{kind} << 62);
        std::memcpy(rep_, &data, sizeof data);
        std::memcpy(rep_ + 8, &m, sizeof m);
    }
    void set_static(const char* data, std::size_t size) noexcept { set_ptr(data, size, kStatic); }
    // memcpy that accepts an empty range from a null pointer (std::string_view{}).
    static void copy_bytes(void* dst, const char* src, std::size_t n) noexcept {
        if (n != 0) {
            std::memcpy(dst, src, n);
        }
    }
    void set_inline(const char* data, std::size_t size) noexcept {
        std::memset(rep_, 0, sizeof rep_);
        copy_bytes(rep_, data, size);
        rep_[15] = static_cast<unsigned char>((kInline << 6) | size);
    }
    // Makes *this a fresh heap string of `size` bytes (contents left to the caller).
    char* allocate(std::size_t size, std::size_t capacity) {
        if (capacity > kSizeMask) {
            throw std::bad_alloc();
        }
        void* raw = ::operator new(sizeof(Block) + capacity);
        Block* b = new (raw) Block{{1}, capacity, {0}, {-1}};
        char* chars = reinterpret_cast<char*>(b + 1);
        set_ptr(chars, size, kHeap);
        return chars;
    }
    // Out of line: inlined into the destructor of a moved-from Str, GCC -O1 warns about a
    // delete of the static "" it cannot rule out.
    [[gnu::noinline]] void release() noexcept {
        Block* b = block();
        // A sole owner skips the atomic read-modify-write.
        if (b->refs.load(std::memory_order_acquire) == 1 ||
            b->refs.fetch_sub(1, std::memory_order_acq_rel) == 1) {
            b->~Block();
            ::operator delete(b);
        }
    }

    static Str concat(std::string_view a, std::string_view b, std::size_t slack) {
        const std::size_t n = a.size() + b.size();
        Str s;
        if (n <= kInlineMax) {
            std::memset(s.rep_, 0, sizeof s.rep_);
            copy_bytes(s.rep_, a.data(), a.size());
            copy_bytes(s.rep_ + a.size(), b.data(), b.size());
            s.rep_[15] = static_cast<unsigned char>((kInline << 6) | n);
            return s;
        }
        char* dst = s.allocate(n, n + slack);
        copy_bytes(dst, a.data(), a.size());
        copy_bytes(dst + a.size(), b.data(), b.size());
        return s;
    }

    Str& append(std::string_view tail) {
        if (tail.empty()) {
            return *this;
        }
        if (kind() == kHeap) {
            Block* b = block();
            const std::size_t size = meta() & kSizeMask;
            if (b->refs.load(std::memory_order_acquire) == 1 && b->capacity - size >= tail.size()) {
                // Sole owner: nobody can observe the bytes past `size`. `tail` may point into
                // this very buffer (s += s); it lies before `size`, so the copy cannot overlap.
                std::memcpy(const_cast<char*>(ptr()) + size, tail.data(), tail.size());
                set_ptr(ptr(), size + tail.size(), kHeap);
                b->hash.store(0, std::memory_order_relaxed);  // the text changed
                b->code_points.store(-1, std::memory_order_relaxed);
                return *this;
            }
        }
        const std::string_view head = view();
        // Room to grow: a string being built by appends is likely to be appended to again.
        Str grown = concat(head, tail, head.size() + tail.size());
        swap(grown);
        return *this;
    }

    static Str repeat(std::string_view s, std::int64_t count) {
        if (count <= 0 || s.empty()) {
            return Str();
        }
        std::size_t n;
        if (__builtin_mul_overflow(s.size(), static_cast<std::uint64_t>(count), &n)) {
            throw std::bad_alloc();
        }
        Str r;
        char* dst;
        if (n <= kInlineMax) {
            std::memset(r.rep_, 0, sizeof r.rep_);
            r.rep_[15] = static_cast<unsigned char>((kInline << 6) | n);
            dst = reinterpret_cast<char*>(r.rep_);
        } else {
            dst = r.allocate(n, n);
        }
        std::memcpy(dst, s.data(), s.size());
        // Double the filled prefix until the whole is written.
        for (std::size_t done = s.size(); done < n;) {
            const std::size_t chunk = done < n - done ? done : n - done;
            std::memcpy(dst + done, dst, chunk);
            done += chunk;
        }
        return r;
    }

    alignas(8) unsigned char rep_[16];
};

static_assert(sizeof(Str) == 16);

// Code points, not bytes: every byte except UTF-8 continuation bytes starts one.
inline Int len(const Str& s) noexcept {
    return Int(s.code_points());
}

namespace literals {

// A literal's bytes live in the program image: wrapping them allocates nothing.
inline Str operator""_s(const char* data, std::size_t size) noexcept {
    return Str::from_static(data, size);
}

}  // namespace literals

namespace rt {

// Appends `text` double-quoted as strings print inside containers (LANGUAGE.md 5.6):
// \\ \" \n \t \r escaped, other control characters as \xHH, everything else as is.
template <class Out>
void append_quoted(Out& out, std::string_view text) {
    static constexpr char kHex[] = "0123456789abcdef";
    // append(first, last) exists on both std::string and fmt::memory_buffer.
    const auto put = [&out](std::string_view piece) {
        out.append(piece.data(), piece.data() + piece.size());
    };
    out.push_back('"');
    for (const char c : text) {
        const auto u = static_cast<unsigned char>(c);
        switch (c) {
            case '\\':
                put("\\\\");
                break;
            case '"':
                put("\\\"");
                break;
            case '\n':
                put("\\n");
                break;
            case '\t':
                put("\\t");
                break;
            case '\r':
                put("\\r");
                break;
            default:
                if (u < 0x20 || u == 0x7f) {
                    const char esc[4] = {'\\', 'x', kHex[u >> 4], kHex[u & 0xf]};
                    put(std::string_view(esc, 4));
                } else {
                    out.push_back(c);
                }
        }
    }
    out.push_back('"');
}

// Appends code point `cp` (a valid scalar value: not a surrogate, at most U+10FFFF) as UTF-8.
template <class Out>
void append_utf8(Out& out, char32_t cp) {
    const auto byte = [&out](std::uint32_t b) { out.push_back(static_cast<char>(b)); };
    if (cp < 0x80) {
        byte(cp);
    } else if (cp < 0x800) {
        byte(0xc0 | (cp >> 6));
        byte(0x80 | (cp & 0x3f));
    } else if (cp < 0x10000) {
        byte(0xe0 | (cp >> 12));
        byte(0x80 | ((cp >> 6) & 0x3f));
        byte(0x80 | (cp & 0x3f));
    } else {
        byte(0xf0 | (cp >> 18));
        byte(0x80 | ((cp >> 12) & 0x3f));
        byte(0x80 | ((cp >> 6) & 0x3f));
        byte(0x80 | (cp & 0x3f));
    }
}

}  // namespace rt

}  // namespace pyro

template <>
struct pyro::rt::Hash<pyro::Str> {
    std::uint64_t operator()(const pyro::Str& s) const noexcept { return s.hash(); }
};

template <>
struct std::hash<pyro::Str> {
    std::size_t operator()(const pyro::Str& s) const noexcept { return s.hash(); }
};

template <>
struct fmt::formatter<pyro::Str> : fmt::formatter<std::string_view> {
    template <class FormatContext>
    auto format(const pyro::Str& s, FormatContext& ctx) const {
        return fmt::formatter<std::string_view>::format(s.view(), ctx);
    }
};
