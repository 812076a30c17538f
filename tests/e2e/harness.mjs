// What every end-to-end test needs: a stub on a free port with a fresh database, headless
// Debian Chromium, and ways to find and use the portal's widgets by label through
// window.portal.items() (never by hard-coded coordinates). Waits are for conditions, not time.
import assert from 'node:assert/strict';
import { before, after } from 'node:test';
import { spawn } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { createServer as createHttpServer, request as httpRequest } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
// Overridable so several people (or helpers) can test their own build directories side by side.
export const STUB = process.env.PORTAL_STUB || join(ROOT, 'build/native/server-stub/portal-stub');
export const SITE = process.env.PORTAL_SITE || join(ROOT, 'build/web/site');
export const MANUALS = join(ROOT, 'assets/manuals');
export const DIST = process.env.PORTAL_DIST || join(ROOT, 'dist');
export const SCREENSHOTS = process.env.PORTAL_SCREENSHOTS || join(ROOT, 'build/e2e/screenshots');

// The demo clients of server-stub/fixtures (see its README).
export const DEMO = {
  ana: { email: 'ana@example.com', password: 'demo1234' },
  bruno: { email: 'bruno@example.com', password: 'demo1234' },
  carla: { email: 'carla@example.com', password: 'demo1234' },
};

export const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--use-angle=swiftshader', '--enable-unsafe-swiftshader',
  '--disable-gpu', '--disable-background-networking', '--disable-component-update',
  '--disable-sync', '--no-first-run', '--disable-quic',
];

export async function freePort() {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolvePort(port));
    });
  });
}

async function until(what, check, timeoutMs = 20000) {
  const deadline = Date.now() + timeoutMs;
  let lastError;
  while (Date.now() < deadline) {
    try {
      if (await check()) return;
    } catch (err) {
      lastError = err;
    }
    await new Promise((r) => setImmediate(r));
    await new Promise((r) => setTimeout(r, 25)); // poll interval, not a wait for the result
  }
  throw new Error(`timed out waiting for ${what}${lastError ? ': ' + lastError.message : ''}`);
}

// Starts portal-stub on a free port with a new database; resolves once /api/v1/health answers.
export async function startStub({ extraArgs = [], dbDir, port: wantedPort } = {}) {
  const dir = dbDir || mkdtempSync(join(tmpdir(), 'portal-e2e-'));
  const port = wantedPort || await freePort();
  const args = ['--port', String(port), '--bind', '127.0.0.1', '--db', join(dir, 'portal.db'),
    '--static', SITE, '--manuals', MANUALS, ...extraArgs];
  const child = spawn(STUB, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (d) => { output += d; });
  child.stderr.on('data', (d) => { output += d; });
  const stop = stopperOf(child);
  const url = `http://127.0.0.1:${port}`;
  await until('the stub to answer /api/v1/health', async () => {
    if (child.exitCode !== null) throw new Error(`portal-stub exited: ${output}`);
    const res = await fetch(`${url}/api/v1/health`);
    return res.ok;
  });
  return {
    url,
    port,
    dir,
    output: () => output,
    stop,
    async cleanup() {
      await this.stop();
      if (!dbDir) rmSync(dir, { recursive: true, force: true });
    },
  };
}

// A plain static file server (no backend at all) over `dir`: how the demo is meant to be hosted.
export async function startStaticServer(dir) {
  const port = await freePort();
  const child = spawn('python3', ['-m', 'http.server', String(port), '--bind', '127.0.0.1', '--directory', dir],
    { stdio: ['ignore', 'ignore', 'pipe'] });
  let output = '';
  child.stderr.on('data', (d) => { output += d; });
  const stop = stopperOf(child);
  const url = `http://127.0.0.1:${port}`;
  try {
    await until('the static server to answer', async () => {
      if (child.exitCode !== null) throw new Error(`http.server exited: ${output}`);
      return (await fetch(`${url}/index.html`)).ok;
    });
  } catch (error) {
    await stop(); // a server left running would keep the test file from ever ending
    throw error;
  }
  return { url, stop };
}

// Stops a child process (SIGTERM) and resolves once it has exited; nothing if it already has.
export function stopperOf(child) {
  const exited = new Promise((r) => child.once('exit', r));
  return async () => {
    if (child.exitCode === null) {
      child.kill('SIGTERM');
      await exited;
    }
  };
}

