# lamina inspect shows the summary, each Lambda's source and every weight with its dtype and shape.
source "$(dirname "$0")/lib/common.bash" "$@"

sample_models
lamina inspect demo.lamina
expect_status 0
expect_stdout 'Model: "demo"'
expect_stdout "antirectifier (Lambda)"
expect_stdout "Lambda 'antirectifier':"
expect_stdout "lambda x: concat([relu(x), relu(-x)], axis=-1)"
expect_stdout "Weights (4):"
expect_stdout "  hidden/kernel: float32 (4, 8)"
expect_stdout "  probs/bias: float32 (3,)"
lamina inspect every_layer.lamina
expect_status 0
expect_stdout "  scale/s: float32 (5,)"
expect_stdout "  inner/inner_dense/kernel: float32 (40, 3)"
