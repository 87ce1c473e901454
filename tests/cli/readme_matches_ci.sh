# The README shows exactly the test command that CI (.ci/run) runs.
source "$(dirname "$0")/lib/common.bash" "$@"

command=$(grep -E '^apt-get update' "$REPO/.ci/run") || fail ".ci/run has no apt-get command line"
[ "$(grep -cE '^apt-get update' "$REPO/.ci/run")" -eq 1 ] || fail ".ci/run should run exactly one command line"
grep -qxF -- "$command" "$REPO/README.md" || fail "README.md does not show .ci/run's command: $command"
