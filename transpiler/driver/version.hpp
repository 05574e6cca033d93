// pyro2cpp's version, set by the build from the CMake project version.
#pragma once

#include <string>

#ifndef PYRO2CPP_VERSION
#define PYRO2CPP_VERSION "unknown"
#endif

namespace pyro2cpp::driver {

inline std::string version_string() {
    return PYRO2CPP_VERSION;
}

}  // namespace pyro2cpp::driver
