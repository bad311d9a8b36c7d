# SPDX-License-Identifier: MIT OR Apache-2.0
#
# cmake -P tests/cmake/rust_target.cmake: the Rust target CMake picks from a toolchain's
# variables (cmake/rust_target.cmake), for every platform herr's bundles cover and for the
# combinations it refuses. tests/packaging.rs runs it; it prints one line per case.
cmake_minimum_required(VERSION 3.16)
include("${CMAKE_CURRENT_LIST_DIR}/../../cmake/rust_target.cmake")

set(_vars CMAKE_SYSTEM_NAME CMAKE_SYSTEM_PROCESSOR ANDROID_ABI CMAKE_ANDROID_ARCH_ABI
          CMAKE_OSX_ARCHITECTURES CMAKE_OSX_SYSROOT MSVC CMAKE_C_COMPILER_ID CMAKE_C_SIMULATE_ID OHOS_ARCH)
set(_failures 0)

# expect(<triple or "error:<words the message must hold>"> VAR=VALUE...), VALUE a list as a|b
function(expect expected)
  foreach(_var IN LISTS _vars)
    unset(${_var})
  endforeach()
  foreach(_assignment IN LISTS ARGN)
    string(FIND "${_assignment}" "=" _at)
    string(SUBSTRING "${_assignment}" 0 ${_at} _name)
    math(EXPR _at "${_at} + 1")
    string(SUBSTRING "${_assignment}" ${_at} -1 _value)
    string(REPLACE "|" ";" _value "${_value}") # a list: arm64|x86_64
    set(${_name} "${_value}")
  endforeach()
  herr_rust_target(_target _error)
  if(expected MATCHES "^error:(.*)$")
    set(_words "${CMAKE_MATCH_1}")
    string(FIND "${_error}" "${_words}" _found)
    if(_target OR _found EQUAL -1)
      message(SEND_ERROR "FAIL ${ARGN}: expected an error holding '${_words}', got target '${_target}', error '${_error}'")
      set(_failures 1 PARENT_SCOPE)
    else()
      message(STATUS "ok   ${ARGN} -> error: ${_error}")
    endif()
  elseif(NOT _target STREQUAL expected OR _error)
    message(SEND_ERROR "FAIL ${ARGN}: expected ${expected}, got target '${_target}', error '${_error}'")
    set(_failures 1 PARENT_SCOPE)
  else()
    message(STATUS "ok   ${ARGN} -> ${_target}")
  endif()
endfunction()

# Android: the NDK's toolchain file sets ANDROID_ABI; CMake's own Android support CMAKE_ANDROID_ARCH_ABI.
expect(aarch64-linux-android CMAKE_SYSTEM_NAME=Android ANDROID_ABI=arm64-v8a CMAKE_SYSTEM_PROCESSOR=aarch64)
expect(armv7-linux-androideabi CMAKE_SYSTEM_NAME=Android ANDROID_ABI=armeabi-v7a)
expect(x86_64-linux-android CMAKE_SYSTEM_NAME=Android ANDROID_ABI=x86_64)
expect(i686-linux-android CMAKE_SYSTEM_NAME=Android ANDROID_ABI=x86)
expect(aarch64-linux-android CMAKE_SYSTEM_NAME=Android CMAKE_ANDROID_ARCH_ABI=arm64-v8a)
expect(i686-linux-android CMAKE_SYSTEM_NAME=Android CMAKE_ANDROID_ARCH_ABI=x86)
expect(error:Android\ ABI\ 'mips' CMAKE_SYSTEM_NAME=Android ANDROID_ABI=mips)
expect(error:Android\ ABI\ '' CMAKE_SYSTEM_NAME=Android)

# Apple.
expect(aarch64-apple-darwin CMAKE_SYSTEM_NAME=Darwin CMAKE_OSX_ARCHITECTURES=arm64)
expect(x86_64-apple-darwin CMAKE_SYSTEM_NAME=Darwin CMAKE_OSX_ARCHITECTURES=x86_64)
expect(aarch64-apple-darwin CMAKE_SYSTEM_NAME=Darwin CMAKE_SYSTEM_PROCESSOR=arm64)
expect(x86_64-apple-darwin CMAKE_SYSTEM_NAME=Darwin CMAKE_SYSTEM_PROCESSOR=x86_64)
expect(error:lipo CMAKE_SYSTEM_NAME=Darwin CMAKE_OSX_ARCHITECTURES=arm64|x86_64)
expect(aarch64-apple-ios CMAKE_SYSTEM_NAME=iOS CMAKE_OSX_ARCHITECTURES=arm64 CMAKE_OSX_SYSROOT=iphoneos)
expect(aarch64-apple-ios-sim CMAKE_SYSTEM_NAME=iOS CMAKE_OSX_ARCHITECTURES=arm64 CMAKE_OSX_SYSROOT=iphonesimulator)
expect(aarch64-apple-ios-sim CMAKE_SYSTEM_NAME=iOS CMAKE_OSX_ARCHITECTURES=arm64
       CMAKE_OSX_SYSROOT=/Applications/Xcode.app/Contents/Developer/Platforms/iPhoneSimulator.platform/Developer/SDKs/iPhoneSimulator.sdk)
