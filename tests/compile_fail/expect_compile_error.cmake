# Compiles one snippet that must not compile, and checks what the compiler says.
#
#   cmake -D COMPILER=<c++> [-D FLAGS=<flags>] -D INCLUDE_DIR=<include> -D SOURCE=<case.cpp>
#         [-D STRICT=OFF] -P expect_compile_error.cmake
#
# The snippet states its expectation in comments:
#   // expect: <regex>   must match the first 5 lines of the compiler's output, which is
#                        what a person reads first (the rule and the object's name);
#   // <- error          marks the user's line, which the output must point at;
#   // flags: <flags>    adds compiler flags;
#   // limits: off       (with the reason) checks the looser head, for an error whose extra
#                        lines come from the compiler's own recovery, not from kubestack.
# One mistake makes one error: the output has one "error:" line and at most 15 lines.
# STRICT=OFF checks the looser head instead: every line up to the first "error:" line and
# the line after it.
# An unrelated error (a typo in the snippet) matches neither, so it fails the test.
# It compiles to an object, not -fsyntax-only: some errors come from code generation
# (run<>'s stack_is_no_constant_expression).

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
    if(line MATCHES "^// flags: (.*)$")
        separate_arguments(case_flags UNIX_COMMAND "${CMAKE_MATCH_1}")
    endif()
    if(line MATCHES "^// limits: off")
        set(STRICT OFF)
    endif()
endforeach()
if(expected STREQUAL "")
    message(FATAL_ERROR "${SOURCE} has no '// expect: <regex>' line")
endif()

execute_process(
    COMMAND ${CMAKE_COMMAND} -E env LC_ALL=C
            ${COMPILER} ${FLAGS} ${case_flags} -std=c++20 -c -o /dev/null -fdiagnostics-color=never
            -I${INCLUDE_DIR} ${SOURCE}
    RESULT_VARIABLE status
    OUTPUT_VARIABLE output
    ERROR_VARIABLE output)

if(status EQUAL 0)
    message(FATAL_ERROR "${SOURCE} compiled, but it must not")
endif()

string(REPLACE ";" "," output_lines "${output}")
string(REPLACE "\n" ";" output_lines "${output_lines}")
list(FILTER output_lines EXCLUDE REGEX "^$")
list(LENGTH output_lines line_count)

if(NOT STRICT STREQUAL "OFF")
    set(first_lines_limit 5)
    set(total_limit 15)
    list(SUBLIST output_lines 0 ${first_lines_limit} first_lines)
    string(REPLACE ";" "\n" head "${first_lines}")
    set(error_lines ${output_lines})
    list(FILTER error_lines INCLUDE REGEX "error:")
    list(LENGTH error_lines error_count)
    if(NOT error_count EQUAL 1)
        message(FATAL_ERROR "One mistake must make one error, not ${error_count}:\n${output}")
    endif()
    if(line_count GREATER total_limit)
        message(FATAL_ERROR "The error takes ${line_count} lines, more than ${total_limit}:\n${output}")
    endif()
    if(NOT head MATCHES "${expected}")
        message(FATAL_ERROR "The first ${first_lines_limit} lines do not match '${expected}':\n${output}")
    endif()
    if(NOT marked_line STREQUAL "")
        get_filename_component(file_name "${SOURCE}" NAME)
        if(NOT output MATCHES "${file_name}:${marked_line}:")
            message(FATAL_ERROR "The error does not point at ${file_name}:${marked_line}:\n${output}")
        endif()
    endif()
    message(STATUS "rejected as expected, in ${line_count} lines: ${expected}")
    return()
endif()

# The looser head: every line up to the first "error:" line and the line after it (GCC
# puts the context chain, "in 'constexpr' expansion of ...", before the error line).
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
