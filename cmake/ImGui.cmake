# Dear ImGui 1.90.1, unpacked by ./portal from Debian's source package into build/deps (never in git).
# Built with the test-engine hooks on: they let the page publish every widget to JavaScript (DESIGN.md).
set(IMGUI_DIR "${PORTAL_DEPS_DIR}/imgui-1.90.1")
if(NOT EXISTS "${IMGUI_DIR}/imgui.h")
    message(FATAL_ERROR "Dear ImGui not found in ${IMGUI_DIR}: run ./portal build, which unpacks it")
endif()
add_library(imgui STATIC
    ${IMGUI_DIR}/imgui.cpp
    ${IMGUI_DIR}/imgui_draw.cpp
    ${IMGUI_DIR}/imgui_tables.cpp
    ${IMGUI_DIR}/imgui_widgets.cpp
    ${IMGUI_DIR}/backends/imgui_impl_opengl3.cpp
    ${IMGUI_DIR}/misc/cpp/imgui_stdlib.cpp)
# SYSTEM: third-party headers do not take part in our -Werror.
target_include_directories(imgui SYSTEM PUBLIC ${IMGUI_DIR} ${IMGUI_DIR}/backends ${IMGUI_DIR}/misc/cpp)
# No debug tools (metrics window, ID stack tool, debug log): nothing opens them, and they weigh
# on every download of the page.
target_compile_definitions(imgui PUBLIC
    IMGUI_DISABLE_DEBUG_TOOLS
    IMGUI_ENABLE_TEST_ENGINE
    IMGUI_DISABLE_OBSOLETE_FUNCTIONS
    IMGUI_IMPL_OPENGL_ES3)
