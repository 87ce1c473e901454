# explain reports syntax errors like eval: line:col, quoted line, caret.
source "$(dirname "$0")/lib/common.bash" "$@"

lamina explain --expr 'x + * 2' --emit ast
expect_status 1
head -n 1 err.txt | grep -q "^1:5: error: " || fail "first line does not start with '1:5: error: '"
sed -n 3p err.txt | grep -qx "        ^~*" || fail "no caret under column 5"
