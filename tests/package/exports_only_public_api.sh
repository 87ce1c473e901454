# liblamina.so exports the public API only (cmake/liblamina.map): C functions named lamina_*
# and C++ symbols of namespace lamina. No LLVM, fmt, standard-library instantiations or
# internals (lamina::jit::, Lambda::Impl, ...) leak.
#
# Usage: exports_only_public_api.sh LIBLAMINA.so
set -euo pipefail
lib=$1
symbols=$(nm -D --defined-only --demangle "$lib" | cut -d' ' -f3-)
[ -n "$symbols" ] || { echo "FAIL: $lib exports nothing" >&2; exit 1; }

fail=0
check_absent() {  # check_absent PATTERN WHAT
  local hits
  hits=$(grep -E "$1" <<< "$symbols" || true)
  if [ -n "$hits" ]; then
    echo "FAIL: $lib exports $2:" >&2
    head -20 <<< "$hits" >&2
    fail=1
  fi
}
check_absent 'llvm::|LLVM' "LLVM symbols"
check_absent 'fmt::' "fmt symbols"
check_absent 'lamina::(jit|ir|ast|kernel|interp|passes|capi|cli|detail)::|::Impl::' "internal symbols"

# Everything else must belong to the API: lamina_* C functions or something naming lamina::.
others=$(grep -vE '^lamina_[a-z_0-9]+$|lamina::' <<< "$symbols" || true)
if [ -n "$others" ]; then
  echo "FAIL: $lib exports symbols outside the public API:" >&2
  head -20 <<< "$others" >&2
  fail=1
fi

# And the C API is all there.
for f in lamina_version lamina_status_message lamina_tensor_borrow lamina_lambda_compile lamina_lambda_run_into \
         lamina_set_log_callback lamina_set_num_threads; do
  grep -qx "$f" <<< "$symbols" || { echo "FAIL: $lib does not export $f" >&2; fail=1; }
done
[ $fail = 0 ] && echo "ok: $(wc -l <<< "$symbols") exported symbols, all public API"
exit $fail
