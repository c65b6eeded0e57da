# kubestack_add_stack(<target> <source>... [OUTPUT_DIRECTORY <dir>] [NO_PRECOMPILED_HEADER]
#                     [NO_RULE_CHECK])
#
# Builds a stack binary from sources that define the stack and call kubestack::run<>, or
# from the root and the parts of a split stack (kubestack::run_split<>, stack_part.hpp),
# which it runs with --check-rules after the link (unless NO_RULE_CHECK).
# The DSL's headers are precompiled once for the stacks of a directory (unless
# NO_PRECOMPILED_HEADER), so an edit to a stack recompiles only the stack itself.
# With OUTPUT_DIRECTORY, also adds:
#   <target>-generate  runs `<target> --out <dir>`, refreshing the committed manifests;
#   <target>-check     runs `<target> --check <dir>`, failing when they are out of date.
function(kubestack_add_stack target)
    cmake_parse_arguments(PARSE_ARGV 1 STACK "NO_PRECOMPILED_HEADER;NO_RULE_CHECK" "OUTPUT_DIRECTORY" "")
    if(NOT STACK_UNPARSED_ARGUMENTS)
        message(FATAL_ERROR "kubestack_add_stack(${target}) needs at least one source file")
    endif()
    add_executable(${target} ${STACK_UNPARSED_ARGUMENTS})
    target_link_libraries(${target} PRIVATE kubestack::driver)
    # The link is part of every edit's loop: lld links the Bernstein stack in 0.08 s, gold in
    # 0.11 s, the default linker in about twice gold's time. Use the fastest one installed.
    include(CheckLinkerFlag)
    check_linker_flag(CXX "-fuse-ld=lld" KUBESTACK_HAVE_LLD)
    check_linker_flag(CXX "-fuse-ld=gold" KUBESTACK_HAVE_GOLD)
    if(KUBESTACK_HAVE_LLD)
        target_link_options(${target} PRIVATE -fuse-ld=lld)
    elseif(KUBESTACK_HAVE_GOLD)
        target_link_options(${target} PRIVATE -fuse-ld=gold)
    endif()
    # A Release stack starts in about half the time: libstdc++ linked in (its dynamic
    # loading was most of a run), and a fixed address for the frozen stack (no relocations).
    target_link_options(${target} PRIVATE $<$<CONFIG:Release,MinSizeRel>:-static-libstdc++ -static-libgcc -no-pie>)
    _kubestack_stack_compile_options(${target})
    # A stack split over several files (kubestack/stack_part.hpp): the compiler checks each
    # part on its own, and the whole-stack rules are checked once the parts are linked. A
    # broken rule fails the build here, with `file:line: error:` at the object it names.
    # Any stack of several sources is checked (one built with run<> has nothing to add);
    # NO_RULE_CHECK skips it for a binary whose main() is not kubestack's. A cross-compiled
    # binary runs through the target's emulator, or not at all; it checks the rules again
    # before it writes anything.
    list(LENGTH STACK_UNPARSED_ARGUMENTS source_count)
    if(source_count GREATER 1 AND NOT STACK_NO_RULE_CHECK
       AND (NOT CMAKE_CROSSCOMPILING OR CMAKE_CROSSCOMPILING_EMULATOR))
        add_custom_command(TARGET ${target} POST_BUILD
            COMMAND ${target} --check-rules
            COMMENT "Checking the whole-stack rules across the parts of ${target}"
            VERBATIM)
    endif()
    if(NOT STACK_NO_PRECOMPILED_HEADER)
        _kubestack_shared_precompiled_header(precompiled_header)
        target_precompile_headers(${target} REUSE_FROM ${precompiled_header})
    endif()
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

# The flags of every stack's sources, and of the precompiled header they share.
function(_kubestack_stack_compile_options target)
    # run<> checks the whole stack in one constant expression. clang allows 1,048,576 steps
    # by default, which stops a stack of 200 apps (bench/generate_stack.py); give it as many
    # as GCC's default (-fconstexpr-ops-limit=33554432), with which 1000 apps compile.
    target_compile_options(${target} PRIVATE $<$<CXX_COMPILER_ID:Clang>:-fconstexpr-steps=33554432>)
    # GCC folds every call to a constexpr function whose arguments are constants, when it
    # may inline: for a stack that is each builder chain, evaluated once more while
    # parsing, and thrown away (3 of 7 s of parsing a stack of 1000 apps). The stack's
    # own code is only main(): nothing is lost by not inlining it.
    target_compile_options(${target} PRIVATE $<$<CXX_COMPILER_ID:GNU>:-fno-inline>)
    # For the same reason, -O1 rather than Release's -O3: the stack's code is a few calls
    # around constant data, and -O3's passes over them cost 0.1 s of each edit's rebuild.
    # The driver, which does the work at run time, keeps the build type's flags.
    target_compile_options(${target} PRIVATE $<$<CONFIG:Release>:-O1>)
    # GCC's collector starts at 128 MiB of heap, then runs whenever the heap has doubled.
    # A stack's constant evaluation keeps most of what it allocates alive until it ends, so
    # each collection walks it for little gain (0.7 s of a 1000-app stack's compile). Starting
    # at 512 MiB, that stack's rebuild compiles in 4.9 s instead of 5.8 s, and peaks at 868
    # MiB instead of 662; a small stack never gets there (bench/README.md, "Compile memory").
    target_compile_options(${target} PRIVATE $<$<CXX_COMPILER_ID:GNU>:--param=ggc-min-heapsize=524288>)
    # GCC remembers the result of a constexpr call with constant arguments, but only down to
    # 8 calls deep by default. A stack's builders and rules repeat calls deeper than that
    # (the same literal checked, the same kind named); remembering them down to 16 takes a
    # 1000-app rebuild from 4.6 s and 888 MiB to 4.2 s and 837 MiB (no gain past 16).
    target_compile_options(${target} PRIVATE $<$<CXX_COMPILER_ID:GNU>:-fconstexpr-cache-depth=16>)
endfunction()

# The DSL's precompiled header, shared by the stacks of one directory: a project's stacks
# then build one header per directory instead of one each, a few seconds and 150 MB (a
# Debug build) saved per stack. Its owner is built as a stack is, in the stacks' directory,
# so that it has their flags: the build type's, the directory's options and definitions,
# CMAKE_CXX_FLAGS, position-independent code. Flags given to one stack alone can still make
# the header unusable; the README says how that stack opts out.
function(_kubestack_shared_precompiled_header out_var)
    string(SHA1 directory_hash "${CMAKE_CURRENT_BINARY_DIR}")
    string(SUBSTRING "${directory_hash}" 0 12 directory_hash)
    set(owner kubestack_precompiled_header_${directory_hash})
    if(NOT TARGET ${owner})
        set(source ${CMAKE_BINARY_DIR}/kubestack_precompiled_header.cpp)
        file(CONFIGURE OUTPUT ${source}
             CONTENT "// Built only for the DSL's precompiled header that stacks share.\nint main() { return 0; }\n")
        # Built when a stack of the directory is: REUSE_FROM makes each stack depend on it.
        add_executable(${owner} EXCLUDE_FROM_ALL ${source})
        target_link_libraries(${owner} PRIVATE kubestack::driver)
        _kubestack_stack_compile_options(${owner})
        target_precompile_headers(${owner} PRIVATE <kubestack/precompiled.hpp>)
    endif()
    set(${out_var} ${owner} PARENT_SCOPE)
endfunction()
