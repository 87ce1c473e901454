# Installs the already-built Lamina into a fresh prefix and builds consumer projects
# against it, as a user would: with find_package(Lamina) (tests/package/consumer/), with
# pkg-config and a bare compiler command, and the examples/c_host project on its own.
# Nothing is rebuilt: `cmake --install` copies what the main build made.
#
# Usage: install_and_consume.sh CMAKE BUILD_DIR PACKAGE_TEST_DIR GENERATOR CC CXX
set -euo pipefail
cmake=$1 build=$2 here=$3 generator=$4 cc=$5 cxx=$6
repo=$(cd "$here/../.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
prefix=$work/prefix

fail() { echo "FAIL: $*" >&2; exit 1; }
expect_output() {  # expect_output WANT COMMAND...
  local want=$1; shift
  local got
  got=$("$@") || fail "$* exited with status $?"
  [ "$got" = "$want" ] || fail "$* printed '$got', expected '$want'"
}

"$cmake" --install "$build" --prefix "$prefix" > "$work/install.log" || { cat "$work/install.log"; fail "install"; }

# The layout a user relies on. The library directory is lib, or lib/<multiarch> under /usr.
lib=$(dirname "$(find "$prefix" -name 'liblamina.so.0.1.0' | head -1)")
[ -f "$lib/liblamina.so.0.1.0" ] || fail "no liblamina.so.0.1.0 under $prefix"
[ "$(readlink "$lib/liblamina.so.0")" = liblamina.so.0.1.0 ] || fail "liblamina.so.0 does not link to the library"
[ "$(readlink "$lib/liblamina.so")" = liblamina.so.0 ] || fail "liblamina.so does not link to liblamina.so.0"
soname=$(objdump -p "$lib/liblamina.so.0.1.0" | awk '$1 == "SONAME" {print $2}')
[ "$soname" = liblamina.so.0 ] || fail "SONAME is '$soname', not liblamina.so.0"
for f in lamina.h lambda.h tensor.h export.h version.h; do
  [ -f "$prefix/include/lamina/$f" ] || fail "include/lamina/$f is not installed"
done
[ -f "$lib/cmake/Lamina/LaminaConfig.cmake" ] || fail "LaminaConfig.cmake is not installed"
[ -f "$lib/cmake/Lamina/LaminaConfigVersion.cmake" ] || fail "LaminaConfigVersion.cmake is not installed"
[ -f "$lib/pkgconfig/lamina.pc" ] || fail "lamina.pc is not installed"
expect_output "lamina 0.1.0" "$prefix/bin/lamina" --version

# find_package(Lamina 0.1 REQUIRED) → Lamina::lamina, from C++ and from C.
"$cmake" -S "$here/consumer" -B "$work/consumer" -G "$generator" -DCMAKE_BUILD_TYPE=Release \
  -DCMAKE_PREFIX_PATH="$prefix" -DCMAKE_C_COMPILER="$cc" -DCMAKE_CXX_COMPILER="$cxx" > "$work/configure.log" \
  || { cat "$work/configure.log"; fail "configuring the find_package consumer"; }
"$cmake" --build "$work/consumer" > "$work/build.log" || { cat "$work/build.log"; fail "building the find_package consumer"; }
expect_output $'c++: 7 -7\nc++ caught: line 1' "$work/consumer/consumer_cpp"
expect_output "c: lamina 0.1.0: 0 3 8" "$work/consumer/consumer_c"

# pkg-config and a bare compiler, as a Makefile would.
command -v pkg-config > /dev/null || fail "pkg-config is not installed (apt-get install pkg-config)"
export PKG_CONFIG_PATH=$lib/pkgconfig
[ "$(pkg-config --modversion lamina)" = 0.1.0 ] || fail "pkg-config reports version $(pkg-config --modversion lamina)"
# shellcheck disable=SC2046
"$cc" -std=c99 -Wall -Wextra -pedantic -Werror "$here/consumer/main.c" -o "$work/pc_consumer" \
  $(pkg-config --cflags --libs lamina) -Wl,-rpath,"$(pkg-config --variable=libdir lamina)"
expect_output "c: lamina 0.1.0: 0 3 8" "$work/pc_consumer"

# The C host example builds on its own against the installed package too.
"$cmake" -S "$repo/examples/c_host" -B "$work/c_host" -G "$generator" -DCMAKE_PREFIX_PATH="$prefix" \
  -DCMAKE_C_COMPILER="$cc" > "$work/c_host.log" && "$cmake" --build "$work/c_host" >> "$work/c_host.log" \
  || { cat "$work/c_host.log"; fail "building examples/c_host against the installed package"; }
c_host_output=$("$work/c_host/lamina_c_host") || fail "examples/c_host exited with status $?"
grep -q "written into the host's array" <<< "$c_host_output" || fail "examples/c_host printed: $c_host_output"
echo "ok: installed to a fresh prefix; find_package, pkg-config and examples/c_host consumers build and run"
