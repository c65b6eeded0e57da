# kubestack_import_crds(<target> <crd.yaml>...)
#
# Turns CustomResourceDefinitions into typed headers for <target>, at build time: every
# served version of every CRD in the files becomes
# ${CMAKE_CURRENT_BINARY_DIR}/<target>-crds/kubestack/crd/<group>/<version>.hpp, which
# <target>'s sources include as <kubestack/crd/monitoring.coreos.com/v1.hpp>.
# A file may hold other objects beside its CRDs (a stack's manifests): they are skipped,
# and a file without a CRD is an error.
# The headers are rewritten when a file or the importer changes (tools/import_crds.py).

# The importer: where the installed package put it (KubestackCrdsTool.cmake, installed
# beside this file, says where), or else in the source tree this file belongs to.
if(EXISTS ${CMAKE_CURRENT_LIST_DIR}/KubestackCrdsTool.cmake)
    include(${CMAKE_CURRENT_LIST_DIR}/KubestackCrdsTool.cmake)
else()
    get_filename_component(KUBESTACK_CRD_TOOLS ${CMAKE_CURRENT_LIST_DIR}/../../tools ABSOLUTE)
endif()
# Global, so that the function finds it from any directory of the project.
set_property(GLOBAL PROPERTY KUBESTACK_CRD_TOOLS ${KUBESTACK_CRD_TOOLS})

function(kubestack_import_crds target)
    if(ARGC LESS 2)
        message(FATAL_ERROR "kubestack_import_crds(${target}) needs at least one CRD file")
    endif()
    if(NOT TARGET ${target})
        message(FATAL_ERROR "kubestack_import_crds: ${target} is not a target")
    endif()
    find_package(Python3 COMPONENTS Interpreter REQUIRED)
    if(NOT KUBESTACK_PYTHON_HAS_YAML)
        execute_process(COMMAND ${Python3_EXECUTABLE} -c "import yaml"
            RESULT_VARIABLE status OUTPUT_QUIET ERROR_QUIET)
        if(NOT status EQUAL 0)
            message(FATAL_ERROR "kubestack_import_crds needs PyYAML for ${Python3_EXECUTABLE} (Debian: python3-yaml)")
        endif()
        set(KUBESTACK_PYTHON_HAS_YAML ON CACHE INTERNAL "")
    endif()
    set(files "")
    foreach(file IN LISTS ARGN)
        get_filename_component(file "${file}" ABSOLUTE)
        list(APPEND files "${file}")
    endforeach()
    get_property(tools GLOBAL PROPERTY KUBESTACK_CRD_TOOLS)
    set(include_dir ${CMAKE_CURRENT_BINARY_DIR}/${target}-crds)
    set(stamp ${include_dir}/import.stamp)
    add_custom_command(OUTPUT ${stamp}
        COMMAND ${Python3_EXECUTABLE} ${tools}/import_crds.py
                ${include_dir}/kubestack/crd ${files}
        COMMAND ${CMAKE_COMMAND} -E touch ${stamp}
        DEPENDS ${files} ${tools}/import_crds.py ${tools}/cpp_model.py
        COMMENT "Importing the CRDs of ${target}"
        VERBATIM)
    add_custom_target(${target}-crds DEPENDS ${stamp})
    add_dependencies(${target} ${target}-crds)
    target_include_directories(${target} PRIVATE ${include_dir})
endfunction()
