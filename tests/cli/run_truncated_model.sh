# A truncated model file is refused with an error naming the file; nothing is written.
source "$(dirname "$0")/lib/common.bash" "$@"

sample_models
head -c 700 demo.lamina > cut.lamina
lamina run cut.lamina $(cat demo.args) --output o.npy
expect_status 1
expect_stderr "error: cut.lamina:"
[ ! -e o.npy ] || fail "o.npy was written"
lamina inspect cut.lamina
expect_status 1
expect_stderr "error: cut.lamina:"
