# The precompiled runtime header that build and run make is one GCC really uses: compile a
# file including <pyro/pyro.hpp> with the flags and include path of the tool's own compile
# command (from --verbose), and ask GCC (-H, -Winvalid-pch) which file it read.
source "$(dirname "$0")/lib/common.sh"
: "${PYRO2CPP_TEST_CACHE:?}"
export PYRO2CPP_CACHE_DIR="$PYRO2CPP_TEST_CACHE"  # where the pyro_pch fixture built it
[[ "$("${CXX:-c++}" --version)" == *"Free Software Foundation"* ]] || { echo "not GCC: skipped"; exit 0; }

# A program not built before (the cache would answer without compiling).
printf 'print("pch check %s")\n' "$(date +%s%N)" >probe.pyro
run_tool 0 build probe.pyro -o probe -v
compile_line=$(grep 'pyro2cpp: running: .* -MMD' "$T/err" | tail -1)
[ -n "$compile_line" ] || { cat "$T/err" >&2; fail "no compile command in --verbose output"; }
eval "words=(${compile_line#pyro2cpp: running: })"

args=()
skip=0
for w in "${words[@]:1}"; do
    if [ "$skip" = 1 ]; then skip=0; continue; fi
    case $w in
    -o | -MF) skip=1 ;;
    -MMD | -l* | *.cpp) ;;
    *) args+=("$w") ;;
    esac
done
printf '#include <pyro/pyro.hpp>\nint main() { return 0; }\n' >probe.cpp
"${words[0]}" "${args[@]}" -Winvalid-pch -H -fsyntax-only probe.cpp 2>"$T/h.txt" ||
    { cat "$T/h.txt" >&2; fail "compiling against the precompiled header failed"; }
first=$(head -1 "$T/h.txt")
[[ $first == "! "*"/pyro/pyro.hpp.gch" ]] || { head -5 "$T/h.txt" >&2; fail "GCC did not use the .gch"; }
expect_not_contains "$T/h.txt" "invalid"
./probe >probe.out
expect_contains probe.out "pch check"
echo "pch: ok ($first)"
