// The precompiled runtime header. Including <pyro/pyro.hpp> pulls in Boost.Fiber and fmt,
// which is most of the time a small program takes to compile; GCC can instead load a .gch
// compiled once. The cache keeps one per compiler and set of code-generation flags.
#pragma once

#include <filesystem>

#include "driver/compile.hpp"

namespace pyro2cpp::driver {

class Cache;

// Returns an include directory holding pyro/pyro.hpp.gch for these flags, building it on
// first use (one process builds while others wait), or an empty path when the compiler
// cannot use one (not GCC). Put the directory before the runtime's on the include path.
// Throws DriverError, after printing the compiler's messages, if the runtime headers do not
// compile.
std::filesystem::path ensure_pch(const Cache& cache, const Compiler& compiler,
                                 const BuildFlags& flags, const std::filesystem::path& runtime_dir,
                                 bool verbose);

}  // namespace pyro2cpp::driver
