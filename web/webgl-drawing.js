// The WebGL objects and fixed state the portal draws every frame with: one program, its vertex
// layout (Dear ImGui's ImDrawVert), the glyph atlas texture, blending and clipping. The wasm's
// renderer (src/platform/web/webgl_renderer.cpp) takes them over by id and only uploads and draws.
//
// Why here and not in main(): a software WebGL (SwiftShader, what a machine without a usable GPU
// runs) builds a program's pipeline at its first draw. That is ~100 ms in the GPU process, and the
// commit of the page's first frame waited for it with the main thread blocked. boot.js calls
// prepare() as the page is parsed, long before the wasm has downloaded, and prepare() makes one
// small draw into an off-screen target: the pipeline is built then, while nothing waits. The
// canvas is not drawn on, so no frame is shown or read back. The wasm must use these very
// objects: a program compiled again from the same source gets a pipeline of its own, built again
// at its first draw.
'use strict';
(function () {
  const VERTEX_SHADER = `#version 300 es
precision highp float;
layout (location = 0) in vec2 position;
layout (location = 1) in vec2 uv;
layout (location = 2) in vec4 color;
uniform mat4 projection;
out vec2 frag_uv;
out vec4 frag_color;
void main() {
    frag_uv = uv;
    frag_color = color;
    gl_Position = projection * vec4(position, 0.0, 1.0);
}`;

  // The atlas holds coverage only (R8): white, with the coverage as alpha.
  const FRAGMENT_SHADER = `#version 300 es
precision mediump float;
uniform sampler2D atlas;
in vec2 frag_uv;
in vec4 frag_color;
layout (location = 0) out vec4 out_color;
void main() {
    out_color = vec4(frag_color.rgb, frag_color.a * texture(atlas, frag_uv).r);
}`;

  // ImDrawVert: position (2 floats), uv (2 floats), colour (4 bytes, RGBA). webgl_renderer.cpp
  // checks these against the compiled struct.
  const VERTEX_BYTES = 20;
  const UV_OFFSET = 8;
  const COLOR_OFFSET = 16;

  function compile(gl, kind, source) {
    const shader = gl.createShader(kind);
    gl.shaderSource(shader, source);
    gl.compileShader(shader);
    return shader;
  }

  // The program and the fixed state. Nothing here waits for the GPU process: not a uniform's
  // location, not even useProgram (the browser checks the program linked). The wasm checks the
  // link status when it takes the objects over.
  function createObjects(gl) {
    const vertex = compile(gl, gl.VERTEX_SHADER, VERTEX_SHADER);
    const fragment = compile(gl, gl.FRAGMENT_SHADER, FRAGMENT_SHADER);
    const program = gl.createProgram();
    gl.attachShader(program, vertex);
    gl.attachShader(program, fragment);
    gl.linkProgram(program);
    gl.deleteShader(vertex);  // freed with the program
    gl.deleteShader(fragment);

    const vertexArray = gl.createVertexArray();
    gl.bindVertexArray(vertexArray);
    const vertices = gl.createBuffer();
    const indices = gl.createBuffer();
    gl.bindBuffer(gl.ARRAY_BUFFER, vertices);
    gl.bindBuffer(gl.ELEMENT_ARRAY_BUFFER, indices);  // part of the vertex array's state
    gl.enableVertexAttribArray(0);
    gl.enableVertexAttribArray(1);
    gl.enableVertexAttribArray(2);
    gl.vertexAttribPointer(0, 2, gl.FLOAT, false, VERTEX_BYTES, 0);
    gl.vertexAttribPointer(1, 2, gl.FLOAT, false, VERTEX_BYTES, UV_OFFSET);
    gl.vertexAttribPointer(2, 4, gl.UNSIGNED_BYTE, true, VERTEX_BYTES, COLOR_OFFSET);

    // Nothing else draws in this context: the state is set once, here.
    gl.enable(gl.BLEND);
    gl.blendEquation(gl.FUNC_ADD);
    gl.blendFuncSeparate(gl.SRC_ALPHA, gl.ONE_MINUS_SRC_ALPHA, gl.ONE, gl.ONE_MINUS_SRC_ALPHA);
    gl.disable(gl.CULL_FACE);
    gl.disable(gl.DEPTH_TEST);
    gl.disable(gl.STENCIL_TEST);
    gl.enable(gl.SCISSOR_TEST);
    gl.activeTexture(gl.TEXTURE0);
    gl.pixelStorei(gl.UNPACK_ALIGNMENT, 1);

    // The atlas: one blank texel until the wasm uploads the glyphs.
    const atlas = gl.createTexture();
    gl.bindTexture(gl.TEXTURE_2D, atlas);
    gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_MIN_FILTER, gl.LINEAR);
    gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_MAG_FILTER, gl.LINEAR);
    gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_WRAP_S, gl.CLAMP_TO_EDGE);
    gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_WRAP_T, gl.CLAMP_TO_EDGE);
    gl.texImage2D(gl.TEXTURE_2D, 0, gl.R8, 1, 1, 0, gl.RED, gl.UNSIGNED_BYTE, new Uint8Array(1));
    return { program, vertexArray, vertices, indices, atlas };
  }

  // One triangle into a 4×4 target of the canvas's format (opaque RGB: the context has no alpha),
  // with the state every frame draws with, so the pipeline built is theirs. The projection is
  // left at its initial zero: the triangle covers no pixel, which changes nothing in what is built.
  function buildPipeline(gl, program) {
    gl.useProgram(program);  // its sampler reads texture unit 0, the default: nothing to set
    const target = gl.createRenderbuffer();
    gl.bindRenderbuffer(gl.RENDERBUFFER, target);
    gl.renderbufferStorage(gl.RENDERBUFFER, gl.RGB8, 4, 4);
    const framebuffer = gl.createFramebuffer();
    gl.bindFramebuffer(gl.FRAMEBUFFER, framebuffer);
    gl.framebufferRenderbuffer(gl.FRAMEBUFFER, gl.COLOR_ATTACHMENT0, gl.RENDERBUFFER, target);
    gl.viewport(0, 0, 4, 4);
    gl.scissor(0, 0, 4, 4);
    gl.bufferData(gl.ARRAY_BUFFER, 3 * VERTEX_BYTES, gl.STREAM_DRAW);
    gl.bufferData(gl.ELEMENT_ARRAY_BUFFER, new Uint16Array([0, 1, 2]), gl.STREAM_DRAW);
    gl.drawElements(gl.TRIANGLES, 3, gl.UNSIGNED_SHORT, 0);
    gl.flush();  // the GPU process starts on it now, not at the next read-back
    gl.bindFramebuffer(gl.FRAMEBUFFER, null);
    gl.deleteFramebuffer(framebuffer);
    gl.deleteRenderbuffer(target);
  }

  // Calls `then` in a later task, once the GPU process has got through the commands sent so far
  // (the link among them). Asked with a fence, which never waits; a question about the program
  // itself (even useProgram) would wait for the link.
  function whenDone(gl, then) {
    const fence = gl.fenceSync(gl.SYNC_GPU_COMMANDS_COMPLETE, 0);
    gl.flush();
    const poll = () => {
      if (gl.isContextLost()) return;
      if (gl.getSyncParameter(fence, gl.SYNC_STATUS) !== gl.SIGNALED) {
        setTimeout(poll, 10);
        return;
      }
      gl.deleteSync(fence);
      then();
    };
    setTimeout(poll, 10);
  }

  // Gives the canvas the backing size main()'s first frame will give it: its CSS size in device
  // pixels (src/platform/web/html5_backend.cpp, which leaves a canvas that has it as it is).
  // Allocating and clearing a drawing buffer of that size took 65-90 ms of the first frame at
  // pixel ratio 2 on a 1200x800 window; here it is done while the wasm downloads. A size that
  // differs by then (the window resized, zoomed) only costs the first frame that allocation again.
  function sizeCanvas(canvas) {
    const rect = canvas.getBoundingClientRect();
    const ratio = window.devicePixelRatio || 1;
    const width = Math.round(rect.width * ratio);
    const height = Math.round(rect.height * ratio);
    if (width > 0 && height > 0 && (canvas.width !== width || canvas.height !== height)) {
      canvas.width = width;
      canvas.height = height;
    }
  }

  window.portalWebglDrawing = {
    // The objects for the wasm ({program, vertexArray, vertices, indices, atlas}, the arrays left
    // bound). Once its program links, the pipeline is built, unless the wasm (adopted: true) has
    // started drawing with them by then.
    prepare(gl) {
      const objects = { ...createObjects(gl), adopted: false };
      whenDone(gl, () => {
        if (objects.adopted) return;
        buildPipeline(gl, objects.program);
        sizeCanvas(gl.canvas);
      });
      return objects;
    },
  };
})();
