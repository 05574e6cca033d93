// std.fs: files and directories (LANGUAGE.md 7).
//
// The public face of fs_ops.hpp: Pyro strings in and out, every OS failure raised as an
// Error naming what was attempted, the path and the OS's reason
// (`cannot read "x.txt": No such file or directory`). exists/is_file/is_dir never raise: a
// path that cannot be examined simply is not there. create_dir makes missing parents and
// accepts a directory that already exists; remove_dir removes an empty directory only;
// list_dir gives the sorted names (not paths) of a directory's entries.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "pyro/data.hpp"
#include "pyro/std/fs_ops.hpp"
#include "pyro/str.hpp"

namespace pyro::fs {

inline Str read_to_string(const Str& path) {
    return Str(detail::read_file(path.view()));
}
inline void write(const Str& path, const Str& text) {
    detail::write_file(path.view(), text.view(), false);
}
inline void append(const Str& path, const Str& text) {
    detail::write_file(path.view(), text.view(), true);
}
inline bool exists(const Str& path) {
    return detail::exists(path.view());
}
inline bool is_file(const Str& path) {
    return detail::is_file(path.view());
}
inline bool is_dir(const Str& path) {
    return detail::is_dir(path.view());
}
inline void create_dir(const Str& path) {
    detail::create_dir(path.view());
}
inline void remove_file(const Str& path) {
    detail::remove_file(path.view());
}
inline void remove_dir(const Str& path) {
    detail::remove_dir(path.view());
}
inline List<Str> list_dir(const Str& path) {
    std::vector<Str> names;
    for (const std::string& name : detail::list_dir(path.view())) {
        names.emplace_back(name);
    }
    return List<Str>(std::move(names));
}

}  // namespace pyro::fs
