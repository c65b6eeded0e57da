# kubestack_add_stack(<target> <source>... [OUTPUT_DIRECTORY <dir>])
#
# Builds a stack binary from sources that define the stack and call kubestack::run<>.
# With OUTPUT_DIRECTORY, also adds:
#   <target>-generate  runs `<target> --out <dir>`, refreshing the committed manifests;
#   <target>-check     runs `<target> --check <dir>`, failing when they are out of date.
function(kubestack_add_stack target)
    cmake_parse_arguments(PARSE_ARGV 1 STACK "" "OUTPUT_DIRECTORY" "")
    if(NOT STACK_UNPARSED_ARGUMENTS)
        message(FATAL_ERROR "kubestack_add_stack(${target}) needs at least one source file")
    endif()
    add_executable(${target} ${STACK_UNPARSED_ARGUMENTS})
    target_link_libraries(${target} PRIVATE kubestack::driver)
    if(STACK_OUTPUT_DIRECTORY)
        add_custom_target(${target}-generate
            COMMAND ${CMAKE_COMMAND} -E make_directory ${STACK_OUTPUT_DIRECTORY}
            COMMAND $<TARGET_FILE:${target}> --out ${STACK_OUTPUT_DIRECTORY}
            COMMENT "Writing the manifests of ${target} into ${STACK_OUTPUT_DIRECTORY}"
            VERBATIM)
        add_custom_target(${target}-check
            COMMAND $<TARGET_FILE:${target}> --check ${STACK_OUTPUT_DIRECTORY}
            COMMENT "Checking that ${STACK_OUTPUT_DIRECTORY} matches ${target}"
            VERBATIM)
    endif()
endfunction()
