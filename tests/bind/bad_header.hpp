// A header with syntax errors: `pyro2cpp bind` must print Clang's diagnostics and exit with
// status 1, printing nothing on stdout (test bind/bad_header).
#pragma once

// clang-format off
namespace geo {

double hypot2(double x, double y)
int scale(int value, );

}  // namespace geo
