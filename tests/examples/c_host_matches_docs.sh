# docs/c-api.md's complete program is examples/c_host/main.c, character for character, and
# the output the page shows is what the example prints.
#
# Usage: c_host_matches_docs.sh REPO_DIR C_HOST_BINARY
set -euo pipefail
repo=$1 binary=$2
page=$repo/docs/c-api.md

# The first ```c block after "## A complete program", then the next ``` block (its output).
section=$(sed -n '/^## A complete program/,/^## /p' "$page")
program=$(awk '/^```c$/ {inside=1; next} inside && /^```$/ {exit} inside' <<< "$section")
shown=$(awk '/^```c$/ {skip=1} skip && /^```$/ && !done {skip=0; done=1; next} done && /^```$/ {if (inside) exit; inside=1; next} inside' <<< "$section")

[ -n "$program" ] || { echo "FAIL: no \`\`\`c block under '## A complete program' in $page" >&2; exit 1; }
if ! diff <(printf '%s\n' "$program") "$repo/examples/c_host/main.c"; then
  echo "FAIL: the program in $page differs from examples/c_host/main.c (diff above); update the page" >&2
  exit 1
fi
if ! diff <(printf '%s\n' "$shown") <("$binary"); then
  echo "FAIL: the output shown in $page differs from what examples/c_host prints (diff above)" >&2
  exit 1
fi
echo "ok: docs/c-api.md shows examples/c_host/main.c and its output"
