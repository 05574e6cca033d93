# Runs one golden or error test, or rewrites its expected files (MODE=update).
#
#   cmake -DTOOL=path/to/pyro2cpp -DKIND=golden|errors -DDIR=tests/golden -DNAME=hello
#         -DWORK=scratch/dir [-DMODE=check|update] [-DCPP=ON] [-DSANITIZE=LIST]
#         -P run_golden.cmake
#
# golden/NAME: `pyro2cpp run NAME.pyro` in DIR, stdin from NAME.stdin (else empty); stdout
#   must equal NAME.out; stderr must equal NAME.err when that file exists; the exit status
#   must equal NAME.status when that file exists, else 0. When NAME.unordered exists (output
#   whose order depends on scheduling), stdout's lines are sorted before the comparison (and
#   NAME.out holds them sorted). When NAME.cpp exists,
#   `pyro2cpp NAME.pyro` must print exactly it: formatted C++, so this is compared (or
#   updated) only when pyro2cpp-format is installed beside TOOL.
# errors/NAME: `pyro2cpp check NAME.pyro` in DIR; stderr must equal NAME.err and the exit
#   status NAME.status when that file exists, else 1.
# The tool runs in the test's directory with a bare file name, so expectations read
# `NAME.pyro:3:5: error: ...` wherever the repository lives. With SANITIZE (golden only) the
# program is built with `--sanitize=LIST`, the .cpp is not compared, and stderr must be empty
# when there is no NAME.err (a sanitizer report fails the test). A mismatch prints a unified diff.
# In update mode the expected files are rewritten (NAME.out always for golden tests; .err and
# .status when they exist or the outcome needs them; .cpp when it exists or CPP=ON), and each
# change is shown as a diff.
cmake_minimum_required(VERSION 3.25)

foreach(var TOOL KIND DIR NAME WORK)
  if(NOT DEFINED ${var})
    message(FATAL_ERROR "run_golden.cmake: -D${var}=... is required")
  endif()
endforeach()
if(NOT DEFINED MODE)
  set(MODE check)
endif()
file(MAKE_DIRECTORY "${WORK}")
set(base "${DIR}/${NAME}")
set(failures 0)

# Shows `expected` against `actual` as a unified diff (labels name the expected file).
function(show_diff label expected actual)
  string(MAKE_C_IDENTIFIER "${label}" id)
  file(WRITE "${WORK}/${id}.expected" "${expected}")
  file(WRITE "${WORK}/${id}.actual" "${actual}")
  execute_process(COMMAND diff -u --label "${label} (expected)" --label "${label} (actual)"
                          "${WORK}/${id}.expected" "${WORK}/${id}.actual"
                  OUTPUT_VARIABLE diff_text)
  message("${diff_text}")
endfunction()

# Compares `actual` with the file `expected_file` (check) or rewrites it (update).
function(expect what expected_file actual)
  set(expected "")
  set(existed FALSE)
  if(EXISTS "${expected_file}")
    file(READ "${expected_file}" expected)
    set(existed TRUE)
  endif()
  if(actual STREQUAL expected AND existed)
    return()
  endif()
  get_filename_component(file_name "${expected_file}" NAME)
  if(MODE STREQUAL "update")
    show_diff("${KIND}/${file_name}" "${expected}" "${actual}")
    file(WRITE "${expected_file}" "${actual}")
    message("updated ${KIND}/${file_name}")
  elseif(NOT existed)
    message("FAIL: ${KIND}/${file_name} is missing (create it with scripts/update-golden ${NAME})")
    math(EXPR failures "${failures} + 1")
    set(failures ${failures} PARENT_SCOPE)
  else()
    message("FAIL: ${what} differs from ${KIND}/${file_name}:")
    show_diff("${KIND}/${file_name}" "${expected}" "${actual}")
    math(EXPR failures "${failures} + 1")
    set(failures ${failures} PARENT_SCOPE)
  endif()
endfunction()

if(NOT EXISTS "${base}.pyro")
  message(FATAL_ERROR "no such test program: ${base}.pyro")
endif()

