# `pyro2cpp FILE.pyro --format`: the C++ formatted by clang-format's library in the
# repository's style (tests/cli/format/long_lines.expected.cpp, a golden file: regenerate it
# with `pyro2cpp --format tests/cli/format/long_lines.pyro` and review the diff), stable
# (formatting it again changes nothing), and compilable. Skipped (exit 77) when pyro2cpp was
# built without pyro2cpp-format.
source "$(dirname "$0")/lib/common.sh"
DIR=$(cd "$(dirname "$0")/format" && pwd)

[ -x "$(dirname "$PYRO2CPP")/pyro2cpp-format" ] ||
    { echo "format: skipped, no pyro2cpp-format"; exit 77; }

cp "$DIR/long_lines.pyro" .
run_tool 0 long_lines.pyro --format
cp "$T/out" formatted.cpp
diff -u "$DIR/long_lines.expected.cpp" formatted.cpp >&2 ||
    fail "the formatted C++ differs from format/long_lines.expected.cpp"
run_tool 0 long_lines.pyro --format -o written.cpp
cmp -s written.cpp formatted.cpp || fail "-o wrote something else than stdout did"

# Stable: the formatter leaves its own output as it is.
"$(dirname "$PYRO2CPP")/pyro2cpp-format" formatted.cpp again.cpp
cmp -s formatted.cpp again.cpp || fail "formatting the formatted C++ changed it"

# The formatted C++ compiles and runs like the unformatted one.
c++ $("$PYRO2CPP" --cxxflags) -O0 formatted.cpp -o prog $("$PYRO2CPP" --libs) 2>"$T/cc.err" ||
    { cat "$T/cc.err" >&2; fail "the formatted C++ does not compile"; }
./prog >"$T/run.out"
expect_file_eq "$T/run.out" 'a long string literal that keeps going and going 23.0
'

# Formatting is the default; --no-format keeps the emitter's layout (one line per statement).
run_tool 0 long_lines.pyro
cmp -s "$T/out" formatted.cpp || fail "the default output is not the formatted one"
run_tool 0 long_lines.pyro --no-format
grep -E '^    PYRO_AT\(5, 1\); message = .*weighted_total\(1.0, 2.0, 3.0\)\);$' "$T/out" >/dev/null ||
    { cat "$T/out" >&2; fail "--no-format did not keep statement 5 on one line"; }
run_tool 2 long_lines.pyro --format --no-format
expect_contains "$T/err" "--format and --no-format contradict each other"
# --line-directives alone is not formatted.
run_tool 0 long_lines.pyro --line-directives
grep -E '^    return first_weight .* third_weight;$' "$T/out" >/dev/null ||
    { cat "$T/out" >&2; fail "--line-directives output was formatted"; }

# With --format, every line keeps its .pyro line: a statement wrapped over several lines gets
# its #line again before each continuation, so a compiler error anywhere in it (here: an
# extern whose C++ function takes another type, on the call's continuation line) points at
# the same .pyro line as without formatting.
cat >geo.hpp <<'CPP'
#pragma once
namespace geo {
inline int area(int w, int h) { return w * h; }
}
CPP
cat >bad.pyro <<'PYRO'
import cpp "geo.hpp"
extern "geo::area" def area(w: string, h: int) -> int
def long_function_name_for_wrapping(first_argument: int, second_argument: int) -> int:
    return first_argument + second_argument
print(long_function_name_for_wrapping(area("2", 3), 4), long_function_name_for_wrapping(1, area("5", 6)))
PYRO
for mode in --no-format --format; do
    run_tool 0 bad.pyro --line-directives $mode -o "bad$mode.cpp"
    c++ $("$PYRO2CPP" --cxxflags) -I. -fsyntax-only "bad$mode.cpp" 2>"$T/cc$mode.err" &&
        fail "bad.pyro compiled"
    grep -oE '^bad\.pyro:[0-9]+:' "$T/cc$mode.err" | sort -u >"lines$mode"
done
[ -s lines--format ] || fail "no error located in bad.pyro"
cmp -s lines--no-format lines--format ||
    { diff lines--no-format lines--format >&2; fail "formatting moved an error to another .pyro line"; }
expect_contains bad--format.cpp "#line 5 \"bad.pyro\""
# And the debug line table (what gdb steps by) names the same .pyro lines: without the
# repeated #line, the wrapped statements' continuation lines would count as lines 4, 6, ...
for mode in --no-format --format; do
    run_tool 0 long_lines.pyro --line-directives $mode -o "ll$mode.cpp"
    c++ $("$PYRO2CPP" --cxxflags) -O0 -g -c "ll$mode.cpp" -o "ll$mode.o" ||
        fail "long_lines.pyro with --line-directives $mode does not compile"
    objdump --dwarf=decodedline "ll$mode.o" | awk '$1 == "long_lines.pyro" { print $2 }' |
        sort -un >"dwarf$mode"
done
[ -s dwarf--format ] || fail "no line of long_lines.pyro in the debug line table"
cmp -s dwarf--no-format dwarf--format ||
    { diff dwarf--no-format dwarf--format >&2; fail "formatting changed the debug line table"; }
echo "format: ok"
