// Foundation: a client signs in, sees exactly their own services, and signs out; a wrong password
// and an unreachable server are explained on the page.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  DEMO, startStub, openPortal, signIn, waitForItem, waitForRoute, click, items, screenshot, fill,
  apiToken, apiGet, stub, browser, shareStubAndBrowser,
} from './harness.mjs';

shareStubAndBrowser();

// What the API says a client has: the truth the screen is compared with.
async function servicesOf(who) {
  return (await apiGet(stub, await apiToken(stub, who), '/services')).services;
}

test('a demo client signs in and sees exactly their services, then signs out', async () => {
  const mine = await servicesOf(DEMO.ana);
  const others = await servicesOf(DEMO.bruno);
  assert.ok(mine.length > 0, 'the demo client has services');
  const page = await openPortal(browser, stub.url, { viewport: { width: 1280, height: 1600 } });
  assert.equal(await page.evaluate(() => window.portal.route()), '/ingresar');
  await screenshot(page, 'login');

  await signIn(page, DEMO.ana);
  await waitForRoute(page, '/servicios');
  await waitForItem(page, 'Mis servicios', 'text');
  await waitForItem(page, mine[0].name, 'link');
  const shown = (await items(page)).map((i) => i.label);
  for (const service of mine) {
    assert.ok(shown.includes(service.name), `"${service.name}" is listed`);
    assert.ok(shown.includes(service.plan.name), `the plan of "${service.name}" is listed`);
  }
  for (const service of others) {
    if (mine.some((m) => m.name === service.name)) continue;
    assert.ok(!shown.includes(service.name), `another client's "${service.name}" is not listed`);
  }
  await screenshot(page, 'services');

  await click(page, 'Cerrar sesión');
  await waitForRoute(page, '/ingresar');
  await waitForItem(page, 'Ingresar', 'button');
  const after = (await items(page)).map((i) => i.label);
  assert.ok(!after.includes(mine[0].name), 'nothing of the client stays on screen after sign-out');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('a wrong password is explained and the client stays on the sign-in screen', async () => {
  const page = await openPortal(browser, stub.url);
  await signIn(page, { email: DEMO.ana.email, password: 'not-the-password' });
  await waitForItem(page, /contraseña no son correctos/, 'text');
  assert.equal(await page.evaluate(() => window.portal.route()), '/ingresar');
  await screenshot(page, 'login-wrong-password');
  await page.context().close();
});

test('an email that is not an email is caught before anything is sent', async () => {
  const page = await openPortal(browser, stub.url);
  let sent = 0;
  page.on('request', (r) => { if (r.url().includes('/api/v1/session')) sent += 1; });
  await fill(page, 'Correo electrónico', 'ana.example.com');
  await fill(page, 'Contraseña', 'x');
  await click(page, 'Ingresar');
  await waitForItem(page, /no parece válido/, 'text');
  assert.equal(sent, 0);
  await page.context().close();
});

test('clicks land where widgets are drawn at another viewport size and at pixel ratio 2', async () => {
  const page = await openPortal(browser, stub.url, { viewport: { width: 800, height: 600 }, deviceScaleFactor: 2 });
  const backing = () => page.evaluate(() => {
    const c = document.getElementById('canvas');
    return { w: c.width, h: c.height };
  });
  assert.deepEqual(await backing(), { w: 1600, h: 1200 }, 'the backing store is CSS size × devicePixelRatio');
  await page.setViewportSize({ width: 640, height: 900 });
  // The resize is applied on the next frame: wait until the backing store changes, then check it.
  await page.waitForFunction(() => document.getElementById('canvas').width !== 1600);
  assert.deepEqual(await backing(), { w: 1280, h: 1800 }, 'and follows a resize');
  await page.waitForFunction(() => {
    const input = window.portal.items().find((i) => i.role === 'input');
    return input && input.x + input.w <= 640;
  });
  await signIn(page, DEMO.ana);
  await waitForRoute(page, '/servicios');
  await screenshot(page, 'services-dpr2-narrow');
  await page.context().close();
});

// The page sizes the canvas while the wasm downloads, so that the first frame need not; a window
// resized in the meantime must still get a backing store of its new size, or text is blurred and
// clicks land beside the widgets.
test('a window resized while the portal loads gets a backing store of its new size', async () => {
  const context = await browser.newContext({ viewport: { width: 800, height: 600 }, deviceScaleFactor: 2 });
  const page = await context.newPage();
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  await page.route('**/portal-app.wasm', async (r) => { await held; await r.continue(); });
  await page.goto(stub.url + '/');
  await page.waitForFunction(() => document.getElementById('canvas').width === 1600);
  await page.setViewportSize({ width: 640, height: 900 });
  release();
  await page.waitForFunction(() => window.portal && window.portal.ready, null, { timeout: 20000 });
  const backing = await page.evaluate(() => {
    const c = document.getElementById('canvas');
    return { w: c.width, h: c.height };
  });
  assert.deepEqual(backing, { w: 1280, h: 1800 });
  await click(page, 'English');
  await waitForItem(page, 'Sign in', 'button');
  await context.close();
});

test('on a slow link the loading card shows how far the portal has downloaded, then the portal', async () => {
  const context = await browser.newContext({ viewport: { width: 800, height: 600 } });
  // Every value the progress bar takes.
  await context.addInitScript(() => {
    window.progressShown = [];
    new MutationObserver((changes) => {
      for (const change of changes) {
        if (change.target.id === 'progress') window.progressShown.push(change.target.value);
      }
    }).observe(document, { subtree: true, attributes: true, attributeFilter: ['value'] });
  });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false, latency: 40, downloadThroughput: 256 * 1024, uploadThroughput: 256 * 1024,
  });
  await page.goto(stub.url + '/');
  await page.waitForFunction(() => window.portal && window.portal.ready, null, { timeout: 30000 });
  const values = await page.evaluate(() => window.progressShown);
  assert.ok(values.filter((v) => v > 0 && v < 100).length >= 3, `the bar moved: ${values}`);
  assert.deepEqual(values, [...values].sort((a, b) => a - b), 'the bar never goes back');
  await waitForItem(page, 'Ingresar', 'button');
  await context.close();
});

