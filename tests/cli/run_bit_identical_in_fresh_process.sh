# A model saved by one process (write_sample_models) and run by another (lamina
# run) gives bit-identical outputs: every layer class, Embedding + Masking, the demo.
source "$(dirname "$0")/lib/common.bash" "$@"

sample_models
lamina run every_layer.lamina $(cat every_layer.args) --output o0.npy --output o1.npy --output o2.npy
expect_status 0
expect_stdout "wrote o2.npy: float32 (3, 2, 40)"
for i in 0 1 2; do cmp o$i.npy every_layer.out$i.npy || fail "every_layer output $i differs"; done
for m in embedding_model demo; do
  lamina run $m.lamina $(cat $m.args) --output o.npy
  expect_status 0
  cmp o.npy $m.out0.npy || fail "$m output differs"
done
