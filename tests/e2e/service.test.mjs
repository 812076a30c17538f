// A service's screen: a demo client opens a hosting service from "Mis servicios",
// reveals and copies its credentials (read back from the real clipboard), opens its panel in a
// new tab, opens its manual, downloads a file (bytes and SHA-256 compared with the stub's), and
// cannot open another client's service by URL. What the screen shows is compared with what the
// API answers, never with values copied from our code.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import {
  DEMO, MANUALS, openPortal, signIn, waitForItem, waitForRoute, click, items, screenshot, apiToken,
  apiGet, apiFetch, openAs, stub, browser, shareStubAndBrowser, goTo,
} from './harness.mjs';

shareStubAndBrowser();

// The manual that declares a service type in its front matter (`service_types: a, b`).
function manualSlugFor(type) {
  const files = [];
  const walk = (dir) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith('.md')) files.push(path);
    }
  };
  walk(MANUALS);
  for (const file of files) {
    const front = readFileSync(file, 'utf8').split(/^---$/m)[1] || '';
    const types = (front.match(/^service_types:(.*)$/m) || [, ''])[1].split(',').map((t) => t.trim());
    if (types.includes(type)) return front.match(/^slug:(.*)$/m)[1].trim();
  }
  throw new Error(`no manual declares ${type}`);
}

// A row of "Mis servicios" is a selectable spanning the row that overlaps its cells: Dear ImGui
// takes the click only once the pointer has hovered it for a frame, as a real pointer does.
async function openService(page, service) {
  const row = await waitForItem(page, service.name, 'link');
  const x = row.x + 24;
  const y = row.y + row.h / 2;
  await page.mouse.move(x, y);
  await page.waitForFunction(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => r(true)))));
  await page.mouse.click(x, y);
  await waitForRoute(page, `/servicios/${service.id}`);
  await waitForItem(page, service.name, 'text');
}

test('a client opens a hosting service: details, credentials, panel, manual and a download', async () => {
  const token = await apiToken(stub, DEMO.ana);
  const { services } = await apiGet(stub, token, '/services');
  const hosting = services.find((s) => s.type === 'hosting' && s.status === 'active');
  assert.ok(hosting, 'the demo client has an active hosting');
  const { credentials } = await apiGet(stub, token, `/services/${hosting.id}/credentials`);
  const access = await apiGet(stub, token, `/services/${hosting.id}/access`);
  const { downloads } = await apiGet(stub, token, `/services/${hosting.id}/downloads`);
  assert.ok(credentials.length > 0 && downloads.length > 0);

  const page = await openPortal(browser, stub.url, {
    viewport: { width: 1280, height: 1600 }, permissions: ['clipboard-read', 'clipboard-write'],
  });
  await signIn(page, DEMO.ana);
  await waitForRoute(page, '/servicios');
  await openService(page, hosting);

  // Details as the API gives them.
  await waitForItem(page, hosting.plan.name, 'text');
  await waitForItem(page, hosting.domain, 'text');
  await waitForItem(page, /Volver a Mis servicios/, 'link');
  for (const d of downloads) await waitForItem(page, new RegExp(`${d.name.replace('.', '\\.')}$`), 'text');

  // Credentials: hidden until asked; passwords masked until revealed; copied for real.
  let labels = (await items(page)).map((i) => i.label);
  for (const c of credentials) {
    assert.ok(!labels.includes(c.username) && !labels.includes(c.password), 'credentials start hidden');
  }
  await click(page, /Mostrar credenciales$/);
  const first = credentials[0];
  await waitForItem(page, first.username, 'text');
  labels = (await items(page)).map((i) => i.label);
  assert.ok(!labels.includes(first.password), 'the password stays masked until revealed');
  await screenshot(page, 'service-credentials');

  await click(page, `Copiar Contraseña (${first.label})`);
  await waitForItem(page, /Copiado$/, 'text');
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), first.password);
  await click(page, `Copiar Usuario (${first.label})`);
  await page.waitForFunction((u) => navigator.clipboard.readText().then((t) => t === u), first.username);
  await click(page, `Ver Contraseña (${first.label})`);
  await waitForItem(page, first.password, 'text');

  // The panel opens in a new tab, at the API's address (answered here: no real panel exists).
  await page.context().route(`${new URL(access.url).origin}/**`, (r) => r.fulfill({ contentType: 'text/html', body: '<title>panel</title>' }));
  const [panel] = await Promise.all([
    page.context().waitForEvent('page'),
    click(page, /Login al Panel de hosting$/),
  ]);
  await panel.waitForLoadState();
  assert.equal(panel.url(), access.url);
  await panel.close();

  // A download: the saved bytes are the stub's, and match the listed SHA-256 and size.
  const wanted = downloads[0];
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    click(page, `Descargar ${wanted.name}`),
  ]);
  assert.equal(download.suggestedFilename(), wanted.name);
  const saved = readFileSync(await download.path());
  const file = await apiFetch(stub, token, `/downloads/${wanted.id}/file`);
  assert.equal(file.status, 200);
  const original = Buffer.from(await file.arrayBuffer());
  assert.equal(saved.length, wanted.size_bytes);
  assert.ok(saved.equals(original), 'the saved file has exactly the stub\'s bytes');
  assert.equal(createHash('sha256').update(saved).digest('hex'), wanted.sha256);
  await waitForItem(page, /Descarga guardada/, 'text');

  // The whole SHA-256 is copied, though only a short form is shown.
  await click(page, `Copiar SHA-256 ${wanted.name}`);
  await page.waitForFunction((h) => navigator.clipboard.readText().then((t) => t === h), wanted.sha256);
  await screenshot(page, 'service-hosting');

  // Its own manual.
  await click(page, /Abrir el manual/, 'link');
  await waitForRoute(page, `/manuales/${manualSlugFor('hosting')}`);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('another client\'s service, by URL, is not found, with a way back', async () => {
  const others = (await apiGet(stub, await apiToken(stub, DEMO.bruno), '/services')).services;
  const page = await openPortal(browser, stub.url, { viewport: { width: 1280, height: 900 } });
  await signIn(page, DEMO.ana);
  await waitForRoute(page, '/servicios');
  await goTo(page, `/servicios/${others[0].id}`);
  await waitForItem(page, 'No encontramos ese servicio', 'text');
  const labels = (await items(page)).map((i) => i.label);
  assert.ok(!labels.includes(others[0].name), 'nothing of the other client shows');
  await screenshot(page, 'service-not-found');
  await click(page, 'Mis servicios', 'button');
  await waitForRoute(page, '/servicios');
  await page.context().close();
});

