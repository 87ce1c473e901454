# Every model input needs an --input; the error lists the model's input names.
source "$(dirname "$0")/lib/common.bash" "$@"

sample_models
lamina run every_layer.lamina --input x=every_layer.in0.npy --output a.npy --output b.npy --output c.npy
expect_status 1
expect_stderr "error: missing --input for 'y'; the program's inputs are: x, y"