if(KIND STREQUAL "golden")
  set(stdin_file /dev/null)
  if(EXISTS "${base}.stdin")
    set(stdin_file "${base}.stdin")
  endif()
  set(sanitize_args "")
  if(DEFINED SANITIZE)
    set(sanitize_args "--sanitize=${SANITIZE}")
  endif()
  execute_process(COMMAND "${TOOL}" run ${sanitize_args} "${NAME}.pyro"
                  WORKING_DIRECTORY "${DIR}"
                  INPUT_FILE "${stdin_file}"
                  OUTPUT_VARIABLE out ERROR_VARIABLE err RESULT_VARIABLE status)
  set(default_status 0)
  if(EXISTS "${base}.unordered")
    # Output whose order depends on scheduling: compare its lines sorted.
    string(REPLACE ";" "<pyro-semicolon>" sorted "${out}")
    string(REGEX REPLACE "\n$" "" sorted "${sorted}")
    string(REPLACE "\n" ";" sorted "${sorted}")
    list(SORT sorted)
    list(JOIN sorted "\n" sorted)
    string(REPLACE "<pyro-semicolon>" ";" sorted "${sorted}")
    if(NOT out STREQUAL "")
      set(out "${sorted}\n")
    endif()
  endif()
  expect("stdout of 'pyro2cpp run ${NAME}.pyro'" "${base}.out" "${out}")
  if(EXISTS "${base}.err" OR (MODE STREQUAL "update" AND NOT status EQUAL 0))
    expect("stderr of 'pyro2cpp run ${NAME}.pyro'" "${base}.err" "${err}")
  elseif(NOT err STREQUAL "" AND DEFINED SANITIZE)
    message("FAIL: stderr of 'pyro2cpp run ${sanitize_args} ${NAME}.pyro':\n${err}")
    math(EXPR failures "${failures} + 1")
  elseif(NOT err STREQUAL "")
    message("stderr of 'pyro2cpp run ${NAME}.pyro' (not compared: no ${NAME}.err):\n${err}")
  endif()
  get_filename_component(tool_dir "${TOOL}" DIRECTORY)
  if((EXISTS "${base}.cpp" OR CPP) AND NOT EXISTS "${tool_dir}/pyro2cpp-format")
    message("${NAME}.cpp not compared: it is formatted C++, and pyro2cpp-format is not built")
  elseif((EXISTS "${base}.cpp" OR CPP) AND NOT DEFINED SANITIZE)
    execute_process(COMMAND "${TOOL}" "${NAME}.pyro"
                    WORKING_DIRECTORY "${DIR}"
                    OUTPUT_VARIABLE cpp ERROR_VARIABLE cpp_err RESULT_VARIABLE cpp_status)
    if(NOT cpp_status EQUAL 0)
      message("FAIL: 'pyro2cpp ${NAME}.pyro' exited ${cpp_status}:\n${cpp_err}")
      math(EXPR failures "${failures} + 1")
    else()
      expect("output of 'pyro2cpp ${NAME}.pyro'" "${base}.cpp" "${cpp}")
    endif()
  endif()
elseif(KIND STREQUAL "errors")
  execute_process(COMMAND "${TOOL}" check "${NAME}.pyro"
                  WORKING_DIRECTORY "${DIR}"
                  INPUT_FILE /dev/null
                  OUTPUT_VARIABLE out ERROR_VARIABLE err RESULT_VARIABLE status)
  set(default_status 1)
  expect("stderr of 'pyro2cpp check ${NAME}.pyro'" "${base}.err" "${err}")
  if(NOT out STREQUAL "")
    message("FAIL: 'pyro2cpp check ${NAME}.pyro' wrote to stdout:\n${out}")
    math(EXPR failures "${failures} + 1")
  endif()
else()
  message(FATAL_ERROR "KIND must be golden or errors, not '${KIND}'")
endif()

set(expected_status ${default_status})
if(EXISTS "${base}.status")
  file(READ "${base}.status" expected_status)
  string(STRIP "${expected_status}" expected_status)
endif()
if(NOT status STREQUAL expected_status)
  if(MODE STREQUAL "update")
    file(WRITE "${base}.status" "${status}\n")
    message("updated ${KIND}/${NAME}.status: ${expected_status} -> ${status}")
  else()
    message("FAIL: exit status ${status}, expected ${expected_status}")
    if(KIND STREQUAL "golden" AND NOT EXISTS "${base}.err")
      message("stderr:\n${err}")
    endif()
    math(EXPR failures "${failures} + 1")
  endif()
endif()

if(failures GREATER 0)
  message(FATAL_ERROR "${KIND}/${NAME}: ${failures} mismatch(es)")
endif()
