# An extern whose types do not fit its C++ function: the C++ compiler rejects it, at the
# extern's .pyro line (through #line), and pyro2cpp exits 1 (the program's fault).
source "$(dirname "$0")/lib/common.sh"

cat >geo.hpp <<'CPP'
#pragma once
#include <string>
namespace geo {
inline int area(int w, int h) { return w * h; }
inline std::string name() { return "geo"; }
}
CPP
cat >bad.pyro <<'PYRO'
import cpp "geo.hpp"

print("start")
extern "geo::area" def area(w: string, h: int) -> int
extern "geo::name" def name() -> int
extern "geo::missing" def missing() -> float
print(area("2", 3), name(), missing())
PYRO
run_tool 1 build --no-cache bad.pyro -o bad
for line in 4 5 6; do
    grep -E "^bad\.pyro:$line:[0-9]+: error: " "$T/err" >/dev/null ||
        { cat "$T/err" >&2; fail "no compiler error at bad.pyro:$line"; }
done
expect_contains "$T/err" "unless an extern there does not match its C++ function"
[ ! -e bad ] || fail "an executable was written"

# The same externs with the right types build and run.
cat >good.pyro <<'PYRO'
import cpp "geo.hpp"

extern "geo::area" def area(w: int, h: int) -> int
extern "geo::name" def name() -> string
print(area(2, 3), name())
PYRO
run_tool 0 build --no-cache good.pyro -o good
./good >"$T/run.out"
expect_file_eq "$T/run.out" '6 geo
'
echo "extern_mismatch: ok"
