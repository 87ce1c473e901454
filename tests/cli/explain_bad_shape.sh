# Malformed --input-shape text is reported with the accepted spellings.
source "$(dirname "$0")/lib/common.bash" "$@"

lamina explain --expr 'x + 1' --input-shape 'x=(None, abc)' --emit ir
expect_status 1
expect_stderr "error: --input-shape x: bad shape '(None, abc)': 'abc' is not a size (a non-negative integer) or None"
expect_stderr "hint: write a shape like (None, 512), None,512, (3,) or () for a scalar"

lamina explain --expr 'x + 1' --input-shape 'x=(None, -3)' --emit ir
expect_status 1
expect_stderr "'-3' is not a size"

lamina explain --expr 'x + 1' --input-shape 'x=(None,,3)' --emit ir
expect_status 1
expect_stderr "a dimension is missing between two commas"

lamina explain --expr 'x + 1' --input-shape 'x=(None, 3' --emit ir
expect_status 1
expect_stderr "bad shape '(None, 3': missing ')'"
