// The browser measurements of `./portal bench`, in headless Debian Chromium on loopback,
// for the portal and for the bare reference page (tests/bench/bare_page), served by the same stub.
// Prints one JSON object on stdout (scripts/bench.sh merges it into bench/results.json).
//   PORTAL_STUB, PORTAL_SITE (harness.mjs), PORTAL_BARE (the bare page's folder), PORTAL_DEMO_SITE
//   (the static demo's folder),
//   PORTAL_BENCH_DATA (a folder from generate_data.mjs), PORTAL_BENCH_RUNS (startup runs, 7).
import { join } from 'node:path';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import {
  ROOT, STUB, SITE, freePort, launchBrowser, signIn, waitForItem, fill, screenshot, stopperOf, goTo,
  apiToken, apiGet, startStaticServer, DEMO,
} from '../e2e/harness.mjs';
import { BENCH_CLIENT, generateFixtures, generateManuals } from './generate_data.mjs';

const BARE = process.env.PORTAL_BARE || join(ROOT, 'build/web/bare');
const DEMO_SITE = process.env.PORTAL_DEMO_SITE || join(ROOT, 'build/web/demo');
const CLICK_ROUNDS = 10;
const RUNS = Number(process.env.PORTAL_BENCH_RUNS || 7);
const IDLE_MS = 5000;
const log = (...args) => console.error('[bench]', ...args);

// Before any page script: records when `ready` first becomes true on window.portal or window.bare
// (performance.now(), i.e. since navigation started), and times every requestAnimationFrame
// callback (the page's whole frame: ImGui, the screens, the WebGL calls) into window.__frameMs.
function instrument() {
  window.__readyAt = null;
  window.__frameMs = [];
  for (const name of ['portal', 'bare']) {
    let holder;
    Object.defineProperty(window, name, {
      configurable: true,
      get() { return holder; },
      set(value) {
        holder = value;
        if (!value || typeof value !== 'object') return;
        let ready = !!value.ready;
        Object.defineProperty(value, 'ready', {
          configurable: true,
          enumerable: true,
          get() { return ready; },
          set(v) {
            if (v && !ready && window.__readyAt === null) window.__readyAt = performance.now();
            ready = v;
          },
        });
      },
    });
  }
  // The portal's frame count, once it is ready (before that its module may not answer).
  const drawn = () => (window.portal && window.portal.ready ? window.portal.frames() : null);
  const raf = window.requestAnimationFrame.bind(window);
  window.requestAnimationFrame = (callback) => raf((t) => {
    const start = performance.now();
    const before = drawn();
    try {
      callback(t);
    } finally {
      window.__frameMs.push(performance.now() - start);
      // Marks, on a trace of the browser's timeline, the callbacks in which the portal drew.
      if (before !== null && drawn() > before) console.timeStamp('portal:frame');
    }
  });
}

// Runs `action` with Chromium's timeline traced; returns the trace's events.
async function traced(page, action) {
  const cdp = await page.context().newCDPSession(page);
  const events = [];
  cdp.on('Tracing.dataCollected', (event) => events.push(...event.value));
  const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
  await cdp.send('Tracing.start', { categories: 'devtools.timeline', transferMode: 'ReportEvents' });
  try {
    await action();
  } finally {
    await cdp.send('Tracing.end');
    await complete;
    await cdp.detach();
  }
  return events;
}

