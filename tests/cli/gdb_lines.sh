# With `pyro2cpp build --debug`, gdb sees Pyro: a breakpoint set at a .pyro line stops there,
# and the backtrace names the .pyro files and lines of each frame, across imported files.
# Skipped (exit 77) when gdb is not installed.
source "$(dirname "$0")/lib/common.sh"

command -v gdb >/dev/null || { echo "gdb_lines: skipped, no gdb"; exit 77; }

mkdir lib
cat >lib/geometry.pyro <<'PYRO'
def square(n: int) -> int:
    let result = n * n
    return result
PYRO
cat >main.pyro <<'PYRO'
import "lib/geometry.pyro"

mut total = 0
for i in range(3):
    total += square(i)
print(total)
PYRO
run_tool 0 build --debug main.pyro -o prog
PYRO_WORKER_THREADS=1 timeout 120 gdb -batch -nx -ex "break geometry.pyro:2" -ex run -ex bt \
    ./prog >"$T/gdb.out" 2>&1 || { cat "$T/gdb.out" >&2; fail "gdb failed"; }
# gdb shows a file as #line names it (relative to where pyro2cpp ran) or made absolute.
grep -E "^#0 .*square .* at ($T/)?lib/geometry\.pyro:2$" "$T/gdb.out" >/dev/null ||
    { cat "$T/gdb.out" >&2; fail "frame #0 is not square at lib/geometry.pyro:2"; }
grep -E "^#1 .*pyro_main .* at ($T/)?main\.pyro:5$" "$T/gdb.out" >/dev/null ||
    { cat "$T/gdb.out" >&2; fail "frame #1 is not pyro_main at main.pyro:5"; }
# It found and read the .pyro file: the stop shows the source line.
grep -E "^2[[:space:]]+let result = n \* n$" "$T/gdb.out" >/dev/null ||
    { cat "$T/gdb.out" >&2; fail "gdb did not show line 2 of lib/geometry.pyro"; }
echo "gdb_lines: ok"
