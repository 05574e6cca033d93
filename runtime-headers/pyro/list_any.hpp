// Lists inside an Any: the adapters (boxes) for List<T> and ListMut<T> and their AnyTraits.
//
// A ListMut box holds the handle, so an Any holding a list_mut is that very list: pushes made
// through the Any are seen by every other holder. Methods called on an Any by name
// (`xs.push(1)` where xs is `any`) are dispatched here; their arguments are checked against
// the static element type (`type mismatch: expected int, got string`).
// Converting an Any back: a List<T> accepts any immutable list whose elements convert to T (a
// copy, which is unobservable for an immutable value); a ListMut<T> must be one exactly (its
// identity must survive), else `type mismatch: expected list_mut<int>, got list_mut<string>`.
#pragma once

#include <memory>
#include <span>
#include <string>

#include "pyro/any.hpp"
#include "pyro/any_seq.hpp"
#include "pyro/list.hpp"

namespace pyro::rt {

template <class T>
class ListBox final : public AnyObject {
public:
    explicit ListBox(List<T> value) : value_(std::move(value)) {}
    const List<T>& value() const noexcept { return value_; }

    static constexpr std::string_view kind = "list";
    std::string type_name() const override { return std::string(kind); }
    std::string full_type_name() const override { return TypeName<List<T>>::name(); }
    void print(Buf& out) const override { Printer<List<T>>::str(out, value_); }
    Family family() const override { return Family::kList; }
    bool equals(const AnyObject& other) const override { return family_equals(*this, other); }
    std::uint64_t hash() const override {
        if constexpr (requires(const List<T>& xs) {
                          Hash<List<T>>{}(xs);
                          Hash<T>{}(*xs.begin());
                      }) {
            return Hash<List<T>>{}(value_);
        } else {
            return any_seq_hash(kListHashSeed, elements());
        }
    }
    std::partial_ordering compare(const AnyObject& other) const override {
        return family_compare(*this, other);
    }
    bool truthy() const override { return !value_.empty(); }
    Int len() const override { return value_.len(); }
    Any index(const Any& key) const override { return Any(value_.at(from_any<Int>(key))); }
    Any slice(const SliceArgs& a) const override {
        return Any(value_.slice(a.start, a.stop, a.step));
    }
    bool contains(const Any& x) const override {
        for (const T& e : value_) {
            if (Any(e) == x) {
                return true;
            }
        }
        return false;
    }
    std::unique_ptr<AnyCursor> iterate() const override {
        return std::make_unique<VectorCursor>(elements());
    }
    std::vector<Any> elements() const override { return to_any_vector(value_); }
    Any add(const Any& other) const override {
        if (const auto* same = object_as<ListBox>(other)) {
            return Any(value_ + same->value_);
        }
        if (other.is_object() && other.object().type_name() == "list") {
            std::vector<Any> items = elements();
            for (Any& x : other.object().elements()) {
                items.push_back(std::move(x));
            }
            return Any(List<Any>(std::move(items)));
        }
        return AnyObject::add(other);
    }
    Any repeat(Int count) const override { return Any(value_ * count); }
    Any call_method(std::string_view name, std::span<const Any> args) const override {
        if (name == "len") {
            expect_args(args, 0, name);
            return value_.len();
        }
        if (name == "contains") {
            expect_args(args, 1, name);
            return contains(args[0]);
        }
        if (name == "index") {
            expect_args(args, 1, name);
            for (std::size_t i = 0; i < value_.size(); ++i) {
                if (Any(value_.items()[i]) == args[0]) {
                    return Int(static_cast<std::int64_t>(i));
                }
            }
            raise_not_in_list(repr_string(args[0]));
        }
        return AnyObject::call_method(name, args);
    }

private:
    List<T> value_;
};

template <class T>
class ListMutBox final : public AnyObject {
public:
    explicit ListMutBox(ListMut<T> value) : value_(std::move(value)) {}
    const ListMut<T>& value() const noexcept { return value_; }

