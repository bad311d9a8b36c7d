# SPDX-License-Identifier: MIT OR Apache-2.0
#
# herr_rust_target(<target-var> <error-var>): the Rust target triple for the platform CMake
# builds for, read from the toolchain's variables, as CMakeLists.txt asks when HERR_RUST_TARGET
# is empty. Sets <target-var> to the triple, or to "" with <error-var> saying why none fits.
#
#   Android   ANDROID_ABI or CMAKE_ANDROID_ARCH_ABI: arm64-v8a, armeabi-v7a, x86_64, x86
#   iOS       one CMAKE_OSX_ARCHITECTURES (arm64, x86_64); a simulator SDK in CMAKE_OSX_SYSROOT
#             (iphonesimulator) picks the simulator's target
#   Darwin    one CMAKE_OSX_ARCHITECTURES, else CMAKE_SYSTEM_PROCESSOR (arm64, x86_64)
#   Windows   CMAKE_SYSTEM_PROCESSOR (AMD64, x86, ARM64); MSVC (cl, clang-cl) or MinGW
#   Linux     CMAKE_SYSTEM_PROCESSOR (x86_64, i686, aarch64, armv7 or arm: hard float), glibc
#   OHOS      OHOS_ARCH or CMAKE_SYSTEM_PROCESSOR (arm64-v8a, aarch64, x86_64)
#   Generic   (bare metal) none: a processor name does not say which Arm profile or FPU;
#             set HERR_RUST_TARGET (thumbv7em-none-eabihf, thumbv6m-none-eabi, ...)
#
# tests/cmake/rust_target.cmake checks every line of this table (cmake -P).

# _herr_map(<out> <value> <regex> <result> [<regex> <result>...]): the result of the first
# regex <value> matches, or "".
function(_herr_map out value)
  set(_result "")
  set(_pairs ${ARGN})
  while(_pairs)
    list(POP_FRONT _pairs _regex _candidate)
    if(value MATCHES "${_regex}")
      set(_result "${_candidate}")
      break()
    endif()
  endwhile()
  set(${out} "${_result}" PARENT_SCOPE)
endfunction()

function(herr_rust_target target_var error_var)
  set(_target "")
  set(_error "")
  set(_system "${CMAKE_SYSTEM_NAME}")
  string(TOLOWER "${CMAKE_SYSTEM_PROCESSOR}" _cpu)
  # Apple's one architecture: CMAKE_OSX_ARCHITECTURES must not name several.
  set(_apple_arch "${CMAKE_OSX_ARCHITECTURES}")
  list(LENGTH _apple_arch _apple_count)

  if(_system STREQUAL "Android")
    set(_abi "${ANDROID_ABI}")
    if(NOT _abi)
      set(_abi "${CMAKE_ANDROID_ARCH_ABI}")
    endif()
    _herr_map(_target "${_abi}" "^arm64-v8a$" aarch64-linux-android "^armeabi-v7a$" armv7-linux-androideabi
              "^x86_64$" x86_64-linux-android "^x86$" i686-linux-android)
    if(NOT _target)
      set(_error "Android ABI '${_abi}' (ANDROID_ABI or CMAKE_ANDROID_ARCH_ABI) is not one of arm64-v8a, armeabi-v7a, x86_64, x86")
    endif()
  elseif(_system MATCHES "^(iOS|Darwin)$")
    if(_apple_count GREATER 1)
      set(_error "CMAKE_OSX_ARCHITECTURES names ${_apple_count} architectures (${_apple_arch}); herr builds one Rust target per build: configure one build per architecture and join the archives with lipo")
    else()
      if(NOT _apple_arch AND _system STREQUAL "Darwin")
        set(_apple_arch "${_cpu}")
      endif()
      _herr_map(_arch "${_apple_arch}" "^(arm64|aarch64)$" aarch64 "^(x86_64|amd64)$" x86_64)
      if(NOT _arch)
        set(_error "${_system} architecture '${_apple_arch}' (CMAKE_OSX_ARCHITECTURES) is not one of arm64, x86_64")
      elseif(_system STREQUAL "Darwin")
        set(_target ${_arch}-apple-darwin)
      elseif(_arch STREQUAL "x86_64")
        # Intel iOS exists only as a simulator.
        set(_target x86_64-apple-ios)
      elseif(CMAKE_OSX_SYSROOT MATCHES "[Ss]imulator")
        set(_target aarch64-apple-ios-sim)
      else()
        set(_target aarch64-apple-ios)
      endif()
    endif()
  elseif(_system STREQUAL "Windows")
    _herr_map(_arch "${_cpu}" "^(amd64|x86_64|x64)$" x86_64 "^(x86|i[3-6]86)$" i686 "^(arm64|aarch64)$" aarch64)
    if(NOT _arch)
      set(_error "Windows processor '${CMAKE_SYSTEM_PROCESSOR}' (CMAKE_SYSTEM_PROCESSOR) is not one of AMD64, x86, ARM64")
    elseif(MSVC OR CMAKE_C_COMPILER_ID STREQUAL "MSVC" OR CMAKE_C_SIMULATE_ID STREQUAL "MSVC")
      set(_target ${_arch}-pc-windows-msvc)
    elseif(_arch STREQUAL "aarch64")
      set(_target aarch64-pc-windows-gnullvm)
    else()
      set(_target ${_arch}-pc-windows-gnu)
    endif()
  elseif(_system STREQUAL "Linux")
    _herr_map(_target "${_cpu}" "^(x86_64|amd64)$" x86_64-unknown-linux-gnu "^(i[3-6]86|x86)$" i686-unknown-linux-gnu
              "^(aarch64|arm64)$" aarch64-unknown-linux-gnu "^(armv7.*|arm)$" armv7-unknown-linux-gnueabihf
              "^riscv64$" riscv64gc-unknown-linux-gnu)
    if(NOT _target)
      set(_error "Linux processor '${CMAKE_SYSTEM_PROCESSOR}' (CMAKE_SYSTEM_PROCESSOR) is not one of x86_64, i686, aarch64, armv7, riscv64")
    endif()
  elseif(_system STREQUAL "OHOS")
    set(_arch "${OHOS_ARCH}")
    if(NOT _arch)
      set(_arch "${_cpu}")
    endif()
    _herr_map(_target "${_arch}" "^(arm64-v8a|aarch64)$" aarch64-unknown-linux-ohos "^x86_64$" x86_64-unknown-linux-ohos)
    if(NOT _target)
      set(_error "OHOS architecture '${_arch}' (OHOS_ARCH or CMAKE_SYSTEM_PROCESSOR) is not one of arm64-v8a, x86_64")
    endif()
  elseif(_system STREQUAL "Generic")
    set(_error "a bare-metal toolchain (CMAKE_SYSTEM_NAME Generic, processor '${CMAKE_SYSTEM_PROCESSOR}') does not say which Rust target fits (Arm profile, FPU)")
  else()
    set(_error "CMAKE_SYSTEM_NAME '${_system}' is not a system herr knows a Rust target for")
  endif()

  set(${target_var} "${_target}" PARENT_SCOPE)
  set(${error_var} "${_error}" PARENT_SCOPE)
endfunction()
