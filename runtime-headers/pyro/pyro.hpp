// The Pyro runtime: the one header generated code includes.
//
// Everything is header-only; a program links fmt, Boost.Fiber and Boost.Context. `pyro::` is
// the face usable from hand-written C++ (Int, Str, Void, Range, str, print, eprint, the
// conversions, Chan, go); `pyro::rt::` is what only generated code calls.
// docs/internals/runtime-contract.md lists what the emitter may use.
#pragma once

#include "pyro/chan.hpp"
#include "pyro/convert.hpp"
#include "pyro/data.hpp"
#include "pyro/error.hpp"
#include "pyro/float_repr.hpp"
#include "pyro/format.hpp"
#include "pyro/int.hpp"
#include "pyro/main.hpp"
#include "pyro/math_ops.hpp"
#include "pyro/method_value.hpp"
#include "pyro/print.hpp"
#include "pyro/range.hpp"
#include "pyro/select.hpp"
#include "pyro/stack.hpp"
#include "pyro/str.hpp"
#include "pyro/sync.hpp"
#include "pyro/task.hpp"
#include "pyro/union.hpp"
#include "pyro/void.hpp"
