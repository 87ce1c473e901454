# explain --emit ir needs every input's shape; the error names the one missing.
source "$(dirname "$0")/lib/common.bash" "$@"

lamina explain --expr 'lambda a, b: a @ b' --input-shape 'a=(None, 3)' --emit ir
expect_status 1
expect_stderr "error: missing --input-shape for 'b'; the program's inputs are: a, b"

lamina explain --expr 'lambda a, b: a @ b' --input-shape 'c=(None, 3)' --emit ir
expect_status 1
expect_stderr "the program has no input 'c'"

lamina explain --expr 'x' --input-shape 'x=(2,)' --input-dtype x=float16 --emit ir
expect_status 1
expect_stderr "error: --input-dtype x=float16: unknown dtype 'float16'"

lamina explain --expr 'relu(x)' --emit llvm
expect_status 1
expect_stderr "error: missing --input-shape for 'x'; the program's inputs are: x"
expect_stderr "hint: give one --input-shape NAME=... per input, e.g. --input-shape 'x=(None, 4)'"
