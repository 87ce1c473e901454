# explain --emit loops shows a float matmul as a GEMM step, with the elementwise work after it as its epilogue.
source "$(dirname "$0")/lib/common.bash" "$@"

# A dense layer: one GEMM step, bias and relu fused into it, written straight into the output.
lamina explain --expr 'lambda x, w, b: relu(x @ w + b)' --input-shape 'x=(None, 512)' --input-shape 'w=(512, 1024)' \
  --input-shape 'b=(1024,)' --emit loops
expect_status 0
[ "$(grep -c '^gemm ' out.txt)" -eq 1 ] || fail "relu(x @ w + b) is not one GEMM step"
grep -q '^kernel ' out.txt && fail "relu(x @ w + b) has a kernel outside the GEMM step"
expect_stdout "(in the memory of out0)"
expect_stdout "= in0 (batch, 512) @ in1 (512, 1024)  (float32, Eigen)"
expect_stdout "epilogue k"
grep -q "= Max(" out.txt || fail "no max for relu in the epilogue"

# The LLVM IR holds the epilogue kernel (the GEMM itself is compiled ahead of time).
lamina explain --expr 'lambda x, w, b: relu(x @ w + b)' --input-shape 'x=(None, 8)' --input-shape 'w=(8, 4)' \
  --input-shape 'b=(4,)' --emit llvm
expect_status 0
grep -qE "^define .*@k[0-9]+_Max" out.txt || fail "no LLVM function for the epilogue kernel"
