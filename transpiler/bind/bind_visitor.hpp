// The only part of the bind tool that uses Clang: parse a C++ header with Clang's own
// front end and describe the free functions it declares (cpp_function.hpp).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "bind/cpp_function.hpp"

namespace pyro2cpp::bind {

// Parses `header` as C++20 with `clang_args` added, and returns, in declaration order, every
// free function declared in `header` itself or in a non-system header in the same directory
// (functions reached through system headers, or through headers elsewhere, belong to other
// libraries). Clang prints its diagnostics on stderr as it goes; when any is an error the
// result is empty, since a broken header's declarations cannot be trusted.
std::optional<std::vector<CppFunction>> read_header(const std::string& header,
                                                    const std::vector<std::string>& clang_args);

}  // namespace pyro2cpp::bind
