# --file reads the program from a file: the Keras antirectifier, checked against NumPy.
source "$(dirname "$0")/lib/common.bash" "$@"

cat > antirectifier.lam <<'LAM'
lambda x:
    x -= mean(x, axis=1, keepdims=True)
    x = l2_normalize(x, axis=1)
    pos = relu(x)
    neg = relu(-x)
    return concat([pos, neg], axis=1)
LAM
npy x.npy "np.array([[1, 2, 3, 6], [-1, 0, 0, 5]], dtype=np.float32)"
lamina eval --file antirectifier.lam --input x=x.npy --output y.npy
expect_status 0
check_npy "
x = np.load('x.npy').astype(np.float64)
x = x - x.mean(axis=1, keepdims=True)
x = x / np.sqrt(np.maximum((x * x).sum(axis=1, keepdims=True), 1e-12))
want = np.concatenate([np.maximum(x, 0), np.maximum(-x, 0)], axis=1)
y = np.load('y.npy')
assert y.shape == (2, 8) and y.dtype == np.float32, (y.shape, y.dtype)
assert np.allclose(y, want, rtol=1e-6, atol=1e-6), (y, want)"
