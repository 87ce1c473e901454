# explain --emit loops|llvm|asm shows the JIT's fused loop nests, optimised LLVM IR and machine code.
source "$(dirname "$0")/lib/common.bash" "$@"

# relu(x) * 2 fuses into one kernel: a parallel loop over the batch rows, max then multiply.
lamina explain --expr 'relu(x) * 2' --input-shape 'x=(None, 64)' --emit loops
expect_status 0
[ "$(grep -c '^kernel ' out.txt)" -eq 1 ] || fail "relu(x) * 2 is not one fused kernel"
expect_stdout "parallel for i0 < batch:"
expect_stdout "in0[64*i0 + i1]"
grep -q "= Max(" out.txt || fail "no max for relu in the loop body"
grep -q "= Mul(" out.txt || fail "no multiply in the loop body"
grep -q "out0\[64\*i0 + i1\] = " out.txt || fail "no store to the output"

lamina explain --expr 'relu(x) * 2' --input-shape 'x=(None, 64)' --emit llvm
expect_status 0
grep -qE "^define .*@k[0-9A-Za-z_]+\(" out.txt || fail "no LLVM function definition for the kernel"
grep -qE "\bfmul\b" out.txt || fail "no floating-point multiply in the LLVM IR"
grep -qE "\bret void\b" out.txt || fail "no return in the LLVM IR"

lamina explain --expr 'relu(x) * 2' --input-shape 'x=(None, 64)' --emit asm
expect_status 0
grep -qE "^k[0-9A-Za-z_]+:" out.txt || fail "no label for the kernel in the assembly"
grep -qE "^\s+v?maxps\s" out.txt || fail "no packed max (relu) instruction in the assembly"
grep -qE "^\s+ret" out.txt || fail "no return instruction in the assembly"

# A row reduction is a loop nest of its own stages, still parallel over the rows.
lamina explain --expr 'mean(x, axis=1)' --input-shape 'x=(None, 128)' --emit loops
expect_status 0
expect_stdout "parallel for i0 < batch:"
