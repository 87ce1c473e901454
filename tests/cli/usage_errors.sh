# Malformed command lines exit with status 2 and say what is wrong.
source "$(dirname "$0")/lib/common.bash" "$@"

lamina
expect_status 2
expect_stderr "subcommand"

lamina eval --expr 'x' --input x=x.npy
expect_status 2
expect_stderr "--output"

lamina eval --input x=x.npy --output y.npy
expect_status 2
expect_stderr "--expr"

echo 'x' > p.lam
lamina eval --expr 'x' --file p.lam --input x=x.npy --output y.npy
expect_status 2

lamina explain --expr 'x'
expect_status 2
expect_stderr "--emit"

lamina explain --expr 'x' --emit mlir
expect_status 2

lamina eval --expr 'x' --frobnicate
expect_status 2
