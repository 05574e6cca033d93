# PYRO_WORKER_THREADS (LANGUAGE.md 6.1): unset or empty means the number of cores; a positive
# integer is used as is; anything else stops the program at start-up with status 2. The
# program is built once and run with each value.
source "$(dirname "$0")/lib/common.sh"
cat >tasks.pyro <<'PYRO'
def square(n: int, out: Sender<int>):
    out.push(n * n)

let c = chan<int>(0)
for i in 0..4:
    go square(i, c.sender())
mut total = 0
for i in 0..4:
    total += c.collect()
print(total)
PYRO
run_tool 0 build tasks.pyro -o tasks

for good in "" 1 2 3 16; do
    PYRO_WORKER_THREADS=$good ./tasks >out 2>err || fail "PYRO_WORKER_THREADS='$good' failed"
    expect_file_eq out "14
"
    expect_file_eq err ""
done
(unset PYRO_WORKER_THREADS; ./tasks >out) || fail "unset PYRO_WORKER_THREADS failed"
expect_file_eq out "14
"

for bad in x 0 -1 +4 " 4" 4x 1.5 99999999999999999999; do
    status=0
    PYRO_WORKER_THREADS=$bad ./tasks >out 2>err || status=$?
    [ "$status" -eq 2 ] || fail "PYRO_WORKER_THREADS='$bad' exited $status, expected 2"
    expect_file_eq out ""
    expect_file_eq err "fatal error: PYRO_WORKER_THREADS must be a positive integer (got \"$bad\")
"
done
echo "worker_threads: ok"
