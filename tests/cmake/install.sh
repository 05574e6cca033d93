#!/usr/bin/env bash
# The installed package: `cmake --install` the already-built tree into a scratch prefix, then
# build examples/cmake-project against it with find_package(Pyro2Cpp) + pyro_add_executable(),
# run it, and check that editing any of its .pyro files (the main file or one it imports)
# translates and rebuilds it, and that an error in the program fails the build.
source "$(dirname "$0")/common.sh"
: "${PYRO2CPP_BUILD_DIR:?set PYRO2CPP_BUILD_DIR to the build tree to install}"

prefix="$T/prefix"
step "$T/install.log" "$CMAKE" --install "$PYRO2CPP_BUILD_DIR" --prefix "$prefix"
[ -x "$prefix/bin/pyro2cpp" ] || fail "no bin/pyro2cpp installed"
[ -f "$prefix/include/pyro/pyro.hpp" ] || fail "no include/pyro/pyro.hpp installed"
config=$(find "$prefix" -name Pyro2CppConfig.cmake)
[ -n "$config" ] || fail "no Pyro2CppConfig.cmake installed"
package_dir=$(dirname "$config")
for file in Pyro2CppConfigVersion.cmake Pyro2CppFunctions.cmake Pyro2CppTargets.cmake; do
    [ -f "$package_dir/$file" ] || fail "no $file beside Pyro2CppConfig.cmake"
done
# The installed tool uses the installed headers, as the imported target Pyro2Cpp::runtime does.
[ "$("$prefix/bin/pyro2cpp" --cxxflags)" = "-std=c++20 -I$prefix/include" ] ||
    fail "installed pyro2cpp --cxxflags: $("$prefix/bin/pyro2cpp" --cxxflags)"

# A copy of the example, so that its sources can be edited.
project="$T/project"
cp -R "$EXAMPLE" "$project"
rm -rf "$project/build"
build="$project/build"
step "$T/configure.log" "$CMAKE" -S "$project" -B "$build" -G Ninja \
    -DCMAKE_PREFIX_PATH="$prefix" -DCMAKE_FIND_USE_PACKAGE_REGISTRY=OFF
expect_contains "$build/CMakeCache.txt" "Pyro2Cpp_DIR:PATH=$package_dir"
# Old times for the sources, so that touching one later is newer than every output.
find "$project/src" -name '*.pyro' -exec touch -d '2001-01-01' {} +
step "$T/build.log" "$CMAKE" --build "$build"
expect_contains "$T/build.log" "Translating src/main.pyro to C++"
# The installed tool translated it (not some other pyro2cpp), with #line directives.
expect_contains "$build/build.ninja" "$prefix/bin/pyro2cpp"
expect_contains "$build/pyro2cpp/app/main.cpp" "#line"
"$build/app" >"$T/run.out" || fail "app exited $?"
expect_output "$T/run.out" "$EXPECTED_OUT"
expect_static_boost "$build/app"

ninja_dry_run "$build" "$T/dry.log"
expect_contains "$T/dry.log" "no work to do"

# Every .pyro file of the program, imported ones included (through the depfile), is tracked:
# touching it retranslates; putting its time back leaves nothing to do.
count=0
while IFS= read -r -d '' source; do
    touch "$source"
    ninja_dry_run "$build" "$T/dry.log"
    expect_contains "$T/dry.log" "Translating src/main.pyro to C++"
    expect_contains "$T/dry.log" "Linking CXX executable app"
    touch -d '2001-01-01' "$source"
    ninja_dry_run "$build" "$T/dry.log"
    expect_contains "$T/dry.log" "no work to do"
    count=$((count + 1))
done < <(find "$project/src" -name '*.pyro' -print0)
[ "$count" -ge 1 ] || fail "no .pyro files in the example"

# A real edit is rebuilt and run.
echo 'print("edited")' >>"$project/src/main.pyro"
step "$T/rebuild.log" "$CMAKE" --build "$build"
"$build/app" >"$T/run.out" || fail "edited app exited $?"
{ cat "$EXPECTED_OUT"; echo edited; } >"$T/expected-edited.out"
expect_output "$T/run.out" "$T/expected-edited.out"

# Make too (it honours DEPFILE since CMake 3.20, but does not create output directories).
make_build="$T/make-build"
step "$T/make-configure.log" "$CMAKE" -S "$EXAMPLE" -B "$make_build" -G "Unix Makefiles" \
    -DCMAKE_PREFIX_PATH="$prefix" -DCMAKE_FIND_USE_PACKAGE_REGISTRY=OFF
step "$T/make-build.log" "$CMAKE" --build "$make_build"
"$make_build/app" >"$T/run.out" || fail "app built by Make exited $?"
expect_output "$T/run.out" "$EXPECTED_OUT"

# An error in the program fails the build with pyro2cpp's diagnostic, pointing at the file.
echo 'print(no_such_name)' >>"$project/src/main.pyro"
if "$CMAKE" --build "$build" >"$T/error.log" 2>&1; then
    cat "$T/error.log" >&2
    fail "the build succeeded despite an error in main.pyro"
fi
expect_contains "$T/error.log" "$project/src/main.pyro:"
expect_contains "$T/error.log" "unknown name 'no_such_name'"
# Misuse is reported when configuring, with what to do. $1: the CMakeLists.txt of a
# subdirectory `b` that defines the program (the top level adds `a`, then `b`); $2: the message.
expect_configure_error() {
    local misuse="$T/misuse"
    rm -rf "$misuse"
    mkdir -p "$misuse/a" "$misuse/b"
    printf 'cmake_minimum_required(VERSION 3.20)\nproject(misuse CXX)\n%s\n%s\n' \
        'add_subdirectory(a)' 'add_subdirectory(b)' >"$misuse/CMakeLists.txt"
    echo 'find_package(Pyro2Cpp REQUIRED)' >"$misuse/a/CMakeLists.txt"
    printf '%s\n' "$1" >"$misuse/b/CMakeLists.txt"
    cp "$EXAMPLE/src/main.pyro" "$misuse/b/main.pyro"
    cp "$EXAMPLE/src/main.pyro" "$misuse/b/other.pyro"
    if "$CMAKE" -S "$misuse" -B "$misuse/build" -G Ninja -DCMAKE_PREFIX_PATH="$prefix" \
        >"$T/misuse.log" 2>&1; then
        cat "$T/misuse.log" >&2
        fail "configuring succeeded with: $1"
    fi
    # CMake wraps messages: compare with the line breaks removed.
    tr -s '\n ' '  ' <"$T/misuse.log" >"$T/misuse.flat"
    expect_contains "$T/misuse.flat" "$2"
}
# Imported targets are visible only below the find_package() call (here: in `a`).
expect_configure_error 'pyro_add_executable(app main.pyro)' \
    "target Pyro2Cpp::pyro2cpp is not defined here. Call find_package(Pyro2Cpp REQUIRED)"
expect_configure_error "$(printf '%s\n' 'find_package(Pyro2Cpp REQUIRED)' \
    'pyro_add_executable(app main.pyro other.pyro)')" \
    "expected exactly one .pyro file, the program's main file"
echo "install: ok"
