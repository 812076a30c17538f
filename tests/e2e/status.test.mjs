// «Estado de servidores» (RULES.md §7, SLA 2) in Chromium against the stub. Ana's hosting runs on
// the server where the fixtures have an ongoing incident: a banner says so on «Mis servicios» and
// on that service's screen (not on her others), and leads to the status page, which shows the
// incident with its updates (newest first), every component's state in words, and the resolved
// incident below. The page is also reached from «Soporte». Bruno and Carla, whose services run
// elsewhere, see no banner. Everything is compared with what the API answers; screenshots at
// 1280×800 and at 390 px wide, in Spanish and in English.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  DEMO, openAs, waitForItem, waitForRoute, click, items, nextFrame, screenshot, apiToken, apiGet,
  apiFetch, browser, stub, shareStubAndBrowser, goTo,
} from './harness.mjs';

shareStubAndBrowser();

const escape = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const BANNER = /incidente en curso|ongoing incident/;

// The fixtures' ongoing incident on one of ana's servers, and her service there, from the API.
async function anasIncident(lang = 'es') {
  const token = await apiToken(stub, DEMO.ana);
  const { components } = await apiGet(stub, token, `/status?lang=${lang}`);
  const component = components.find((c) => c.affects_you && c.incidents.some((i) => i.ended_at === null));
  assert.ok(component, 'one of ana\'s servers has an ongoing incident');
  const incident = component.incidents.find((i) => i.ended_at === null);
  const { services } = await apiGet(stub, token, '/services');
  const hosting = services.find((s) => s.id === component.your_services[0]);
  const other = services.find((s) => !component.your_services.includes(s.id) && s.status === 'active');
  const resolved = components.flatMap((c) => c.incidents).find((i) => i.ended_at !== null);
  return { token, components, component, incident, hosting, other, resolved };
}

// The screen at a laptop's size (1280×800) and at a phone's (390 px), back to the tall page the
// checks run on.
async function shots(page, name) {
  for (const [size, viewport] of [['1280', { width: 1280, height: 800 }], ['390', { width: 390, height: 844 }]]) {
    await page.setViewportSize(viewport);
    await nextFrame(page);
    await nextFrame(page);
    await screenshot(page, `status-${name}-${size}`);
  }
  await page.setViewportSize({ width: 1280, height: 1600 });
  await nextFrame(page);
}

