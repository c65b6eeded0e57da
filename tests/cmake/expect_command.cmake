# Runs a command that must fail in a given way.
#
#   cmake -D COMMAND="prog;arg;..." -D EXIT_CODE=<n> -D EXPECT=<regex> -P expect_command.cmake
#
# Passes only when the command exits with EXIT_CODE and its output matches EXPECT, so an
# unrelated failure (a crash, a missing file) does not pass for the expected one.
execute_process(COMMAND ${COMMAND} RESULT_VARIABLE status OUTPUT_VARIABLE output ERROR_VARIABLE output)
if(NOT status STREQUAL "${EXIT_CODE}")
    message(FATAL_ERROR "expected exit code ${EXIT_CODE}, got ${status}:\n${output}")
endif()
if(NOT output MATCHES "${EXPECT}")
    message(FATAL_ERROR "output does not match '${EXPECT}':\n${output}")
endif()
message(STATUS "exit ${status} as expected; output matches '${EXPECT}'")