// The browser (and the stub) a test file shares, as live bindings: set by shareBrowser() or
// shareStubAndBrowser() before the file's first test, closed after its last.
export let browser;
export let stub;

export function shareBrowser() {
  before(async () => { browser = await launchBrowser(); });
  after(async () => { await browser?.close(); });
}

// `stubOptions` (startStub's) may be a function, called in the hook (a file's own hooks at the top
// level do not wait for one another); `whenReady(stub)` runs once both are up.
export function shareStubAndBrowser(stubOptions = {}, whenReady = async () => {}) {
  before(async () => {
    stub = await startStub(typeof stubOptions === 'function' ? stubOptions() : stubOptions);
    browser = await launchBrowser();
    await whenReady(stub);
  });
  after(async () => {
    await browser?.close();
    await stub?.cleanup();
  });
}

export async function launchBrowser() {
  return chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
}

// Opens the portal and waits until its first frame is drawn.
// `permissions` (optional) are granted to the page, e.g. ['clipboard-read', 'clipboard-write'].
// `config` replaces the served config.json (as an operator would write it).
export async function openPortal(browser, url, { viewport = { width: 1200, height: 800 }, deviceScaleFactor = 1, permissions, config } = {}) {
  const context = await browser.newContext({ viewport, deviceScaleFactor, ...(permissions ? { permissions } : {}) });
  if (config) await context.route('**/config.json', (route) => route.fulfill({ json: config }));
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (err) => problems.push(err.message));
  page.problems = problems;
  // Console errors, kept apart: a failed request is logged by the browser itself (see assertAlive).
  page.consoleErrors = [];
  page.on('console', (m) => { if (m.type() === 'error') page.consoleErrors.push(m.text()); });
  await page.goto(url);
  // Ready, with the whole font set (the first frame has only the sign-in screen's faces).
  await page.waitForFunction(() => window.portal && ((window.portal.ready && window.portal.allFonts) || window.portal.error));
  const error = await page.evaluate(() => window.portal.error);
  if (error) throw new Error(`the page did not start: ${error}`);
  return page;
}

export async function items(page) {
  return page.evaluate(() => window.portal.items());
}

function matches(item, label, role) {
  const text = item.label;
  const labelOk = label instanceof RegExp ? label.test(text) : text === label;
  return labelOk && (!role || item.role === role);
}

// Waits until a widget with this label (and role) is on screen, and returns it.
export async function waitForItem(page, label, role, { timeout = 20000 } = {}) {
  const source = label instanceof RegExp ? { re: label.source, flags: label.flags } : { text: label };
  const handle = await page.waitForFunction(({ source, role }) => {
    const found = window.portal.items().find((item) =>
      (source.re ? new RegExp(source.re, source.flags).test(item.label) : item.label === source.text) &&
      (!role || item.role === role));
    return found || null;
  }, { source, role }, { timeout });
  const found = await handle.jsonValue();
  if (!found.clipped) return found;
  // A card that grows to its content does so one frame late (ImGui sizes it from the last
  // frame): what it cut off in its first frame shows in the next.
  await nextFrame(page);
  return (await page.evaluate((id) => window.portal.items().find((i) => i.id === id), found.id)) || found;
}

export async function waitForNoItem(page, label, role, { timeout = 20000 } = {}) {
  await page.waitForFunction(({ label, role }) =>
    !window.portal.items().some((item) => item.label === label && (!role || item.role === role)),
  { label, role }, { timeout });
}

