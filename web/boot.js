// Starts the portal under the loading card: reads config.json and downloads and compiles the
// WebAssembly (with a progress bar) while it checks the browser can run it, loads its
// JavaScript, then runs it. Also defines window.portal, what tests and tools read:
//   portal.ready   true once the first frame is drawn
//   portal.allFonts once the full font set is loaded (bold, italic, every Latin-1 letter), a
//                  moment after the first frame: where it was rasterised, "worker" (off the main
//                  thread, web/font-worker.js) or "page" (when no worker could run)
//   portal.items() the widgets of the last frame, in reading order: [{label, id, role, a11y, x, y,
//                  w, h, clipped, enabled, checked, expanded, invalid, multiline, focused, level,
//                  describedBy, table, row, column, autofill?, value?}]. x, y, w, h: the visible
//                  part, in CSS pixels of the page; clipped: its window or the screen cuts it
//                  (w = h = 0 when nothing shows); focused: ImGui's focus ring is on it. role: what a test clicks (every text is "text");
//                  a11y: the finer role the accessibility mirror shows (heading, alert...).
//   portal.reveal(id) scrolls the item into view (a clipped one becomes clickable)
//   portal.route() the screen the last frame drew (what items() belong to), e.g. "/servicios"
//   portal.frames() how many frames were drawn (the page draws only when something changes)
//   portal.heapBytes() the size of the page's WebAssembly memory
'use strict';
(function () {
  const loaderText = document.getElementById('loader-text');
  const progress = document.getElementById('progress');
  const message = document.getElementById('message');

  function showError(text) {
    document.getElementById('loader').hidden = false;
    progress.hidden = true;
    loaderText.hidden = true;
    message.hidden = false;
    message.textContent = text;
    window.portal.error = text;
  }
  window.portalShowError = showError;

  function exported(name) {
    return typeof Module === 'object' && typeof Module['_' + name] === 'function' ? Module['_' + name] : null;
  }
  window.portal = {
    ready: false,
    error: null,
    items() {
      const fn = exported('portal_items_json');
      if (!fn) return [];
      const canvas = document.getElementById('canvas').getBoundingClientRect();
      return JSON.parse(Module.UTF8ToString(fn())).map((item) =>
        Object.assign(item, { x: item.x + canvas.left, y: item.y + canvas.top }));
    },
    reveal(id) {
      const fn = exported('portal_a11y_reveal');
      if (fn) fn(id);
    },
    route() {
      const fn = exported('portal_route');
      return fn ? Module.UTF8ToString(fn()) : '';
    },
    frames() {
      const fn = exported('portal_frames');
      return fn ? fn() : 0;
    },
    heapBytes() {
      const fn = exported('portal_heap_bytes');
      return fn ? fn() : null;
    },
  };

  // The WebGL 2 context main() draws with, created by this script rather than by main(): the
  // browser has it ready, and the program the portal draws with (web/webgl-drawing.js), while the
  // wasm is still downloading. The attributes are create_webgl2_context's
  // (src/platform/web/web_main.cpp); the canvas hands this same context to it. No context here
  // (WebGL 2 missing, graphics turned off) is the error shown instead of the portal.
  function createWebgl2Context() {
    const canvas = document.getElementById('canvas');
    try {
      return canvas.getContext('webgl2', { alpha: false, antialias: false, depth: false, stencil: false });
    } catch (err) {
      return null;
    }
  }

  function hasWebAssembly() {
    return typeof WebAssembly === 'object' && typeof WebAssembly.instantiate === 'function';
  }

  function browserProblem(gl) {
    if (!hasWebAssembly()) {
      return 'Su navegador no puede ejecutar el portal (le falta WebAssembly). Actualícelo a una versión reciente.\n' +
        'Your browser cannot run the portal (no WebAssembly). Please update it.';
    }
    if (!gl) {
      return 'Su navegador no puede dibujar el portal (le falta WebGL 2). Actualícelo o active la aceleración gráfica.\n' +
        'Your browser cannot draw the portal (no WebGL 2). Update it or turn on hardware acceleration.';
    }
    return null;
  }

  async function readConfig() {
    let response;
    try {
      response = await fetch('config.json', { cache: 'no-cache' });
    } catch (err) {
      throw new Error('No se pudo leer la configuración del portal (config.json): ' + err.message);
    }
    if (!response.ok) {
      throw new Error('No se pudo leer la configuración del portal (config.json): respuesta ' + response.status + '.');
    }
    let config;
    try {
      config = await response.json();
    } catch (err) {
      throw new Error('La configuración del portal (config.json) no es JSON válido.');
    }
    const api = config && config.api;
    const valid = typeof api === 'string' && (api === 'demo' || api.startsWith('/') || /^https?:\/\//.test(api));
    if (!valid) {
      throw new Error('La configuración del portal (config.json) debe indicar "api": la dirección de la API ' +
        '(por ejemplo "/api/v1" o "https://panel.example/api/v1") o "demo".');
    }
    return config;
  }

  // Downloads and compiles the wasm at once (WebAssembly.compileStreaming compiles while the bytes
  // arrive), counting the bytes on their way for the progress bar. Served compressed, the
  // Content-Length counts the compressed bytes while the stream gives the decoded ones: the bar then
  // uses the usual ratio of the gzipped wasm (~2.3, BENCHMARKS.md) and stops at 99 % until done.
  async function compileWasm(url) {
    const response = await fetch(url);
    if (!response.ok) throw new Error('No se pudo descargar el portal (' + url + ': ' + response.status + ').');
    const length = Number(response.headers.get('Content-Length')) || 0;
    const encoded = !!response.headers.get('Content-Encoding');
    const total = encoded ? length * 2.3 : length;
    if (!total) changeCard(() => progress.removeAttribute('value'));
    let body = response.body;
    if (body && total && typeof TransformStream === 'function') {
      let received = 0;
      body = body.pipeThrough(new TransformStream({
        transform(chunk, controller) {
          received += chunk.length;
          const percent = Math.min(99, Math.round((received / total) * 100));
          changeCard(() => { progress.value = percent; });
          controller.enqueue(chunk);
        },
      }));
    }
    const counted = new Response(body, { headers: { 'Content-Type': 'application/wasm' } });
    if (typeof WebAssembly.compileStreaming === 'function') {
      try {
        return await WebAssembly.compileStreaming(counted);
      } catch (err) {
        if (counted.bodyUsed) throw err;  // a real compile error, not a missing streaming API
      }
    }
    return WebAssembly.compile(await counted.arrayBuffer());
  }

  function loadScript(src) {
    return new Promise((resolve, reject) => {
      const script = document.createElement('script');
      script.src = src;
      script.onload = resolve;
      script.onerror = () => reject(new Error('No se pudo cargar ' + src + '.'));
      document.body.appendChild(script);
    });
  }

  // Runs `then` once the loading card is on screen: the browser's first-contentful-paint entry,
  // which arrives once the frame is presented (its animation callback comes before that). A
  // browser without paint entries goes on after the next frame; a hidden tab paints nothing and
  // goes on at once, as does a tab hidden meanwhile. The timer bounds the wait in a browser that
  // paints but never says so.
  function afterFirstPaint(then) {
    if (document.visibilityState === 'hidden' || typeof requestAnimationFrame !== 'function') {
      then();
      return;
    }
    let started = false;
    const once = () => {
      if (started) return;
      started = true;
      then();
    };
    document.addEventListener('visibilitychange', once, { once: true });
    const types = (typeof PerformanceObserver === 'function' && PerformanceObserver.supportedEntryTypes) || [];
    if (!types.includes('paint')) {
      requestAnimationFrame(() => setTimeout(once, 0));
      return;
    }
    const observer = new PerformanceObserver((list) => {
      if (!list.getEntries().some((entry) => entry.name === 'first-contentful-paint')) return;
      observer.disconnect();
      once();
    });
    observer.observe({ type: 'paint', buffered: true });
    setTimeout(once, 1000);
  }

  // The downloads start as this script runs, but the card they report to (its progress bar and
  // text) changes only once it is on screen. A change lays the card out again, in a task that
  // waits on the downloads: made before the card's paint, Lighthouse's simulation counts the
  // downloads as part of that paint (BENCHMARKS.md). An error is shown at once.
  let cardOnScreen = false;
  let cardChanges = [];
  function changeCard(change) {
    if (cardOnScreen) change();
    else cardChanges.push(change);
  }
  function showCardChanges() {
    cardOnScreen = true;
    cardChanges.forEach((change) => change());
    cardChanges = null;
  }

  const mark = (name) => { if (performance.mark) performance.mark('portal:' + name); };
  const fail = (err) => showError(err.message + '\nRecargue la página para intentar de nuevo.');

  // Runs the portal once config.json and the wasm (`config`, `compiled`: promises) are there, with
  // the program the page draws with: loads portal-app.js, whose code instantiates the wasm and
  // runs main().
  function run(config, compiled, drawing) {
    window.Module = {
      canvas: document.getElementById('canvas'),
      portalConfig: null,
      portalWasm: null,  // the compiled module, which font-worker.js runs too
      // Taken over by the wasm's renderer. Without it (webgl-drawing.js did not load), main()
      // shows the error.
      portalDrawing: drawing,
      print: (text) => console.log(text),
      printErr: (text) => console.warn(text),
      preRun: [() => mark('prerun')],
      onRuntimeInitialized: () => mark('runtime'),
      onAbort: () => showError('El portal se detuvo por un error inesperado. Recargue la página; si se repite, escríbanos a soporte.'),
      instantiateWasm(imports, receiveInstance) {
        Promise.all([config, compiled])
          .then(([settings, module]) => {
            window.Module.portalConfig = settings;
            window.Module.portalWasm = module;
            changeCard(() => { loaderText.textContent = 'Iniciando…'; });
            return WebAssembly.instantiate(module, imports).then((instance) => {
              mark('instantiated');
              receiveInstance(instance, module);
            });
          })
          .catch(fail);
        return {};  // the exports arrive through receiveInstance
      },
    };
    loadScript('portal-app.js').then(() => mark('script')).catch(fail);
  }

  // The downloads start as this script runs, after the card's style sheet and scripts have loaded:
  // nothing the card waits for shares the link with them. config.json first, then the WebGL
  // context is made (10-25 ms), then portal-app.js. The wasm waits for the card's first frame to
  // be drawn (an animation frame, then a task). Lighthouse's simulation of a slow phone counts a
  // download that ends before the card is presented as part of the card's paint: the wasm would
  // add two seconds there; config.json, when it is that quick, adds 0.3 s, still within the
  // best score (BENCHMARKS.md). Waiting instead for the browser's word that the card is on screen
  // cost 60-90 ms of start-up here: it comes 40-70 ms after the card is presented.
  // Made here, before the card's first paint, the context finds the GPU process idle; made after
  // that paint, it waited behind the GPU process's work on it, a task of 40-90 ms in which the
  // page answered nothing. A browser that cannot run the portal is told so, and nothing of it
  // runs.
  const config = readConfig().then((c) => { mark('config'); return c; });
  config.catch(() => {});  // reported once, when the wasm is instantiated
  let startWasm;
  const compiled = new Promise((resolve) => { startWasm = resolve; }).then(() => {
    if (!hasWebAssembly()) throw new Error('no WebAssembly');
    return compileWasm('portal-app.wasm').then((m) => { mark('compiled'); return m; });
  });
  compiled.catch(() => {});
  const gl = hasWebAssembly() ? createWebgl2Context() : null;
  const problem = browserProblem(gl);
  if (problem) {
    showError(problem);
    return;
  }
  if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => setTimeout(startWasm, 0));
  afterFirstPaint(() => {
    showCardChanges();
    startWasm();  // a hidden tab draws no frame
  });
  run(config, compiled, window.portalWebglDrawing ? window.portalWebglDrawing.prepare(gl) : null);
})();
