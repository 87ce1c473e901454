# Input files that are missing or not valid .npy arrays are reported by name.
source "$(dirname "$0")/lib/common.bash" "$@"

printf '1.0,2.0\n' > x.npy
lamina eval --expr 'x ** 2' --input x=x.npy --output y.npy
expect_status 1
expect_stderr "error: x.npy: not a .npy file"

lamina eval --expr 'x ** 2' --input x=nowhere.npy --output y.npy
expect_status 1
expect_stderr "error: nowhere.npy: cannot open: No such file or directory"

npy f.npy "np.asfortranarray(np.ones((2, 3), dtype=np.float32))"
lamina eval --expr 'x ** 2' --input x=f.npy --output y.npy
expect_status 1
expect_stderr "error: f.npy: array is stored in Fortran order; save it with np.save(path, np.ascontiguousarray(a))"

npy h.npy "np.ones(3, dtype=np.float16)"
lamina eval --expr 'x ** 2' --input x=h.npy --output y.npy
expect_status 1
expect_stderr "error: h.npy: unsupported dtype '<f2' (float16)"