// Clicks a widget once it is there AND enabled (a button may wait for data to load first), as a
// person would; fails with the widget's state if it never becomes clickable. A widget its window
// cuts off (clipped, items() says) is scrolled into view first, then clicked where it shows.
export async function click(page, label, role = 'button', { timeout = 20000 } = {}) {
  const source = label instanceof RegExp ? { re: label.source, flags: label.flags } : { text: label };
  const deadline = Date.now() + timeout;
  for (;;) {
    let item;
    try {
      const handle = await page.waitForFunction(({ source, role }) => {
        const found = window.portal.items().find((i) =>
          (source.re ? new RegExp(source.re, source.flags).test(i.label) : i.label === source.text) &&
          (!role || i.role === role) && i.enabled);
        return found || null;
      }, { source, role }, { timeout: Math.max(1, deadline - Date.now()) });
      item = await handle.jsonValue();
    } catch (err) {
      const seen = (await items(page)).find((i) => (label instanceof RegExp ? label.test(i.label) : i.label === label));
      throw new Error(seen ? `"${label}" stayed disabled` : `"${label}" (${role}) never appeared: ${err.message}`);
    }
    // Gone from a later frame (the screen changed under it while it was being scrolled into
    // view): looked for again.
    if (item.clipped) {
      item = await reveal(page, item, { timeout: Math.max(1, deadline - Date.now()), untilGone: true });
      if (!item) continue;
    }
    item = await holdingStill(page, item);
    if (!item) continue;
    await page.mouse.click(item.x + item.w / 2, item.y + item.h / 2);
    return item;
  }
}

// A person clicks a widget once it stops moving: while what loads above it still pushes it down
// (an answer arriving in the frame after it appeared), it is read again, frame by frame. Null when
// the next frame no longer draws it.
async function holdingStill(page, item) {
  for (let frames = 0; frames < 120; frames++) {
    await nextFrame(page);
    const now = await page.evaluate((id) => window.portal.items().find((i) => i.id === id) || null, item.id);
    if (!now) return null;
    const still = now.x === item.x && now.y === item.y && now.w === item.w && now.h === item.h;
    item = now;
    if (still) return item;
  }
  return item;
}

// Scrolls a clipped widget into view; resolves with it once nothing cuts it. The request is made
// again on each frame until then, as a person scrolls again: a frame that did not draw the widget
// (the screen was still loading) drops it. `untilGone`: resolves with null instead once a frame
// no longer draws it.
export async function reveal(page, item, { timeout = 20000, untilGone = false } = {}) {
  const handle = await page.waitForFunction(({ id, untilGone }) => {
    const now = window.portal.items().find((i) => i.id === id);
    if (now && !now.clipped) return now;
    if (!now && untilGone) return { gone: true };
    window.portal.reveal(id);
    return null;
  }, { id: item.id, untilGone }, { timeout, polling: 'raf' });
  const shown = await handle.jsonValue();
  return shown.gone ? null : shown;
}

// Resolves once the page has drawn a frame after this call: two animation frames, since the
// page's own frame callback for an input event is queued before ours.
export async function nextFrame(page) {
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
}

// Enters a text into a field: clicks it, selects and deletes what it held (one key a frame: the
// page takes keys one per frame), then puts the text in as one input event, as a phone's
// keyboard, an IME or a paste does; the drawn fields take it through the page's text-entry
// element, the sign-in fields are real ones. Resolves once a frame drawn after the text went in
// has taken it. Keystrokes one by one are keyboard.test.mjs's to test.
export async function fill(page, label, text) {
  await click(page, label, 'input');
  await page.keyboard.press('Control+A');
  await nextFrame(page);
  await page.keyboard.press('Backspace');
  await nextFrame(page);
  // The field's editing gives the keyboard's focus to an element that takes text.
  await page.waitForFunction(() => document.activeElement instanceof HTMLInputElement);
  await page.keyboard.insertText(text);
  await nextFrame(page);
}

export async function route(page) {
  return page.evaluate(() => window.portal.route());
}

export async function waitForRoute(page, expected) {
  try {
    await page.waitForFunction((r) => window.portal.route() === r, expected);
  } catch (err) {
    throw new Error(`the route stayed ${await route(page)}, not ${expected}: ${await whatIsDrawn(page)}`, { cause: err });
  }
}

// Goes to a hash route and waits until the page has drawn it, so that what the test reads next
// (items(), the accessibility mirror) is that screen's and not the previous one's.
export async function goTo(page, path) {
  await page.evaluate((p) => { window.location.hash = `#${p}`; }, path);
  await waitForRoute(page, path);
}

// What a failing wait saw: the last frame's widgets, the frames drawn, and any error in the page.
async function whatIsDrawn(page) {
  const state = await page.evaluate(() => ({
    items: window.portal.items().map((i) => `${i.role} «${i.label}» @${i.x},${i.y}${i.focused ? ' focused' : ''}`),
    frames: window.portal.frames(),
    error: window.portal.error || null,
  }));
  return JSON.stringify({ ...state, problems: page.problems, consoleErrors: page.consoleErrors });
}

