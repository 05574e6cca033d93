// Finding the runtime headers and the cache. The build defines PYRO2CPP_SOURCE_RUNTIME_DIR
// (the source tree's runtime-headers) and PYRO2CPP_INSTALL_INCLUDE_REL (the include dir
// relative to the bin dir once installed); the installed location wins, so an installed copy
// never picks up a source tree that happens to still exist.
#include "driver/paths.hpp"

#include <pwd.h>
#include <unistd.h>

#include <cstdlib>
#include <system_error>

#include "driver/errors.hpp"

#ifndef PYRO2CPP_INSTALL_INCLUDE_REL
#define PYRO2CPP_INSTALL_INCLUDE_REL "../include"
#endif

namespace pyro2cpp::driver {

namespace fs = std::filesystem;

namespace {

fs::path executable_dir() {
    std::error_code ec;
    fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    if (ec) throw DriverError("cannot find pyro2cpp's own executable: " + ec.message());
    return exe.parent_path();
}

bool has_runtime(const fs::path& dir) {
    std::error_code ec;
    return fs::is_regular_file(dir / "pyro" / "pyro.hpp", ec);
}

std::string env_or_empty(const char* name) {
    const char* value = std::getenv(name);
    return value ? value : "";
}

}  // namespace

fs::path runtime_include_dir() {
    fs::path installed = (executable_dir() / PYRO2CPP_INSTALL_INCLUDE_REL).lexically_normal();
    if (has_runtime(installed)) return installed;
#ifdef PYRO2CPP_SOURCE_RUNTIME_DIR
    fs::path source_tree = PYRO2CPP_SOURCE_RUNTIME_DIR;
    if (has_runtime(source_tree)) return source_tree;
    throw DriverError("cannot find the runtime headers: no pyro/pyro.hpp in " + installed.string() +
                      " or " + source_tree.string());
#else
    throw DriverError("cannot find the runtime headers: no pyro/pyro.hpp in " + installed.string());
#endif
}

fs::path cache_dir() {
    if (std::string dir = env_or_empty("PYRO2CPP_CACHE_DIR"); !dir.empty()) return dir;
    if (std::string xdg = env_or_empty("XDG_CACHE_HOME"); !xdg.empty()) {
        return fs::path(xdg) / "pyro2cpp";
    }
    std::string home = env_or_empty("HOME");
    if (home.empty()) {
        if (const passwd* pw = getpwuid(getuid()); pw && pw->pw_dir) home = pw->pw_dir;
    }
    if (home.empty()) {
        throw DriverError("cannot choose a cache directory: set PYRO2CPP_CACHE_DIR or HOME");
    }
    return fs::path(home) / ".cache" / "pyro2cpp";
}

fs::path bind_tool() { return executable_dir() / "pyro2cpp-bind"; }

fs::path format_tool() { return executable_dir() / "pyro2cpp-format"; }

}  // namespace pyro2cpp::driver
