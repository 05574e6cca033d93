// std.sync for `import std.sync` (LANGUAGE.md 6.5): WaitGroup and Mutex live in pyro/sync.hpp,
// which pyro.hpp already includes; this header exists so that every module is
// `#include <pyro/std/NAME.hpp>`.
#pragma once

#include "pyro/sync.hpp"
