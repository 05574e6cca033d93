// Keeping `#line` directives exact through formatting.
//
// Generated C++ with `--line-directives` has `#line N "FILE.pyro"` before each statement, and
// every line after a directive counts on from N. clang-format changes only whitespace, but
// it splits lines (a long statement is wrapped; `PYRO_AT(3, 5); x = 1;` becomes two lines),
// which shifts the count of every line after the split. sync_lines puts that right: each
// formatted line is traced back, by its non-blank characters, to the unformatted line it
// starts in, and where the formatted count would say another .pyro line than that one did, a
// `#line` is inserted before it. So a wrapped statement's continuation lines keep their
// statement's line, and every other line maps exactly as before formatting.
#pragma once

#include <optional>
#include <string>

namespace pyro2cpp::format {

// The formatted text with directives inserted; nullopt when `formatted` is not a
// whitespace-only change of `original` (then line numbers cannot be traced).
std::optional<std::string> sync_lines(const std::string& original, const std::string& formatted);

}  // namespace pyro2cpp::format
