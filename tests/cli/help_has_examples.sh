# --help works at every level and each command's help shows an example.
source "$(dirname "$0")/lib/common.bash" "$@"

lamina --help
expect_status 0
expect_stdout "eval"
expect_stdout "explain"
expect_stdout "bench"

lamina eval --help
expect_status 0
expect_stdout "lamina eval --expr 'x ** 2' --input x=x.npy --output y.npy"
expect_stdout "--engine"

lamina explain --help
expect_status 0
expect_stdout "lamina explain --expr"
expect_stdout "--input-shape"
expect_stdout "llvm"

lamina bench --help
expect_status 0
expect_stdout "lamina bench --expr 'x ** 2' --input x=x.npy --threads 2"
expect_stdout "--calls-per-rep"
expect_stdout "--json"
