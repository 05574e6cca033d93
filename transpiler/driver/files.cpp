// File helpers. Temporary names carry the process id and a random suffix (mkstemp), so
// concurrent pyro2cpp processes sharing a cache never write to the same file.
#include "driver/files.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>
#include <system_error>
#include <vector>

#include "driver/errors.hpp"

namespace pyro2cpp::driver {

namespace fs = std::filesystem;

namespace {

std::string os_error() {
    return std::strerror(errno);
}

// Creates a unique temporary file next to `target`; returns its path and an open fd.
std::string make_temp_beside(const fs::path& target, int& fd) {
    fs::path dir = target.parent_path().empty() ? fs::path(".") : target.parent_path();
    std::string templ =
        (dir / ("." + target.filename().string() + "." + std::to_string(getpid()) + ".XXXXXX"))
            .string();
    std::vector<char> buf(templ.begin(), templ.end());
    buf.push_back('\0');
    fd = mkstemp(buf.data());
    if (fd < 0) throw DriverError("cannot write " + target.string() + ": " + os_error());
    return buf.data();
}

void write_all(int fd, std::string_view content, const std::string& what) {
    while (!content.empty()) {
        ssize_t n = ::write(fd, content.data(), content.size());
        if (n < 0) {
            if (errno == EINTR) continue;
            throw DriverError("cannot write " + what + ": " + os_error());
        }
        content.remove_prefix(static_cast<std::size_t>(n));
    }
}

void commit_temp(int fd, const std::string& temp, const fs::path& target, mode_t mode) {
    // mkstemp creates 0600; give the file the mode a normal create would (respecting umask).
    mode_t mask = umask(0);
    umask(mask);
    bool ok = fchmod(fd, mode & ~mask) == 0;
    ok = (::close(fd) == 0) && ok;
    if (!ok || std::rename(temp.c_str(), target.c_str()) != 0) {
        std::string reason = os_error();
        ::unlink(temp.c_str());
        throw DriverError("cannot write " + target.string() + ": " + reason);
    }
}

}  // namespace

std::string read_file(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw DriverError("cannot read " + path.string() + ": " + os_error());
    std::ostringstream buf;
    buf << in.rdbuf();
    if (in.bad()) throw DriverError("cannot read " + path.string() + ": " + os_error());
    return std::move(buf).str();
}

void write_file_atomic(const fs::path& path, std::string_view content, bool executable) {
    int fd = -1;
    std::string temp = make_temp_beside(path, fd);
    try {
        write_all(fd, content, path.string());
    } catch (...) {
        ::close(fd);
        ::unlink(temp.c_str());
        throw;
    }
    commit_temp(fd, temp, path, executable ? 0777 : 0666);
}

void copy_file_atomic(const fs::path& from, const fs::path& to) {
    std::string content = read_file(from);
    struct stat st {};
    bool executable = ::stat(from.c_str(), &st) == 0 && (st.st_mode & S_IXUSR) != 0;
    write_file_atomic(to, content, executable);
}

TempDir::TempDir(const fs::path& parent, const std::string& prefix) {
    ensure_dir(parent);
    std::string templ = (parent / (prefix + std::to_string(getpid()) + "-XXXXXX")).string();
    std::vector<char> buf(templ.begin(), templ.end());
    buf.push_back('\0');
    if (!mkdtemp(buf.data())) {
        throw DriverError("cannot create a directory in " + parent.string() + ": " + os_error());
    }
    path_ = buf.data();
}

TempDir::~TempDir() {
    if (path_.empty()) return;
    std::error_code ec;
    fs::remove_all(path_, ec);  // best effort: a leftover temp dir is harmless
}

void ensure_dir(const fs::path& dir) {
    std::error_code ec;
    fs::create_directories(dir, ec);
    if (ec) throw DriverError("cannot create directory " + dir.string() + ": " + ec.message());
}

}  // namespace pyro2cpp::driver
