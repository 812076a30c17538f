// What every end-to-end test needs: a stub on a free port with a fresh database, headless
// Debian Chromium, and ways to find and use the portal's widgets by label through
// window.portal.items() (never by hard-coded coordinates). Waits are for conditions, not time.
import { spawn } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync } from 'node:fs';
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
  const exited = new Promise((r) => child.once('exit', r));
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
    async stop() {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        await exited;
      }
    },
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
  const exited = new Promise((r) => child.once('exit', r));
  const url = `http://127.0.0.1:${port}`;
  await until('the static server to answer', async () => {
    if (child.exitCode !== null) throw new Error(`http.server exited: ${output}`);
    return (await fetch(`${url}/index.html`)).ok;
  });
  return {
    url,
    async stop() {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        await exited;
      }
    },
  };
}

export async function launchBrowser() {
  return chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
}

// Opens the portal and waits until its first frame is drawn.
// `permissions` (optional) are granted to the page, e.g. ['clipboard-read', 'clipboard-write'].
export async function openPortal(browser, url, { viewport = { width: 1200, height: 800 }, deviceScaleFactor = 1, permissions } = {}) {
  const context = await browser.newContext({ viewport, deviceScaleFactor, ...(permissions ? { permissions } : {}) });
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (err) => problems.push(err.message));
  page.problems = problems;
  await page.goto(url);
  await page.waitForFunction(() => window.portal && (window.portal.ready || window.portal.error));
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
  return handle.jsonValue();
}

export async function waitForNoItem(page, label, role, { timeout = 20000 } = {}) {
  await page.waitForFunction(({ label, role }) =>
    !window.portal.items().some((item) => item.label === label && (!role || item.role === role)),
  { label, role }, { timeout });
}

// Clicks a widget once it is there AND enabled (a button may wait for data to load first), as a
// person would; fails with the widget's state if it never becomes clickable.
export async function click(page, label, role = 'button', { timeout = 20000 } = {}) {
  const source = label instanceof RegExp ? { re: label.source, flags: label.flags } : { text: label };
  let item;
  try {
    const handle = await page.waitForFunction(({ source, role }) => {
      const found = window.portal.items().find((i) =>
        (source.re ? new RegExp(source.re, source.flags).test(i.label) : i.label === source.text) &&
        (!role || i.role === role) && i.enabled);
      return found || null;
    }, { source, role }, { timeout });
    item = await handle.jsonValue();
  } catch (err) {
    const seen = (await items(page)).find((i) => (label instanceof RegExp ? label.test(i.label) : i.label === label));
    throw new Error(seen ? `"${label}" stayed disabled` : `"${label}" (${role}) never appeared: ${err.message}`);
  }
  await page.mouse.click(item.x + item.w / 2, item.y + item.h / 2);
  return item;
}

export async function fill(page, label, text) {
  await click(page, label, 'input');
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Backspace');
  await page.keyboard.type(text);
}

export async function route(page) {
  return page.evaluate(() => window.portal.route());
}

export async function waitForRoute(page, expected) {
  await page.waitForFunction((r) => window.portal.route() === r, expected);
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
