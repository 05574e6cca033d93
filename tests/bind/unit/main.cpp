// The bind tool's unit tests (type mapping, names, the printed file, the command line): one
// Catch2 binary apart from tests/unit's, since they link the bind logic library.
#define CATCH_CONFIG_MAIN
#include <catch2/catch.hpp>
