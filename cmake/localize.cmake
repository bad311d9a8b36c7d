# SPDX-License-Identifier: MIT OR Apache-2.0
#
# cmake -DARCHIVE=<cargo's libherr.a> -DOUTPUT=<libherr.a> -DAR=<ar> -DOBJCOPY=<objcopy> -P localize.cmake
#
# Writes OUTPUT, the libherr.a that is installed: herr's own object from the archive cargo
# built, with every global symbol made local except the herr_* functions (and std's
# DW.ref.rust_eh_personality, a weak hidden COMDAT pointer: linkers keep one copy of it for a
# whole program, so it must stay visible to the other objects that refer to it). A program can then
# link herr beside other Rust libraries (std or no_std) without clashes on
# rust_eh_personality, rust_begin_unwind or std's internals, in either link order.
#
# Cargo's archive also carries Rust's core and compiler-builtins objects. herr's object, one
# LTO unit, does not use core; what it may use of compiler-builtins (integer helpers such as
# __aeabi_uidiv on Cortex-M0) the C toolchain's own runtime library (libgcc, compiler-rt)
# provides, so they are left out: they could only clash with another Rust library's copies.
# (They also carry LLVM bitcode that GNU ar cannot index once clang's gold plugin is installed.)
cmake_minimum_required(VERSION 3.16)

foreach(_var ARCHIVE OUTPUT AR)
  if(NOT ${_var})
    message(FATAL_ERROR "localize.cmake: ${_var} is not set")
  endif()
endforeach()
if(NOT OBJCOPY)
  message(WARNING "herr: no objcopy for this toolchain (CMAKE_OBJCOPY): libherr.a is cargo's archive as is, whose Rust symbols may clash with another Rust library in the same program.")
  file(COPY_FILE "${ARCHIVE}" "${OUTPUT}")
  return()
endif()

execute_process(COMMAND "${AR}" t "${ARCHIVE}" OUTPUT_VARIABLE _members RESULT_VARIABLE _rc ERROR_QUIET)
if(NOT _rc EQUAL 0)
  message(FATAL_ERROR "localize.cmake: ${AR} t ${ARCHIVE} failed")
endif()
string(REPLACE "\n" ";" _members "${_members}")
# Windows (MinGW) with std: the import stubs of the DLLs std calls (raw-dylib: WaitOnAddress
# and friends) are members of their own; they are kept as they are.
set(_stubs "${_members}")
list(FILTER _stubs INCLUDE REGEX "\\.dll[a-z0-9]*\\.o$")
list(FILTER _members INCLUDE REGEX "^herr[.-].*\\.o$")
list(LENGTH _members _count)
if(NOT _count EQUAL 1)
  message(FATAL_ERROR "localize.cmake: expected one herr object in ${ARCHIVE} (a release build: one codegen unit, LTO), found ${_count}: ${_members}")
endif()

get_filename_component(_work "${OUTPUT}" DIRECTORY)
set(_work "${_work}/localize")
file(REMOVE_RECURSE "${_work}")
file(MAKE_DIRECTORY "${_work}")
file(REMOVE "${OUTPUT}")
set(_keep ${_members} ${_stubs})
foreach(_step
    "${AR};x;${ARCHIVE};${_keep}"
    "${OBJCOPY};--wildcard;--keep-global-symbol=herr_*;--keep-global-symbol=DW.ref.*;${_members}"
    "${AR};rcs;${OUTPUT};${_keep}")
  execute_process(COMMAND ${_step} WORKING_DIRECTORY "${_work}" RESULT_VARIABLE _rc ERROR_VARIABLE _err)
  if(NOT _rc EQUAL 0)
    message(FATAL_ERROR "localize.cmake: '${_step}' failed: ${_err}")
  endif()
endforeach()
file(REMOVE_RECURSE "${_work}")
