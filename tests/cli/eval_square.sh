# lamina eval runs x ** 2 on a float32 array and writes a float32 result.
source "$(dirname "$0")/lib/common.bash" "$@"

npy x.npy "np.array([[1, -2, 0.5], [3, 0, -1.5]], dtype=np.float32)"
lamina eval --expr 'x ** 2' --input x=x.npy --output y.npy
expect_status 0
expect_stdout "wrote y.npy: float32 (2, 3)"
check_npy "
y = np.load('y.npy')
assert y.dtype == np.float32, y.dtype
assert y.shape == (2, 3), y.shape
assert (y == np.array([[1, 4, 0.25], [9, 0, 2.25]], dtype=np.float32)).all(), y"
