#!/usr/bin/env bash
# The release bundles (README, "Platforms"), built and proven where they can run on this machine:
#   bash .ci/dist.sh
# Builds every bundle (`cargo xtask dist all`), checks SHA256SUMS, then, each bundle unpacked to
# a fresh directory and moved (the trees are relocatable), compares what the C examples print
# with what the same examples print built from this tree on the host:
#   - Linux x86-64: through find_package(herr) (static and shared) and pkg-config (shared, and
#     --static into a fully static program); i686 libherr.so natively; AArch64 and ARMv7 under qemu;
#   - Android's four ABIs (and HarmonyOS AArch64): the archive linked into a glibc program,
#     natively and under qemu. A no-std archive needs only memcpy, memcmp, memset and strlen from
#     the C library, so the same archive an NDK build links is proven here;
#   - Windows (MinGW): the static program and the DLL program under wine, and CMake's own MinGW
#     build (find_package from its install, herr::herr_shared); wine's exit code is not trusted
#     (it returns 0 for a program it could not start): the output is compared;
#   - Apple and MSVC: the archives define exactly herr.h's functions (llvm-nm), as Mach-O or COFF;
#   - firmware: the archives define herr.h's functions; the firmware tests link them (tests/firmware.rs).
set -euo pipefail
cd "$(dirname "$0")/.."
version=$(sed -n 's/^version = "\(.*\)"$/\1/p' Cargo.toml | head -n 1)
dist=target/dist
work=$(mktemp -d)
trap 'wineserver -k >/dev/null 2>&1 || true; rm -rf "$work"' EXIT
export WINEDEBUG=-all WINEPREFIX="$work/wine"
examples=(inspireface_errors vendors response)
cflags=(-std=c11 -Wall -Wextra -Wpedantic -Werror -O2)

cargo xtask dist all
(cd "$dist" && sha256sum --quiet -c SHA256SUMS)
echo "ok   SHA256SUMS"

# What the examples print on this machine, built from the source tree.
make -s -C examples/c all >/dev/null
for p in "${examples[@]}"; do examples/c/build/"$p" >"$work/want-$p"; done

# unpack NAME: the bundle unpacked, then moved, so that nothing can depend on where it was built.
unpack() {
    mkdir -p "$work/unpacked"
    tar -xzf "$dist/herr-$version-$1.tar.gz" -C "$work/unpacked"
    mv "$work/unpacked/herr-$version-$1" "$work/$1"
    echo "$work/$1"
}
# same WHAT EXAMPLE FILE: FILE holds what the example prints on this machine.
same() {
    tr -d '\r' <"$3" >"$3.lf"
    if ! diff -u "$work/want-$2" "$3.lf"; then
        echo "FAIL: $1: $2 prints otherwise (above)" >&2
        exit 1
    fi
    echo "ok   $1: $2 prints what the host build prints"
}
# exports FILE PREFIX: the archive's global functions are exactly herr.h's.
functions_h=$(sed -n 's/^.*\b\(herr_[a-z_0-9]*\)(.*$/\1/p' include/herr.h | sort -u)
exports() {
    local got
    # (MSVC's herr.lib is cargo's own, whose compiler-builtins members are LLVM bitcode that an
    # older llvm-nm cannot read: it lists herr's object and then fails, hence `|| true`.)
    got=$({ llvm-nm -g --defined-only -j "$1" 2>/dev/null || true; } | sed -n "s/^$2\(herr_\)/\1/p" | sort -u)
    if [ "$got" != "$functions_h" ]; then
        diff <(echo "$functions_h") <(echo "$got") >&2 || true
        echo "FAIL: $1 does not define exactly herr.h's functions" >&2
        exit 1
    fi
    echo "ok   $1: $(wc -l <<<"$got") functions of herr.h"
}

echo "== Linux x86-64: CMake and pkg-config"
linux=$(unpack x86_64-unknown-linux-gnu)
for target in herr_static herr_shared; do
    cmake -S tests/cmake/consumer -B "$work/cmake-$target" -DCMAKE_PREFIX_PATH="$linux" -DHERR_TARGET=$target >/dev/null
    cmake --build "$work/cmake-$target" >/dev/null
    "$work/cmake-$target/app_c" | grep -c ": ok$" >/dev/null
    echo "ok   find_package(herr) from the bundle, herr::$target"
done
readelf -d "$work/cmake-herr_shared/app_c" | grep -c "libherr.so.0" >/dev/null || { echo "FAIL: herr::herr_shared did not link libherr.so" >&2; exit 1; }
export PKG_CONFIG_PATH="$linux/lib/pkgconfig"
for p in "${examples[@]}"; do
    # shellcheck disable=SC2046
    cc "${cflags[@]}" examples/c/"$p".c $(pkg-config --cflags --libs herr) -Wl,-rpath,"$linux/lib" -o "$work/$p-shared"
    readelf -d "$work/$p-shared" | grep -c "libherr.so.0" >/dev/null
    "$work/$p-shared" >"$work/$p-shared.out"
    same "pkg-config, libherr.so" "$p" "$work/$p-shared.out"
    # shellcheck disable=SC2046
    cc "${cflags[@]}" -static examples/c/"$p".c $(pkg-config --cflags --libs --static herr) -o "$work/$p-static"
    "$work/$p-static" >"$work/$p-static.out"
    same "pkg-config --static, fully static" "$p" "$work/$p-static.out"
