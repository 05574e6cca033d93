# `pyro2cpp FILE.pyro`: C++ to stdout or -o, #line on request, and the depfile.
source "$(dirname "$0")/lib/common.sh"

mkdir "dir with space"
write_hello "dir with space/hello.pyro"
run_tool 0 "dir with space/hello.pyro"
cp "$T/out" plain.cpp
expect_contains plain.cpp "#include <pyro/pyro.hpp>"
expect_not_contains plain.cpp "#line"
expect_file_eq "$T/err" ""

run_tool 0 "dir with space/hello.pyro" --line-directives
expect_contains "$T/out" '#line 1 "dir with space/hello.pyro"'

run_tool 0 "dir with space/hello.pyro" -o out.cpp --depfile out.d
expect_file_eq "$T/out" ""
cmp -s out.cpp plain.cpp || fail "-o wrote something else than stdout did"
expect_file_eq out.d 'out.cpp: dir\ with\ space/hello.pyro
'

# The depfile lists every .pyro file read: the main file and everything it imports, each once
# (a diamond: main imports a and b, b imports a; paths as the tool named them).
mkdir -p "dir with space/lib"
printf 'def a_value() -> int:\n    return 1\n' >"dir with space/lib/a.pyro"
printf 'import "a.pyro"\ndef b_value() -> int:\n    return a_value() + 1\n' >"dir with space/lib/b.pyro"
printf 'import "lib/a.pyro"\nimport "lib/b.pyro"\nprint(a_value(), b_value())\n' \
    >"dir with space/main.pyro"
run_tool 0 "dir with space/main.pyro" -o main.cpp --depfile main.d
expect_file_eq main.d 'main.cpp: dir\ with\ space/main.pyro dir\ with\ space/lib/a.pyro dir\ with\ space/lib/b.pyro
'

# A program with errors: exit 1, diagnostics on stderr, nothing written.
printf 'print(nowhere)\n' >bad.pyro
run_tool 1 bad.pyro -o bad.cpp --depfile bad.d
expect_contains "$T/err" "bad.pyro:1:7: error:"
expect_file_eq "$T/out" ""
[ ! -e bad.cpp ] && [ ! -e bad.d ] || fail "an output was written for a program with errors"
run_tool 1 check bad.pyro
expect_contains "$T/err" "bad.pyro:1:7: error:"
run_tool 0 check "dir with space/hello.pyro"
expect_file_eq "$T/err" ""
echo "emit: ok"
