// Draws Dear ImGui's draw lists with WebGL 2, for this page only.
//
// Why not ImGui's OpenGL 3 backend: it is written to share a GL context with other code, so every
// frame it reads back about twenty pieces of GL state (glGetIntegerv, glIsEnabled) to restore them
// afterwards, and creates and deletes a vertex array. In a browser each read-back can wait for the
// GPU process to catch up; measured in headless Chromium, that backend took 3.0 ms of a 3.9 ms
// frame (p50) and 6–8 ms at p95 (BENCHMARKS.md). The page owns its context, so this renderer sets
// the state it needs, reads nothing back, and keeps its buffers and vertex array.
//
// It knows one texture, the font atlas, kept as one byte per pixel (coverage): ImGui draws every
// shape with the atlas's white pixel, so the shader only needs that byte as alpha.
//
// The program, vertex array, buffers, atlas texture and fixed state are made by
// web/webgl-drawing.js while the wasm downloads (it says why), and taken over here.
#pragma once

struct ImDrawData;

namespace portal::platform {

// Needs the current WebGL 2 context, the one web/webgl-drawing.js prepared. Returns false when
// nothing was prepared or its program did not link.
bool webgl_renderer_init();
// (Re)uploads ImGui's font atlas (after the fonts were (re)built) and gives ImGui its texture.
void webgl_renderer_upload_fonts();
// Draws a frame's draw data into the current framebuffer (cleared first to the theme's window
// background).
void webgl_renderer_draw(const ImDrawData& draw_data);

}  // namespace portal::platform
