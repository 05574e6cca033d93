# `pyro2cpp FILE.pyro --format`: the C++ formatted by clang-format's library in the
# repository's style (tests/cli/format/long_lines.expected.cpp, a golden file: regenerate it
# with `pyro2cpp --format tests/cli/format/long_lines.pyro` and review the diff), stable
# (formatting it again changes nothing), and compilable. Skipped (exit 77) when pyro2cpp was
# built without pyro2cpp-format.
source "$(dirname "$0")/lib/common.sh"
DIR=$(cd "$(dirname "$0")/format" && pwd)

[ -x "$(dirname "$PYRO2CPP")/pyro2cpp-format" ] ||
    { echo "format: skipped, no pyro2cpp-format"; exit 77; }

cp "$DIR/long_lines.pyro" .
run_tool 0 long_lines.pyro --format
cp "$T/out" formatted.cpp
diff -u "$DIR/long_lines.expected.cpp" formatted.cpp >&2 ||
    fail "the formatted C++ differs from format/long_lines.expected.cpp"
run_tool 0 long_lines.pyro --format -o written.cpp
cmp -s written.cpp formatted.cpp || fail "-o wrote something else than stdout did"

# Stable: the formatter leaves its own output as it is.
"$(dirname "$PYRO2CPP")/pyro2cpp-format" formatted.cpp again.cpp
cmp -s formatted.cpp again.cpp || fail "formatting the formatted C++ changed it"

# The formatted C++ compiles and runs like the unformatted one.
c++ $("$PYRO2CPP" --cxxflags) -O0 formatted.cpp -o prog $("$PYRO2CPP" --libs) 2>"$T/cc.err" ||
    { cat "$T/cc.err" >&2; fail "the formatted C++ does not compile"; }
./prog >"$T/run.out"
expect_file_eq "$T/run.out" 'a long string literal that keeps going and going 23.0
'

# #line directives must stay right above their statements: the two do not mix.
run_tool 2 long_lines.pyro --format --line-directives
expect_contains "$T/err" "--format cannot be combined with --line-directives"
echo "format: ok"
