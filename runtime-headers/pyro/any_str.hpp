// Strings inside an Any: indexing, slicing, iteration and the string methods called by name
// (`s.upper()` where s is `any`), for the dispatch functions any_ops.hpp declares.
#pragma once

#include <memory>
#include <span>
#include <string_view>

#include "pyro/any_ops.hpp"
#include "pyro/list_any.hpp"
#include "pyro/str_chars.hpp"
#include "pyro/str_methods.hpp"

namespace pyro::rt {

inline Any str_index_any(const Str& s, Int i) {
    return char_at(s, i);
}

inline Any str_slice_any(const Str& s, const SliceArgs& args) {
    return pyro::slice(s, args.start, args.stop, args.step);
}

inline std::unique_ptr<AnyCursor> str_cursor(const Str& s) {
    class Cursor final : public AnyCursor {
    public:
        explicit Cursor(Str s) : s_(std::move(s)) {}
        bool next(Any& out) override {
            const std::string_view text = s_.view();
            if (at_ >= text.size()) {
                return false;
            }
            const std::string_view c = char_at_byte(text, at_);
            at_ += c.size();
            out = Str(c);
            return true;
        }

    private:
        Str s_;
        std::size_t at_ = 0;
    };
    return std::make_unique<Cursor>(s);
}

inline Any str_call_method(const Str& s, std::string_view name, std::span<const Any> args) {
    const auto arg = [&](std::size_t i) { return from_any<Str>(args[i]); };
    if (name == "len" || name == "upper" || name == "lower" || name == "strip") {
        expect_args(args, 0, name);
        if (name == "len") {
            return len(s);
        }
        if (name == "upper") {
            return upper(s);
        }
        return name == "lower" ? lower(s) : strip(s);
    }
    if (name == "split") {
        if (args.empty()) {
            return Any(split(s));
        }
        expect_args(args, 1, name);
        return Any(split(s, arg(0)));
    }
    if (name == "contains" || name == "starts_with" || name == "ends_with" || name == "find" ||
        name == "join") {
        expect_args(args, 1, name);
        if (name == "join") {
            return join(s, args[0]);
        }
        const Str part = arg(0);
        if (name == "contains") {
            return contains(s, part);
        }
        if (name == "find") {
            return find(s, part);
        }
        return name == "starts_with" ? starts_with(s, part) : ends_with(s, part);
    }
    if (name == "replace") {
        expect_args(args, 2, name);
        return replace(s, arg(0), arg(1));
    }
    raise_error("no attribute '" + std::string(name) + "'");
}

}  // namespace pyro::rt
