// `--format`: the generated C++ through pyro2cpp-format (clang-format's library, in the
// repository's style), a separate program so that no other command loads LLVM.
#pragma once

#include <string>

namespace pyro2cpp::driver {

// The formatted text. Throws DriverError when pyro2cpp-format is missing or fails.
std::string format_cpp(const std::string& cpp);

}  // namespace pyro2cpp::driver