expect(x86_64-apple-ios CMAKE_SYSTEM_NAME=iOS CMAKE_OSX_ARCHITECTURES=x86_64 CMAKE_OSX_SYSROOT=iphonesimulator)
expect(error:CMAKE_OSX_ARCHITECTURES CMAKE_SYSTEM_NAME=iOS)
expect(error:armv7 CMAKE_SYSTEM_NAME=iOS CMAKE_OSX_ARCHITECTURES=armv7)

# Windows: MinGW, MSVC, clang-cl.
expect(x86_64-pc-windows-gnu CMAKE_SYSTEM_NAME=Windows CMAKE_SYSTEM_PROCESSOR=x86_64 CMAKE_C_COMPILER_ID=GNU)
expect(i686-pc-windows-gnu CMAKE_SYSTEM_NAME=Windows CMAKE_SYSTEM_PROCESSOR=i686 CMAKE_C_COMPILER_ID=GNU)
expect(x86_64-pc-windows-msvc CMAKE_SYSTEM_NAME=Windows CMAKE_SYSTEM_PROCESSOR=AMD64 MSVC=1 CMAKE_C_COMPILER_ID=MSVC)
expect(i686-pc-windows-msvc CMAKE_SYSTEM_NAME=Windows CMAKE_SYSTEM_PROCESSOR=x86 MSVC=1)
expect(aarch64-pc-windows-msvc CMAKE_SYSTEM_NAME=Windows CMAKE_SYSTEM_PROCESSOR=ARM64 MSVC=1)
expect(x86_64-pc-windows-msvc CMAKE_SYSTEM_NAME=Windows CMAKE_SYSTEM_PROCESSOR=AMD64 CMAKE_C_COMPILER_ID=Clang CMAKE_C_SIMULATE_ID=MSVC)
expect(error:Windows\ processor\ 'mips' CMAKE_SYSTEM_NAME=Windows CMAKE_SYSTEM_PROCESSOR=mips)

# Linux boards.
expect(x86_64-unknown-linux-gnu CMAKE_SYSTEM_NAME=Linux CMAKE_SYSTEM_PROCESSOR=x86_64)
expect(i686-unknown-linux-gnu CMAKE_SYSTEM_NAME=Linux CMAKE_SYSTEM_PROCESSOR=i686)
expect(aarch64-unknown-linux-gnu CMAKE_SYSTEM_NAME=Linux CMAKE_SYSTEM_PROCESSOR=aarch64)
expect(armv7-unknown-linux-gnueabihf CMAKE_SYSTEM_NAME=Linux CMAKE_SYSTEM_PROCESSOR=armv7-a)
expect(armv7-unknown-linux-gnueabihf CMAKE_SYSTEM_NAME=Linux CMAKE_SYSTEM_PROCESSOR=arm)
expect(error:Linux\ processor\ 'mips' CMAKE_SYSTEM_NAME=Linux CMAKE_SYSTEM_PROCESSOR=mips)

# HarmonyOS.
expect(aarch64-unknown-linux-ohos CMAKE_SYSTEM_NAME=OHOS OHOS_ARCH=arm64-v8a)
expect(error:OHOS\ architecture CMAKE_SYSTEM_NAME=OHOS OHOS_ARCH=armeabi-v7a)

# Bare metal and the unknown.
expect(error:bare-metal CMAKE_SYSTEM_NAME=Generic CMAKE_SYSTEM_PROCESSOR=cortex-m4)
expect(error:'QNX' CMAKE_SYSTEM_NAME=QNX CMAKE_SYSTEM_PROCESSOR=aarch64)

if(_failures)
  message(FATAL_ERROR "rust_target: some cases failed (above)")
endif()
