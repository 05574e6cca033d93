# The command line itself: --help, --version, and every kind of bad usage exits 2 with a
# message naming the problem (LANGUAGE.md 9, docs/cli.md).
source "$(dirname "$0")/lib/common.sh"

run_tool 0 --version
grep -qE '^pyro2cpp [0-9]+\.[0-9]+\.[0-9]+$' "$T/out" || fail "--version printed: $(cat "$T/out")"

run_tool 0 --help
expect_contains "$T/out" "usage: pyro2cpp FILE.pyro"
for word in "build FILE.pyro" "run FILE.pyro" "check FILE.pyro" "bind HEADER.hpp" --cxxflags --libs PYRO2CPP_CACHE_DIR; do
    expect_contains "$T/out" "$word"
done
run_tool 0 build x.pyro --help        # --help anywhere wins
expect_contains "$T/out" "usage:"

run_tool 2
expect_contains "$T/err" "pyro2cpp: error: no input file"
run_tool 2 bind no_such_header.hpp  # bad usage of bind: pyro2cpp-bind's status passes through
expect_contains "$T/err" "no_such_header.hpp"
run_tool 2 frobnicate
expect_contains "$T/err" "unknown command 'frobnicate'"
run_tool 2 --frobnicate x.pyro
expect_contains "$T/err" "unknown option '--frobnicate'"
run_tool 2 run
expect_contains "$T/err" "no input file"
run_tool 2 run a.pyro b.pyro
expect_contains "$T/err" "arguments for the program go after '--'"
run_tool 2 check a.pyro -o x
expect_contains "$T/err" "option '-o' does not apply to check"
run_tool 2 a.pyro --debug
expect_contains "$T/err" "option '--debug' does not apply"
run_tool 2 a.pyro --depfile a.d
expect_contains "$T/err" "--depfile needs -o"
run_tool 2 a.pyro -o
expect_contains "$T/err" "option '-o' needs a value"
run_tool 2 build a.pyro --sanitize=memory
expect_contains "$T/err" "unknown sanitizer 'memory'"
run_tool 2 build a.pyro --sanitize=thread
expect_contains "$T/err" "--sanitize=thread is not supported"
run_tool 2 build a.pyro --no-cache=yes
expect_contains "$T/err" "takes no value"
run_tool 2 check a.pyro -- x
expect_contains "$T/err" "applies only to run"
run_tool 2 --version extra
expect_contains "$T/err" "takes no other arguments"

# A missing input is bad usage (2); a directory too. No command writes to stdout then.
for cmd in check build run; do
    run_tool 2 $cmd missing.pyro
    expect_file_eq "$T/err" "pyro2cpp: error: no such file: missing.pyro
"
    expect_file_eq "$T/out" ""
done
run_tool 2 missing.pyro
expect_contains "$T/err" "no such file: missing.pyro"
mkdir dir.pyro
run_tool 2 check dir.pyro
expect_contains "$T/err" "dir.pyro is a directory"
echo "usage: ok"
