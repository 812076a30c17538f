// Phones (below 600 CSS px, theme.h's one breakpoint): at 360×740 and 390×844, in Spanish and in
// English, every screen — sign-in, Mis servicios, a service, the invoices, the upgrade and
// cancellation wizards, «Soporte» with a ticket and a new one, «Estado de servidores», the
// manuals and an article — fits the width: no widget reaches past the right edge or into the
// page's margin (where the window would cut its text), the controls are touch targets at least
// 44 px tall, the top bar is one row with «Menú», and the services are cards. Checked through
// window.portal.items() while scrolling each screen to its end, with a screenshot of each screen.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  DEMO, apiFetch, openPortal, signIn, waitForItem, waitForRoute, click, items, nextFrame, screenshot,
  apiToken, apiGet, stub, browser, shareStubAndBrowser, goTo, reveal,
} from './harness.mjs';

shareStubAndBrowser();

const PHONES = [{ width: 360, height: 740 }, { width: 390, height: 844 }];
// The page's side padding on a phone is 14 px; a widget reaching within MARGIN px of the edge has
// run into it, and its window clips it there.
const MARGIN = 8;
const TOUCH = 44;
const CONTROLS = new Set(['button', 'tab', 'input', 'checkbox', 'radio', 'link', 'selectable']);

const WORDS = {
  es: { menu: 'Menú', title: 'Servicio' },
  en: { menu: 'Menu', title: 'Service' },
};

// What is wrong with the frame's items at this width: one line per problem.
function problems(shown, { width }) {
  const found = [];
  for (const item of shown) {
    const where = `«${item.label}» (${item.role}) x=${item.x} w=${item.w}`;
    if (item.x < 0) found.push(`starts left of the screen: ${where}`);
    if (item.x + item.w > width - MARGIN) found.push(`runs past the right edge: ${where}`);
    // What scrolling (or the open menu) hides above or below is not cut text; a side cut is.
    const shows = item.w > 0 && item.h > 0;
    if (shows && item.clippedSideways) found.push(`cut by its window: ${where}`);
  }
  return found;
}

// The controls that are touch targets, each with the height it shows at (a control at the edge
// where the page scrolls shows a few pixels less; checkScreen keeps the tallest it saw).
function targets(shown, { height }, { inlineLinks = false } = {}) {
  return shown.filter((item) => {
    const onScreen = !item.clipped && item.y >= 0 && item.y + item.h <= height;
    // Links inside a paragraph are exempt (WCAG 2.5.8's inline exception).
    const inline = inlineLinks && item.role === 'link';
    return CONTROLS.has(item.role) && onScreen && !inline;
  });
}

// The frame's items once the screen holds still: a card grows to its content one frame late
// (ImGui sizes it from the frame before), so a frame taken while a card grows shows a control
// cut short by it; a person sees the frame after.
async function still(page) {
  let last = JSON.stringify(await items(page));
  for (let frames = 0; frames < 60; frames += 1) {
    await nextFrame(page);
    const now = JSON.stringify(await items(page));
    if (now === last) break;
    last = now;
  }
  return JSON.parse(last);
}

