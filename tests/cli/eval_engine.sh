# --engine picks the engine: interp runs; jit runs or says clearly it is unavailable;
# any other name is a usage error.
source "$(dirname "$0")/lib/common.bash" "$@"

npy x.npy "np.array([1, 2, 3], dtype=np.float32)"
lamina eval --expr 'x ** 2' --input x=x.npy --output y.npy --engine interp
expect_status 0
check_npy "assert (np.load('y.npy') == [1, 4, 9]).all()"

lamina eval --expr 'x ** 2' --input x=x.npy --output j.npy --engine jit
if [ "$STATUS" -eq 0 ]; then
  check_npy "assert (np.load('j.npy') == [1, 4, 9]).all()"
else
  expect_status 1
  expect_stderr "error: "
  grep -qi "jit" err.txt || fail "the error does not mention the JIT"
fi

lamina eval --expr 'x ** 2' --input x=x.npy --output y.npy --engine gpu
expect_status 2
expect_stderr "--engine"
