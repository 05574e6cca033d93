# --cxxflags and --libs, from the build tree and after `cmake --install`: the installed tool
# must find the installed runtime headers (<prefix>/include), not the source tree's.
source "$(dirname "$0")/lib/common.sh"
: "${PYRO2CPP_BUILD_DIR:?}"

run_tool 0 --libs
expect_file_eq "$T/out" "-l:libboost_fiber.a -l:libboost_context.a -lfmt -pthread
"

run_tool 0 --cxxflags
flags=$(cat "$T/out")
[[ $flags =~ ^-std=c\+\+20\ -I(/.*)$ ]] || fail "--cxxflags printed: $flags"
include_dir=${BASH_REMATCH[1]}
[ -f "$include_dir/pyro/pyro.hpp" ] || fail "--cxxflags names $include_dir, which has no pyro/pyro.hpp"

prefix="$T/prefix with space"
cmake --install "$PYRO2CPP_BUILD_DIR" --prefix "$prefix" >"$T/install.log" 2>&1 ||
    { cat "$T/install.log" >&2; fail "cmake --install failed"; }
[ -x "$prefix/bin/pyro2cpp" ] || fail "no bin/pyro2cpp installed"
[ -f "$prefix/include/pyro/pyro.hpp" ] || fail "no include/pyro/pyro.hpp installed"
PYRO2CPP="$prefix/bin/pyro2cpp" run_tool 0 --cxxflags
expect_file_eq "$T/out" "-std=c++20 -I$prefix/include
"

# The installation is relocatable: a moved prefix finds its own headers.
mv "$prefix" "$T/moved"
PYRO2CPP="$T/moved/bin/pyro2cpp" run_tool 0 --cxxflags
expect_file_eq "$T/out" "-std=c++20 -I$T/moved/include
"
echo "paths: ok"
