# Every input of the program needs an --input; the error lists the expected names.
source "$(dirname "$0")/lib/common.bash" "$@"

npy a.npy "np.ones(3, dtype=np.float32)"
lamina eval --expr 'lambda a, b: a + b' --input a=a.npy --output y.npy
expect_status 1
expect_stderr "error: missing --input for 'b'; the program's inputs are: a, b"
expect_stderr "hint: give one --input NAME=... per input, e.g. --input b=PATH.npy"
