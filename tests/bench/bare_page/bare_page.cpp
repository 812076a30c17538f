// The bare reference page the portal is measured against: Dear ImGui + GLFW + WebGL2 drawing one
// window with one button, built in the same web build with the same flags as the portal. Every
// browser figure of
// `./portal bench` is also given as a ratio to this page. Like stock Dear ImGui, it redraws every
// frame. window.bare.ready becomes true once the first frame is drawn (like window.portal.ready);
// window.bare.frames counts the frames drawn.
#include <GLES3/gl3.h>
#include <GLFW/glfw3.h>
#include <emscripten/emscripten.h>

#include "imgui.h"
#include "imgui_impl_glfw.h"
#include "imgui_impl_opengl3.h"

namespace {

GLFWwindow* g_window = nullptr;
int g_clicks = 0;
bool g_ready = false;

EM_JS(void, bare_frame_drawn, (int first), {
    window.bare = window.bare || {frames : 0, ready : false};
    window.bare.frames += 1;
    if (first) window.bare.ready = true;
});

void frame() {
    glfwPollEvents();
    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplGlfw_NewFrame();
    ImGui::NewFrame();
    ImGui::SetNextWindowPos(ImVec2(40, 40), ImGuiCond_FirstUseEver);
    ImGui::Begin("Bare page");
    if (ImGui::Button("Button")) ++g_clicks;
    ImGui::Text("Clicks: %d", g_clicks);
    ImGui::End();
    ImGui::Render();
    int width = 0;
    int height = 0;
    glfwGetFramebufferSize(g_window, &width, &height);
    glViewport(0, 0, width, height);
    glClearColor(0.1f, 0.1f, 0.12f, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    bare_frame_drawn(g_ready ? 0 : 1);
    g_ready = true;
}

}  // namespace

int main() {
    if (!glfwInit()) return 1;
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 0);
    g_window = glfwCreateWindow(1200, 800, "Bare page", nullptr, nullptr);
    if (g_window == nullptr) return 1;
    glfwMakeContextCurrent(g_window);
    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGui::GetIO().IniFilename = nullptr;
    ImGui::StyleColorsDark();
    ImGui_ImplGlfw_InitForOpenGL(g_window, true);
    ImGui_ImplOpenGL3_Init("#version 300 es");
    emscripten_set_main_loop(frame, 0, true);
    return 0;
}
