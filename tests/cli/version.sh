# lamina --version prints the version declared in CMakeLists.txt.
source "$(dirname "$0")/lib/common.bash" "$@"

want=$(sed -n 's/^project(Lamina VERSION \([0-9.]*\).*/\1/p' "$REPO/CMakeLists.txt")
[ -n "$want" ] || fail "no project(Lamina VERSION ...) line in CMakeLists.txt"
lamina --version
expect_status 0
[ "$(cat out.txt)" = "lamina $want" ] || fail "expected 'lamina $want'"
