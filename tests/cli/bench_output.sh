# lamina bench --output saves the results the timed calls wrote into the preallocated outputs,
# the same with either engine.
source "$(dirname "$0")/lib/common.bash" "$@"

npy a.npy "np.random.default_rng(3).standard_normal((32, 100), dtype=np.float32)"
npy b.npy "np.random.default_rng(4).standard_normal((32, 100), dtype=np.float32)"
for engine in jit interp; do
  lamina bench --expr 'lambda a, b: (a * b, sum(a, axis=1))' --input a=a.npy --input b=b.npy \
      --reps 2 --warmup 1 --calls-per-rep 2 --engine "$engine" --output "p_$engine.npy" --output "s_$engine.npy"
  expect_status 0
  expect_stdout "wrote p_$engine.npy: float32 (32, 100)"
  expect_stdout "wrote s_$engine.npy: float32 (32,)"
done
check_npy "
a, b = np.load('a.npy'), np.load('b.npy')
for engine in ('jit', 'interp'):
    p, s = np.load(f'p_{engine}.npy'), np.load(f's_{engine}.npy')
    assert p.dtype == np.float32 and s.dtype == np.float32
    assert np.allclose(p, a * b, rtol=1e-6), engine
    assert np.allclose(s, a.astype(np.float64).sum(axis=1), rtol=1e-5, atol=1e-5), engine"

# --output is optional, but when given there must be one per result.
lamina bench --expr 'lambda a, b: (a * b, a + b)' --input a=a.npy --input b=b.npy --output only.npy
expect_status 1
expect_stderr "error: the program returns 2 results but 1 --output path was given"
[ ! -e only.npy ] || fail "an output was written despite the error"
