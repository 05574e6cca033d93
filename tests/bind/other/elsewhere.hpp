// Included by edge_cases.hpp from a subdirectory: bind lists only the functions of the headers
// in the directory of the header it reads, so this one must not appear in its output.
#pragma once

int elsewhere(int value);
