#!/usr/bin/env bash
# The README's first command runs the demo: it must build a model with Lambda
# layers, print its summary, and run it (JIT agreeing with the interpreter).
set -euo pipefail
cd "$(mktemp -d)"  # the demo saves demo_model.lamina here
out=$("$1")
grep -q 'Model: "demo"' <<<"$out"
grep -q 'antirectifier (Lambda)' <<<"$out"
grep -q 'Total params: 275' <<<"$out"
grep -q 'sample 3:' <<<"$out"
# The JIT's probabilities match the interpreter's to float precision.
diff=$(sed -n 's/^largest difference from the reference interpreter: //p' <<<"$out")
python3 -c "import sys; sys.exit(0 if float('$diff') < 1e-5 else 1)"
# It then trains the model (fit prints one line per epoch when not on a terminal).
grep -q '^Epoch 10/10$' <<<"$out"
grep -q '^trained: accuracy' <<<"$out"
# It saves the trained model and the reloaded one predicts the same.
grep -q '^saved demo_model.lamina and loaded it back: predictions identical' <<<"$out"
