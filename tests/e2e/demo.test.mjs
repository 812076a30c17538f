// The static-host demo (dist/ on a plain file server, no backend anywhere) and real URLs: the
// hash route of every screen, back and forward, reload, deep links, and an explicit mode.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  DEMO, DIST, SITE, startStub, startStaticServer, openPortal, signIn, waitForItem, waitForNoItem,
  waitForRoute,
  click, items, screenshot, route, fill, apiToken, apiGet, formatMoney, browser, shareBrowser, goTo,
} from './harness.mjs';

let server;
before(async () => { server = await startStaticServer(DIST); });
after(async () => { await server?.stop(); });
shareBrowser();

test('the demo runs from plain files, marks itself, and real URLs work: back, forward, reload', async () => {
  const page = await openPortal(browser, server.url);
  await waitForItem(page, 'Modo demostración', 'text');
  await waitForItem(page, 'Restablecer demo', 'button');
  // The reset asks first; Escape answers «Cancelar», as in any dialog.
  await click(page, 'Restablecer demo');
  await waitForItem(page, 'Sí, restablecer', 'button');
  await page.keyboard.press('Escape');
  await waitForNoItem(page, 'Sí, restablecer', 'button');
  await signIn(page, DEMO.ana);
  await waitForRoute(page, '/servicios');
  // The list arrives after the route changes: wait for it as a person would. Its first service
  // (the banners' «Ver facturas» and «Ver estado de servidores» are links too, to other screens).
  const first = await waitForItem(page, /^(?!Ver facturas$|Ver estado de servidores$)\S/, 'link');
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

test('the screen the page reports and the widgets it lists belong to the same frame', async () => {
  const page = await openPortal(browser, server.url);
  await signIn(page, DEMO.ana);
  await waitForRoute(page, '/servicios');
  const openTab = async () => (await items(page)).find((i) => i.role === 'tab' && i.checked)?.label;
  assert.equal(await openTab(), 'Mis servicios');
  // Read as the URL changes, before the page has drawn anything for it: still the list, whose
  // widgets are the ones listed, so a click is never aimed at the next screen by the previous
  // one's widgets.
  const moving = await page.evaluate(() => new Promise((done) => {
    window.addEventListener('hashchange', () => done({
      route: window.portal.route(),
      tab: window.portal.items().find((i) => i.role === 'tab' && i.checked)?.label,
    }), { once: true });
    window.location.hash = '#/soporte';
  }));
  assert.deepEqual(moving, { route: '/servicios', tab: 'Mis servicios' });
  await waitForRoute(page, '/soporte');
  assert.equal(await openTab(), 'Soporte');
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

test('the page the stub serves carries no demo: asked for "demo", it says so', async () => {
  // The demo's data (ana's account, in the fixtures) ships in dist/ only.
  const wasm = (dir) => readFileSync(join(dir, 'portal-app.wasm'));
  assert.ok(wasm(DIST).includes(DEMO.ana.email), 'the demo carries its data');
  assert.ok(!wasm(SITE).includes(DEMO.ana.email), "the stub's page carries no demo data");
  const dir = mkdtempSync(join(tmpdir(), 'portal-site-'));
  cpSync(SITE, dir, { recursive: true });
  writeFileSync(join(dir, 'config.json'), '{"api": "demo"}');
  const own = await startStaticServer(dir);
  try {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(own.url);
    await page.waitForFunction(() => window.portal && window.portal.error);
    const error = await page.evaluate(() => window.portal.error);
    assert.match(error, /no incluye la demostración/);
    assert.match(error, /config\.json/);
    assert.equal(await page.evaluate(() => window.portal.ready), false);
    await context.close();
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

// The stub over the same fixtures: the demo must give the same answers (DESIGN.md, "one idea").
async function stubTruth(stub) {
  const token = await apiToken(stub, DEMO.ana);
  const get = (path) => apiGet(stub, token, path);
  const { services } = await get('/services');
  const hosting = services.find((s) => s.type === 'hosting' && s.status === 'active');
  const { options } = await get(`/services/${hosting.id}/upgrade-options`);
  const cancellable = services.find((s) => s.status === 'active' && s.type !== 'domain' && s.id !== hosting.id);
  return { hosting, up: options.find((o) => o.direction === 'up'), cancellable };
}

// Asks, as Ana, for the end-of-period cancellation of `service` through its wizard.
async function requestCancellation(page, service) {
  await goTo(page, `/servicios/${service.id}/cancelar`);
  await click(page, 'Al final del período facturado', 'radio');
  await click(page, 'Entiendo las condiciones', 'checkbox');
  await fill(page, 'Correo electrónico de su cuenta', DEMO.ana.email);
  await fill(page, 'Contraseña de su cuenta', DEMO.ana.password);
  await click(page, 'Solicitar la baja');
}

test('in the demo an upgrade is quoted like the stub quotes it, ordered, paid, and kept after a reload', async () => {
  const stub = await startStub();
  const truth = await stubTruth(stub);
  await stub.cleanup();
  assert.ok(truth.up, 'the demo hosting has an upgrade');

  const page = await openPortal(browser, server.url, { viewport: { width: 1280, height: 1400 } });
  await signIn(page, DEMO.ana);
  await waitForRoute(page, '/servicios');
  await goTo(page, `/servicios/${truth.hosting.id}/upgrade`);
  await click(page, `Elegir ${truth.up.plan.name}`);
  await waitForItem(page, 'Total a pagar ahora', 'text');
  const due = { amount_cents: truth.up.quote.amount_cents, currency: truth.up.quote.currency };
  await waitForItem(page, formatMoney(due), 'text');
  await click(page, 'Confirmar el cambio de plan');
  await waitForItem(page, 'Cambio de plan confirmado', 'text');
  await screenshot(page, 'demo-upgrade-confirmed');
  // RULES.md §3: the new plan is enabled when its invoice is paid (a test payment in the demo).
  await click(page, /Pagar ahora$/);
  await waitForItem(page, new RegExp(`^Pago de prueba registrado\\. El plan ${truth.up.plan.name} ya está habilitado`), 'text');

  // The cancellation of another active service, at the end of its period.
  await requestCancellation(page, truth.cancellable);
  await waitForItem(page, /^Solicitud de baja n\.º \d+$/, 'text');

  // A reload (same tab): the demo remembers both.
  await page.reload();
  await page.waitForFunction(() => window.portal && window.portal.ready);
  await goTo(page, '/servicios');
  await waitForItem(page, truth.up.plan.name, 'text');
  // The invoices tab of the demo shows the upgrade's invoice paid.
  await click(page, 'Facturas', 'tab');
  await waitForRoute(page, '/facturas');
  await waitForItem(page, /^Pagada el /, 'text');
  // The cancellation screen of that service shows the request it kept, with its way back.
  await goTo(page, `/servicios/${truth.cancellable.id}/cancelar`);
  await waitForItem(page, /^Solicitud de baja n\.º \d+$/, 'text');
  await waitForItem(page, 'Retirar solicitud', 'button');
  await screenshot(page, 'demo-after-reload');
  await page.context().close();
});