done
unset PKG_CONFIG_PATH

echo "== Linux i686: the shared library, natively (-m32)"
i686=$(unpack i686-unknown-linux-gnu)
for p in "${examples[@]}"; do
    cc -m32 "${cflags[@]}" -I "$i686/include" examples/c/"$p".c -L "$i686/lib" -lherr -Wl,-rpath,"$i686/lib" -o "$work/$p-i686"
    readelf -d "$work/$p-i686" | grep -c "libherr.so.0" >/dev/null
    "$work/$p-i686" >"$work/$p-i686.out"
    same "i686-unknown-linux-gnu, libherr.so" "$p" "$work/$p-i686.out"
done

echo "== Linux boards: the shared library under qemu"
for target in aarch64-unknown-linux-gnu:aarch64-linux-gnu:qemu-aarch64 armv7-unknown-linux-gnueabihf:arm-linux-gnueabihf:qemu-arm; do
    IFS=: read -r triple gnu qemu <<<"$target"
    tree=$(unpack "$triple")
    for p in "${examples[@]}"; do
        "$gnu-gcc" "${cflags[@]}" -I "$tree/include" examples/c/"$p".c -L "$tree/lib" -lherr -o "$work/$p-$triple"
        "$qemu" -L "/usr/$gnu" -E LD_LIBRARY_PATH="$tree/lib" "$work/$p-$triple" >"$work/$p-$triple.out"
        same "$triple, libherr.so under $qemu" "$p" "$work/$p-$triple.out"
    done
done

echo "== Android and HarmonyOS archives in glibc programs"
android=$(unpack android)
for p in "${examples[@]}"; do
    cc "${cflags[@]}" -I "$android/include" examples/c/"$p".c "$android/lib/x86_64/libherr.a" -o "$work/$p-android"
    "$work/$p-android" >"$work/$p-android.out"
    same "Android x86_64 (lib/x86_64 of the Android bundle), native" "$p" "$work/$p-android.out"
done
for p in "${examples[@]}"; do
    cc -m32 "${cflags[@]}" -I "$android/include" examples/c/"$p".c "$android/lib/x86/libherr.a" -o "$work/$p-android-x86"
    "$work/$p-android-x86" >"$work/$p-android-x86.out"
    same "Android x86 (lib/x86), natively with -m32" "$p" "$work/$p-android-x86.out"
    # armeabi-v7a passes floats in integer registers, a gnueabihf program in VFP registers; no
    # function of herr.h takes or returns a float, so the two link (the linker is told so).
    arm-linux-gnueabihf-gcc "${cflags[@]}" -I "$android/include" examples/c/"$p".c "$android/lib/armeabi-v7a/libherr.a" \
        -Wl,--no-warn-mismatch -o "$work/$p-android-v7a"
    qemu-arm -L /usr/arm-linux-gnueabihf "$work/$p-android-v7a" >"$work/$p-android-v7a.out"
    same "Android armeabi-v7a (lib/armeabi-v7a), qemu-arm" "$p" "$work/$p-android-v7a.out"
done
for target in aarch64-linux-android aarch64-unknown-linux-ohos; do
    tree=$(unpack $target)
    for p in "${examples[@]}"; do
        aarch64-linux-gnu-gcc "${cflags[@]}" -I "$tree/include" examples/c/"$p".c "$tree/lib/libherr.a" -o "$work/$p-$target"
        qemu-aarch64 -L /usr/aarch64-linux-gnu "$work/$p-$target" >"$work/$p-$target.out"
        same "$target, qemu-aarch64" "$p" "$work/$p-$target.out"
    done
done

echo "== Windows (MinGW-w64) under wine"
windows=$(unpack x86_64-pc-windows-gnu)
cp "$windows/bin/herr.dll" "$work/"
for p in "${examples[@]}"; do
    x86_64-w64-mingw32-gcc "${cflags[@]}" -I "$windows/include" examples/c/"$p".c "$windows/lib/libherr.a" -o "$work/$p-static.exe"
    wine "$work/$p-static.exe" >"$work/$p-static.win"
    same "Windows, libherr.a" "$p" "$work/$p-static.win"
    x86_64-w64-mingw32-gcc "${cflags[@]}" -DHERR_DLL -I "$windows/include" examples/c/"$p".c -L "$windows/lib" -lherr.dll -o "$work/$p-dll.exe"
    x86_64-w64-mingw32-objdump -p "$work/$p-dll.exe" | grep -c "DLL Name: herr.dll" >/dev/null
    wine "$work/$p-dll.exe" >"$work/$p-dll.win"
    same "Windows, herr.dll" "$p" "$work/$p-dll.win"
