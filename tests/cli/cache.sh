# The run cache: a second run compiles nothing and starts at once; any change to the source,
# the flags, a user header or the cache location is noticed; --no-cache leaves no trace;
# concurrent runs share one precompiled header and never corrupt an entry.
source "$(dirname "$0")/lib/common.sh"
use_fake_cxx
write_hello hello.pyro
log="$FAKE_CXX_LOG"

run_tool 0 run hello.pyro
[ "$(count_lines "$log" '^version')" = 1 ] || fail "compiler --version not asked once: $(cat "$log")"
[ "$(count_lines "$log" '^pch ')" = 1 ] || fail "precompiled header not built once: $(cat "$log")"
[ "$(count_lines "$log" '^compile ')" = 1 ] || fail "program not compiled once: $(cat "$log")"
grep -q '^pch .*/pyro/pyro.hpp$' "$log" || fail "the precompiled header is not pyro/pyro.hpp"

# A cache hit: no compiler started at all, and quick.
: >"$log"
start=$(date +%s%N)
run_tool 0 run hello.pyro
elapsed_ms=$((($(date +%s%N) - start) / 1000000))
[ ! -s "$log" ] || fail "a cache hit ran the compiler: $(cat "$log")"
echo "cached run took ${elapsed_ms} ms"
[ "$elapsed_ms" -lt 1000 ] || fail "a cached run took ${elapsed_ms} ms"

# build shares the cache with run (same flags); other flags are other entries.
run_tool 0 build hello.pyro -o app
[ ! -s "$log" ] || fail "build after run recompiled: $(cat "$log")"
run_tool 0 build hello.pyro -o app --debug
[ "$(count_lines "$log" '^compile ')" = 1 ] || fail "--debug did not get its own entry"
[ "$(count_lines "$log" '^pch ')" = 1 ] || fail "--debug did not get its own precompiled header"

# Editing the program rebuilds it; the old entry stays valid.
: >"$log"
write_hello hello.pyro edited
run_tool 0 run hello.pyro
[ "$(count_lines "$log" '^compile ')" = 1 ] || fail "an edited program was not recompiled"
[ "$(count_lines "$log" '^pch ')" = 0 ] || fail "the precompiled header was rebuilt needlessly"

# A header of the user's that the compile read (import cpp) is part of the key.
: >"$log"
write_hello hello.pyro header-test
echo "// v1" >"$T/user.hpp"
FAKE_CXX_HEADER="$T/user.hpp" run_tool 0 run hello.pyro --verbose
[ "$(count_lines "$log" '^compile ')" = 1 ] || fail "compile with a user header did not happen"
expect_contains "$T/err" "-iquote $T"
FAKE_CXX_HEADER="$T/user.hpp" run_tool 0 run hello.pyro
[ "$(count_lines "$log" '^compile ')" = 1 ] || fail "an unchanged user header caused a rebuild"
echo "// v2" >"$T/user.hpp"
FAKE_CXX_HEADER="$T/user.hpp" run_tool 0 run hello.pyro
[ "$(count_lines "$log" '^compile ')" = 2 ] || fail "an edited user header did not cause a rebuild"

# A compiler binary that changed is asked for its version again.
cp "$CXX" "$T/cxx2"
: >"$log"
CXX="$T/cxx2" run_tool 0 run hello.pyro
[ "$(count_lines "$log" '^version')" = 1 ] || fail "a new compiler binary was not identified"
: >"$log"
CXX="$T/cxx2" run_tool 0 run hello.pyro
[ ! -s "$log" ] || fail "an unchanged compiler was identified again: $(cat "$log")"
touch -d '2001-01-01' "$T/cxx2"
CXX="$T/cxx2" run_tool 0 run hello.pyro
[ "$(count_lines "$log" '^version')" = 1 ] || fail "a touched compiler was not identified again"

# --no-cache compiles every time and leaves the cache as it was.
before=$(find "$PYRO2CPP_CACHE_DIR" | sort)
: >"$log"
run_tool 0 run --no-cache hello.pyro
run_tool 0 build --no-cache hello.pyro -o app2
[ "$(count_lines "$log" '^compile ')" = 2 ] || fail "--no-cache did not compile each time"
[ "$(count_lines "$log" '^pch ')" = 0 ] || fail "--no-cache built a precompiled header"
[ "$(find "$PYRO2CPP_CACHE_DIR" | sort)" = "$before" ] || fail "--no-cache changed the cache"
[ -x app2 ] || fail "build --no-cache wrote no executable"

# Where the cache lives: PYRO2CPP_CACHE_DIR, else $XDG_CACHE_HOME/pyro2cpp, else ~/.cache.
(unset PYRO2CPP_CACHE_DIR; XDG_CACHE_HOME="$T/xdg" run_tool 0 run hello.pyro)
[ -d "$T/xdg/pyro2cpp/v1/bin" ] || fail "XDG_CACHE_HOME was not used"
(unset PYRO2CPP_CACHE_DIR XDG_CACHE_HOME; HOME="$T/home" run_tool 0 run hello.pyro)
[ -d "$T/home/.cache/pyro2cpp/v1/bin" ] || fail "~/.cache/pyro2cpp was not used"
touch "$T/not-a-dir"
PYRO2CPP_CACHE_DIR="$T/not-a-dir/cache" run_tool 2 run hello.pyro
expect_contains "$T/err" "pyro2cpp: error: cannot create directory"

# Four concurrent first runs: all succeed, one precompiled header, one intact entry.
export PYRO2CPP_CACHE_DIR="$T/race-cache"
: >"$log"
pids=()
for i in 1 2 3 4; do
    FAKE_CXX_SLEEP=1 "$PYRO2CPP" run hello.pyro -- "$i" >"$T/race$i.out" 2>"$T/race$i.err" &
    pids+=($!)
done
for i in 1 2 3 4; do
    wait "${pids[$((i - 1))]}" || { cat "$T/race$i.err" >&2; fail "concurrent run $i failed"; }
    expect_file_eq "$T/race$i.out" "fake program: $i
"
done
[ "$(count_lines "$log" '^pch ')" = 1 ] || fail "concurrent runs built the header $(count_lines "$log" '^pch ') times"
[ "$(ls "$PYRO2CPP_CACHE_DIR/v1/bin" | wc -l)" = 1 ] || fail "concurrent runs made several entries"
[ -z "$(ls -A "$PYRO2CPP_CACHE_DIR/v1/tmp")" ] || fail "concurrent runs left work directories"
echo "cache: ok"
