# An error in --expr exits 1 with line:col, the quoted source line and a caret.
source "$(dirname "$0")/lib/common.bash" "$@"

npy x.npy "np.ones(3, dtype=np.float32)"
lamina eval --expr 'x + meen(x)' --input x=x.npy --output y.npy
expect_status 1
head -n 1 err.txt | grep -q "^1:5: error: " || fail "first line does not start with '1:5: error: '"
expect_stderr "meen"
sed -n 2p err.txt | grep -qxF "    x + meen(x)" || fail "second line does not quote the source"
sed -n 3p err.txt | grep -qx "        ^~*" || fail "third line is not a caret under column 5"
[ ! -e y.npy ] || fail "an output was written despite the error"
