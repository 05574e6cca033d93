// File helpers with the guarantees the driver needs: whole-file reads, writes that readers
// never see half done (write a temporary, then rename), and temporary directories that
// clean up after themselves.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

namespace pyro2cpp::driver {

// Throws DriverError naming the file and the OS's reason.
std::string read_file(const std::filesystem::path& path);

// Writes `content` to `path` through a temporary in the same directory and a rename, so a
// concurrent reader (or a build system) sees the old file or the new one, never a mix.
void write_file_atomic(const std::filesystem::path& path, std::string_view content,
                       bool executable = false);

// Copies `from` to `to` the same way (keeping the executable bit).
void copy_file_atomic(const std::filesystem::path& from, const std::filesystem::path& to);

// A fresh directory `parent/prefixXXXXXX`; removed with its contents on destruction unless
// release()d (e.g. after it was renamed into place).
class TempDir {
public:
    TempDir(const std::filesystem::path& parent, const std::string& prefix);
    ~TempDir();
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;

    const std::filesystem::path& path() const { return path_; }
    void release() { path_.clear(); }

private:
    std::filesystem::path path_;
};

// Creates `dir` and its parents; throws DriverError when that fails.
void ensure_dir(const std::filesystem::path& dir);

}  // namespace pyro2cpp::driver
