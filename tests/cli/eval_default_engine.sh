# lamina eval and lamina bench run the JIT unless --engine interp is given.
source "$(dirname "$0")/lib/common.bash" "$@"

lamina eval --help
expect_status 0
grep -E -- "--engine [^ ]*=jit$" out.txt >/dev/null || fail "eval --help does not show jit as --engine's default"

lamina bench --help
expect_status 0
grep -E -- "--engine [^ ]*=jit$" out.txt >/dev/null || fail "bench --help does not show jit as --engine's default"

npy x.npy "np.array([1, 2, 3], dtype=np.float32)"
lamina bench --expr 'x * 2' --input x=x.npy --reps 1 --warmup 0 --calls-per-rep 1 --json default.json
expect_status 0
expect_stdout ", jit); compile"
check_npy "import json; assert json.load(open('default.json'))['engine'] == 'jit'"

lamina bench --expr 'x * 2' --input x=x.npy --reps 1 --warmup 0 --calls-per-rep 1 --engine interp --json interp.json
expect_status 0
expect_stdout ", interp); compile"
check_npy "import json; assert json.load(open('interp.json'))['engine'] == 'interp'"
