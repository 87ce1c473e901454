# --engine interp runs a loaded model with the reference interpreter; its
# results agree with the JIT's to float32 rounding.
source "$(dirname "$0")/lib/common.bash" "$@"

sample_models
lamina run demo.lamina $(cat demo.args) --output o.npy --engine interp
expect_status 0
expect_stdout "wrote o.npy: float32 (3, 3)"
check_npy "
a, b = np.load('o.npy'), np.load('demo.out0.npy')
assert np.allclose(a, b, rtol=1e-5, atol=1e-6), (a, b)"
