// The cache's mechanics: hashing, directory naming, atomic publication and locking. What goes
// into each key is decided by the code that builds the entry (build.cpp, pch.cpp).
#include "driver/cache.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <map>
#include <system_error>
#include <vector>

#include "driver/errors.hpp"

namespace pyro2cpp::driver {

namespace fs = std::filesystem;

Hasher& Hasher::add(std::string_view bytes) {
    std::uint64_t size = bytes.size();
    unsigned char prefix[8];
    for (int i = 0; i < 8; ++i)
        prefix[i] = static_cast<unsigned char>(size >> (8 * i));
    sha_.process_bytes(prefix, sizeof prefix);
    sha_.process_bytes(bytes.data(), bytes.size());
    return *this;
}

std::string Hasher::hex() {
    boost::uuids::detail::sha1::digest_type digest;
    sha_.get_digest(digest);
    std::string out;
    char buf[9];
    for (unsigned int word : digest) {
        std::snprintf(buf, sizeof buf, "%08x", word);
        out += buf;
    }
    return out;
}

const std::string& runtime_headers_digest(const fs::path& include_dir) {
    static std::map<fs::path, std::string> computed;
    auto [it, fresh] = computed.try_emplace(include_dir);
    if (!fresh) return it->second;

    std::vector<fs::path> files;
    std::error_code ec;
    for (auto i = fs::recursive_directory_iterator(include_dir / "pyro", ec);
         !ec && i != fs::recursive_directory_iterator(); i.increment(ec)) {
        if (i->is_regular_file(ec)) files.push_back(i->path());
    }
    if (ec)
        throw DriverError("cannot list " + (include_dir / "pyro").string() + ": " + ec.message());
    std::sort(files.begin(), files.end());
    Hasher h;
    for (const fs::path& f : files) {
        h.add(f.lexically_relative(include_dir).string());
        h.add(read_file(f));
    }
    it->second = h.hex();
    return it->second;
}

Cache::Cache(const fs::path& cache_dir) : root_(cache_dir / "v1") {}

fs::path Cache::binary_dir(const std::string& key) const {
    return root_ / "bin" / key;
}

fs::path Cache::pch_dir(const std::string& key) const {
    return root_ / "pch" / key;
}

fs::path Cache::lock_path(const std::string& key) const {
    return root_ / "lock" / key;
}

TempDir Cache::new_work_dir() const {
    return TempDir(root_ / "tmp", "work-");
}

void Cache::publish(TempDir& work, const fs::path& entry) const {
    ensure_dir(entry.parent_path());
    if (std::rename(work.path().c_str(), entry.c_str()) == 0) {
        work.release();
        return;
    }
    // rename(2) refuses to replace a non-empty directory: someone else got there first.
    if (errno == EEXIST || errno == ENOTEMPTY) return;
    throw DriverError("cannot store " + entry.string() + " in the cache: " + std::strerror(errno));
}

std::optional<std::string> Cache::recall(const std::string& key) const {
    fs::path file = root_ / "memo" / key;
    std::error_code ec;
    if (!fs::is_regular_file(file, ec)) return std::nullopt;
    return read_file(file);
}

void Cache::store(const std::string& key, std::string_view value) const {
    fs::path file = root_ / "memo" / key;
    ensure_dir(file.parent_path());
    write_file_atomic(file, value);
}

std::string Cache::memo(const std::string& key, const std::function<std::string()>& compute) const {
    if (std::optional<std::string> known = recall(key)) return *known;
    std::string value = compute();
    store(key, value);
    return value;
}

FileLock::FileLock(const fs::path& path) {
    ensure_dir(path.parent_path());
    fd_ = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0666);
    if (fd_ < 0)
        throw DriverError("cannot open lock " + path.string() + ": " + std::strerror(errno));
    while (::flock(fd_, LOCK_EX) != 0) {
        if (errno == EINTR) continue;
        std::string reason = std::strerror(errno);
        ::close(fd_);
        throw DriverError("cannot lock " + path.string() + ": " + reason);
    }
}

FileLock::~FileLock() {
    if (fd_ >= 0) ::close(fd_);  // closing releases the lock
}

}  // namespace pyro2cpp::driver
