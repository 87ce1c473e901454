# explain --emit loops|llvm|asm shows the JIT's loop nests, LLVM IR and machine code.
source "$(dirname "$0")/lib/common.bash" "$@"

lamina explain --expr 'relu(x) * 2' --input-shape 'x=(None, 64)' --emit loops
expect_status 0
expect_stdout "for "

lamina explain --expr 'relu(x) * 2' --input-shape 'x=(None, 64)' --emit llvm
expect_status 0
grep -q "^define " out.txt || fail "no LLVM function definition"

lamina explain --expr 'relu(x) * 2' --input-shape 'x=(None, 64)' --emit asm
expect_status 0
grep -qE "^\s+ret" out.txt || fail "no return instruction in the assembly"
