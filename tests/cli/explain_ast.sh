# explain --emit ast prints the syntax tree; it needs no input shapes.
source "$(dirname "$0")/lib/common.bash" "$@"

lamina explain --expr 'lambda a, b: a + mean(b, axis=1)' --emit ast
expect_status 0
expect_stdout "mean"
expect_stdout "axis"
[ "$(wc -l < out.txt)" -gt 1 ] || fail "the tree is not printed one node per line"
