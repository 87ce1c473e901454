# explain --emit tokens lists each token with its line:column and kind.
source "$(dirname "$0")/lib/common.bash" "$@"

lamina explain --expr 'x ** 2' --emit tokens
expect_status 0
grep -qE "^1:1 .*NAME.*x" out.txt || fail "no NAME token for x at 1:1"
grep -qE "^1:3 .*DOUBLE_STAR" out.txt || fail "no DOUBLE_STAR token at 1:3"
grep -qE "^1:6 .*INT.*2" out.txt || fail "no INT token for 2 at 1:6"
