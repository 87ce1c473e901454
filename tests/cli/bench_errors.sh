# lamina bench rejects bad options before timing anything, and reports errors in the
# program, its inputs and its output paths like eval does, writing no report.
source "$(dirname "$0")/lib/common.bash" "$@"

npy x.npy "np.ones(8, dtype=np.float32)"

check_usage_error() {  # OPTION VALUE EXPECTED_STDERR
  lamina bench --expr 'x + 1' --input x=x.npy --json t.json "$1" "$2"
  expect_status 2
  expect_stderr "$3"
  [ ! -e t.json ] || fail "a report was written for $1 $2"
}
check_usage_error --reps 0 "--reps: expects a whole number from 1 up, got '0'"
check_usage_error --reps many "--reps: expects a whole number from 1 up, got 'many'"
check_usage_error --reps 3x "--reps: expects a whole number from 1 up, got '3x'"
check_usage_error --warmup -1 "--warmup: expects a whole number from 0 up, got '-1'"
check_usage_error --calls-per-rep 0 "--calls-per-rep: expects a whole number from 1 up, got '0'"
check_usage_error --threads -1 "--threads: expects a whole number from 0 up, got '-1'"
check_usage_error --engine gpu "--engine"

lamina bench --input x=x.npy
expect_status 2
expect_stderr "--expr"

lamina bench --expr 'x + 1' --input x=x.npy --threads 5000 --json t.json
expect_status 1
expect_stderr "error: --threads 5000: cannot use 5000 threads"
expect_stderr "hint: pass 0 (one per core) or a count from 1 to 1024"

lamina bench --expr 'x + meen(x)' --input x=x.npy --json t.json
expect_status 1
head -n 1 err.txt | grep -q "^1:5: error: " || fail "first line does not start with '1:5: error: '"
sed -n 3p err.txt | grep -qx "        ^~*" || fail "third line is not a caret under column 5"
[ ! -e t.json ] || fail "a report was written for a bad program"

lamina bench --expr 'lambda x, w: x * w' --input x=x.npy --json t.json
expect_status 1
expect_stderr "error: missing --input for 'w'; the program's inputs are: x, w"

lamina bench --expr 'x + 1' --input x=missing.npy
expect_status 1
expect_stderr "missing.npy"

lamina bench --expr 'x + 1' --input x=x.npy --reps 1 --calls-per-rep 1 --json no_such_dir/t.json
expect_status 1
expect_stderr "error: no_such_dir/t.json: cannot write the JSON report"

# An output that cannot be written fails the run, and no report claims it succeeded.
lamina bench --expr 'x + 1' --input x=x.npy --reps 1 --calls-per-rep 1 --output no_such_dir/y.npy --json t.json
expect_status 1
expect_stderr "no_such_dir/y.npy"
[ ! -e t.json ] || fail "a report was written although the output could not be"
