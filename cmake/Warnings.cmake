# Our own code builds with every warning as an error; third-party code (Dear ImGui) does not use this.
function(portal_warnings target)
    target_compile_options(${target} PRIVATE -Wall -Wextra -Werror)
endfunction()
