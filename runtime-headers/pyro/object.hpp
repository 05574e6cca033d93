// Class instances: pyro::Object (the base of every generated class), pyro::Ref<C> (the shared
// reference a Pyro variable of class type holds), and rt::Field (a field that may be unset).
//
// An instance lives on the heap with an intrusive reference count (it is an rt::AnyObject, so
// an Any holding it points at the instance itself: identity is kept for free), and is shared
// by every Ref to it; Refs compare by identity. Cycles of instances are not reclaimed.
//
// Fields exist from their first assignment (LANGUAGE.md 9): a generated class declares each
// as `pyro::rt::Field<T, "name">`, empty until set, and reads raise `no attribute 'name'`
// before that. Every read and write goes through the instance's SpinLock (pyro_get /
// pyro_set), so each is atomic; a read-modify-write is not. The emitter lists the fields for
// printing and dynamic access by overriding pyro_fields — the parent's first (call the
// parent's pyro_fields), then the class's own in order of first assignment.
//
// What the emitter overrides: pyro_class_name (the class's name), pyro_fields, pyro_str (the
// class's __str__, if it defines one; the default prints `Name(field=value, ...)` with the
// fields that are set), and pyro_method (dispatch by name, for calls on an `any` or an
// interface value). Methods are ordinary C++ member functions, virtual where a subclass
// overrides them; `super().m()` is `Parent::m()`. Members named pyro_* are the runtime's.
#pragma once

#include <algorithm>
#include <mutex>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "pyro/any.hpp"
#include "pyro/any_ops.hpp"
#include "pyro/hash.hpp"
#include "pyro/spin_lock.hpp"

namespace pyro {

class Object;

namespace rt {

// A string literal usable as a template argument: Field<Int, "count">.
template <std::size_t N>
struct FieldName {
    char text[N];
    constexpr FieldName(const char (&s)[N]) { std::copy_n(s, N, text); }
    constexpr std::string_view view() const { return std::string_view(text, N - 1); }
};

class FieldRef;

template <class T, FieldName Name>
class Field {
public:
    using value_type = T;
    static constexpr std::string_view name() { return Name.view(); }

private:
    friend class pyro::Object;
    friend class FieldRef;
    std::optional<T> value_;
};

// One field seen without its static type, for printing and access by name through an Any.
// Used under the instance's lock.
class FieldRef {
public:
    template <class T, FieldName N>
    explicit FieldRef(Field<T, N>& field) noexcept : field_(&field), ops_(&kOps<T, N>) {}

    bool is_set() const { return ops_->is_set(field_); }
    Any get() const { return ops_->get(field_); }                   // the field must be set
    void set(const Any& value) const { ops_->set(field_, value); }  // checked conversion

private:
    struct Ops {
        bool (*is_set)(const void*);
        Any (*get)(const void*);
        void (*set)(void*, const Any&);
    };
    template <class T, FieldName N>
    static constexpr Ops kOps{
        [](const void* f) { return static_cast<const Field<T, N>*>(f)->value_.has_value(); },
        [](const void* f) { return Any(*static_cast<const Field<T, N>*>(f)->value_); },
        [](void* f, const Any& v) { static_cast<Field<T, N>*>(f)->value_ = from_any<T>(v); },
    };
    void* field_;
    const Ops* ops_;
};

// What pyro_fields is given: `v(field)` for each field, parent's first.
class FieldVisitor {
public:
    template <class T, FieldName N>
    void operator()(Field<T, N>& field) {
        visit(N.view(), FieldRef(field));
    }

protected:
    ~FieldVisitor() = default;
    virtual void visit(std::string_view name, FieldRef field) = 0;
};

[[noreturn, gnu::cold, gnu::noinline]] inline void raise_no_attribute(std::string_view name) {
    raise_error("no attribute '" + std::string(name) + "'");
}

}  // namespace rt

class Object : public rt::AnyObject {
public:
    // A field's value; `no attribute 'x'` if it was never assigned.
    template <class T, rt::FieldName N>
    T pyro_get(const rt::Field<T, N>& field) const {
        {
            std::lock_guard lock(pyro_lock_);
            if (field.value_) [[likely]] {
                return *field.value_;
            }
        }
        rt::raise_no_attribute(N.view());
    }
    template <class T, rt::FieldName N, class U>
    void pyro_set(rt::Field<T, N>& field, U&& value) {
        // Converts before, and destroys the old value after, holding the lock.
        std::optional<T> v(std::in_place, std::forward<U>(value));
        std::lock_guard lock(pyro_lock_);
        field.value_.swap(v);
    }
    template <class T, rt::FieldName N>
    bool pyro_has(const rt::Field<T, N>& field) const {
        std::lock_guard lock(pyro_lock_);
        return field.value_.has_value();
    }

