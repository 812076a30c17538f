// Rasterises the portal's full font set off the page's main thread (src/platform/web/
// font_worker.h): the page posts the WebAssembly module it compiled and its pixel ratio; this
// worker runs that module with its JavaScript, without main(), bakes the set with the page's own
// font code and posts the bytes back, or null when anything fails.
'use strict';
// Emscripten's HTML5 library lists `document` and `window` as its script loads and uses them only
// when the page's input and canvas functions are called, which never happens here; a worker has
// neither.
self.window = self;
self.document = {};

self.onmessage = (event) => {
  const { module, pixelRatio } = event.data;
  const fail = (err) => {
    console.warn('font-worker: ' + (err && err.message ? err.message : err));
    postMessage(null);
  };
  self.Module = {
    noInitialRun: true,
    print: () => {},
    printErr: (text) => console.warn(text),
    onAbort: fail,
    instantiateWasm(imports, receiveInstance) {
      WebAssembly.instantiate(module, imports)
        .then((instance) => receiveInstance(instance, module))
        .catch(fail);
      return {};
    },
    onRuntimeInitialized() {
      try {
        self.Module._portal_bake_font_set(pixelRatio);
      } catch (err) {
        fail(err);
      }
    },
  };
  importScripts('portal-app.js');
};
