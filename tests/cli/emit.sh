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
