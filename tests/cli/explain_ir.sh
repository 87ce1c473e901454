# explain --emit ir shows the typed IR with the symbolic batch dimension.
source "$(dirname "$0")/lib/common.bash" "$@"

lamina explain --expr 'mean(x, axis=1)' --input-shape 'x=(None, 512)' --emit ir
expect_status 0
expect_stdout "float32"
expect_stdout "(None, 512)"
expect_stdout "(None,)"

lamina explain --expr 'lambda x, k: x * k' --input-shape 'x=(None, 4)' --input-dtype x=float64 --arg k=2 --emit ir
expect_status 0
expect_stdout "float64(None, 4)"
