// std.json: stringify(v) and parse(s) (LANGUAGE.md 7), over Pyro's values.
//
// json_read.hpp and json_write.hpp do the work over plain C++; this header connects them to the
// data model. parse builds immutable values inside an Any — objects become Dict<Str, Any>,
// arrays List<Any>, numbers Int or double, null void — so the result has the type `any`, as
// the language says. stringify takes any value: an Encoder specialisation per container kind
// (lists, tuples and sets become arrays; dicts, records and instances objects — a record's
// fields in declaration order, an instance's set fields as it prints them), and an Any is
// written by what it holds at run time. A dict key must be a string (`JSON object keys must be
// strings, got int`); a value with no JSON form raises `cannot convert chan to JSON`. Mutable
// containers are written from a snapshot taken under their lock, and pass their identity to the
// writer, which raises for a value that contains itself instead of recursing forever.
#pragma once

#include <cstdint>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "pyro/data.hpp"
#include "pyro/std/json_read.hpp"
#include "pyro/std/json_write.hpp"

namespace pyro::json::detail {

// Builds what parse returns. Repeated keys keep the first position and the last value, as a
// dict literal does.
struct AnyBuilder {
    using Value = Any;
    Any null_value() { return Any(); }
    Any bool_value(bool b) { return Any(b); }
    Any int_value(std::int64_t n) { return Any(Int(n)); }
    Any float_value(double d) { return Any(d); }
    Any string_value(std::string&& s) { return Any(Str(s)); }
    Any array_value(std::vector<Any>&& items) { return Any(List<Any>(std::move(items))); }
    Any object_value(std::vector<std::pair<std::string, Any>>&& members) {
        rt::HashTable<Str, Any> table;
        for (auto& [key, value] : members) {
            table.insert_or_assign(Str(key), std::move(value));
        }
        return Any(Dict<Str, Any>(std::move(table)));
    }
};

[[noreturn, gnu::cold, gnu::noinline]] inline void raise_key_type(const std::string& type) {
    rt::raise_error("JSON object keys must be strings, got " + type);
}

// The elements of a list, set or the like as a JSON array.
template <class Range>
void write_array(Writer& w, const Range& items, const void* identity) {
    w.open('[', identity);
    bool first = true;
    for (const auto& x : items) {
        w.separate(first);
        encode(w, x);
    }
    w.close(']', identity);
}

template <class K>
std::string_view key_text(const K& key) {
    if constexpr (std::is_same_v<K, Str>) {
        return key.view();
    } else if constexpr (std::is_same_v<K, Any>) {
        if (!key.is_str()) {
            raise_key_type(key.type_name());
        }
        return key.str_value().view();
    } else {
        raise_key_type(rt::kind_name(rt::type_name<K>()));
    }
}

template <class Table>
void write_table(Writer& w, const Table& table, const void* identity) {
    w.open('{', identity);
    bool first = true;
    for (const auto& entry : table) {
        w.separate(first);
        w.key(key_text(entry.key));
        encode(w, entry.value);
    }
    w.close('}', identity);
}

template <class T>
struct Encoder<List<T>> {
    static void write(Writer& w, const List<T>& xs) { write_array(w, xs, nullptr); }
};
template <class T>
struct Encoder<ListMut<T>> {
    static void write(Writer& w, const ListMut<T>& xs) {
        write_array(w, xs.copy_items(), xs.identity());
    }
};
template <class T>
struct Encoder<Set<T>> {
    static void write(Writer& w, const Set<T>& xs) { write_array(w, xs, nullptr); }
};
template <class T>
struct Encoder<SetMut<T>> {
    static void write(Writer& w, const SetMut<T>& xs) {
        write_array(w, xs.snapshot_elements(), xs.identity());
    }
};
template <class... Ts>
struct Encoder<Tuple<Ts...>> {
    static void write(Writer& w, const Tuple<Ts...>& t) { write_items(w, t.items(), nullptr); }
    static void write_items(Writer& w, const std::tuple<Ts...>& items, const void* identity) {
        w.open('[', identity);
        bool first = true;
        std::apply([&](const auto&... x) { ((w.separate(first), encode(w, x)), ...); }, items);
        w.close(']', identity);
    }
};
template <class... Ts>
struct Encoder<TupleMut<Ts...>> {
    static void write(Writer& w, const TupleMut<Ts...>& t) {
        Encoder<Tuple<Ts...>>::write_items(w, t.snapshot().items(), t.identity());
    }
};
template <class K, class V>
struct Encoder<Dict<K, V>> {
    static void write(Writer& w, const Dict<K, V>& d) { write_table(w, d.table(), nullptr); }
};
template <class K, class V>
struct Encoder<DictMut<K, V>> {
    static void write(Writer& w, const DictMut<K, V>& d) {
        write_table(w, d.snapshot().table(), d.identity());
    }
};

// A record: its fields in declaration order.
template <rt::Record R>
struct Encoder<R> {
    static void write(Writer& w, const R& r) {
        w.open('{', nullptr);
        bool first = true;
        std::size_t i = 0;
        std::apply(
            [&](const auto&... field) {
                ((w.separate(first), w.key(R::pyro_field_names[i++]), encode(w, field)), ...);
            },
            r.pyro_fields());
        w.close('}', nullptr);
    }
};

// An instance, or a record inside an Any: its fields as field_values() lists them (for an
// instance, the ones that are set, parent's first, read together under its lock).
inline void write_fields(Writer& w, const rt::AnyObject& o) {
    const auto fields = o.field_values();
    w.open('{', o.identity());
    bool first = true;
    for (const auto& [name, value] : fields) {
        w.separate(first);
        w.key(name);
        encode(w, value);
    }
    w.close('}', o.identity());
}
template <class C>
struct Encoder<Ref<C>> {
    static void write(Writer& w, const Ref<C>& r) { write_fields(w, *r); }
};

// A function's static type name is its signature, "(int) -> int"; the message names its kind,
// as type() does.
template <class R, class... A>
struct Encoder<Func<R(A...)>> {
    static void write(Writer&, const Func<R(A...)>&) { raise_unsupported("function"); }
};

// An Any is written by what it holds now. Containers answer through the AnyObject interface:
// elements() is a snapshot of a list's, tuple's or set's elements.
template <>
struct Encoder<Any> {
    static void write(Writer& w, const Any& a) {
        switch (a.tag()) {
            case Any::Tag::kVoid:
                w.null();
                return;
            case Any::Tag::kBool:
                w.boolean(a.bool_value());
                return;
            case Any::Tag::kInt:
                w.integer(a.int_value().v);
                return;
            case Any::Tag::kFloat:
                w.number(a.float_value());
                return;
            case Any::Tag::kStr:
                w.string(a.str_value().view());
                return;
            case Any::Tag::kObject:
                break;
        }
        const rt::AnyObject& object = a.object();
        switch (object.family()) {
            case rt::Family::kList:
            case rt::Family::kTuple:
            case rt::Family::kSet:
                write_array(w, object.elements(), object.identity());
                return;
            case rt::Family::kDict:
                write_dict(w, object);
                return;
            case rt::Family::kOther:
                break;
        }
        if (object.has_fields()) {
            write_fields(w, object);
            return;
        }
        raise_unsupported(object.type_name());
    }

