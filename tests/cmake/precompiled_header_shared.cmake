# Checks that the stacks of each directory share one precompiled header of the DSL.
#
#   cmake -D BUILD_DIR=<dir> -P precompiled_header_shared.cmake
#
# Reads the precompiled headers that the Ninja build files under BUILD_DIR build (a
# package test's consumer project has its own), not the files on disk, which an older
# build may have left. Each must belong to kubestack_add_stack()'s shared target, and a
# directory of the build may have only one per configuration: one per stack was 150 MB
# each in a Debug build. Whether the compiler uses the header is checked by the build
# itself: CMake adds -Winvalid-pch, the dev preset -Werror.
cmake_minimum_required(VERSION 3.25)
file(GLOB_RECURSE build_files ${BUILD_DIR}/build.ninja ${BUILD_DIR}/build-*.ninja)
set(headers "")
foreach(build_file IN LISTS build_files)
    get_filename_component(tree ${build_file} DIRECTORY)
    file(STRINGS ${build_file} rules REGEX "^build [^:]*cmake_pch[.]hxx[.][gp]ch:")
    foreach(rule IN LISTS rules)
        string(REGEX REPLACE "^build ([^:]*):.*" "\\1" header "${rule}")
        list(APPEND headers "${tree}/${header}")
    endforeach()
endforeach()
if(NOT headers)
    message(FATAL_ERROR "no Ninja build file under ${BUILD_DIR} builds a precompiled header")
endif()
set(seen "")
foreach(header IN LISTS headers)
    # <directory>/CMakeFiles/<target>.dir[/<configuration>]/cmake_pch.hxx.gch
    get_filename_component(target_dir ${header} DIRECTORY)
    set(configuration "")
    get_filename_component(target_dir_name ${target_dir} NAME)
    if(NOT target_dir_name MATCHES "[.]dir$")
        set(configuration ${target_dir_name})
        get_filename_component(target_dir ${target_dir} DIRECTORY)
        get_filename_component(target_dir_name ${target_dir} NAME)
    endif()
    if(NOT target_dir_name MATCHES "^kubestack_precompiled_header_[0-9a-f]+[.]dir$")
        message(FATAL_ERROR "a precompiled header of its own, not the shared one: ${header}")
    endif()
    get_filename_component(directory ${target_dir} DIRECTORY)
    set(key "${directory}|${configuration}")
    if(key IN_LIST seen)
        message(FATAL_ERROR "two shared precompiled headers in ${directory}; the second: ${header}")
    endif()
    list(APPEND seen ${key})
endforeach()
list(LENGTH headers count)
message(STATUS "${count} precompiled header(s) built, at most one per directory and configuration")
