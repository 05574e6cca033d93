# shellcheck shell=bash disable=SC2034  # sourced: the variables are for the tests
# Shared by the tests/cmake/*.sh tests (the CMake package): a scratch directory (with a space
# in its name, so quoting is exercised), checks that say what went wrong, and the example's
# expected output. Sourced, not run.
set -euo pipefail

: "${PYRO2CPP_SOURCE_DIR:?set PYRO2CPP_SOURCE_DIR to the pyro2cpp source tree}"
CMAKE=${CMAKE:-cmake}
EXAMPLE="$PYRO2CPP_SOURCE_DIR/examples/cmake-project"
EXPECTED_OUT="$(dirname "${BASH_SOURCE[0]}")/example.out"
T=$(mktemp -d "${TMPDIR:-/tmp}/pyro2cpp-cmake.XXXXXX")
T=$(cd "$T" && pwd -P)/"with space"
mkdir "$T"
trap 'rm -rf "$(dirname "$T")"' EXIT
export PYRO2CPP_CACHE_DIR="$T/cache"  # never the user's cache

fail() {
    echo "FAIL: $*" >&2
    exit 1
}

# step LOG COMMAND...: runs COMMAND with its output in LOG; on failure shows it and fails.
step() {
    local log=$1
    shift
    "$@" >"$log" 2>&1 || { cat "$log" >&2; fail "failed: $*"; }
}

# expect_output FILE EXPECTED_FILE: exact contents.
expect_output() {
    diff -u "$2" "$1" >&2 || fail "$1 differs from $2"
}

expect_contains() {
    grep -qF -- "$2" "$1" || { cat "$1" >&2; fail "$1 does not contain: $2"; }
}

# expect_static_boost PROGRAM: Boost.Fiber and Boost.Context are linked into it (their static
# archives, as `pyro2cpp build` links them), not shared libraries it loads.
expect_static_boost() {
    ldd "$1" >"$T/ldd.txt" 2>&1 || { cat "$T/ldd.txt" >&2; fail "ldd $1 failed"; }
    if grep -E "libboost_(fiber|context)" "$T/ldd.txt"; then
        fail "$1 loads Boost.Fiber or Boost.Context as a shared library"
    fi
}

# ninja_dry_run BUILD_DIR OUT: what a build would do now, without doing it.
ninja_dry_run() {
    "$CMAKE" --build "$1" -- -n >"$2" 2>&1 || { cat "$2" >&2; fail "ninja -n failed in $1"; }
}
