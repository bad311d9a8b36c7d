#!/usr/bin/env bash
# What herr adds to a program, per target: bytes of text + data that herr_to_string and
# herr_kind add to an empty image (tests/c/cortex_m4.c against an empty main), linked with the
# target's GCC, -Os, -ffunction-sections -fdata-sections -Wl,--gc-sections, with InspireFace's
# codes only, with those of both its numberings (feature inspireface-v2: the 1.2.3+ numbers
# read as they come), and with every vendor table. The archive is built as each user gets it (`cargo
# firmware` for bare metal, `cargo c-lib` on x86-64) and reduced to herr's own object, as
# the CMake install does (cmake/localize.cmake). The Cortex-M4 images are also checked for
# 64-bit division and multiplication helpers, which must not be there.
#
#   bash bench/sizes.sh          prints a Markdown table (docs/FIRMWARE.md, "What it costs", carries it)
#
# Needs cmake, gcc, arm-none-eabi-gcc with libnewlib-arm-none-eabi, riscv64-unknown-elf-gcc with
# picolibc-riscv64-unknown-elf, and the Rust targets thumbv6m-none-eabi, thumbv7em-none-eabihf,
# riscv32imc-unknown-none-elf. A target whose tools are missing is left out, with a note.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

printf 'int main(void) { return 0; }\n' > "$work/empty.c"
forbidden='__aeabi_uldivmod|__aeabi_ldivmod|__aeabi_lmul|__udivdi3|__divdi3'

# target  rust-target  profile  c-compiler  c-flags  (tools prefix: the compiler's, minus gcc).
# picolibc's default linker script gives RISC-V 64 KiB of flash: the every-vendor image needs more.
targets=(
  "x86-64|x86_64-unknown-linux-gnu|release|gcc|-no-pie"
  "Cortex-M0 (thumbv6m)|thumbv6m-none-eabi|firmware|arm-none-eabi-gcc|-mcpu=cortex-m0 -mthumb --specs=nosys.specs"
  "Cortex-M4F (thumbv7em)|thumbv7em-none-eabihf|firmware|arm-none-eabi-gcc|-mcpu=cortex-m4 -mthumb -mfloat-abi=hard -mfpu=fpv4-sp-d16 --specs=nosys.specs"
  "RISC-V RV32IMC|riscv32imc-unknown-none-elf|firmware|riscv64-unknown-elf-gcc|-march=rv32imc -mabi=ilp32 --specs=picolibc.specs -Wl,--defsym=__flash_size=0x100000"
)

# text + data of an ELF program.
bytes() { size "$1" | awk 'NR == 2 { print $1 + $2 }'; }

echo "| target | profile | InspireFace codes only | and 1.2.3+'s (\`inspireface-v2\`) | every vendor table | and \`herr_from_vendor\` |"
echo "| --- | --- | ---: | ---: | ---: | ---: |"
for row in "${targets[@]}"; do
  IFS='|' read -r name triple profile cc cflags <<<"$row"
  prefix=${cc%gcc}
  if ! command -v "$cc" >/dev/null || ! rustup target list --installed | grep -qx "$triple"; then
    echo "note: $name left out ($cc or the Rust target $triple is missing)" >&2
    continue
  fi
  flags="$cflags -Os -ffunction-sections -fdata-sections -Wl,--gc-sections"
  # shellcheck disable=SC2086
  "$cc" $flags "$work/empty.c" -o "$work/empty.elf" 2>/dev/null
  empty=$(bytes "$work/empty.elf")
  cells=()
  for features in "" inspireface-v2 vendors; do
    dir="$work/$triple-${features:-none}"
    mkdir -p "$dir"
    cargo rustc --quiet --profile "$profile" --lib --crate-type staticlib --no-default-features \
      ${features:+--features "$features"} --target "$triple" --target-dir "$work/target" 2>/dev/null
    cmake -DARCHIVE="$work/target/$triple/$profile/libherr.a" -DOUTPUT="$dir/libherr.a" \
      -DAR="${prefix}ar" -DOBJCOPY="${prefix}objcopy" -P cmake/localize.cmake
    # shellcheck disable=SC2086
    "$cc" $flags -I include tests/c/cortex_m4.c "$dir/libherr.a" -o "$dir/pair.elf" 2>/dev/null ||
      { echo "error: linking the $name image ($features) failed" >&2; exit 1; }
    if [ "$triple" = thumbv7em-none-eabihf ] && "${prefix}nm" "$dir/pair.elf" | grep -Eq "$forbidden"; then
      echo "error: the Cortex-M4 image ($features) holds a 64-bit helper:" >&2
      "${prefix}nm" "$dir/pair.elf" | grep -E "$forbidden" >&2
      exit 1
    fi
    cells+=("$(( $(bytes "$dir/pair.elf") - empty ))")
  done
  # Every vendor table, and herr_from_vendor besides (the last archive built is `vendors`).
  # shellcheck disable=SC2086
  "$cc" $flags -DWITH_FROM_VENDOR -I include tests/c/cortex_m4.c "$dir/libherr.a" -o "$dir/text.elf" 2>/dev/null ||
    { echo "error: linking the $name image with herr_from_vendor failed" >&2; exit 1; }
  cells+=("$(( $(bytes "$dir/text.elf") - empty ))")
  printf '| %s | %s | %s | %s | %s | %s |\n' "$name" "$profile" "${cells[0]}" "${cells[1]}" "${cells[2]}" "${cells[3]}"
done
echo
echo "Bytes of text + data that herr_to_string and herr_kind add (the last column: and herr_from_vendor) (size(1); $(gcc --version | head -1), $(rustc --version))."
