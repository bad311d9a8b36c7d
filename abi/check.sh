#!/usr/bin/env bash
# libherr.so's ABI against the committed baseline, abi/libherr.abi (docs/ABI.md says what may
# change and what a change must announce):
#
#   bash abi/check.sh          builds the shared library as the CMake install makes it (with
#                              debug information, which carries the types), describes it with
#                              abidw and compares it with the baseline (abidiff); fails on an
#                              incompatible change unless the SONAME announces it
#   bash abi/check.sh --bless  rewrites abi/libherr.abi from this build: after a compatible
#                              addition, or an incompatible change with its new SONAME
#
# Needs cmake, a C compiler, and libabigail's abidw and abidiff (Debian: abigail-tools).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

export CARGO_PROFILE_RELEASE_DEBUG=true
cmake -S . -B "$work/build" -DCMAKE_BUILD_TYPE=Release -DHERR_INSTALL=OFF \
  -DHERR_CARGO_TARGET_DIR="$root/target/abi" >"$work/cmake.log" 2>&1 || { cat "$work/cmake.log"; exit 1; }
cmake --build "$work/build" >>"$work/cmake.log" 2>&1 || { cat "$work/cmake.log"; exit 1; }
lib=$(find "$work/build" -maxdepth 1 -name 'libherr.so.*.*.*' -type f)
abidw --no-corpus-path --no-comp-dir-path --no-show-locs "$lib" >"$work/libherr.abi"

if [ "${1:-}" = --bless ]; then
  cp "$work/libherr.abi" abi/libherr.abi
  echo "abi/libherr.abi rewritten from $(basename "$lib")"
  exit 0
fi

soname() { sed -n "s/.*soname='\([^']*\)'.*/\1/p" "$1" | head -1; }
set +e
abidiff abi/libherr.abi "$work/libherr.abi" >"$work/diff.txt"
status=$?
set -e
cat "$work/diff.txt"
# abidiff's status is a bit field: 1 error, 2 usage error, 4 ABI change, 8 incompatible change.
# abidiff calls only a removed symbol incompatible; a function whose parameters or return type
# changed, or a type whose layout did, is an "ABI change" to it, but breaks a C program built
# against the old header all the same. So any removed or changed function or variable counts as
# incompatible here; added ones (and harmless changes, such as an enumerator appended, which
# abidiff does not report) are compatible.
if [ $((status & 3)) -ne 0 ]; then
  echo "abi/check.sh: abidiff failed ($status)" >&2
  exit 1
fi
broken=$(sed -n 's/.*changes summary: \([0-9]*\) Removed[^,]*, \([0-9]*\) Changed.*/\1 \2/p' "$work/diff.txt" |
  awk '{ n += $1 + $2 } END { print n + 0 }')
if [ $((status & 8)) -ne 0 ] || [ "$broken" -gt 0 ]; then
  if [ "$(soname abi/libherr.abi)" = "$(soname "$work/libherr.abi")" ]; then
    echo "abi/check.sh: an incompatible ABI change, and the SONAME ($(soname abi/libherr.abi)) does not announce it: keep the ABI, or make the release one that changes the SONAME (docs/ABI.md)" >&2
    exit 1
  fi
  echo "abi/check.sh: an incompatible change, announced by the new SONAME $(soname "$work/libherr.abi"): run bash abi/check.sh --bless"
  exit 0
fi
if [ $((status & 4)) -ne 0 ]; then
  echo "abi/check.sh: a compatible change (see above): record it with bash abi/check.sh --bless"
  exit 0
fi
echo "abi/check.sh: $(soname abi/libherr.abi): the ABI is the baseline's"