done
toolchain="$PWD/cmake/toolchains/mingw-w64-x86_64.cmake"
for target in herr_static herr_shared; do
    cmake -S tests/cmake/consumer -B "$work/win-$target" -DCMAKE_TOOLCHAIN_FILE="$toolchain" -DCMAKE_PREFIX_PATH="$windows" \
        -DHERR_TARGET=$target "-DCMAKE_EXE_LINKER_FLAGS=-static-libgcc -static-libstdc++" >/dev/null
    cmake --build "$work/win-$target" >/dev/null
    cp "$windows/bin/herr.dll" "$work/win-$target/"
    for app in app_c app_cpp; do
        wine "$work/win-$target/$app.exe" | tr -d '\r' | grep -c ": ok$" >/dev/null || { echo "FAIL: $app, herr::$target from the Windows bundle" >&2; exit 1; }
    done
    echo "ok   find_package(herr) from the Windows bundle, herr::$target, C and C++"
done
# CMake's own MinGW build: the Rust target from the toolchain file, the DLL and import library.
cmake -S . -B "$work/cmake-mingw" -DCMAKE_TOOLCHAIN_FILE="$toolchain" -DHERR_CARGO_TARGET_DIR="$PWD/target/dist/cargo" >/dev/null
cmake --build "$work/cmake-mingw" >/dev/null
cmake --install "$work/cmake-mingw" --prefix "$work/mingw-install" >/dev/null
test -f "$work/mingw-install/bin/herr.dll" && test -f "$work/mingw-install/lib/libherr.dll.a"
cmake -S tests/cmake/consumer -B "$work/win-cmake" -DCMAKE_TOOLCHAIN_FILE="$toolchain" -DCMAKE_PREFIX_PATH="$work/mingw-install" \
    -DHERR_TARGET=herr_shared "-DCMAKE_EXE_LINKER_FLAGS=-static-libgcc -static-libstdc++" >/dev/null
cmake --build "$work/win-cmake" >/dev/null
cp "$work/mingw-install/bin/herr.dll" "$work/win-cmake/"
wine "$work/win-cmake/app_c.exe" | tr -d '\r' | grep -c ": ok$" >/dev/null || { echo "FAIL: CMake's MinGW build, herr::herr_shared" >&2; exit 1; }
echo "ok   CMake's MinGW build (x86_64-pc-windows-gnu from the toolchain file): herr.dll through find_package"

# A plain cargo build without std links on Windows too (its DLL's link is given rust_eh_personality).
cargo build --quiet --release --no-default-features --target x86_64-pc-windows-gnu --target-dir target/dist/cargo
x86_64-w64-mingw32-objdump -p target/dist/cargo/x86_64-pc-windows-gnu/release/herr.dll | grep -c "herr_to_string$" >/dev/null
echo "ok   cargo build --release --no-default-features --target x86_64-pc-windows-gnu: herr.dll"
# With std (-DHERR_NO_STD=OFF): the archive keeps std's import stubs (WaitOnAddress and friends).
cmake -S . -B "$work/cmake-mingw-std" -DCMAKE_TOOLCHAIN_FILE="$toolchain" -DHERR_NO_STD=OFF \
    -DHERR_CARGO_TARGET_DIR="$PWD/target/dist/cargo-std" >/dev/null
cmake --build "$work/cmake-mingw-std" >/dev/null
cmake --install "$work/cmake-mingw-std" --prefix "$work/mingw-std-install" >/dev/null
cmake -S tests/cmake/consumer -B "$work/win-std" -DCMAKE_TOOLCHAIN_FILE="$toolchain" -DCMAKE_PREFIX_PATH="$work/mingw-std-install" \
    -DHERR_TARGET=herr_static "-DCMAKE_EXE_LINKER_FLAGS=-static-libgcc -static-libstdc++" >/dev/null
cmake --build "$work/win-std" >/dev/null
wine "$work/win-std/app_c.exe" | tr -d '\r' | grep -c ": ok$" >/dev/null || { echo "FAIL: CMake's MinGW build with std, herr::herr_static" >&2; exit 1; }
echo "ok   CMake's MinGW build with -DHERR_NO_STD=OFF: a static program under wine"

echo "== Apple, MSVC and firmware archives: symbols"
for target in aarch64-apple-darwin x86_64-apple-darwin aarch64-apple-ios aarch64-apple-ios-sim; do
    tree=$(unpack $target)
    llvm-objdump --macho --private-header "$tree/lib/libherr.a" 2>/dev/null | grep -c MH_MAGIC_64 >/dev/null || { echo "FAIL: $target: not Mach-O" >&2; exit 1; }
    exports "$tree/lib/libherr.a" _
done
msvc=$(unpack x86_64-pc-windows-msvc)
exports "$msvc/lib/herr.lib" ""
for target in thumbv6m-none-eabi thumbv7em-none-eabihf riscv32imc-unknown-none-elf; do
    tree=$(unpack $target)
    exports "$tree/lib/libherr.a" ""
done
echo "all bundles: ok"
