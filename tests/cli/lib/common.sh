# Shared by the tests/cli/*.sh tests: a scratch directory, a private cache, and checks that
# say what went wrong. Sourced, not run.
set -euo pipefail

: "${PYRO2CPP:?set PYRO2CPP to the pyro2cpp executable}"
CLI_LIB=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
T=$(mktemp -d "${TMPDIR:-/tmp}/pyro2cpp-cli.XXXXXX")
T=$(cd "$T" && pwd -P)  # the tool reports canonical paths
trap 'rm -rf "$T"' EXIT
# Never touch the user's own cache.
export PYRO2CPP_CACHE_DIR="$T/cache"
cd "$T"

fail() {
    echo "FAIL: $*" >&2
    exit 1
}

# run_tool STATUS ARGS...: runs pyro2cpp ARGS with stdout and stderr kept in $T/out and
# $T/err, and fails unless it exits with STATUS.
run_tool() {
    local want=$1
    shift
    local got=0
    "$PYRO2CPP" "$@" >"$T/out" 2>"$T/err" || got=$?
    if [ "$got" -ne "$want" ]; then
        echo "--- stdout:" >&2; cat "$T/out" >&2
        echo "--- stderr:" >&2; cat "$T/err" >&2
        fail "'pyro2cpp $*' exited $got, expected $want"
    fi
}

# expect_file_eq FILE TEXT: the file's exact contents.
expect_file_eq() {
    local actual
    actual=$(cat "$1"; echo x)
    actual=${actual%x}
    if [ "$actual" != "$2" ]; then
        diff -u <(printf '%s' "$2") "$1" >&2 || true
        fail "$1 differs from the expected text"
    fi
}

# expect_contains FILE TEXT: the file contains TEXT as a fixed string.
expect_contains() {
    grep -qF -- "$2" "$1" || { cat "$1" >&2; fail "$1 does not contain: $2"; }
}

expect_not_contains() {
    if grep -qF -- "$2" "$1"; then cat "$1" >&2; fail "$1 contains: $2"; fi
}

# A stand-in compiler that logs its calls (see lib/fake-cxx); $T/cxx.log counts compiles.
use_fake_cxx() {
    export CXX="$CLI_LIB/fake-cxx"
    export FAKE_CXX_LOG="$T/cxx.log"
    : >"$FAKE_CXX_LOG"
}

count_lines() { grep -c -- "$2" "$1" || true; }

write_hello() {
    printf 'print("hello from %s")\n' "${2:-pyro}" >"$1"
}
