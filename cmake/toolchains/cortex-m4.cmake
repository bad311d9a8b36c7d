# SPDX-License-Identifier: MIT OR Apache-2.0
# A CMake toolchain file for a Cortex-M4F with the GNU Arm toolchain (Debian:
# gcc-arm-none-eabi libnewlib-arm-none-eabi). Pair it with the Rust target of the same CPU:
#   cmake -S . -B build-m4 -DCMAKE_TOOLCHAIN_FILE=cmake/toolchains/cortex-m4.cmake \
#         -DHERR_RUST_TARGET=thumbv7em-none-eabihf -DHERR_FEATURES=
set(CMAKE_SYSTEM_NAME Generic)
set(CMAKE_SYSTEM_PROCESSOR arm)
set(CMAKE_C_COMPILER arm-none-eabi-gcc)
set(CMAKE_CXX_COMPILER arm-none-eabi-g++)
# No loader, no OS: CMake's compiler checks build a static library instead of a program.
set(CMAKE_TRY_COMPILE_TARGET_TYPE STATIC_LIBRARY)
set(CMAKE_C_FLAGS_INIT "-mcpu=cortex-m4 -mthumb -mfloat-abi=hard -mfpu=fpv4-sp-d16")
set(CMAKE_CXX_FLAGS_INIT "-mcpu=cortex-m4 -mthumb -mfloat-abi=hard -mfpu=fpv4-sp-d16")
