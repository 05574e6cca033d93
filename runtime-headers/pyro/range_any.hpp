// Ranges inside an Any: `range(0, 5)` held where the type is `any` still has its length,
// iterates, indexes and tests membership; its type name is "range".
#pragma once

#include <cmath>
#include <memory>
#include <string>

#include "pyro/any.hpp"
#include "pyro/any_seq.hpp"
#include "pyro/range.hpp"

namespace pyro::rt {

template <>
struct TypeName<Range> {
    static std::string name() { return "range"; }
};

inline bool range_contains(const Range& r, Int x) noexcept {
    if (r.size() == 0) {
        return false;
    }
    const std::int64_t step = r.step().v;
    const __int128 offset = static_cast<__int128>(x.v) - r.start().v;
    if (offset % step != 0) {
        return false;
    }
    const __int128 k = offset / step;
    return k >= 0 && static_cast<unsigned __int128>(k) < r.size();
}

class RangeBox final : public AnyObject {
public:
    explicit RangeBox(Range value) : value_(value) {}
    const Range& value() const noexcept { return value_; }

    std::string type_name() const override { return "range"; }
    void print(Buf& out) const override { Printer<Range>::str(out, value_); }
    bool equals(const AnyObject& other) const override {
        const auto* same = dynamic_cast<const RangeBox*>(&other);
        return same != nullptr && same->value_ == value_;
    }
    bool truthy() const override { return value_.size() != 0; }
    Int len() const override { return pyro::len(value_); }
    Any index(const Any& key) const override {
        const std::size_t i = normalize_index(from_any<Int>(key), value_.size());
        return Int(static_cast<std::int64_t>(static_cast<std::uint64_t>(value_.start().v) +
                                             i * static_cast<std::uint64_t>(value_.step().v)));
    }
    bool contains(const Any& x) const override {
        if (x.is_float() && std::trunc(x.float_value()) == x.float_value() &&
            x.float_value() >= -0x1p63 && x.float_value() < 0x1p63) {
            return range_contains(value_, Int(static_cast<std::int64_t>(x.float_value())));
        }
        return x.is_int() && range_contains(value_, x.int_value());
    }
    std::unique_ptr<AnyCursor> iterate() const override {
        class Cursor final : public AnyCursor {
        public:
            explicit Cursor(Range r) : it_(r.begin()) {}
            bool next(Any& out) override {
                if (it_ == Range::End{}) {
                    return false;
                }
                out = *it_;
                ++it_;
                return true;
            }

        private:
            Range::Iterator it_;
        };
        return std::make_unique<Cursor>(value_);
    }
    std::vector<Any> elements() const override { return to_any_vector(value_); }

private:
    Range value_;
};

template <>
struct AnyTraits<Range> {
    static Any to_any(const Range& r) { return Any::make_object<RangeBox>(r); }
    static bool is(const Any& a) { return object_as<RangeBox>(a) != nullptr; }
    static Range from(const Any& a) {
        if (const auto* box = object_as<RangeBox>(a)) {
            return box->value();
        }
        raise_type_mismatch("range", a.full_type_name());
    }
};

}  // namespace pyro::rt