    // What parse makes (a dict<string, any>) is walked directly; other dicts through their
    // items(), one snapshot, so a dict_mut changing meanwhile is still written consistently.
    static void write_dict(Writer& w, const rt::AnyObject& dict) {
        if (const auto* box = dynamic_cast<const rt::DictBox<Str, Any>*>(&dict)) {
            write_table(w, box->value().table(), nullptr);
            return;
        }
        if (const auto* box = dynamic_cast<const rt::DictMutBox<Str, Any>*>(&dict)) {
            write_table(w, box->value().snapshot().table(), dict.identity());
            return;
        }
        const Any items = dict.call_method("items", {});
        w.open('{', dict.identity());
        bool first = true;
        for (const Any& item : items.object().elements()) {
            const std::vector<Any> pair = item.object().elements();
            w.separate(first);
            w.key(key_text(pair[0]));
            encode(w, pair[1]);
        }
        w.close('}', dict.identity());
    }
};

}  // namespace pyro::json::detail

namespace pyro::json {

template <class T>
Str stringify(const T& value) {
    json::detail::Writer w;
    json::detail::encode(w, value);
    return Str(w.text());
}

inline Any parse(const Str& text) {
    json::detail::AnyBuilder builder;
    return json::detail::read(text.view(), builder);
}

}  // namespace pyro::json
