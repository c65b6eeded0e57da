# Imports a manifest and checks that the source it writes fails to build with a whole-stack
# rule's message: the rules see an imported stack, and report what was already wrong in the
# YAML.
#
#   cmake -D PYTHON=<python3> -D IMPORTER=<kubestack_import.py> -D MANIFEST=<file.yaml>
#         -D NAME=<stack> -D OUTPUT_DIR=<dir> -D EXPECT=<regex> -D HARNESS=<expect_compile_error.cmake>
#         -D COMPILER=<c++> [-D FLAGS=<flags>] -D INCLUDE_DIR=<include> -P import_must_fail.cmake
#
# The import itself succeeds: the importer writes the source whole, and the first build
# reports the rule (HARNESS checks the compiler's first lines against EXPECT).

cmake_policy(VERSION 3.25)

execute_process(
    COMMAND ${PYTHON} ${IMPORTER} --name ${NAME} --out ${OUTPUT_DIR}/${NAME}.cpp ${MANIFEST}
    RESULT_VARIABLE status
    ERROR_VARIABLE diagnostics)
if(NOT status EQUAL 0)
    message(FATAL_ERROR "kubestack-import ${MANIFEST} failed (${status}): ${diagnostics}")
endif()
file(WRITE ${OUTPUT_DIR}/${NAME}_must_fail.cpp "// expect: ${EXPECT}\n#include \"${NAME}.cpp\"\n")
set(SOURCE ${OUTPUT_DIR}/${NAME}_must_fail.cpp)
include(${HARNESS})