test('an unreachable server is explained with a way forward, and the form keeps what was typed', async () => {
  const own = await startStub();
  const page = await openPortal(browser, own.url);
  await own.stop();
  await signIn(page, DEMO.ana);
  await waitForItem(page, /No pudimos comunicarnos con el servidor/, 'text');
  await waitForItem(page, 'Reintentar', 'button');
  assert.equal(await page.evaluate(() => window.portal.route()), '/ingresar');
  // The canvas is alive: the language switch still answers.
  await click(page, 'English');
  await waitForItem(page, /could not reach the server/, 'text');
  await screenshot(page, 'login-server-down');
  // The server comes back: "Try again" signs in with what the client had typed.
  const back = await startStub({ port: own.port, dbDir: own.dir });
  await click(page, 'Try again');
  await waitForRoute(page, '/servicios');
  await page.context().close();
  await back.stop();
  await own.cleanup();
});

test('a malformed answer is explained, and retrying after it is fixed shows the services', async () => {
  const page = await openPortal(browser, stub.url);
  const garbage = (r) => r.fulfill({ status: 200, contentType: 'text/html', body: '<html>proxy error</html>' });
  await page.route('**/api/v1/services', garbage);
  await signIn(page, DEMO.ana);
  await waitForRoute(page, '/servicios');
  await waitForItem(page, /respondió algo que no entendemos/, 'text');
  await screenshot(page, 'services-malformed');
  await page.unroute('**/api/v1/services', garbage);
  await click(page, 'Reintentar');
  const mine = await servicesOf(DEMO.ana);
  await waitForItem(page, mine[0].name, 'link');
  await page.context().close();
});
