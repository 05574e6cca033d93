// The path arithmetic behind std.path, over plain C++ strings.
//
// Paths are POSIX paths and the rules are Python's posixpath, which Pyro's users know:
// - join: parts joined by "/" (none added after a part that already ends in one); an absolute
//   part starts the path over (`join("a", "/b")` is "/b"); empty parts add nothing but a "/".
// - basename: what follows the last "/" ("" for "a/b/"); dirname: what precedes it, trailing
//   slashes dropped unless it is all slashes ("a/b" -> "a", "/a" -> "/", "a" -> "").
// - extname: the last extension without its dot; leading dots of a name do not start one
//   (".bashrc" -> "", "a.tar.gz" -> "gz", "a." -> "").
// - abs_path: against the working directory, then normalised without touching the file system
//   ("." and empty parts dropped, ".." removes the part before it; symbolic links are not
//   resolved). Only this one reads anything (the working directory).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "pyro/std/fs_ops.hpp"

namespace pyro::path::detail {

inline void join_onto(std::string& path, std::string_view part) {
    if (!part.empty() && part.front() == '/') {
        path.assign(part);
    } else if (path.empty() || path.back() == '/') {
        path.append(part);
    } else {
        path.push_back('/');
        path.append(part);
    }
}

template <class Parts>
std::string join(const Parts& parts) {
    std::string path;
    bool first = true;
    for (const auto& part : parts) {
        const std::string_view text(part);
        if (first) {
            path.assign(text);
            first = false;
        } else {
            join_onto(path, text);
        }
    }
    return path;
}

inline std::string_view basename(std::string_view path) noexcept {
    const std::size_t slash = path.rfind('/');
    return slash == std::string_view::npos ? path : path.substr(slash + 1);
}

inline std::string_view dirname(std::string_view path) noexcept {
    const std::size_t slash = path.rfind('/');
    if (slash == std::string_view::npos) {
        return {};
    }
    std::string_view head = path.substr(0, slash + 1);
    const std::size_t last = head.find_last_not_of('/');
    return last == std::string_view::npos ? head : head.substr(0, last + 1);
}

inline std::string_view extname(std::string_view path) noexcept {
    const std::size_t slash = path.rfind('/');
    const std::size_t name_start = slash == std::string_view::npos ? 0 : slash + 1;
    const std::size_t dot = path.rfind('.');
    if (dot == std::string_view::npos || dot < name_start) {
        return {};
    }
    // A dot counts only if something other than dots comes before it in the name.
    for (std::size_t i = name_start; i < dot; ++i) {
        if (path[i] != '.') {
            return path.substr(dot + 1);
        }
    }
    return {};
}

// Python's posixpath.normpath: lexical, keeps leading ".." of a relative path, and keeps a
// leading "//" (POSIX leaves its meaning to the system) but not "///".
inline std::string normalise(std::string_view path) {
    if (path.empty()) {
        return ".";
    }
    std::size_t leading = 0;
    if (path.front() == '/') {
        const bool two = path.size() >= 2 && path[1] == '/' && (path.size() == 2 || path[2] != '/');
        leading = two ? 2 : 1;
    }
    std::vector<std::string_view> parts;
    std::size_t start = 0;
    while (start <= path.size()) {
        std::size_t end = path.find('/', start);
        if (end == std::string_view::npos) {
            end = path.size();
        }
        const std::string_view part = path.substr(start, end - start);
        start = end + 1;
        if (part.empty() || part == ".") {
            continue;
        }
        if (part != ".." || (leading == 0 && parts.empty()) ||
            (!parts.empty() && parts.back() == "..")) {
            parts.push_back(part);
        } else if (!parts.empty()) {
            parts.pop_back();
        }
    }
    std::string out(leading, '/');
    for (std::size_t i = 0; i < parts.size(); ++i) {
        if (i > 0) {
            out.push_back('/');
        }
        out.append(parts[i]);
    }
    return out.empty() ? "." : out;
}

inline std::string abs_path(std::string_view path) {
    if (!path.empty() && path.front() == '/') {
        return normalise(path);
    }
    std::string full = fs::detail::current_dir();
    join_onto(full, path);
    return normalise(full);
}

}  // namespace pyro::path::detail