    std::string type_name() const override { return "list_mut"; }
    std::string full_type_name() const override { return TypeName<ListMut<T>>::name(); }
    void print(Buf& out) const override { Printer<ListMut<T>>::str(out, value_); }
    Family family() const override { return Family::kList; }
    const void* identity() const override { return value_.identity(); }
    bool equals(const AnyObject& other) const override {
        return identity() == other.identity() || family_equals(*this, other);
    }
    std::partial_ordering compare(const AnyObject& other) const override {
        return family_compare(*this, other);
    }
    bool truthy() const override { return !value_.empty(); }
    Int len() const override { return value_.len(); }
    Any index(const Any& key) const override { return Any(value_.at(from_any<Int>(key))); }
    void set_index(const Any& key, const Any& v) const override {
        value_.set(from_any<Int>(key), from_any<T>(v));
    }
    Any slice(const SliceArgs& a) const override {
        return Any(value_.slice(a.start, a.stop, a.step));
    }
    bool contains(const Any& x) const override {
        for (const T& e : value_.copy_items()) {
            if (Any(e) == x) {
                return true;
            }
        }
        return false;
    }
    std::unique_ptr<AnyCursor> iterate() const override {
        // Index-based like the static iteration: sees elements pushed during the loop.
        class Cursor final : public AnyCursor {
        public:
            explicit Cursor(ListMut<T> list) : list_(list), it_(list_.begin()) {}
            bool next(Any& out) override {
                if (it_ == typename ListMut<T>::End{}) {
                    return false;
                }
                out = Any(*it_);
                ++it_;
                return true;
            }

        private:
            ListMut<T> list_;
            typename ListMut<T>::Iterator it_;
        };
        return std::make_unique<Cursor>(value_);
    }
    std::vector<Any> elements() const override { return to_any_vector(value_.copy_items()); }
    Any add(const Any& other) const override {
        if (const auto* same = object_as<ListMutBox>(other)) {
            return Any(value_ + same->value_);
        }
        return AnyObject::add(other);
    }
    Any repeat(Int count) const override { return Any(value_ * count); }
    Any call_method(std::string_view name, std::span<const Any> args) const override {
        if (name == "len") {
            expect_args(args, 0, name);
            return value_.len();
        }
        if (name == "contains") {
            expect_args(args, 1, name);
            return contains(args[0]);
        }
        if (name == "index") {
            expect_args(args, 1, name);
            const auto items = value_.copy_items();
            for (std::size_t i = 0; i < items.size(); ++i) {
                if (Any(items[i]) == args[0]) {
                    return Int(static_cast<std::int64_t>(i));
                }
            }
            raise_not_in_list(repr_string(args[0]));
        }
        if (name == "push") {
            expect_args(args, 1, name);
            value_.push(from_any<T>(args[0]));
            return Any();
        }
        if (name == "pop") {
            expect_args(args, 0, name);
            return Any(value_.pop());
        }
        if (name == "insert") {
            expect_args(args, 2, name);
            value_.insert(from_any<Int>(args[0]), from_any<T>(args[1]));
            return Any();
        }
        if (name == "remove") {
            expect_args(args, 1, name);
            value_.remove(from_any<T>(args[0]));
            return Any();
        }
        if (name == "clear" || name == "reverse" || name == "sort") {
            expect_args(args, 0, name);
            if (name == "clear") {
                value_.clear();
            } else if (name == "reverse") {
                value_.reverse();
            } else {
                value_.sort();
            }
            return Any();
        }
        if (name == "extend") {
            expect_args(args, 1, name);
            value_.extend(args[0]);
            return Any();
        }
        return AnyObject::call_method(name, args);
    }

private:
    ListMut<T> value_;
};

template <class T>
struct AnyTraits<List<T>> : ElementsTraits<List<T>, ListBox<T>, T> {};

template <class T>
struct AnyTraits<ListMut<T>> : BoxedTraits<ListMut<T>, ListMutBox<T>> {};

}  // namespace pyro::rt