    // Overridden by every generated class.
    virtual std::string_view pyro_class_name() const = 0;
    virtual void pyro_fields(rt::FieldVisitor&) {}
    // str(x): the class's __str__ if it has one.
    virtual Str pyro_str() { return Str(default_text()); }
    // Dynamic dispatch by name: the generated override handles its methods and defers to
    // its parent's for the rest.
    virtual Any pyro_method(std::string_view name, std::span<const Any>) {
        rt::raise_no_attribute(name);
    }

    // The set fields, parent's first: (name, value).
    std::vector<std::pair<std::string_view, Any>> pyro_field_values() const {
        struct Collect final : rt::FieldVisitor {
            std::vector<std::pair<std::string_view, Any>> out;
            void visit(std::string_view name, rt::FieldRef f) override {
                if (f.is_set()) {
                    out.emplace_back(name, f.get());
                }
            }
        } collect;
        std::lock_guard lock(pyro_lock_);
        self()->pyro_fields(collect);
        return std::move(collect.out);
    }

    // rt::AnyObject: what an instance does inside an Any.
    std::string type_name() const override { return std::string(pyro_class_name()); }
    void print(rt::Buf& out) const override {
        const rt::PrintGuard guard(this);
        if (guard.recursive()) {
            rt::append(out, pyro_class_name());
            rt::append(out, "(...)");
            return;
        }
        const Str text = self()->pyro_str();
        rt::append(out, text.view());
    }
    std::uint64_t hash() const override {
        return rt::hash_int(static_cast<std::int64_t>(reinterpret_cast<std::uintptr_t>(this)));
    }
    bool has_fields() const override { return true; }
    std::vector<std::pair<std::string_view, Any>> field_values() const override {
        return pyro_field_values();
    }
    Any get_attr(std::string_view name) const override {
        std::optional<Any> found;
        visit_field(name, [&](rt::FieldRef f) {
            if (f.is_set()) {
                found = f.get();
            }
        });
        if (!found) {
            rt::raise_no_attribute(name);
        }
        return std::move(*found);
    }
    void set_attr(std::string_view name, const Any& value) const override {
        bool declared = false;
        visit_field(name, [&](rt::FieldRef f) {
            declared = true;
            f.set(value);
        });
        if (!declared) {
            rt::raise_no_attribute(name);
        }
    }
    Any call_method(std::string_view name, std::span<const Any> args) const override {
        return self()->pyro_method(name, args);
    }

protected:
    // `Name(field=value, ...)`, the text of an instance whose class has no __str__.
    std::string default_text() const {
        rt::Buf out;
        rt::append(out, pyro_class_name());
        out.push_back('(');
        bool first = true;
        for (const auto& [name, value] : pyro_field_values()) {
            if (!first) {
                rt::append(out, ", ");
            }
            first = false;
            rt::append(out, name);
            out.push_back('=');
            rt::append_repr(out, value);
        }
        out.push_back(')');
        return fmt::to_string(out);
    }

private:
    // Instances are always heap objects that are never const themselves.
    Object* self() const noexcept { return const_cast<Object*>(this); }

