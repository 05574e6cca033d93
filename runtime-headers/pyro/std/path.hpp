// std.path: path arithmetic (LANGUAGE.md 7), the public face of path_ops.hpp.
//
// join(parts) takes a list of strings or several strings (`path.join("a", "b")`); basename,
// dirname, extname (without the dot) and abs_path take one. Python's posixpath rules
// (path_ops.hpp has them); only abs_path consults anything outside its argument, the working
// directory. Nothing here raises except abs_path when the working directory is gone.
#pragma once

#include <concepts>
#include <string_view>
#include <vector>

#include "pyro/data.hpp"
#include "pyro/std/path_ops.hpp"
#include "pyro/str.hpp"

namespace pyro::path {

template <class... Parts>
requires(sizeof...(Parts) >= 1 && (std::same_as<Parts, Str> && ...)) Str
    join(const Parts&... parts) {
    const std::string_view views[] = {parts.view()...};
    return Str(detail::join(views));
}
inline Str join(const List<Str>& parts) {
    std::vector<std::string_view> views;
    views.reserve(parts.size());
    for (const Str& part : parts) {
        views.push_back(part.view());
    }
    return Str(detail::join(views));
}
inline Str join(const ListMut<Str>& parts) {
    return join(parts.snapshot());
}
inline Str basename(const Str& path) {
    return Str(detail::basename(path.view()));
}
inline Str dirname(const Str& path) {
    return Str(detail::dirname(path.view()));
}
inline Str extname(const Str& path) {
    return Str(detail::extname(path.view()));
}
inline Str abs_path(const Str& path) {
    return Str(detail::abs_path(path.view()));
}

}  // namespace pyro::path
