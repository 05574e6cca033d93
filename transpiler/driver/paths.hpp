// Where things are: the runtime headers this pyro2cpp goes with, and the cache directory.
#pragma once

#include <filesystem>

namespace pyro2cpp::driver {

// The directory to pass as -I so `#include <pyro/pyro.hpp>` works. An installed pyro2cpp
// (<prefix>/bin/pyro2cpp) uses <prefix>/include; one run from its build tree uses the source
// tree's runtime-headers/. Throws DriverError when neither has pyro/pyro.hpp.
std::filesystem::path runtime_include_dir();

// $PYRO2CPP_CACHE_DIR, else $XDG_CACHE_HOME/pyro2cpp, else ~/.cache/pyro2cpp. Not created.
std::filesystem::path cache_dir();

// pyro2cpp-bind, which sits next to pyro2cpp in the build tree and in an installed prefix.
// It is a separate program so that only `bind` loads Clang and LLVM.
std::filesystem::path bind_tool();
// pyro2cpp-format, beside pyro2cpp (`--format`).
std::filesystem::path format_tool();

}  // namespace pyro2cpp::driver
