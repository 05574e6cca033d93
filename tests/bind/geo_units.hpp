// Unit conversions for geo.hpp. Bind lists the functions of the headers in the directory of
// the one it reads, so these appear in geo.expected.pyro (first: geo.hpp includes this file
// before its own declarations); <cmath>'s do not: they come from a system header.
#pragma once

#include <cmath>

namespace geo::units {

double degrees_to_radians(double degrees);
double radians_to_degrees(double radians);

}  // namespace geo::units
