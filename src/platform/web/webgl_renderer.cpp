#include "platform/web/webgl_renderer.h"

#include <GLES3/gl3.h>
#include <emscripten/emscripten.h>

#include <cstddef>
#include <cstdint>

#include "imgui.h"

namespace portal::platform {
namespace {

struct Renderer {
    GLuint program = 0;
    GLint projection = -1;
    GLuint vertex_array = 0;
    GLuint vertices = 0;
    GLuint indices = 0;
    GLuint font_texture = 0;
};
Renderer g_renderer;

// web/webgl-drawing.js describes ImDrawVert's layout to WebGL; these are its figures.
static_assert(sizeof(ImDrawVert) == 20, "web/webgl-drawing.js: VERTEX_BYTES");
static_assert(offsetof(ImDrawVert, pos) == 0, "web/webgl-drawing.js: position first");
static_assert(offsetof(ImDrawVert, uv) == 8, "web/webgl-drawing.js: UV_OFFSET");
static_assert(offsetof(ImDrawVert, col) == 16, "web/webgl-drawing.js: COLOR_OFFSET");

// Registers the objects web/webgl-drawing.js prepared (Module.portalDrawing) in the tables of
// Emscripten's GL layer, as glCreateProgram and glGen* would have (library_webgl.js of the pinned
// Emscripten: an object's `name` is its id; a program's uniform tables start empty and are filled
// by glGetUniformLocation), and writes the five ids to `ids`. Returns 0 when there are none or the
// program did not link: the one status read of the page's life, by now long finished.
// clang-format off
EM_JS(int, js_adopt_drawing_objects, (GLuint* ids), {
    const drawing = Module['portalDrawing'];
    if (!drawing || !GLctx.getProgramParameter(drawing.program, 0x8B82 /* LINK_STATUS */)) return 0;
    const program = drawing.program;
    program.maxUniformLength = program.maxAttributeLength = program.maxUniformBlockNameLength = 0;
    program.uniformIdCounter = 1;
    program.uniformLocsById = 0;
    program.uniformSizeAndIdsByName = {};
    const adopt = (table, object, index) => {
        const id = GL.getNewId(table);
        object.name = id;
        table[id] = object;
        HEAPU32[(ids >> 2) + index] = id;
    };
    adopt(GL.programs, program, 0);
    adopt(GL.vaos, drawing.vertexArray, 1);
    adopt(GL.buffers, drawing.vertices, 2);
    adopt(GL.buffers, drawing.indices, 3);
    adopt(GL.textures, drawing.atlas, 4);
    drawing.adopted = true;
    return 1;
});
// clang-format on

}  // namespace

bool webgl_renderer_init() {
    Renderer& r = g_renderer;
    GLuint ids[5] = {};
    if (js_adopt_drawing_objects(ids) == 0) return false;
    r.program = ids[0];
    r.vertex_array = ids[1];
    r.vertices = ids[2];
    r.indices = ids[3];
    r.font_texture = ids[4];
    r.projection = glGetUniformLocation(r.program, "projection");
    // Bound through Emscripten's GL layer, which must know the program in use to resolve uniform
    // locations.
    glUseProgram(r.program);
    glBindVertexArray(r.vertex_array);
    glBindBuffer(GL_ARRAY_BUFFER, r.vertices);
    glBindTexture(GL_TEXTURE_2D, r.font_texture);

    ImGuiIO& io = ImGui::GetIO();
    io.BackendRendererName = "portal_webgl2";
    return r.projection >= 0;
}

void webgl_renderer_upload_fonts() {
    Renderer& r = g_renderer;
    ImGuiIO& io = ImGui::GetIO();
    unsigned char* pixels = nullptr;
    int width = 0;
    int height = 0;
    io.Fonts->GetTexDataAsAlpha8(&pixels, &width, &height);
    glBindTexture(GL_TEXTURE_2D, r.font_texture);  // its sampling is set in web/webgl-drawing.js
    glTexImage2D(GL_TEXTURE_2D, 0, GL_R8, width, height, 0, GL_RED, GL_UNSIGNED_BYTE, pixels);
    io.Fonts->SetTexID(reinterpret_cast<ImTextureID>(static_cast<std::intptr_t>(r.font_texture)));
}

void webgl_renderer_draw(const ImDrawData& draw_data) {
    const Renderer& r = g_renderer;
    const int fb_width = static_cast<int>(draw_data.DisplaySize.x * draw_data.FramebufferScale.x);
    const int fb_height = static_cast<int>(draw_data.DisplaySize.y * draw_data.FramebufferScale.y);
    glViewport(0, 0, fb_width, fb_height);
    glDisable(GL_SCISSOR_TEST);  // clear the whole canvas, then clip each command
    // The theme's window background (ui/theme.cpp), so no seam shows around the window.
    const ImVec4 page = ImGui::GetStyle().Colors[ImGuiCol_WindowBg];
    glClearColor(page.x, page.y, page.z, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    glEnable(GL_SCISSOR_TEST);
    if (fb_width <= 0 || fb_height <= 0) return;

    // Orthographic projection of ImGui's coordinates (DisplayPos to DisplayPos + DisplaySize).
    const float left = draw_data.DisplayPos.x;
    const float right = draw_data.DisplayPos.x + draw_data.DisplaySize.x;
    const float top = draw_data.DisplayPos.y;
    const float bottom = draw_data.DisplayPos.y + draw_data.DisplaySize.y;
    const float projection[4][4] = {
        {2.0f / (right - left), 0.0f, 0.0f, 0.0f},
        {0.0f, 2.0f / (top - bottom), 0.0f, 0.0f},
        {0.0f, 0.0f, -1.0f, 0.0f},
        {(right + left) / (left - right), (top + bottom) / (bottom - top), 0.0f, 1.0f},
    };
    glUniformMatrix4fv(r.projection, 1, GL_FALSE, &projection[0][0]);

    const ImVec2 clip_offset = draw_data.DisplayPos;
    const ImVec2 clip_scale = draw_data.FramebufferScale;
    GLuint bound_texture = 0;
    for (int n = 0; n < draw_data.CmdListsCount; ++n) {
        const ImDrawList& list = *draw_data.CmdLists[n];
        glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(list.VtxBuffer.size_in_bytes()),
                     list.VtxBuffer.Data, GL_STREAM_DRAW);
        glBufferData(GL_ELEMENT_ARRAY_BUFFER,
                     static_cast<GLsizeiptr>(list.IdxBuffer.size_in_bytes()), list.IdxBuffer.Data,
                     GL_STREAM_DRAW);
        for (const ImDrawCmd& command : list.CmdBuffer) {
            if (command.UserCallback != nullptr) {
                // The page registers none; ResetRenderState would be a no-op (state is fixed).
                if (command.UserCallback != ImDrawCallback_ResetRenderState)
                    command.UserCallback(&list, &command);
                continue;
            }
            const float x0 = (command.ClipRect.x - clip_offset.x) * clip_scale.x;
            const float y0 = (command.ClipRect.y - clip_offset.y) * clip_scale.y;
            const float x1 = (command.ClipRect.z - clip_offset.x) * clip_scale.x;
            const float y1 = (command.ClipRect.w - clip_offset.y) * clip_scale.y;
            if (x1 <= x0 || y1 <= y0) continue;
            glScissor(static_cast<int>(x0), static_cast<int>(static_cast<float>(fb_height) - y1),
                      static_cast<int>(x1 - x0), static_cast<int>(y1 - y0));
            const auto texture =
                static_cast<GLuint>(reinterpret_cast<std::intptr_t>(command.GetTexID()));
            if (texture != bound_texture) {
                glBindTexture(GL_TEXTURE_2D, texture);
                bound_texture = texture;
            }
            // ImGuiBackendFlags_RendererHasVtxOffset is not set: ImGui keeps every command's
            // vertices addressable by 16-bit indices from the list's start (VtxOffset is 0).
            glDrawElements(GL_TRIANGLES, static_cast<GLsizei>(command.ElemCount),
                           sizeof(ImDrawIdx) == 2 ? GL_UNSIGNED_SHORT : GL_UNSIGNED_INT,
                           reinterpret_cast<void*>(
                               static_cast<std::intptr_t>(command.IdxOffset * sizeof(ImDrawIdx))));
        }
    }
}

}  // namespace portal::platform
