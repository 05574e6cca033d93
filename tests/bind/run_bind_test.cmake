# Runs one bind test, or rewrites its expected files (MODE=update).
#
#   cmake -DBIND=path/to/pyro2cpp-bind -DHEADER=dir/geo.hpp [-DEXPECTED=dir/geo.expected.pyro]
#         [-DEXPECTED_ERR=dir/x.expected.err] [-DSTATUS=n] [-DCLANG_ARGS=-DX;-Iy]
#         [-DMODE=check|update] -P run_bind_test.cmake
#
# Runs `pyro2cpp-bind NAME [-- CLANG_ARGS]` in HEADER's directory with HEADER's bare file name,
# as a user would, so the output reads `import cpp "geo.hpp"` wherever the repository lives.
# Stdout must equal EXPECTED (or be empty when there is none); stderr must equal EXPECTED_ERR
# when given (else be empty), with the header's directory removed from it, since Clang names
# files by absolute path; the exit status must equal STATUS (default 0). A mismatch prints a
# unified diff. In update mode the expected files are rewritten instead.
cmake_minimum_required(VERSION 3.25)

foreach(var BIND HEADER)
  if(NOT DEFINED ${var})
    message(FATAL_ERROR "run_bind_test.cmake: -D${var}=... is required")
  endif()
endforeach()
if(NOT DEFINED STATUS)
  set(STATUS 0)
endif()
if(NOT DEFINED MODE)
  set(MODE check)
endif()

get_filename_component(dir "${HEADER}" DIRECTORY)
get_filename_component(dir "${dir}" REALPATH)
get_filename_component(name "${HEADER}" NAME)
set(args "${name}")
if(CLANG_ARGS)
  list(APPEND args -- ${CLANG_ARGS})
endif()
execute_process(COMMAND "${BIND}" ${args}
                WORKING_DIRECTORY "${dir}"
                OUTPUT_VARIABLE out ERROR_VARIABLE err RESULT_VARIABLE status)
string(REPLACE "${dir}/" "" err "${err}")

# Shows `expected` against `actual` as a unified diff (labels name the expected file).
function(show_diff label expected actual)
  string(RANDOM LENGTH 8 id)
  set(base "${CMAKE_CURRENT_BINARY_DIR}/bind-diff-${id}")
  file(WRITE "${base}.expected" "${expected}")
  file(WRITE "${base}.actual" "${actual}")
  execute_process(COMMAND diff -u --label "${label} (expected)" --label "${label} (actual)"
                          "${base}.expected" "${base}.actual"
                  OUTPUT_VARIABLE diff_text)
  file(REMOVE "${base}.expected" "${base}.actual")
  message("${diff_text}")
endfunction()

set(failures 0)
# Compares one output with its expected file (an empty expectation when `file` is empty).
macro(compare what file actual)
  set(expected "")
  if(NOT "${file}" STREQUAL "" AND EXISTS "${file}")
    file(READ "${file}" expected)
  endif()
  if(MODE STREQUAL "update" AND NOT "${file}" STREQUAL "")
    if(NOT expected STREQUAL "${actual}")
      show_diff("${file}" "${expected}" "${actual}")
      file(WRITE "${file}" "${actual}")
      message("updated ${file}")
    endif()
  elseif(NOT expected STREQUAL "${actual}")
    if("${file}" STREQUAL "")
      message("${what} should be empty; it is:\n${actual}")
    else()
      show_diff("${file}" "${expected}" "${actual}")
    endif()
    math(EXPR failures "${failures} + 1")
  endif()
endmacro()

compare(stdout "${EXPECTED}" "${out}")
compare(stderr "${EXPECTED_ERR}" "${err}")
if(NOT status STREQUAL "${STATUS}")
  message("exit status: expected ${STATUS}, got ${status}")
  math(EXPR failures "${failures} + 1")
endif()
if(failures GREATER 0)
  message(FATAL_ERROR "bind test ${name}: ${failures} mismatch(es)")
endif()
