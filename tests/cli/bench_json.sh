# lamina bench writes {"seconds": [one per rep], "compile_s": ...} and a one-line summary.
source "$(dirname "$0")/lib/common.bash" "$@"

npy x.npy "np.arange(4096, dtype=np.float32).reshape(64, 64)"
lamina bench --expr 'x ** 2' --input x=x.npy --threads 2 --warmup 1 --reps 4 --calls-per-rep 3 --json t.json
expect_status 0
[ "$(wc -l < out.txt)" -eq 1 ] || fail "the summary is not one line"
grep -qE "^x \*\* 2: median [0-9.]+ (ns|µs|ms|s), min [0-9.]+ (ns|µs|ms|s) per call \(4 reps x 3 calls, 2 threads, jit\); compile [0-9.]+ (ns|µs|ms|s)$" out.txt \
  || fail "unexpected summary line"
check_npy "
import json
r = json.load(open('t.json'))
for key in ('seconds', 'compile_s', 'calls_per_rep', 'warmup', 'reps', 'threads', 'engine'):
    assert key in r, key
assert len(r['seconds']) == 4, r['seconds']
assert all(isinstance(s, float) and s > 0 for s in r['seconds']), r['seconds']
assert isinstance(r['compile_s'], float) and r['compile_s'] > 0, r['compile_s']
assert (r['calls_per_rep'], r['warmup'], r['reps'], r['threads'], r['engine']) == (3, 1, 4, 2, 'jit'), r"

# Without --calls-per-rep, a call far shorter than a millisecond is repeated within each rep.
npy small.npy "np.ones((4, 4), dtype=np.float32)"
lamina bench --expr 'x + 1' --input x=small.npy --reps 2 --warmup 0 --json auto.json
expect_status 0
check_npy "
import json
r = json.load(open('auto.json'))
assert 1 < r['calls_per_rep'] <= 1000000, r['calls_per_rep']
assert len(r['seconds']) == 2 and all(s > 0 for s in r['seconds']), r['seconds']
assert r['warmup'] == 0"

# The defaults: 3 warm-up reps, 10 timed reps.
lamina bench --expr 'x + 1' --input x=small.npy --calls-per-rep 1 --json defaults.json
expect_status 0
expect_stdout "(10 reps x 1 call, "
check_npy "
import json
r = json.load(open('defaults.json'))
assert (r['warmup'], r['reps'], len(r['seconds'])) == (3, 10, 10), r"

# A multi-line --file program is named by its file in the summary.
printf 'lambda a, b:\n    return a * b + 1\n' > model.lam
lamina bench --file model.lam --input a=x.npy --input b=x.npy --reps 1 --calls-per-rep 1 --threads 1
expect_status 0
grep -q "^model.lam: median .*(1 reps x 1 call, 1 thread, jit)" out.txt || fail "unexpected summary line"
