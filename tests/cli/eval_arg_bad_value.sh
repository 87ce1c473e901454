# A --arg that is not NAME=VALUE, or whose value is not a literal, is an error naming it.
source "$(dirname "$0")/lib/common.bash" "$@"

npy x.npy "np.ones(3, dtype=np.float32)"
lamina eval --expr 'x * k' --input x=x.npy --arg k --output y.npy
expect_status 1
expect_stderr "error: --arg expects NAME=VALUE, got 'k'"

lamina eval --expr 'x * k' --input x=x.npy --arg 'k=(1, ' --output y.npy
expect_status 1
expect_stderr "error: --arg k: "
expect_stderr "(1, "
