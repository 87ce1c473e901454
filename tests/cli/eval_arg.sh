# --arg binds lambda parameters to Python literals (Keras' `arguments`): a scalar and an axis.
# The parameters left are the inputs.
source "$(dirname "$0")/lib/common.bash" "$@"

npy x.npy "np.array([[1, 2, 3], [4, 5, 6]], dtype=np.float32)"
lamina eval --expr 'lambda x, k, ax: sum(x * k, axis=ax)' --input x=x.npy --arg k=0.5 --arg ax=1 --output y.npy
expect_status 0
check_npy "
y = np.load('y.npy')
assert y.shape == (2,), y.shape
assert (y == [3, 7.5]).all(), y"

# A parameter bound by --arg is not an input.
lamina eval --expr 'lambda x, k: x * k' --input x=x.npy --input k=x.npy --arg k=2 --output y.npy
expect_status 1
expect_stderr "the program has no input 'k'; the program's inputs are: x"
