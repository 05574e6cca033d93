// Formatting the generated C++ through pyro2cpp-format (clang-format's library, in the
// repository's style), a separate program so that no other command loads LLVM. It is the
// default for `pyro2cpp FILE.pyro` when pyro2cpp-format is installed (built with
// PYRO2CPP_BUILD_BIND=ON); `--no-format` keeps the emitter's layout. With
// `--line-directives` it is asked for explicitly (`--format`): the #line directives stay exact
// but one is needed before most lines, which reads worse than the emitter's layout.
#pragma once

#include <string>

namespace pyro2cpp::driver {

// Whether to format: `--format`, or by default (see above).
bool wants_format(bool format, bool no_format, bool line_directives);

// The formatted text. Throws DriverError when pyro2cpp-format is missing or fails.
std::string format_cpp(const std::string& cpp);

}  // namespace pyro2cpp::driver
