# One --output per model output, or an error saying how many the model has.
source "$(dirname "$0")/lib/common.bash" "$@"

sample_models
lamina run every_layer.lamina $(cat every_layer.args) --output a.npy
expect_status 1
expect_stderr "error: the model has 3 output(s) but 1 --output path(s) were given"
expect_stderr "hint: give one --output PATH.npy per model output, in order"
