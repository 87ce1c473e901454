# An error in a --file program is prefixed with the file name: model.lam:3:5: error: ...
source "$(dirname "$0")/lib/common.bash" "$@"

printf 'lambda x:\n    y = x * 2\n    z = meen(y)\n    return z\n' > model.lam
npy x.npy "np.ones(3, dtype=np.float32)"
lamina eval --file model.lam --input x=x.npy --output y.npy
expect_status 1
head -n 1 err.txt | grep -q "^model.lam:3:9: error: " || fail "first line does not start with 'model.lam:3:9: error: '"
sed -n 2p err.txt | grep -qxF "        z = meen(y)" || fail "second line does not quote line 3"

lamina eval --file missing.lam --input x=x.npy --output y.npy
expect_status 1
expect_stderr "error: missing.lam: cannot read the program: No such file or directory"
