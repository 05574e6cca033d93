// The file-system work behind std.fs and std.io, over plain C++ strings.
//
// Files are read and written with POSIX calls rather than iostreams so that a failure reports
// the OS's own reason (`cannot read "x.txt": No such file or directory`, `... Is a directory`,
// `... Permission denied`); directories are made with <filesystem>. Contents are bytes: what
// is read is not checked to be UTF-8, and strings are written as they are. The calls block the
// thread that makes them (as every file system call does), not only the task.
#pragma once

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <filesystem>
#include <string>
#include <string_view>
#include <system_error>
#include <vector>

#include "pyro/std/os_error.hpp"

namespace pyro::fs::detail {

// Closes a file descriptor on every way out.
class Fd {
public:
    explicit Fd(int fd) noexcept : fd_(fd) {}
    Fd(const Fd&) = delete;
    Fd& operator=(const Fd&) = delete;
    ~Fd() {
        if (fd_ >= 0) {
            ::close(fd_);
        }
    }
    int get() const noexcept { return fd_; }
    // Closes now, returning close's errno (0 on success): a write error may surface only here.
    int close() noexcept {
        const int result = ::close(fd_);
        fd_ = -1;
        return result == 0 ? 0 : errno;
    }

private:
    int fd_;
};

inline std::string read_file(std::string_view path) {
    const std::string p = rt::c_path("read", path);
    Fd fd(::open(p.c_str(), O_RDONLY | O_CLOEXEC));
    if (fd.get() < 0) {
        rt::raise_os_error("read", path, errno);
    }
    // Read straight into the string (a 64 KiB buffer would be a lot of a task's stack), sized
    // from fstat so a regular file is read without regrowing.
    std::string out;
    struct stat info;
    std::size_t capacity = 4096;
    if (::fstat(fd.get(), &info) == 0 && S_ISREG(info.st_mode) && info.st_size > 0) {
        capacity = static_cast<std::size_t>(info.st_size) + 1;  // +1: the read that sees EOF
    }
    out.resize(capacity);
    std::size_t size = 0;
    while (true) {
        if (size == out.size()) {
            out.resize(out.size() * 2);
        }
        const ssize_t n = ::read(fd.get(), out.data() + size, out.size() - size);
        if (n > 0) {
            size += static_cast<std::size_t>(n);
        } else if (n == 0) {
            out.resize(size);
            return out;
        } else if (errno != EINTR) {
            rt::raise_os_error("read", path, errno);
        }
    }
}

// Writes `data` to `path`, replacing what was there, or after it when `append` is set;
// creates the file if needed.
inline void write_file(std::string_view path, std::string_view data, bool append) {
    const char* doing = append ? "append to" : "write";
    const std::string p = rt::c_path(doing, path);
    const int flags = O_WRONLY | O_CREAT | O_CLOEXEC | (append ? O_APPEND : O_TRUNC);
    Fd fd(::open(p.c_str(), flags, 0666));
    if (fd.get() < 0) {
        rt::raise_os_error(doing, path, errno);
    }
    while (!data.empty()) {
        const ssize_t n = ::write(fd.get(), data.data(), data.size());
        if (n >= 0) {
            data.remove_prefix(static_cast<std::size_t>(n));
        } else if (errno != EINTR) {
            rt::raise_os_error(doing, path, errno);
        }
    }
    if (const int err = fd.close(); err != 0) {
        rt::raise_os_error(doing, path, err);
    }
}

// stat() that follows symbolic links; false for a path that cannot be examined for any
// reason (missing, a dangling link, no permission), as Python's os.path.exists.
inline bool stat_path(std::string_view path, struct stat& info) {
    if (path.find('\0') != std::string_view::npos) {
        return false;
    }
    return ::stat(std::string(path).c_str(), &info) == 0;
}

inline bool exists(std::string_view path) {
    struct stat info;
    return stat_path(path, info);
}
inline bool is_file(std::string_view path) {
    struct stat info;
    return stat_path(path, info) && S_ISREG(info.st_mode);
}
inline bool is_dir(std::string_view path) {
    struct stat info;
    return stat_path(path, info) && S_ISDIR(info.st_mode);
}

// Creates the directory and any missing parents; a directory that is already there is fine
// (`mkdir -p`), anything else in the way raises.
inline void create_dir(std::string_view path) {
    const std::string p = rt::c_path("create directory", path);
    if (p.empty()) {
        rt::raise_os_error("create directory", path, ENOENT);
    }
    struct stat info;
    if (stat_path(p, info)) {
        if (S_ISDIR(info.st_mode)) {
            return;
        }
        rt::raise_os_error("create directory", path, EEXIST);  // as mkdir -p says it
    }
    std::error_code ec;
    std::filesystem::create_directories(p, ec);
    if (ec) {
        rt::raise_path_error("create directory", path, ec.message());
    }
}

// A file (or a symbolic link); a directory raises `Is a directory`.
inline void remove_file(std::string_view path) {
    const std::string p = rt::c_path("remove file", path);
    if (::unlink(p.c_str()) != 0) {
        rt::raise_os_error("remove file", path, errno);
    }
}

// An empty directory only, as Rust's fs::remove_dir and Python's os.rmdir: removing a tree
// is a loop the program writes on purpose.
inline void remove_dir(std::string_view path) {
    const std::string p = rt::c_path("remove directory", path);
    if (::rmdir(p.c_str()) != 0) {
        rt::raise_os_error("remove directory", path, errno);
    }
}

// The names in a directory (not paths), without "." and "..", sorted by bytes (code points).
inline std::vector<std::string> list_dir(std::string_view path) {
    const std::string p = rt::c_path("list directory", path);
    DIR* dir = ::opendir(p.c_str());
    if (dir == nullptr) {
        rt::raise_os_error("list directory", path, errno);
    }
    std::vector<std::string> names;
    while (true) {
        errno = 0;
        const dirent* entry = ::readdir(dir);
        if (entry == nullptr) {
            break;
        }
        const std::string_view name = entry->d_name;
        if (name != "." && name != "..") {
            names.emplace_back(name);
        }
    }
    const int err = errno;
    ::closedir(dir);
    if (err != 0) {
        rt::raise_os_error("list directory", path, err);
    }
    std::sort(names.begin(), names.end());
    return names;
}

// The process's working directory (shared by every task), for env.cwd and path.abs_path.
inline std::string current_dir() {
    std::string buf(256, '\0');
    while (::getcwd(buf.data(), buf.size()) == nullptr) {
        if (errno != ERANGE) {
            rt::raise_error("cannot get the current directory: " +
                            std::generic_category().message(errno));
        }
        buf.resize(buf.size() * 2);
    }
    buf.resize(std::char_traits<char>::length(buf.c_str()));
    return buf;
}

inline void set_current_dir(std::string_view path) {
    const std::string p = rt::c_path("change directory to", path);
    if (::chdir(p.c_str()) != 0) {
        rt::raise_os_error("change directory to", path, errno);
    }
}

}  // namespace pyro::fs::detail