export async function screenshot(page, name) {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`) });
}

export async function signIn(page, who) {
  await fill(page, 'Correo electrónico', who.email);
  await fill(page, 'Contraseña', who.password);
  await click(page, 'Ingresar');
}

// ---- The API through the stub: the truth the screen is compared with ---------------------------
// `base` is the stub (or anything with a `url`, or a URL string).
function baseOf(base) {
  return typeof base === 'string' ? base : base.url;
}

// Signs in through the API and returns the session token.
export async function apiToken(base, who) {
  const res = await fetch(`${baseOf(base)}/api/v1/session`, {
    method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(who),
  });
  assert.equal(res.status, 201, `the API signs ${who.email} in`);
  return (await res.json()).token;
}

// The raw answer of an API route (token optional: the manuals need none).
export async function apiFetch(base, token, path, init = {}) {
  return fetch(`${baseOf(base)}/api/v1${path}`, {
    ...init,
    headers: {
      ...(token ? { Authorization: `Bearer ${token}` } : {}),
      ...(init.body ? { 'Content-Type': 'application/json' } : {}),
      ...(init.headers || {}),
    },
  });
}

// Any API call: its status and JSON body.
export async function apiCall(base, token, path, init = {}) {
  const res = await apiFetch(base, token, path, init);
  return { status: res.status, body: await res.json() };
}

// A GET that must answer 200: its JSON body.
export async function apiGet(base, token, path) {
  const res = await apiFetch(base, token, path);
  assert.equal(res.status, 200, `GET ${path}`);
  return res.json();
}

// How the portal writes amounts and dates in Spanish: "USD 1.234,50", "25/11/2026".
export function formatMoney({ amount_cents: cents, currency }) {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  const units = String(Math.floor(abs / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return `${currency} ${sign}${units},${String(abs % 100).padStart(2, '0')}`;
}
export function formatDate(iso) {
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
}

// Opens the portal at `url`, signs `who` in, then goes to `path` (a hash route).
export async function openAs(browser, url, who, path, options = {}) {
  const page = await openPortal(browser, url, { viewport: { width: 1280, height: 1600 }, ...options });
  await signIn(page, who);
  await waitForRoute(page, '/servicios');
  if (path && path !== '/servicios') await goTo(page, path);
  return page;
}

// The widget with exactly this label (and role) in the last frame, or undefined.
export async function byLabel(page, label, role) {
  return (await items(page)).find((i) => i.label === label && (!role || i.role === role));
}

// Nothing crashed: no uncaught exception, no console error other than the browser's own note
// about a failed request (which a fault test causes on purpose), the module still running, and
// the canvas still drawing frames (a pointer move makes one).
export async function assertAlive(page) {
  assert.deepEqual(page.problems, [], 'no uncaught exception in the page');
  const unexpected = page.consoleErrors.filter((m) => !/Failed to load resource|net::ERR_/.test(m));
  assert.deepEqual(unexpected, [], 'no console error besides failed requests');
  assert.equal(await page.evaluate(() => window.portal.error || null), null, 'the module did not abort');
  const frames = await page.evaluate(() => window.portal.frames());
  await page.mouse.move(3, 3);
  await page.mouse.move(5, 5);
  await page.waitForFunction((f) => window.portal.frames() > f, frames);
}

// ---- A fault-injecting HTTP proxy in front of the stub ------------------------------------------
// The page is opened through the proxy (page and API share its origin); every request goes on to
// the stub unless a fault rule matches it. Faults:
//   error500   500 with the contract's JSON error body
//   html500    500 with an HTML page (what a broken reverse proxy sends)
//   garbage200 200, application/json, but not JSON
//   hang       no answer at all (until the browser gives up)
//   cut        the stub's answer: status, headers (with Content-Length) and `cutAfter` bytes of the
//              body (default: half), then the connection is destroyed
// With `forward: true` the request reaches the stub first (it acts), and only the answer is lost
// or spoiled: what a retry must not repeat. `proxy.exchanges` records every answer the stub gave.
export async function startFaultProxy(upstream) {
  const target = new URL(baseOf(upstream));
  const rules = [];
  const sockets = new Set();
  const exchanges = [];

  const forward = (req, body, onResponse) => {
    const out = httpRequest({
      host: target.hostname, port: target.port, method: req.method, path: req.url,
      headers: { ...req.headers, host: target.host },
    }, onResponse);
    out.on('error', () => req.socket.destroy());
    out.end(body);
    return out;
  };
  const collect = (stream) => new Promise((r) => {
    const chunks = [];
    stream.on('data', (c) => chunks.push(c));
    stream.on('end', () => r(Buffer.concat(chunks)));
    stream.on('error', () => r(Buffer.concat(chunks)));
  });
  const record = (req, status, body) => {
    let json;
    try { json = JSON.parse(body.toString('utf8')); } catch { json = undefined; }
    exchanges.push({ method: req.method, path: req.url, status, json });
  };
  const spoil = (res, fault) => {
    if (fault === 'hang') return;
    if (fault === 'error500') {
      const body = JSON.stringify({ error: { code: 'internal_error', message: 'injected by the e2e fault proxy', field: '' } });
      res.writeHead(500, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) });
      res.end(body);
    } else if (fault === 'html500') {
      const body = '<html><body><h1>500 Internal Server Error</h1><hr>nginx</body></html>';
      res.writeHead(500, { 'Content-Type': 'text/html', 'Content-Length': Buffer.byteLength(body) });
      res.end(body);
    } else if (fault === 'garbage200') {
      const body = '{"services": [{"id": 1, "name": "trunc';
      res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) });
      res.end(body);
    } else {
      throw new Error(`unknown fault ${fault}`);
    }
  };

  const server = createHttpServer(async (req, res) => {
    const body = await collect(req);
    const rule = rules.find((r) => r.active && (!r.method || r.method === req.method) && r.path.test(req.url));
    if (!rule) {
      forward(req, body, (up) => {
        res.writeHead(up.statusCode, up.headers);
        if (/^\/api\/v1\//.test(req.url) && !/\/file$/.test(req.url.split('?')[0])) {
          collect(up).then((b) => { record(req, up.statusCode, b); res.end(b); });
        } else {
          up.pipe(res);
        }
      });
      return;
    }
    rule.hits += 1;
    if (rule.fault === 'cut') {
      forward(req, body, (up) => {
        const length = Number(up.headers['content-length'] || 0);
        const cutAfter = rule.cutAfter ?? Math.floor(length / 2);
        res.writeHead(up.statusCode, up.headers);
        let sent = 0;
        up.on('data', (chunk) => {
          if (sent >= cutAfter) return;
          const part = chunk.subarray(0, cutAfter - sent);
          sent += part.length;
          rule.sentBytes = sent;
          if (sent >= cutAfter) {
            up.destroy();
            res.write(part, () => res.socket?.destroy());
          } else {
            res.write(part);
          }
        });
      });
      return;
    }
    if (rule.forward) {
      forward(req, body, (up) => collect(up).then((b) => {
        record(req, up.statusCode, b);
        spoil(res, rule.fault);
      }));
      return;
    }
    spoil(res, rule.fault);
  });
  server.keepAliveTimeout = 60000;
  server.on('connection', (s) => { sockets.add(s); s.on('close', () => sockets.delete(s)); });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${server.address().port}`;
  return {
    url,
    exchanges,
    // Adds a fault for requests whose method (optional) and path+query (a RegExp) match; returns
    // the rule: `rule.hits` counts the requests it spoiled, `rule.remove()` ends the fault.
    fault(fault, path, { method, forward: forwardFirst = false, cutAfter } = {}) {
      const rule = { fault, path, method, forward: forwardFirst, cutAfter, hits: 0, sentBytes: 0, active: true };
      rule.remove = () => { rule.active = false; };
      rules.unshift(rule);
      return rule;
    },
    // What the stub answered to requests like these (method and a RegExp on the path).
    answers(method, path) {
      return exchanges.filter((e) => e.method === method && path.test(e.path));
    },
    async stop() {
      for (const s of sockets) s.destroy();
      await new Promise((r) => server.close(r));
    },
  };
}