// Checks the screen from its top to its end (wheel steps until nothing new shows), then scrolls
// back and saves a screenshot of its top.
async function checkScreen(page, phone, name, options) {
  const seen = new Set();
  const found = new Set();
  const tallest = new Map();
  await page.mouse.move(phone.width / 2, phone.height / 2);
  for (let step = 0; step < 12; ++step) {
    const shown = await still(page);
    for (const problem of problems(shown, phone)) found.add(problem);
    for (const item of targets(shown, phone, options)) {
      const key = `«${item.label}» (${item.role})`;
      if (!tallest.has(key) || tallest.get(key).h < item.h) tallest.set(key, { h: item.h, id: item.id });
    }
    const before = seen.size;
    for (const item of shown) seen.add(`${item.role}:${item.label}`);
    if (step > 0 && seen.size === before) break;
    await page.mouse.wheel(0, phone.height * 0.6);
    // Two frames: the wheel moves the page on the next one.
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  }
  // A control the wheel's steps always left at the edge is scrolled into view and measured whole.
  for (const [key, { h, id }] of tallest) {
    if (h >= TOUCH - 0.5) continue;
    await page.evaluate((i) => window.portal.reveal(i), id);
    const whole = (await still(page)).find((i) => i.id === id);
    const height = whole ? Math.max(h, whole.h) : h;
    if (height < TOUCH - 0.5) found.add(`a touch target ${height} px tall: ${key}`);
  }
  await page.mouse.wheel(0, -100000);
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  await screenshot(page, `phone-${phone.width}x${phone.height}-${name}`);
  assert.deepEqual([...found], [], `${name} at ${phone.width}×${phone.height}`);
}


for (const phone of PHONES) {
  for (const lang of ['es', 'en']) {
    test(`at ${phone.width}×${phone.height} in ${lang}, every screen fits a phone`, async () => {
      const words = WORDS[lang];
      const token = await apiToken(stub, DEMO.ana);
      const { services } = await apiGet(stub, token, '/services');
      const hosting = services.find((s) => s.type === 'hosting' && s.status === 'active');
      const radio = services.find((s) => s.status === 'active' && s.type !== 'domain' && s.id !== hosting.id) || hosting;
      assert.ok(hosting, 'ana has an active hosting');
      const [ticket] = (await apiGet(stub, token, '/tickets')).tickets;
      assert.ok(ticket, 'ana has a ticket');

      // Each run starts from ana's Spanish: the English run saves her choice of language.
      const reset = await apiFetch(stub, token, '/me', { method: 'PATCH', body: JSON.stringify({ language: 'es' }) });
      assert.equal(reset.status, 200, 'ana\'s language is set back to Spanish');
      const page = await openPortal(browser, stub.url, { viewport: phone });
      await waitForItem(page, 'Ingresar', 'button');
      if (lang === 'es') await checkScreen(page, phone, 'es-sign-in');
      await signIn(page, DEMO.ana);
      await waitForRoute(page, '/servicios');

      // One row: the portal's name and «Menú»; the tabs are in the menu.
      const menu = await waitForItem(page, 'Menú', 'button');
      const bar = await items(page);
      assert.ok(!bar.some((i) => i.role === 'tab'), 'no tabs in the bar itself');
      const name = bar.find((i) => i.label === 'Portal de clientes');
      assert.ok(name && Math.abs((name.y + name.h / 2) - (menu.y + menu.h / 2)) < menu.h / 2,
        'the name and «Menú» on one row');
      await click(page, 'Menú');
      await waitForItem(page, 'Mis servicios', 'tab');
      await waitForItem(page, 'Facturas', 'tab');
      if (lang === 'es') {
        await checkScreen(page, phone, 'es-menu');
        // Escape closes the menu, as any popup.
        await page.keyboard.press('Escape');
        await page.waitForFunction(() => !window.portal.items().some((i) => i.role === 'tab'));
      } else {
        await click(page, 'English');
        await waitForItem(page, 'Menu', 'button');
      }
      // Mis servicios: cards, each with its name as a link and its status, plan and due date.
      await waitForItem(page, hosting.name, 'link');
      assert.ok(!(await items(page)).some((i) => i.label === words.title && i.role === 'text'),
        'no table header');
      await checkScreen(page, phone, `${lang}-services`);

      await click(page, hosting.name, 'link');
      await waitForRoute(page, `/servicios/${hosting.id}`);
      await waitForItem(page, hosting.name, 'text');
      await checkScreen(page, phone, `${lang}-service`);

      await goTo(page, '/facturas');
      await waitForItem(page, /^(Factura|Invoice) n/, 'text');
      await checkScreen(page, phone, `${lang}-invoices`);

      await goTo(page, `/servicios/${radio.id}/upgrade`);
      await waitForItem(page, /^(Elegir|Choose) /, 'button');
      await checkScreen(page, phone, `${lang}-upgrade`);

      await goTo(page, `/servicios/${hosting.id}/cancelar`);
      await waitForItem(page, /./, 'radio');
      await checkScreen(page, phone, `${lang}-cancellation`);

      await goTo(page, '/soporte');
      await waitForItem(page, /^(Nuevo ticket|New ticket)$/, 'button');
      await checkScreen(page, phone, `${lang}-support`);

      await goTo(page, `/soporte/tickets/${ticket.id}`);
      await waitForItem(page, /^(Su respuesta|Your reply)$/, 'input');
      await checkScreen(page, phone, `${lang}-ticket`);

      await goTo(page, '/soporte/nuevo');
      await waitForItem(page, /^(Asunto|Subject)$/, 'input');
      await checkScreen(page, phone, `${lang}-new-ticket`);

      await goTo(page, '/estado');
      await waitForItem(page, /^(Incidentes en curso|Ongoing incidents)$/, 'text');
      await checkScreen(page, phone, `${lang}-status`);

      await goTo(page, '/manuales');
      await waitForItem(page, /./, 'link');
      await checkScreen(page, phone, `${lang}-manuals`);

      await goTo(page, '/manuales/cancelacion');
      await waitForItem(page, /./, 'text');
      await checkScreen(page, phone, `${lang}-manual`, { inlineLinks: true });

      await goTo(page, '/cuenta');
      await waitForItem(page, /^(Guardar datos|Save details)$/, 'button');
      await checkScreen(page, phone, `${lang}-account`);

      if (lang === 'en') {
        // Signed out, still in English: the sign-in screen.
        await click(page, words.menu);
        await click(page, 'Sign out');
        await waitForItem(page, 'Sign in', 'button');
        await checkScreen(page, phone, 'en-sign-in');
      }
      await page.context().close();
    });
  }
}

