# Exit statuses of build and run (LANGUAGE.md 9): the program's own status passes through
# `run` (128+N for signal N); a C++ compile error at a .pyro line is the program's (1), any
# other is the tool's (2); a missing compiler is reported plainly (2). The fake compiler
# stands in for c++ so that only the driver is under test.
source "$(dirname "$0")/lib/common.sh"
use_fake_cxx
write_hello hello.pyro

run_tool 0 run hello.pyro
expect_file_eq "$T/out" "fake program:
"
run_tool 0 run hello.pyro -- a "b c" --flag
expect_file_eq "$T/out" "fake program: a b c --flag
"
FAKE_EXIT=7 run_tool 7 run hello.pyro
FAKE_EXIT=1 run_tool 1 run hello.pyro
FAKE_SIGNAL=TERM run_tool 143 run hello.pyro
FAKE_SIGNAL=KILL run_tool 137 run hello.pyro

FAKE_CXX_FAIL=pyro run_tool 1 run --no-cache hello.pyro
expect_contains "$T/err" "prog.pyro:1:1: error: no matching function for call to 'f'"
expect_contains "$T/err" "unless an extern there does not match"
FAKE_CXX_FAIL=cpp run_tool 2 build --no-cache hello.pyro -o never
expect_contains "$T/err" "error: expected ';'"
expect_contains "$T/err" "pyro2cpp: error: the C++ compiler failed on the code generated from hello.pyro"
[ ! -e never ] || fail "a failed build left an executable"
kept=$(sed -n 's/.*the C++ is in \(.*\)$/\1/p' "$T/err")
[ -f "$kept" ] || fail "the generated C++ was not kept for the bug report ($kept)"
rm -rf "$(dirname "$kept")"

CXX=/nonexistent/c++ run_tool 2 run hello.pyro
expect_file_eq "$T/err" "pyro2cpp: error: C++ compiler '/nonexistent/c++' not found (set CXX)
"
(unset CXX; PATH=/nonexistent run_tool 2 build hello.pyro)
expect_file_eq "$T/err" "pyro2cpp: error: C++ compiler 'c++' not found (set CXX)
"
# Errors in the program come first: exit 1 even without a compiler.
printf 'print(nowhere)\n' >bad.pyro
CXX=/nonexistent/c++ run_tool 1 run bad.pyro

# build: default name (the file's stem, in the current directory), -o, and the flags.
run_tool 0 build hello.pyro
[ -x hello ] || fail "build did not write ./hello"
expect_file_eq "$T/out" ""
./hello >run.out
expect_file_eq run.out "fake program:
"
mkdir bin
run_tool 0 build hello.pyro -o bin/app --debug -v
[ -x bin/app ] || fail "build -o bin/app wrote nothing"
expect_contains "$T/err" "-O0 -g"
run_tool 0 build hello.pyro -o bin/app --sanitize=address,undefined -v
expect_contains "$T/err" "-fsanitize=address,undefined"
expect_contains "$T/err" " -O2 "
run_tool 2 build hello.pyro -o missing-dir/app
expect_contains "$T/err" "cannot write missing-dir/app"
echo "status: ok"
