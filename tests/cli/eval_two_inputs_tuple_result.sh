# A two-input lambda returning a tuple writes one file per result, in order.
source "$(dirname "$0")/lib/common.bash" "$@"

npy a.npy "np.array([[1, 2], [3, 4]], dtype=np.float32)"
npy b.npy "np.array([[10, 20], [30, 40]], dtype=np.float32)"
lamina eval --expr $'lambda a, b:\n    return a + b, a * b' \
  --input b=b.npy --input a=a.npy --output sum.npy --output product.npy
expect_status 0
check_npy "
s = np.load('sum.npy'); p = np.load('product.npy')
assert (s == [[11, 22], [33, 44]]).all(), s
assert (p == [[10, 40], [90, 160]]).all(), p"
