// The Pyro file `pyro2cpp bind` prints: a comment saying where it came from, the
// `import cpp` line for the header, then one line per function in declaration order, either
// an `extern` or a `# skipped NAME: reason` comment.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "bind/cpp_function.hpp"

namespace pyro2cpp::bind {

// `header` is written as given: the .pyro file that holds these lines resolves it relative to
// itself. `clang_args` are only mentioned, so the file says how to regenerate it.
std::string render_bindings(const std::string& header, const std::vector<std::string>& clang_args,
                            const std::vector<CppFunction>& functions);

// `text` as a Pyro string literal: "a\"b".
std::string pyro_string_literal(std::string_view text);

}  // namespace pyro2cpp::bind
