// The builtin functions: the ones this version implements, and the names of the others
// (LANGUAGE.md 5.5), so that using one says "not supported yet" instead of "unknown name".
#include <array>
#include <string_view>

#include "sema/checker.hpp"

namespace pyro2cpp::sema::detail {

namespace {

struct BuiltinName {
    std::string_view name;
    Builtin builtin;
};

constexpr std::array<BuiltinName, 32> builtins = {{
    {"print", Builtin::print},
    {"eprint", Builtin::eprint},
    {"str", Builtin::str},
    {"int", Builtin::int_},
    {"float", Builtin::float_},
    {"bool", Builtin::bool_},
    {"len", Builtin::len},
    {"range", Builtin::range},
    {"type", Builtin::type},
    {"input", Builtin::input},
    {"abs", Builtin::abs},
    {"min", Builtin::min},
    {"max", Builtin::max},
    {"sum", Builtin::sum},
    {"sorted", Builtin::sorted},
    {"reversed", Builtin::reversed},
    {"enumerate", Builtin::enumerate},
    {"zip", Builtin::zip},
    {"map", Builtin::map},
    {"filter", Builtin::filter},
    {"any", Builtin::any_},
    {"all", Builtin::all},
    {"chr", Builtin::chr},
    {"ord", Builtin::ord},
    {"list", Builtin::list},
    {"set", Builtin::set},
    {"dict", Builtin::dict},
    {"tuple", Builtin::tuple},
    {"ListMutable", Builtin::list_mutable},
    {"TupleMutable", Builtin::tuple_mutable},
    {"SetMutable", Builtin::set_mutable},
    {"DictMutable", Builtin::dict_mutable},
}};

constexpr std::array<std::string_view, 6> later_builtins = {
    "isinstance", "chan", "Error", "Sender", "Receiver", "super",
};

}  // namespace

std::optional<Builtin> find_builtin(const std::string& name) {
    for (const BuiltinName& b : builtins) {
        if (b.name == name) return b.builtin;
    }
    return std::nullopt;
}

bool is_unsupported_builtin(const std::string& name) {
    for (std::string_view later : later_builtins) {
        if (later == name) return true;
    }
    return false;
}

const char* builtin_name(Builtin b) {
    for (const BuiltinName& entry : builtins) {
        if (entry.builtin == b) return entry.name.data();
    }
    return "?";
}

}  // namespace pyro2cpp::sema::detail