// The cards below the fold are there for a screen reader and the keyboard too: each service's
// link is in the page's tree, the last one (out of view) scrolls into view when it is given the
// focus, and Tab reaches it.
test('on a phone, a service card below the fold is in the page, scrolls into view, and Tab reaches it', async () => {
  const token = await apiToken(stub, DEMO.ana);
  const { services } = await apiGet(stub, token, '/services');
  const names = services.map((s) => s.name);
  const lastName = names[names.length - 1];
  const open = async () => {
    const page = await openPortal(browser, stub.url, { viewport: PHONES[0] });
    await signIn(page, DEMO.ana);
    await waitForRoute(page, '/servicios');
    await waitForItem(page, names[0], 'link');
    return page;
  };

  const page = await open();
  const links = (await items(page)).filter((i) => i.role === 'link' && names.includes(i.label));
  assert.deepEqual(links.map((l) => l.label).sort(), [...names].sort(), 'every service\'s link');
  const last = links.find((l) => l.label === lastName);
  assert.ok(last.clipped, `${lastName} starts below the fold`);
  const shown = await reveal(page, last);
  assert.ok(!shown.clipped && shown.h > 0, `${lastName} is on screen once revealed`);
  const named = (await items(page)).filter((i) => i.label === lastName && i.role === 'link');
  assert.equal(named.length, 1, 'its name labels its link only');
  await page.context().close();

  const keys = await open();
  let focused;
  for (let presses = 0; presses < 40 && focused?.label !== lastName; presses++) {
    await keys.keyboard.press('Tab');
    await nextFrame(keys);
    focused = (await items(keys)).find((i) => i.focused);
  }
  assert.equal(focused?.label, lastName, 'Tab reaches the last card\'s link');
  assert.ok(!focused.clipped, 'and brings it into view');
  await keys.context().close();
});
