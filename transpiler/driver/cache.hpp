// The cache behind `build` and `run`: compiled programs and precompiled runtime headers,
// each in a directory named by a hash of everything that went into it.
//
// Layout under the cache directory (see paths.hpp):
//   v1/bin/KEY/NAME, NAME.cpp   a compiled program and the C++ it came from
//   v1/pch/KEY/pyro/pyro.hpp.gch  the runtime header, precompiled for one set of flags
//   v1/memo/KEY                 small remembered facts (a compiler's --version output, the
//                               user headers a program's compile read)
//   v1/lock/KEY                 lock files (flock) for what only one process should build
//   v1/tmp/                     work in progress, renamed into place when complete (removed
//                               after a day if its process died)
// An entry appears by an atomic rename of a finished directory, so concurrent pyro2cpp
// processes never see a half-written entry; two that race both build, and the first rename
// wins. Nothing is ever evicted: deleting the whole directory at any time is safe.
#pragma once

#include <boost/uuid/detail/sha1.hpp>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "driver/files.hpp"

namespace pyro2cpp::driver {

// SHA-1 over a sequence of byte strings. Each piece is length-prefixed, so ("ab", "c") and
// ("a", "bc") differ. The cache needs no cryptographic strength, only no accidental
// collisions, and Boost (already a dependency of the runtime) provides SHA-1.
class Hasher {
public:
    Hasher& add(std::string_view bytes);
    std::string hex();  // 40 hex digits; ends the hashing

private:
    boost::uuids::detail::sha1 sha_;
};

// A digest of every file under `include_dir/pyro` (relative paths and contents), so an edited
// runtime header invalidates everything built with it. Computed once per process.
const std::string& runtime_headers_digest(const std::filesystem::path& include_dir);

class Cache {
public:
    explicit Cache(const std::filesystem::path& cache_dir);

    std::filesystem::path binary_dir(const std::string& key) const;
    std::filesystem::path pch_dir(const std::string& key) const;
    // A fresh directory to build in, on the same file system as the entries.
    TempDir new_work_dir() const;
    // Renames the finished `work` to `entry`. When another process published the same entry
    // first, theirs is kept (it was built from the same inputs) and `work` is discarded.
    void publish(TempDir& work, const std::filesystem::path& entry) const;
    // Small remembered texts: recall() is empty when nothing was stored under `key`.
    std::optional<std::string> recall(const std::string& key) const;
    void store(const std::string& key, std::string_view value) const;
    // The remembered text for `key`, computing and storing it on first use.
    std::string memo(const std::string& key, const std::function<std::string()>& compute) const;
    // A lock file for `key`: held while one process builds what others would also build.
    std::filesystem::path lock_path(const std::string& key) const;

private:
    std::filesystem::path root_;
};

// An exclusive flock(2) on a file, held for the object's lifetime. The kernel releases it
// if the process dies, so a crashed builder never blocks the next one.
class FileLock {
public:
    explicit FileLock(const std::filesystem::path& path);
    ~FileLock();
    FileLock(const FileLock&) = delete;
    FileLock& operator=(const FileLock&) = delete;

private:
    int fd_ = -1;
};

}  // namespace pyro2cpp::driver
