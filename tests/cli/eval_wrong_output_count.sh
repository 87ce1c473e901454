# The number of --output paths must equal the number of results; nothing is written otherwise.
source "$(dirname "$0")/lib/common.bash" "$@"

npy x.npy "np.ones(3, dtype=np.float32)"
lamina eval --expr $'lambda x:\n    return x + 1, x - 1' --input x=x.npy --output only.npy
expect_status 1
expect_stderr "error: the program returns 2 results but 1 --output path was given"
[ ! -e only.npy ] || fail "an output was written despite the error"

lamina eval --expr 'x + 1' --input x=x.npy --output a.npy --output b.npy
expect_status 1
expect_stderr "error: the program returns 1 result but 2 --output paths were given"
