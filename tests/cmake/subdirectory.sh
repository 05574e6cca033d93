#!/usr/bin/env bash
# pyro2cpp inside another project: a wrapper project in a scratch directory adds pyro2cpp's
# source tree with add_subdirectory() and then
#   - calls pyro_add_executable() itself, with an extra C++ source and PRECOMPILE_RUNTIME;
#   - adds examples/cmake-project, whose find_package(Pyro2Cpp) must find the in-tree copy.
# Both must use the in-tree pyro2cpp target (built first, from source: this test is slow) and
# the in-tree runtime headers.
source "$(dirname "$0")/common.sh"

wrapper="$T/wrapper"
build="$T/build"
mkdir -p "$wrapper"
cat >"$wrapper/CMakeLists.txt" <<'CMAKE'
cmake_minimum_required(VERSION 3.25)
project(wrapper LANGUAGES CXX)
add_subdirectory("${PYRO2CPP_SOURCE_DIR}" pyro2cpp)
pyro_add_executable(direct_app PRECOMPILE_RUNTIME
                    "${PYRO2CPP_SOURCE_DIR}/examples/cmake-project/src/main.pyro" helper.cpp)
add_subdirectory("${PYRO2CPP_SOURCE_DIR}/examples/cmake-project" example)
CMAKE
# Shows that an extra source is compiled and linked in (a Pyro program cannot call it yet
# without `extern`), and that the precompiled runtime header is not forced into it.
cat >"$wrapper/helper.cpp" <<'CPP'
#include <cstdio>
#ifdef PYRO_MAIN
#error "pyro/pyro.hpp was forced into a source that does not include it"
#endif
namespace {
const bool announced = [] {
    std::fputs("helper.cpp is linked in\n", stdout);
    std::fflush(stdout);
    return true;
}();
}  // namespace
CPP

step "$T/configure.log" "$CMAKE" -S "$wrapper" -B "$build" -G Ninja \
    -DPYRO2CPP_SOURCE_DIR="$PYRO2CPP_SOURCE_DIR" -DCMAKE_FIND_USE_PACKAGE_REGISTRY=OFF
# pyro2cpp's own tests are not part of someone else's project.
step "$T/targets.log" "$CMAKE" --build "$build" --target help
if grep -q '^unit_tests:' "$T/targets.log"; then fail "pyro2cpp's tests were added"; fi

# Only what the two programs need (not pyro2cpp-bind, say): the tool comes with them.
step "$T/build.log" "$CMAKE" --build "$build" -j2 --target direct_app app
expect_contains "$T/build.log" "Linking CXX executable pyro2cpp/pyro2cpp"
expect_contains "$T/build.log" "cmake_pch.hxx.gch"
# The in-tree tool translated both programs, compiled against the in-tree headers.
grep -F -- '--line-directives' "$build/build.ninja" | grep -F 'COMMAND = ' >"$T/translate.txt" || true
[ "$(wc -l <"$T/translate.txt")" -eq 2 ] || { cat "$T/translate.txt" >&2; fail "not 2 translations"; }
if grep -vF "$build/pyro2cpp/pyro2cpp" "$T/translate.txt"; then
    fail "a program is not translated by the in-tree pyro2cpp"
fi
expect_contains "$build/build.ninja" "-I$PYRO2CPP_SOURCE_DIR/runtime-headers"

"$build/direct_app" >"$T/direct.out" || fail "direct_app exited $?"
{ echo "helper.cpp is linked in"; cat "$EXPECTED_OUT"; } >"$T/direct-expected.out"
expect_output "$T/direct.out" "$T/direct-expected.out"
"$build/example/app" >"$T/example.out" || fail "example/app exited $?"
expect_output "$T/example.out" "$EXPECTED_OUT"
expect_static_boost "$build/example/app"

# A second build does nothing for the programs. (A real build, not `ninja -n`: pyro2cpp's
# CONFIGURE_DEPENDS globs make a dry run announce a CMake rerun.)
step "$T/again.log" "$CMAKE" --build "$build" --target direct_app app
for action in Translating Building Linking; do
    if grep -F "$action" "$T/again.log"; then fail "the second build did work: $action"; fi
done
echo "subdirectory: ok"
