# Shared by the CLI test scripts: `source "$(dirname "$0")/lib/common.bash" "$@"`.
# Each script is run by ctest as `bash script.sh /path/to/lamina`, inside a fresh
# temporary directory that is removed afterwards.

set -euo pipefail

LAMINA=$(realpath "${1:?usage: bash $0 /path/to/lamina}")
PY=/usr/bin/python3  # Debian's python3, which has numpy
REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
cd "$WORK"

fail() {
  echo "FAIL: $*" >&2
  echo "--- stdout ---" >&2; cat out.txt >&2 2>/dev/null || true
  echo "--- stderr ---" >&2; cat err.txt >&2 2>/dev/null || true
  exit 1
}

# lamina ARGS...: runs the CLI; its stdout, stderr and exit status land in
# out.txt, err.txt and $STATUS.
lamina() {
  set +e
  "$LAMINA" "$@" >out.txt 2>err.txt
  STATUS=$?
  set -e
}

expect_status() {
  [ "$STATUS" -eq "$1" ] || fail "expected exit status $1, got $STATUS"
}

# expect_stderr TEXT: stderr contains TEXT literally.
expect_stderr() {
  grep -qF -- "$1" err.txt || fail "stderr does not contain: $1"
}

expect_stdout() {
  grep -qF -- "$1" out.txt || fail "stdout does not contain: $1"
}

# npy FILE PYTHON_EXPR: saves the NumPy array PYTHON_EXPR (np is numpy) to FILE.
npy() {
  "$PY" -c "import numpy as np; np.save('$1', $2)"
}

# check_npy PYTHON_CODE: runs Python code with np imported; it must exit 0.
check_npy() {
  "$PY" -c "import numpy as np
$1" || fail "check failed: $1"
}

# sample_models: writes the model-file tests' sample models, their inputs,
# `--input` options (<model>.args) and expected outputs into the current
# directory (tests/tools/write_sample_models.cpp, built next to the CLI).
sample_models() {
  "$(dirname "$LAMINA")/tests/write_sample_models" . >out.txt 2>err.txt || fail "write_sample_models failed"
}
