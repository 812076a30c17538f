// Starts the portal: checks the browser can run it, reads config.json, downloads the WebAssembly
// with a progress bar, then runs it. Also defines window.portal, what tests and tools read:
//   portal.ready   true once the first frame is drawn
//   portal.items() the widgets of the last frame: [{label, role, x, y, w, h, enabled, checked}]
//                  in CSS pixels of the page
//   portal.route() the current screen, e.g. "/servicios"
//   portal.frames() how many frames were drawn (the page draws only when something changes)
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
    route() {
      const fn = exported('portal_route');
      return fn ? Module.UTF8ToString(fn()) : '';
    },
    frames() {
      const fn = exported('portal_frames');
      return fn ? fn() : 0;
    },
  };

  function browserProblem() {
    if (typeof WebAssembly !== 'object' || typeof WebAssembly.instantiate !== 'function') {
      return 'Su navegador no puede ejecutar el portal (le falta WebAssembly). Actualícelo a una versión reciente.\n' +
        'Your browser cannot run the portal (no WebAssembly). Please update it.';
    }
    const probe = document.createElement('canvas');
    if (!probe.getContext('webgl2')) {
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

  // Downloads the wasm ourselves so the bar can show real progress.
  async function downloadWasm(url) {
    const response = await fetch(url);
    if (!response.ok) throw new Error('No se pudo descargar el portal (' + url + ': ' + response.status + ').');
    const total = Number(response.headers.get('Content-Length')) || 0;
    if (!response.body || !total) {
      progress.removeAttribute('value');
      return new Uint8Array(await response.arrayBuffer());
    }
    const reader = response.body.getReader();
    const chunks = [];
    let received = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      received += value.length;
      progress.value = Math.min(99, Math.round((received / total) * 100));
    }
    const bytes = new Uint8Array(received);
    let offset = 0;
    for (const chunk of chunks) { bytes.set(chunk, offset); offset += chunk.length; }
    return bytes;
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

  async function start() {
    const problem = browserProblem();
    if (problem) { showError(problem); return; }
    try {
      const config = await readConfig();
      const wasmBinary = await downloadWasm('portal-app.wasm');
      loaderText.textContent = 'Iniciando…';
      window.Module = {
        canvas: document.getElementById('canvas'),
        portalConfig: config,
        wasmBinary: wasmBinary,
        print: (text) => console.log(text),
        printErr: (text) => console.warn(text),
        onAbort: () => showError('El portal se detuvo por un error inesperado. Recargue la página; si se repite, escríbanos a soporte.'),
      };
      await loadScript('portal-app.js');
    } catch (err) {
      showError(err.message + '\nRecargue la página para intentar de nuevo.');
    }
  }
  start();
})();
