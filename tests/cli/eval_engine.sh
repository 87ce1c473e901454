# --engine interp and --engine jit give the same results (NumPy's, to float32 rounding);
# any other engine name is a usage error.
source "$(dirname "$0")/lib/common.bash" "$@"

npy x.npy "np.random.default_rng(7).standard_normal((64, 48), dtype=np.float32)"
program='x -= mean(x, axis=1, keepdims=True); x = l2_normalize(x, axis=1); return concat([relu(x), relu(-x)], axis=1)'
for engine in interp jit; do
  lamina eval --expr "$program" --input x=x.npy --output "$engine.npy" --engine "$engine"
  expect_status 0
  expect_stdout "wrote $engine.npy: float32 (64, 96)"
done
check_npy "
x = np.load('x.npy').astype(np.float64)
x = x - x.mean(axis=1, keepdims=True)
x = x / np.sqrt(np.maximum((x * x).sum(axis=1, keepdims=True), 1e-12))
want = np.concatenate([np.maximum(x, 0), np.maximum(-x, 0)], axis=1)
interp, jit = np.load('interp.npy'), np.load('jit.npy')
assert jit.dtype == np.float32 and jit.shape == (64, 96), (jit.dtype, jit.shape)
assert np.allclose(interp, want, rtol=1e-5, atol=1e-6), abs(interp - want).max()
assert np.allclose(jit, want, rtol=1e-5, atol=1e-6), abs(jit - want).max()
assert np.allclose(jit, interp, rtol=1e-5, atol=1e-6), abs(jit - interp).max()"

npy a.npy "np.linspace(-4, 4, 1000, dtype=np.float32)"
for engine in interp jit; do
  lamina eval --expr 'lambda a: (sigmoid(a) * tanh(a) + 0.5 * a, softmax(a, axis=0))' --input a=a.npy \
      --output "s_$engine.npy" --output "p_$engine.npy" --engine "$engine"
  expect_status 0
done
check_npy "
a = np.load('a.npy').astype(np.float64)
s = 1 / (1 + np.exp(-a)) * np.tanh(a) + 0.5 * a
p = np.exp(a - a.max()); p /= p.sum()
for engine in ('interp', 'jit'):
    assert np.allclose(np.load(f's_{engine}.npy'), s, rtol=1e-5, atol=1e-6), engine
    assert np.allclose(np.load(f'p_{engine}.npy'), p, rtol=1e-5, atol=1e-9), engine"

lamina eval --expr 'x ** 2' --input x=x.npy --output y.npy --engine gpu
expect_status 2
expect_stderr "--engine"
