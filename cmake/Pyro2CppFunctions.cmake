# pyro_add_executable(): builds a Pyro program as an ordinary CMake executable target. The
# program's main .pyro file is translated to C++ at build time by Pyro2Cpp::pyro2cpp, with a
# depfile so that editing any .pyro file it imports translates it again; the C++ is compiled as
# C++20 against Pyro2Cpp::runtime (the runtime headers, Boost.Fiber, Boost.Context, fmt).
#
# Loaded by Pyro2CppConfig.cmake after `cmake --install`, and by pyro2cpp's own CMakeLists.txt
# when a project adds it with add_subdirectory(); either way the two Pyro2Cpp:: targets exist
# before the function is called. User's guide: docs/cmake.md.

include_guard(GLOBAL)

if(CMAKE_VERSION VERSION_LESS 3.20)
  # Earlier versions honour DEPFILE only with Ninja, so imports would go untracked with Make.
  message(FATAL_ERROR "Pyro2Cpp needs CMake 3.20 or newer (this is ${CMAKE_VERSION})")
endif()
# Functions keep the policies in force where they are defined. CMP0116 NEW: the depfile's paths
# are taken as written (absolute here) and converted for Ninja by CMake, whatever policy
# version the calling project asked for.
cmake_policy(SET CMP0116 NEW)

# pyro_add_executable(<target> [EXCLUDE_FROM_ALL] [PRECOMPILE_RUNTIME] <main.pyro> [<source>...])
#
# Exactly one .pyro file: the program's main file (the files it imports are found through its
# imports, and tracked). Other sources (.cpp, .hpp, ...) are compiled into the executable too.
# PRECOMPILE_RUNTIME precompiles pyro/pyro.hpp for the generated file.
function(pyro_add_executable target)
  cmake_parse_arguments(PARSE_ARGV 1 arg "EXCLUDE_FROM_ALL;PRECOMPILE_RUNTIME" "" "")
  set(pyro_sources "")
  set(other_sources "")
  foreach(source IN LISTS arg_UNPARSED_ARGUMENTS)
    if(source MATCHES "\\.pyro$")
      list(APPEND pyro_sources "${source}")
    else()
      list(APPEND other_sources "${source}")
    endif()
  endforeach()
  list(LENGTH pyro_sources pyro_count)
  if(NOT pyro_count EQUAL 1)
    message(FATAL_ERROR
      "pyro_add_executable(${target}): expected exactly one .pyro file, the program's main "
      "file (files it imports are found through its import statements), got "
      "${pyro_count}: ${pyro_sources}")
  endif()
  foreach(needed IN ITEMS Pyro2Cpp::pyro2cpp Pyro2Cpp::runtime)
    if(NOT TARGET ${needed})
      message(FATAL_ERROR
        "pyro_add_executable(${target}): target ${needed} is not defined here. Call "
        "find_package(Pyro2Cpp REQUIRED) (or add_subdirectory() on pyro2cpp's source tree) "
        "in this directory or a parent of it.")
    endif()
  endforeach()

  cmake_path(ABSOLUTE_PATH pyro_sources BASE_DIRECTORY "${CMAKE_CURRENT_SOURCE_DIR}" NORMALIZE
             OUTPUT_VARIABLE main_file)
  cmake_path(GET main_file PARENT_PATH main_dir)
  cmake_path(GET main_file STEM LAST_ONLY stem)
  # One directory per target: two programs may both be called main.pyro.
  set(out_dir "${CMAKE_CURRENT_BINARY_DIR}/pyro2cpp/${target}")
  set(cpp_file "${out_dir}/${stem}.cpp")
  set(dep_file "${out_dir}/${stem}.d")
  file(MAKE_DIRECTORY "${out_dir}")  # Ninja makes it when needed, Make does not
  cmake_path(IS_PREFIX CMAKE_SOURCE_DIR "${main_file}" NORMALIZE in_source_tree)
  if(in_source_tree)
    cmake_path(RELATIVE_PATH main_file BASE_DIRECTORY "${CMAKE_SOURCE_DIR}"
               OUTPUT_VARIABLE shown_name)
  else()
    set(shown_name "${main_file}")
  endif()

  # Absolute paths everywhere, so #line names the real file for the compiler, gdb and IDEs.
  # DEPENDS names the tool's target: the in-tree tool is built first, and a new tool
  # translates again.
  add_custom_command(
    OUTPUT "${cpp_file}"
    COMMAND Pyro2Cpp::pyro2cpp "${main_file}" -o "${cpp_file}" --line-directives
            --depfile "${dep_file}"
    DEPENDS "${main_file}" Pyro2Cpp::pyro2cpp
    DEPFILE "${dep_file}"
    COMMENT "Translating ${shown_name} to C++"
    VERBATIM)

  if(arg_EXCLUDE_FROM_ALL)
    add_executable(${target} EXCLUDE_FROM_ALL "${cpp_file}" ${other_sources})
  else()
    add_executable(${target} "${cpp_file}" ${other_sources})
  endif()
  target_compile_features(${target} PRIVATE cxx_std_20)
  # `import cpp "x.hpp"` names headers beside the .pyro file; the generated file is elsewhere.
  target_include_directories(${target} PRIVATE "${main_dir}")
  target_link_libraries(${target} PRIVATE Pyro2Cpp::runtime)
  if(arg_PRECOMPILE_RUNTIME)
    # Measured: halves the time to compile a small program again after an edit, for a first
    # build a few seconds longer and a ~100 MB .gch per target. The generated file includes
    # pyro/pyro.hpp first anyway; the target's other sources are left as they are.
    target_precompile_headers(${target} PRIVATE <pyro/pyro.hpp>)
    if(other_sources)
      set_source_files_properties(${other_sources} PROPERTIES SKIP_PRECOMPILE_HEADERS ON)
    endif()
  endif()
  set_target_properties(${target} PROPERTIES
    PYRO2CPP_MAIN_FILE "${main_file}"
    PYRO2CPP_GENERATED_FILE "${cpp_file}")
endfunction()
