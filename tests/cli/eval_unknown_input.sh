# An --input name the program does not have is an error with a did-you-mean hint.
source "$(dirname "$0")/lib/common.bash" "$@"

npy a.npy "np.ones(3, dtype=np.float32)"
lamina eval --expr 'lambda image, mask: image * mask' --input imgae=a.npy --input mask=a.npy --output y.npy
expect_status 1
expect_stderr "error: --input imgae=a.npy: the program has no input 'imgae'; the program's inputs are: image, mask"
expect_stderr "hint: did you mean 'image'?"

lamina eval --expr 'x ** 2' --input x=a.npy --input x=a.npy --output y.npy
expect_status 1
expect_stderr "error: --input is given twice for input 'x'"

lamina eval --expr 'x ** 2' --input a.npy --output y.npy
expect_status 1
expect_stderr "error: --input expects NAME=VALUE, got 'a.npy'"
