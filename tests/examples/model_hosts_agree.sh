#!/usr/bin/env bash
# The C host that loads a model file prints exactly the predictions the C++ host that
# wrote the file printed (same rows, same digits).
# Usage: model_hosts_agree.sh CPP_HOST C_MODEL_HOST
set -euo pipefail
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
"$1" "$dir/classifier.lamina" > "$dir/cpp.txt"
grep -q "predictions are bit-identical" "$dir/cpp.txt"
"$2" "$dir/classifier.lamina" > "$dir/c.txt"
grep -q "^input 'features': (batch, 8)$" "$dir/c.txt"
diff <(grep '^  row ' "$dir/cpp.txt") <(grep '^  row ' "$dir/c.txt")
[ "$(grep -c '^  row ' "$dir/c.txt")" = 4 ]
echo "OK: the C host reproduces the C++ host's predictions from the model file"
