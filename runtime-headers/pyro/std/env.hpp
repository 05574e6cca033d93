// std.env: the process's environment, arguments and working directory (LANGUAGE.md 7).
//
// var(name) is the variable's value, or void when it is not set (a set but empty variable is
// ""); vars() is every variable, ordered by name; args() is the program's path, then its
// arguments, as PYRO_MAIN received them; cwd() and set_cwd(p) read and change the working
// directory, which all tasks share. The environment is read, never changed, by Pyro code, so
// reading it from many tasks at once is safe.
#pragma once

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "pyro/data.hpp"
#include "pyro/main.hpp"
#include "pyro/std/fs_ops.hpp"
#include "pyro/str.hpp"

extern char** environ;

namespace pyro::env::detail {

inline std::optional<std::string> var(std::string_view name) {
    if (name.find('\0') != std::string_view::npos) {
        return std::nullopt;  // no variable has such a name
    }
    const char* value = std::getenv(std::string(name).c_str());
    if (value == nullptr) {
        return std::nullopt;
    }
    return std::string(value);
}

// Name and value of every variable, sorted by name; where the environment names a variable
// twice, the first wins, as getenv finds it.
inline std::vector<std::pair<std::string, std::string>> vars() {
    std::vector<std::pair<std::string, std::string>> out;
    for (char** entry = environ; entry != nullptr && *entry != nullptr; ++entry) {
        const std::string_view text(*entry);
        const std::size_t eq = text.find('=');
        if (eq == std::string_view::npos) {
            continue;  // not NAME=VALUE; getenv ignores it too
        }
        out.emplace_back(std::string(text.substr(0, eq)), std::string(text.substr(eq + 1)));
    }
    std::stable_sort(out.begin(), out.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
    out.erase(std::unique(out.begin(), out.end(),
                          [](const auto& a, const auto& b) { return a.first == b.first; }),
              out.end());
    return out;
}

inline const std::vector<std::string_view>& args() {
    return rt::program_args();
}

}  // namespace pyro::env::detail

namespace pyro::env {

// `string | void`: like every union, an any holding one of the two.
inline Any var(const Str& name) {
    std::optional<std::string> value = detail::var(name.view());
    return value ? Any(Str(*value)) : Any();
}
inline Dict<Str, Str> vars() {
    rt::HashTable<Str, Str> table;
    for (const auto& [name, value] : detail::vars()) {
        table.insert_or_assign(Str(name), Str(value));
    }
    return Dict<Str, Str>(std::move(table));
}
inline List<Str> args() {
    std::vector<Str> out;
    for (const std::string_view arg : detail::args()) {
        out.emplace_back(arg);
    }
    return List<Str>(std::move(out));
}

inline Str cwd() {
    return Str(fs::detail::current_dir());
}
inline void set_cwd(const Str& path) {
    fs::detail::set_current_dir(path.view());
}

}  // namespace pyro::env