// The main thread's CPU time (the trace's thread time, not the wall clock) of each animation-frame
// callback in `events`; with `portalOnly`, of those in which the portal drew (marked by
// instrument()), leaving out the bench's and Playwright's own callbacks.
function frameCpuMs(events, portalOnly) {
  const mainThreads = new Set(events.filter((e) => e.ph === 'M' && e.name === 'thread_name' &&
    e.args.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`));
  const onMain = (e) => mainThreads.has(`${e.pid}:${e.tid}`);
  const stamps = events.filter((e) => e.name === 'TimeStamp' && onMain(e) &&
    e.args?.data?.message === 'portal:frame');
  return events.filter((e) => e.name === 'FireAnimationFrame' && e.ph === 'X' && onMain(e) &&
    e.tdur !== undefined && (!portalOnly || stamps.some((s) => s.pid === e.pid && s.tid === e.tid &&
      s.ts >= e.ts && s.ts <= e.ts + e.dur)))
    .map((e) => e.tdur / 1000);
}

// Like harness.startStub, but a stub loading 10,000 pages and 1,000 services on a busy machine
// may need far more than the harness's 20 s to answer.
const children = new Set();
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    for (const child of children) child.kill('SIGTERM');
    process.exit(1);
  });
}
async function startStub({ extraArgs = [] } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'portal-bench-'));
  const port = await freePort();
  const child = spawn(STUB, ['--port', String(port), '--bind', '127.0.0.1', '--db', join(dir, 'portal.db'),
    '--static', SITE, '--manuals', join(ROOT, 'assets/manuals'), '--quiet', ...extraArgs],
  { stdio: ['ignore', 'pipe', 'pipe'] });
  children.add(child);
  let output = '';
  child.stdout.on('data', (d) => { output += d; });
  child.stderr.on('data', (d) => { output += d; });
  const stop = stopperOf(child);
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 300000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`portal-stub exited: ${output}`);
    if (Date.now() > deadline) throw new Error(`portal-stub did not answer in 300 s: ${output}`);
    try {
      if ((await fetch(`${url}/api/v1/health`)).ok) break;
    } catch { /* not listening yet */ }
    await new Promise((r) => setTimeout(r, 100)); // poll interval
  }
  return {
    url,
    async cleanup() {
      await stop();
      children.delete(child);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

function median(values) {
  const s = [...values].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}
function percentile(values, p) {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(p * s.length))];
}
const round = (x, d = 2) => Math.round(x * 10 ** d) / 10 ** d;

async function newPage(browser, viewport = { width: 1200, height: 800 }, deviceScaleFactor = 1) {
  const context = await browser.newContext({ viewport, deviceScaleFactor });
  await context.addInitScript(instrument);
  const page = await context.newPage();
  page.problems = [];
  page.on('pageerror', (err) => page.problems.push(err.message));
  return page;
}

// Navigation to the first drawn frame, on a new context (cold HTTP cache, like a first visit).
async function startupMs(browser, url, flag, deviceScaleFactor = 1) {
  const page = await newPage(browser, undefined, deviceScaleFactor);
  await page.goto(url);
  await page.waitForFunction((f) => window[f] && (window[f].ready || window[f].error), flag, { timeout: 60000 });
  const ms = await page.evaluate(() => window.__readyAt);
  // The page's own milestones (performance.mark('portal:…'), web/boot.js and web_main.cpp).
  const marks = await page.evaluate(() => Object.fromEntries(performance.getEntriesByType('mark')
    .filter((m) => m.name.startsWith('portal:')).map((m) => [m.name.slice(7), m.startTime])));
  await page.context().close();
  if (Object.keys(marks).length && deviceScaleFactor === 1) startupMarks.push(marks);  // the bare page has none
  return ms;
}
const startupMarks = [];

async function frames(page) {
  return page.evaluate(() => window.portal.frames());
}

// Frames drawn in 5 s with no input; first waits for the page to settle (no frame for 500 ms).
async function idleFrames(page) {
  let last = await frames(page);
  for (let quiet = 0; quiet < 500;) {
    await page.waitForTimeout(100); // measuring a time window: this is the benchmark itself
    const now = await frames(page);
    quiet = now === last ? quiet + 100 : 0;
    last = now;
  }
  const before = await frames(page);
  await page.waitForTimeout(IDLE_MS);
  return (await frames(page)) - before;
}

// Scrolls with the mouse wheel over (x, y): `steps` notches down then up, each waiting for the
// frame it causes. Returns the main thread's CPU time of the frames the portal drew meanwhile (from
// a trace of the browser's timeline), their wall-clock time as the page measured it (which also
// counts the time the thread was not running: on a 2-core machine SwiftShader's rasteriser
// threads take the cores from it), and the durations of the accessibility mirror's updates
// (web/a11y.js), which run in a task of their own right after a frame.
async function scrollFrames(page, x, y, steps = 40) {
  await page.mouse.move(x, y);
  await page.evaluate(() => {
    window.__frameMs = [];
    window.__mirrorMs = [];
    if (window.__mirrorTimed) return;
    window.__mirrorTimed = true;
    const update = window.portalA11y.update;
    window.portalA11y.update = (json) => {
      const start = performance.now();
      try {
        update(json);
      } finally {
        window.__mirrorMs.push(performance.now() - start);
      }
    };
  });
  const events = await traced(page, async () => {
    for (const dy of [120, -120]) {
      for (let i = 0; i < steps; ++i) {
        const before = await frames(page);
        await page.mouse.wheel(0, dy);
        await page.waitForFunction((n) => window.portal.frames() > n, before, { polling: 'raf', timeout: 10000 })
          .catch(() => {}); // at the end of the list a notch may draw nothing
      }
    }
  });
  const cpu = frameCpuMs(events, true);
  const wall = await page.evaluate(() => window.__frameMs);
  const mirror = await page.evaluate(() => window.__mirrorMs);
  return { frames: cpu.length, p50_ms: round(percentile(cpu, 0.5)), p95_ms: round(percentile(cpu, 0.95)),
    max_ms: round(Math.max(...cpu)), wall_p50_ms: round(percentile(wall, 0.5)), wall_p95_ms: round(percentile(wall, 0.95)),
    mirror_updates: mirror.length, mirror_p50_ms: round(percentile(mirror, 0.5)), mirror_p95_ms: round(percentile(mirror, 0.95)) };
}

// From a click to the first frame that shows the next screen with its data: the route drawn is
// `route` (a RegExp source), no loading line is left and `label` is drawn. Timed in the page, from
// the mousedown event's own time stamp to the animation frame where that holds. The pointer rests
// on the widget a frame before, as a person's does.
async function clickToScreen(page, target, route, label) {
  const x = target.x + target.w / 2;
  const y = target.y + target.h / 2;
  await page.mouse.move(x, y);
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  // The listener is in place before the click is sent (an evaluate not awaited may arrive after
  // the click), and the promise waits on the page for the click.
  await page.evaluate(({ route, label }) => {
    window.__clickShown = new Promise((resolve, reject) => {
      document.getElementById('canvas').addEventListener('mousedown', (event) => {
        const done = () => {
          const items = window.portal.items();
          return new RegExp(route).test(window.portal.route()) &&
            !items.some((i) => /^(Cargando|Loading)/.test(i.label)) &&
            items.some((i) => new RegExp(label).test(i.label));
        };
        const check = () => {
          if (done()) {
            resolve(performance.now() - event.timeStamp);
          } else if (performance.now() - event.timeStamp > 20000) {
            reject(new Error(`no ${label} on ${route} 20 s after the click: the route is ${window.portal.route()}, ` +
              `the frame draws ${window.portal.items().map((i) => i.label).slice(0, 30).join(' | ')}`));
          } else {
            requestAnimationFrame(check);
          }
        };
        requestAnimationFrame(check);
      }, { once: true, capture: true });
    });
  }, { route, label });
  await page.mouse.click(x, y);
  return page.evaluate(() => window.__clickShown);
}

// The path of a visit, `rounds` times: the services list → a service (the first link whose label
// `service` matches) → back → the manuals → an article. Returns every click's time, and each
// step's.
async function clickPath(page, rounds, service) {
  const steps = { service: [], back: [], manuals: [], article: [] };
  const escape = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  for (let i = 0; i < rounds; ++i) {
    await goTo(page, '/servicios');
    const row = await waitForItem(page, service, 'link', { timeout: 60000 });
    steps.service.push(await clickToScreen(page, row, '^/servicios/\\d+$', `^${escape(row.label)}$`));
    const back = await waitForItem(page, /Volver a Mis servicios$/, 'link');
    steps.back.push(await clickToScreen(page, back, '^/servicios$', `^${escape(row.label)}$`));
    const tab = await waitForItem(page, 'Manuales', 'tab');
    steps.manuals.push(await clickToScreen(page, tab, '^/manuales$', 'Buscar en los manuales'));
    const article = (await page.evaluate(() => window.portal.items()))
      .find((item) => item.role === 'link' && !item.clipped && item.y > 200);
    steps.article.push(await clickToScreen(page, article, '^/manuales/[^?]+$', 'Volver a los manuales'));
  }
  const all = Object.values(steps).flat();
  const summary = (values) => ({ p50_ms: round(percentile(values, 0.5), 1), p95_ms: round(percentile(values, 0.95), 1) });
  return { clicks: all.length, ...summary(all),
    steps: Object.fromEntries(Object.entries(steps).map(([name, values]) => [name, summary(values)])) };
}

async function heap(page) {
  return page.evaluate(() => ({
    // The portal says it (its scripts are minified); the bare page's HEAP8 is a global.
    wasm_heap_bytes: window.portal ? window.portal.heapBytes()
      : (typeof HEAP8 !== 'undefined' ? HEAP8.length : null),
    js_heap_used_bytes: performance.memory ? performance.memory.usedJSHeapSize : null,
  }));
}

// The bench client's list at `path` (/services, /invoices...), as the API answers it.
async function apiList(base, path) {
  const token = await apiToken(base, BENCH_CLIENT);
  const answer = await apiGet(base, token, path);
  return Object.values(answer).find(Array.isArray);
}

async function main() {
  const data = process.env.PORTAL_BENCH_DATA || mkdtempSync(join(tmpdir(), 'portal-bench-data-'));
  if (!process.env.PORTAL_BENCH_DATA) {
    log('generating 1,000 services and 10,000 manual pages in', data);
    generateFixtures(join(data, 'fixtures'));
    generateManuals(join(data, 'manuals'));
  }
  const portalStub = await startStub({ extraArgs: ['--fixtures', join(data, 'fixtures'), '--manuals', join(data, 'manuals')] });
  const bareStub = await startStub({ extraArgs: ['--static', BARE] });
  const browser = await launchBrowser();
  const result = {};
  try {
    // 1. Startup, interleaved so both pages see the same machine load.
    const portalMs = [];
    const bareMs = [];
    await startupMs(browser, portalStub.url + '/', 'portal'); // warm the OS file cache, not counted
    await startupMs(browser, bareStub.url + '/', 'bare');
    for (let i = 0; i < RUNS; ++i) {
      portalMs.push(await startupMs(browser, portalStub.url + '/', 'portal'));
      bareMs.push(await startupMs(browser, bareStub.url + '/', 'bare'));
    }
    result.startup = {
      runs: RUNS, portal_median_ms: round(median(portalMs), 1), bare_median_ms: round(median(bareMs), 1),
      portal_ms: portalMs.map((x) => round(x, 1)), bare_ms: bareMs.map((x) => round(x, 1)),
      ratio: round(median(portalMs) / median(bareMs)),
      // Median time of each start-up milestone of the portal's page (warm-up run left out).
      portal_milestones_ms: Object.fromEntries(Object.keys(startupMarks[0] || {}).map((name) => [name,
        round(median(startupMarks.slice(1).map((m) => m[name]).filter((v) => v !== undefined)), 1)])),
    };
    log('startup', JSON.stringify(result.startup));
    // The same at pixel ratio 2 (a phone, a laptop's retina screen): the fonts are rasterised at
    // twice the size, in the page.
    const portal2Ms = [];
    const bare2Ms = [];
    for (let i = 0; i < RUNS; ++i) {
      portal2Ms.push(await startupMs(browser, portalStub.url + '/', 'portal', 2));
      bare2Ms.push(await startupMs(browser, bareStub.url + '/', 'bare', 2));
    }
    result.startup_ratio2 = {
      runs: RUNS, portal_median_ms: round(median(portal2Ms), 1), bare_median_ms: round(median(bare2Ms), 1),
      portal_ms: portal2Ms.map((x) => round(x, 1)), bare_ms: bare2Ms.map((x) => round(x, 1)),
      ratio: round(median(portal2Ms) / median(bare2Ms)),
    };
    log('startup at pixel ratio 2', JSON.stringify(result.startup_ratio2));

    // 2. The bare page: its heap and its frames in 5 s (stock ImGui redraws every frame).
    {
      const page = await newPage(browser);
      await page.goto(bareStub.url + '/');
      await page.waitForFunction(() => window.bare && window.bare.ready);
      const before = await page.evaluate(() => window.bare.frames);
      await page.evaluate(() => { window.__frameMs = []; });
      const events = await traced(page, () => page.waitForTimeout(IDLE_MS));
      const after = await page.evaluate(() => window.bare.frames);
      result.bare = { idle_frames_5s: after - before, ...(await heap(page)) };
      // Every animation frame of the bare page is its own (GLFW's main loop).
      const cpu = frameCpuMs(events, false);
      const wall = await page.evaluate(() => window.__frameMs);
      result.bare.frame_p50_ms = round(percentile(cpu, 0.5));
      result.bare.frame_p95_ms = round(percentile(cpu, 0.95));
      result.bare.frame_wall_p50_ms = round(percentile(wall, 0.5));
      result.bare.frame_wall_p95_ms = round(percentile(wall, 0.95));
      await page.context().close();
    }
    log('bare', JSON.stringify(result.bare));

    // 3. The portal: idle on the login screen, services list (1,000), idle there, invoices, tickets
    // (1,000), manuals (10,000).
    const page = await newPage(browser);
    await page.goto(portalStub.url + '/');
    await page.waitForFunction(() => window.portal && (window.portal.ready || window.portal.error), null, { timeout: 60000 });
    if (await page.evaluate(() => window.portal.error)) throw new Error('the portal did not start');
    result.idle = { login_frames_5s: await idleFrames(page) };
    await signIn(page, BENCH_CLIENT);
    await waitForItem(page, /#0001/, undefined, { timeout: 60000 });
    result.idle.services_frames_5s = await idleFrames(page);
    log('idle', JSON.stringify(result.idle));

    const row = await waitForItem(page, /#0003/);
    result.services_scroll = await scrollFrames(page, row.x + row.w / 2, row.y + 120);
    result.services_scroll.services = 1000;
    log('services scroll', JSON.stringify(result.services_scroll));

    try {
      // The invoices (what the 1,000 services have made) and the 1,000 tickets, each a card,
      // scrolled with the pointer in the middle of the page.
      const middle = { x: 600, y: 450 };
      await goTo(page, '/facturas');
      await waitForItem(page, /^Factura n\.º \d+$/, undefined, { timeout: 60000 });
      result.invoices_scroll = await scrollFrames(page, middle.x, middle.y);
      result.invoices_scroll.invoices = (await apiList(portalStub.url, '/invoices')).length;
      log('invoices scroll', JSON.stringify(result.invoices_scroll));
      await goTo(page, '/soporte');
      await waitForItem(page, 'Sus tickets', 'text', { timeout: 60000 });
      await waitForItem(page, / #\d{4}$/, 'text', { timeout: 60000 });  // a ticket's subject
      // (The pointer moves, as a person's does: ImGui keeps the wheel on the window it last
      // scrolled, the invoices', while the pointer keeps still.)
      result.tickets_scroll = await scrollFrames(page, middle.x, middle.y + 20);
      result.tickets_scroll.tickets = 1000;
      log('tickets scroll', JSON.stringify(result.tickets_scroll));

      await goTo(page, '/manuales');
      const field = await waitForItem(page, /./, 'input');
      // The catalog of 10,000 pages: scroll below the search field.
      await page.waitForFunction(() => window.portal.items().length > 20, null, { timeout: 60000 });
      result.manuals_scroll = await scrollFrames(page, field.x + 100, field.y + 250);
      result.manuals_scroll.pages = 10000;
      log('manuals scroll', JSON.stringify(result.manuals_scroll));

      // 4. Every screen once, then the heap: search results, an article, a service, upgrade, cancel.
      await fill(page, field.label, 'cancelacion');
      await page.keyboard.press('Enter');
      await page.waitForFunction(() => window.portal.route().includes('q='), null, { timeout: 30000 }).catch(() => {});
      const services = await apiList(portalStub.url, '/services');
      const id = services[0].id;
      for (const path of ['/manuales/servicio-hosting', `/servicios/${id}`, `/servicios/${id}/upgrade`,
        `/servicios/${id}/cancelar`, '/servicios']) {
        await goTo(page, path);
        await page.waitForTimeout(300); // let the screen's request land and draw (heap, not timing)
      }
      result.heap = await heap(page);
      result.heap.screens = ['login', 'services', 'manuals', 'invoices', 'support', 'search', 'article', 'service', 'upgrade', 'cancel'];

      // 5. A click to the next screen with its data, along a visit's path (the API on loopback).
      result.clicks = await clickPath(page, CLICK_ROUNDS, / #\d{4}$/);
      log('clicks', JSON.stringify(result.clicks));
    } catch (err) {
      // One screen failing must not hide every other figure: record it, and a screenshot.
      result.error = `${err.message.split('\n')[0]} (route ${await page.evaluate(() => window.portal.route())})`;
      log('error', result.error);
      await screenshot(page, 'bench-failure').catch(() => {});
    }
    if (!result.heap) result.heap = { ...(await heap(page)), partial: true };
    result.page_errors = page.problems;
    log('heap', JSON.stringify(result.heap));

    // 6. The same path on the static demo (its backend in the page), as ana.
    const demoServer = await startStaticServer(DEMO_SITE);
    try {
      const demo = await newPage(browser);
      await demo.goto(demoServer.url + '/');
      await demo.waitForFunction(() => window.portal && window.portal.ready, null, { timeout: 60000 });
      await signIn(demo, DEMO.ana);
      result.demo_clicks = await clickPath(demo, CLICK_ROUNDS, /^Hosting /);
      log('demo clicks', JSON.stringify(result.demo_clicks));
      await demo.context().close();
    } catch (err) {
      result.error = `${result.error ? result.error + '; ' : ''}demo: ${err.message.split('\n')[0]}`;
      log('error', result.error);
    } finally {
      await demoServer.stop();
    }
  } finally {
    await browser.close();
    await portalStub.cleanup();
    await bareStub.cleanup();
  }
  process.stdout.write(JSON.stringify(result) + '\n');
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
