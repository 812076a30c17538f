// The static-host demo (dist/ on a plain file server, no backend anywhere) and real URLs: the
// hash route of every screen, back and forward, reload, deep links, and an explicit mode.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  DEMO, DIST, startStaticServer, launchBrowser, openPortal, signIn, waitForItem, waitForRoute,
  click, items, screenshot, route,
} from './harness.mjs';

let server;
let browser;

before(async () => {
  server = await startStaticServer(DIST);
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.stop();
});

test('the demo runs from plain files, marks itself, and real URLs work: back, forward, reload', async () => {
  const page = await openPortal(browser, server.url);
  await waitForItem(page, 'Modo demostración', 'text');
  await waitForItem(page, 'Restablecer demo', 'button');
  await signIn(page, DEMO.ana);
  await waitForRoute(page, '/servicios');
  const first = (await items(page)).find((i) => i.role === 'link');
  assert.ok(first, 'the demo client has services listed as links');
  await click(page, first.label, 'link');
  await page.waitForFunction(() => /^\/servicios\/\d+$/.test(window.portal.route()));
  const serviceRoute = await route(page);
  assert.equal(new URL(page.url()).hash, `#${serviceRoute}`, 'the URL shows the screen');
  await screenshot(page, 'demo-service');

  await page.goBack();
  await waitForRoute(page, '/servicios');
  await page.goForward();
  await waitForRoute(page, serviceRoute);

  await page.reload();
  await page.waitForFunction(() => window.portal && window.portal.ready);
  await waitForRoute(page, serviceRoute);
  await waitForItem(page, 'Cerrar sesión', 'button');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('a deep link opened while signed out goes to sign-in, then to that screen', async () => {
  const page = await openPortal(browser, `${server.url}/#/manuales/cancelacion`);
  await waitForRoute(page, '/ingresar');
  await signIn(page, DEMO.ana);
  await waitForRoute(page, '/manuales/cancelacion');
  // Back from there does not loop through the sign-in screen.
  await page.context().close();
});

test('an unreadable config.json is a clear message, never a silent switch to demo data', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'portal-dist-'));
  cpSync(DIST, dir, { recursive: true });
  const own = await startStaticServer(dir);
  try {
    for (const config of [null, '{"api": 42}', 'not json']) {
      if (config === null) unlinkSync(join(dir, 'config.json'));
      else writeFileSync(join(dir, 'config.json'), config);
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto(own.url);
      await page.waitForFunction(() => window.portal && window.portal.error);
      const error = await page.evaluate(() => window.portal.error);
      assert.match(error, /config\.json/);
      assert.equal(await page.evaluate(() => window.portal.ready), false);
      await page.screenshot({ path: join(dir, 'shot.png') });
      await context.close();
    }
  } finally {
    await own.stop();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('an API that cannot be reached says so instead of showing demo data', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'portal-dist-'));
  cpSync(DIST, dir, { recursive: true });
  // Port 9 (discard) on loopback: nothing listens there.
  writeFileSync(join(dir, 'config.json'), '{"api": "http://127.0.0.1:9/api/v1"}');
  const own = await startStaticServer(dir);
  try {
    const page = await openPortal(browser, own.url);
    const labels = (await items(page)).map((i) => i.label);
    assert.ok(!labels.includes('Modo demostración'));
    await signIn(page, DEMO.ana);
    await waitForItem(page, /No pudimos comunicarnos con el servidor/, 'text');
    await screenshot(page, 'api-unreachable');
    await page.context().close();
  } finally {
    await own.stop();
    rmSync(dir, { recursive: true, force: true });
  }
});
