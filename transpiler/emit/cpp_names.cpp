// The renaming table. A reserved name gets a trailing `_` (`class` -> `class_`, `main` ->
// `main_`); an identifier C++ keeps for the implementation gets a leading `u` and each `__`
// split (`_x` -> `u_x`, `a__b` -> `a_u_b`, `__init__` -> `u_u_init_u_`). Any collision this creates
// with another user name is resolved where names are made unique (sema's scopes add `_2`).
#include "emit/cpp_names.hpp"

#include <unordered_set>

namespace pyro2cpp::emit {

namespace {

// C++20 keywords and alternative tokens; the C library's macros and names a generated file
// sees through <pyro/pyro.hpp>'s includes; the runtime's public functions that argument-
// dependent lookup would find next to a user function of the same name (`len(s)` would be
// ambiguous with pyro::len); and the names generated code itself defines.
const std::unordered_set<std::string_view>& reserved_names() {
    static const std::unordered_set<std::string_view> names = {
        "BUFSIZ",       "EDOM",         "EILSEQ",
        "EOF",          "ERANGE",       "EXIT_FAILURE",
        "EXIT_SUCCESS", "FILENAME_MAX", "FOPEN_MAX",
        "INFINITY",     "L_tmpnam",     "MB_CUR_MAX",
        "NAN",          "NULL",         "PYRO_AT",
        "PYRO_ENTER",   "PYRO_MAIN",    "RAND_MAX",
        "SEEK_CUR",     "SEEK_END",     "SEEK_SET",
        "TMP_MAX",      "alignas",      "alignof",
        "and",          "and_eq",       "asm",
        "assert",       "auto",         "bitand",
        "bitor",        "bool",         "break",
        "case",         "catch",        "chan",
        "char",         "char16_t",     "char32_t",
        "char8_t",      "class",        "co_await",
        "co_return",    "co_yield",     "compl",
        "concept",      "const",        "const_cast",
        "consteval",    "constexpr",    "constinit",
        "continue",     "decltype",     "default",
        "delete",       "do",           "double",
        "dynamic_cast", "else",         "enum",
        "eprint",       "errno",        "explicit",
        "export",       "extern",       "false",
        "final",        "float",        "fmt",
        "for",          "format",       "friend",
        "go",           "goto",         "if",
        "import",       "inline",       "int",
        "len",          "linux",        "long",
        "main",         "module",       "mutable",
        "namespace",    "new",          "noexcept",
        "not",          "not_eq",       "nullptr",
        "offsetof",     "operator",     "or",
        "or_eq",        "override",     "print",
        "private",      "protected",    "public",
        "range",        "register",     "reinterpret_cast",
        "repr",         "requires",     "return",
        "setjmp",       "short",        "signed",
        "sizeof",       "static",       "static_assert",
        "static_cast",  "std",          "stderr",
        "stdin",        "stdout",       "str",
        "struct",       "switch",       "template",
        "this",         "thread_local", "throw",
        "to_bool",      "to_float",     "to_int",
        "true",         "truthy",       "try",
        "typedef",      "typeid",       "typename",
        "union",        "unix",         "unsigned",
        "using",        "va_arg",       "va_end",
        "va_start",     "virtual",      "void",
        "volatile",     "wchar_t",      "while",
        "xor",          "xor_eq",
    };
    return names;
}

}  // namespace

bool is_reserved_in_cpp(std::string_view name) {
    return reserved_names().count(name) != 0;
}

std::string cpp_identifier(std::string_view pyro_name) {
    std::string name(pyro_name);
    if (name.starts_with('_') || name.find("__") != std::string::npos) {
        std::string out = name.starts_with('_') ? "u" : "";
        for (std::size_t i = 0; i < name.size(); ++i) {
            out += name[i];
            // Break every `__` with a `u`.
            if (name[i] == '_' && i + 1 < name.size() && name[i + 1] == '_') out += 'u';
        }
        return out;
    }
    if (is_reserved_in_cpp(name) || name.starts_with("pyro") || name.starts_with("PYRO")) {
        return name + "_";
    }
    return name;
}

}  // namespace pyro2cpp::emit