test('ana sees the banner on «Mis servicios» and on her hosting, not on her other services', async () => {
  const { incident, hosting, other } = await anasIncident();
  assert.equal(hosting.name, 'Hosting anagarcia.example');
  const page = await openAs(browser, stub.url, DEMO.ana, '/servicios');
  const banner = await waitForItem(page,
    new RegExp(`Hay un incidente en curso que afecta a sus servicios: ${escape(incident.title)}$`));
  assert.equal(banner.a11y, 'status', 'the mirror announces it');
  await waitForItem(page, 'Ver estado de servidores', 'link');
  await shots(page, 'banner-services-es');

  await click(page, hosting.name, 'link');
  await waitForRoute(page, `/servicios/${hosting.id}`);
  await waitForItem(page, new RegExp(`afecta a este servicio: ${escape(incident.title)}$`));
  await shots(page, 'banner-service-es');

  // Another of her services, on a server without an incident: no banner.
  await goTo(page, `/servicios/${other.id}`);
  await waitForItem(page, other.name, 'text');
  assert.ok(!(await items(page)).some((i) => BANNER.test(i.label)), `no banner on ${other.name}`);

  // The banner leads to the status page.
  await goTo(page, `/servicios/${hosting.id}`);
  await click(page, 'Ver estado de servidores', 'link');
  await waitForRoute(page, '/estado');
  await waitForItem(page, 'Estado de servidores', 'text');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('the status page: the ongoing incident first with its updates, every state in words, the resolved one below', async () => {
  const { components, component, incident, hosting, resolved } = await anasIncident();
  const page = await openAs(browser, stub.url, DEMO.ana, '/estado');
  const ongoing = await waitForItem(page, 'Incidentes en curso', 'text');
  const title = await waitForItem(page, incident.title, 'text');
  assert.equal(ongoing.a11y, 'heading', 'a section a screen reader can jump to');
  assert.equal((await waitForItem(page, 'Estado de servidores', 'text')).a11y, 'heading');
  await waitForItem(page, `Afecta a sus servicios: ${hosting.name}`);
  // The updates, the newest first (as the API gives them).
  const updates = [];
  for (const update of incident.updates) updates.push(await waitForItem(page, update.text));
  for (let i = 1; i < updates.length; i += 1) assert.ok(updates[i - 1].y < updates[i].y, 'newest first');
  // Every component with its state in words (the colour is never alone).
  const WORDS = { operational: 'Funciona con normalidad', degraded: 'Rendimiento degradado',
    partial_outage: 'Interrupción parcial', major_outage: 'Interrupción total', maintenance: 'En mantenimiento' };
  const shown = await items(page);
  for (const c of components) {
    assert.ok(shown.some((i) => i.label === c.name), `${c.name} is listed`);
  }
  assert.ok(shown.some((i) => i.label === WORDS[component.state]), 'its state in words');
  await waitForItem(page, `Sus servicios aquí: ${hosting.name}`);
  // Resolved incidents below the ongoing ones, with their end.
  const resolvedHeading = await waitForItem(page, 'Incidentes resueltos', 'text');
  const resolvedTitle = await waitForItem(page, resolved.title, 'text');
  await waitForItem(page, /Resuelto el \d\d\/\d\d\/\d{4} a las \d\d:\d\d$/);
  assert.ok(ongoing.y < title.y && title.y < resolvedHeading.y && resolvedHeading.y < resolvedTitle.y,
    'ongoing first, resolved below');
  // The «Soporte» tab is the section it belongs to.
  assert.equal((await items(page)).find((i) => i.label === 'Soporte' && i.role === 'tab')?.checked, true);
  await shots(page, 'page-es');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('«Soporte» leads to the status page; in English everything reads in English', async () => {
  const { incident, hosting } = await anasIncident('en');
  const token = await apiToken(stub, DEMO.ana);
  const saved = await apiFetch(stub, token, '/me', { method: 'PATCH', body: JSON.stringify({ language: 'en' }) });
  assert.equal(saved.status, 200);
  try {
    const page = await openAs(browser, stub.url, DEMO.ana, '/servicios');
    await waitForItem(page, new RegExp(`An ongoing incident affects your services: ${escape(incident.title)}$`));
    await shots(page, 'banner-services-en');
    await goTo(page, `/servicios/${hosting.id}`);
    await waitForItem(page, new RegExp(`An ongoing incident affects this service: ${escape(incident.title)}$`));
    await shots(page, 'banner-service-en');

    await goTo(page, '/soporte');
    await click(page, /See server status$/, 'link');
    await waitForRoute(page, '/estado');
    await waitForItem(page, 'Server status', 'text');
    await waitForItem(page, incident.title, 'text');
    await waitForItem(page, incident.updates[0].text);
    await waitForItem(page, 'Degraded performance');
    await shots(page, 'page-en');
    assert.deepEqual(page.problems, []);
    await page.context().close();
  } finally {
    await apiFetch(stub, token, '/me', { method: 'PATCH', body: JSON.stringify({ language: 'es' }) });
  }
});

test('bruno and carla, whose services run elsewhere, see no banner', async () => {
  // Bruno reads English, Carla Spanish: the incident's title in either.
  const titles = [(await anasIncident('es')).incident.title, (await anasIncident('en')).incident.title];
  const title = new RegExp(`^(${titles.map(escape).join('|')})$`);
  for (const who of [DEMO.bruno, DEMO.carla]) {
    const token = await apiToken(stub, who);
    const { services } = await apiGet(stub, token, '/services?lang=es');
    const active = services.find((s) => s.status === 'active');
    const page = await openAs(browser, stub.url, who, '/servicios');
    // The list shows once its banners are known: from then on a banner would be there.
    await waitForItem(page, active.name, 'link');
    assert.ok(!(await items(page)).some((i) => BANNER.test(i.label)), `no banner for ${who.email}`);
    await goTo(page, `/servicios/${active.id}`);
    await waitForItem(page, active.name, 'text');
    assert.ok(!(await items(page)).some((i) => BANNER.test(i.label)), `no banner on ${active.name}`);
    // The page itself is the same for everyone, without anyone else's services.
    await goTo(page, '/estado');
    await waitForItem(page, title, 'text');
    assert.ok(!(await items(page)).some((i) => /^(Afecta a sus servicios|Affects your services): /.test(i.label)));
    assert.deepEqual(page.problems, []);
    await page.context().close();
  }
});
