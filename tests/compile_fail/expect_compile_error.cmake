# Compiles one snippet that must not compile, and checks what the compiler says.
#
#   cmake -D COMPILER=<c++> -D INCLUDE_DIR=<include> -D SOURCE=<case.cpp> -P expect_compile_error.cmake
#
# The snippet states its expectation in comments:
#   // expect: <regex>   must match the head of the compiler's output;
#   // <- error          marks the line of the stack that the head must point at.
# The head is what a person reads first: every line up to the first "error:" line and
# the line after it (GCC puts the context chain, "in 'constexpr' expansion of ...",
# before the error line itself).
# An unrelated error (a typo in the snippet) matches neither, so it fails the test.

cmake_policy(SET CMP0007 NEW)

file(STRINGS "${SOURCE}" source_lines)
set(expected "")
set(marked_line "")
set(number 0)
foreach(line IN LISTS source_lines)
    math(EXPR number "${number} + 1")
    if(line MATCHES "^// expect: (.*)$")
        set(expected "${CMAKE_MATCH_1}")
    endif()
    if(line MATCHES "// <- error")
        set(marked_line ${number})
    endif()
endforeach()
if(expected STREQUAL "")
    message(FATAL_ERROR "${SOURCE} has no '// expect: <regex>' line")
endif()

execute_process(
    COMMAND ${CMAKE_COMMAND} -E env LC_ALL=C
            ${COMPILER} -std=c++20 -fsyntax-only -fdiagnostics-color=never -I${INCLUDE_DIR} ${SOURCE}
    RESULT_VARIABLE status
    OUTPUT_VARIABLE output
    ERROR_VARIABLE output)

if(status EQUAL 0)
    message(FATAL_ERROR "${SOURCE} compiled, but it must not")
endif()

# The first lines of the diagnostic, which are what a person reads.
string(REPLACE ";" "," output_lines "${output}")
string(REPLACE "\n" ";" output_lines "${output_lines}")
set(head "")
set(after_error -1)
foreach(line IN LISTS output_lines)
    string(APPEND head "${line}\n")
    if(after_error GREATER_EQUAL 0)
        break()
    endif()
    if(line MATCHES "error:")
        set(after_error 0)
    endif()
endforeach()

if(NOT head MATCHES "${expected}")
    message(FATAL_ERROR "The head of the error does not match '${expected}':\n${head}")
endif()
if(NOT marked_line STREQUAL "")
    get_filename_component(file_name "${SOURCE}" NAME)
    if(NOT head MATCHES "${file_name}:${marked_line}:")
        message(FATAL_ERROR "The head of the error does not point at ${file_name}:${marked_line}:\n${head}")
    endif()
endif()
message(STATUS "rejected as expected: ${expected}")