    // Runs f(FieldRef) under the lock for the field called `name`, if the class has one. The
    // conversion inside FieldRef::set may raise; the guard releases the lock.
    template <class F>
    void visit_field(std::string_view name, F&& f) const {
        struct Find final : rt::FieldVisitor {
            std::string_view wanted;
            F* action;
            Find(std::string_view w, F* a) : wanted(w), action(a) {}
            void visit(std::string_view n, rt::FieldRef field) override {
                if (n == wanted) {
                    (*action)(field);
                }
            }
        } find(name, &f);
        std::lock_guard lock(pyro_lock_);
        self()->pyro_fields(find);
    }

    mutable rt::SpinLock pyro_lock_;
};

// A shared reference to an instance of C (or of a subclass).
template <class C>
class Ref {
public:
    Ref() noexcept = default;
    explicit Ref(C* object) noexcept : p_(object) {
        if (p_ != nullptr) {
            p_->retain();
        }
    }
    template <class D>
    requires std::is_convertible_v<D*, C*> Ref(const Ref<D>& other)
    noexcept : Ref(other.get()) {}
    Ref(const Ref& other) noexcept : Ref(other.p_) {}
    Ref(Ref&& other) noexcept : p_(std::exchange(other.p_, nullptr)) {}
    Ref& operator=(Ref other) noexcept {
        std::swap(p_, other.p_);
        return *this;
    }
    ~Ref() {
        if (p_ != nullptr) {
            p_->release();
        }
    }

    C* get() const noexcept { return p_; }
    C* operator->() const noexcept { return p_; }
    C& operator*() const noexcept { return *p_; }

    template <class D>
    friend bool operator==(const Ref& a, const Ref<D>& b) noexcept {
        return static_cast<const Object*>(a.get()) == static_cast<const Object*>(b.get());
    }

private:
    C* p_ = nullptr;
};

// A new instance of C (its C++ constructor's arguments; __init__ is called by the caller).
template <class C, class... Args>
Ref<C> make(Args&&... args) {
    return Ref<C>(new C(std::forward<Args>(args)...));
}

template <class C>
bool truthy(const Ref<C>&) noexcept {
    return true;
}

namespace rt {

// `self` as a value, inside a method: pyro::rt::self_ref(this).
template <class C>
Ref<C> self_ref(C* self) noexcept {
    return Ref<C>(self);
}

// `f().x` and `f().x = v` where the instance is an expression evaluated once (a name or
// `self` is spelled obj->pyro_get(obj->x)): pyro::rt::get_field(f(), &Owner::x).
template <class C, class B, class T, FieldName N>
T get_field(const Ref<C>& obj, Field<T, N> B::*field) {
    return obj->pyro_get((*obj).*field);
}
template <class C, class B, class T, FieldName N, class U>
void set_field(const Ref<C>& obj, Field<T, N> B::*field, U&& value) {
    obj->pyro_set((*obj).*field, std::forward<U>(value));
}

template <class C>
struct Printer<Ref<C>> {
    static void str(Buf& out, const Ref<C>& r) { r->print(out); }
};

template <class C>
struct TypeName<Ref<C>> {
    static std::string name() { return std::string(C::pyro_name); }
};

template <class C>
struct Hash<Ref<C>> {
    std::uint64_t operator()(const Ref<C>& r) const { return r->hash(); }
};

template <class C>
struct AnyTraits<Ref<C>> {
    static Any to_any(const Ref<C>& r) { return Any::from_object(r.get()); }
    static bool is(const Any& a) {
        return a.is_object() && dynamic_cast<const C*>(&a.object()) != nullptr;
    }
    static Ref<C> from(const Any& a) {
        const C* c = a.is_object() ? dynamic_cast<const C*>(&a.object()) : nullptr;
        if (c == nullptr) [[unlikely]] {
            raise_type_mismatch(C::pyro_name, a.full_type_name());
        }
        return Ref<C>(const_cast<C*>(c));  // instances are never const objects
    }
};

}  // namespace rt

}  // namespace pyro