test('a big download shows its progress, and on a phone the screen stacks in one column', async () => {
  const token = await apiToken(stub, DEMO.ana);
  const { services } = await apiGet(stub, token, '/services');
  let big;
  let owner;
  for (const s of services.filter((x) => x.status === 'active')) {
    const { downloads } = await apiGet(stub, token, `/services/${s.id}/downloads`);
    const found = downloads.find((d) => d.size_bytes > 10 * 1024 * 1024);
    if (found) { big = found; owner = s; break; }
  }
  assert.ok(big, 'the demo client has a big download');

  const page = await openAs(browser, stub.url, DEMO.ana, `/servicios/${owner.id}`, { viewport: { width: 390, height: 2200 } });
  await waitForItem(page, owner.name, 'text');
  await waitForItem(page, `Descargar ${big.name}`, 'button');
  // Every widget of this screen (below the top bar) fits the phone's width.
  const back = await waitForItem(page, /Volver a Mis servicios/, 'link');
  for (const item of (await items(page)).filter((i) => i.y >= back.y)) {
    assert.ok(item.x + item.w <= 390 + 1, `"${item.label}" fits in 390 px (ends at ${item.x + item.w})`);
  }
  await screenshot(page, 'service-phone');

  // A slow link, so the progress bar can be seen: "x,x MB de 24,0 MB".
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false, latency: 0, downloadThroughput: 6 * 1024 * 1024, uploadThroughput: -1,
  });
  const saved = page.waitForEvent('download', { timeout: 60000 });
  await click(page, `Descargar ${big.name}`);
  // Bytes have arrived, not all yet: "3,2 MB de 24,0 MB".
  const total = `${(big.size_bytes / 1048576).toFixed(1).replace('.', ',')} MB`;
  await waitForItem(page, new RegExp(`^[1-9][\\d,]* (KB|MB) de ${total}$`), 'text');
  // Pressing again while it runs starts nothing: the button is disabled.
  const again = (await items(page)).find((i) => i.label === `Descargar ${big.name}`);
  assert.equal(again.enabled, false);
  await screenshot(page, 'service-download-progress');
  const download = await saved;
  const bytes = readFileSync(await download.path());
  assert.equal(bytes.length, big.size_bytes);
  assert.equal(createHash('sha256').update(bytes).digest('hex'), big.sha256);
  await page.context().close();
});
