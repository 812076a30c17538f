// Accessibility in Chromium against the stub: the portal is drawn on a canvas, so what a screen
// reader, a keyboard user and a password manager use is the accessibility mirror
// (src/platform/web/a11y_mirror.h): a hidden DOM tree with ARIA roles, and real sign-in fields in a
// <form>. Here a client signs in, opens a service, orders an upgrade and requests a cancellation
// with nothing but page.getByRole(...) and the keyboard; axe-core finds no serious or critical
// violation on the screens; the sign-in form is one a password manager fills; items() says which
// widgets their window cuts off.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import {
  DEMO, openPortal, waitForItem, waitForRoute, items, reveal, screenshot, apiToken, apiGet,
  apiFetch, openAs, fill, nextFrame, stub, browser, shareStubAndBrowser, goTo,
} from './harness.mjs';

shareStubAndBrowser();

// axe-core's script, run in the page through the DevTools protocol (the page's Content Security
// Policy rightly forbids inline scripts, so a <script> tag would be refused).
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

// Presses Tab until the element `locator` finds has the keyboard's focus (at most `limit` times):
// the focus order reaches it from wherever the focus was.
async function tabTo(page, locator, { backwards = false, limit = 80 } = {}) {
  const handle = await locator.elementHandle();
  for (let i = 0; i < limit; i += 1) {
    if (await handle.evaluate((el) => document.activeElement === el)) return;
    await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
  }
  throw new Error(`Tab never reached ${locator}`);
}

// The focus goes to the element, then the key acts on it (as a screen reader's user does).
async function press(page, locator, key = 'Enter') {
  await locator.focus();
  await page.keyboard.press(key);
}

// axe-core's serious and critical violations on the page as it is now.
async function axeViolations(page) {
  if (!await page.evaluate(() => !!window.axe)) await page.evaluate(AXE);
  const result = await page.evaluate(async () => window.axe.run(document, {
    resultTypes: ['violations'],
  }));
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
}

async function anasServices() {
  const token = await apiToken(stub, DEMO.ana);
  return { token, services: (await apiGet(stub, token, '/services')).services };
}

test('sign in, open a service, order an upgrade and request a cancellation with roles and keys only', async () => {
  const { token, services } = await anasServices();
  const hosting = services.find((s) => s.type === 'hosting' && s.plan.cycle === 'yearly' && s.status === 'active');
  assert.ok(hosting, 'the demo has a yearly hosting');
  const { options } = await apiGet(stub, token, `/services/${hosting.id}/upgrade-options`);
  const up = options.find((o) => o.direction === 'up');
  assert.ok(up, 'an upgrade is offered');
  const radio = services.find((s) => s.type === 'audio_streaming' && s.status === 'active');
  assert.ok(radio, 'the demo has an active radio');

  const page = await openPortal(browser, stub.url, { viewport: { width: 1280, height: 900 } });
  await page.getByRole('heading', { level: 1 }).first().waitFor();
  assert.match(await page.title(), /Portal de clientes/);

  // Sign in: Tab reaches the email field, typing goes into it, Enter in the password signs in.
  const email = page.getByRole('textbox', { name: 'Correo electrónico' });
  await tabTo(page, email);
  await page.keyboard.type(DEMO.ana.email);
  await page.keyboard.press('Tab');
  const password = page.getByLabel('Contraseña', { exact: true });
  assert.ok(await password.evaluate((el) => document.activeElement === el), 'Tab goes to the password');
  await page.keyboard.type(DEMO.ana.password);
  await page.keyboard.press('Enter');
  await waitForRoute(page, '/servicios');
  await page.getByRole('heading', { level: 1, name: 'Mis servicios' }).waitFor();
  assert.match(await page.title(), /^Mis servicios/, 'the title names the screen');
  assert.equal(await page.getByRole('tab', { name: 'Mis servicios', selected: true }).count(), 1);
  // The services are a table with its column headers.
  await page.getByRole('table').getByRole('columnheader').first().waitFor({ state: 'attached' });

  // Open the hosting.
  await press(page, page.getByRole('link', { name: hosting.name, exact: true }));
  await waitForRoute(page, `/servicios/${hosting.id}`);
  await page.getByRole('heading', { level: 1, name: hosting.name }).waitFor();

  // Order the upgrade.
  await press(page, page.getByRole('button', { name: 'Upgrade/Downgrade' }));
  await waitForRoute(page, `/servicios/${hosting.id}/upgrade`);
  await press(page, page.getByRole('button', { name: `Elegir ${up.plan.name}` }), ' ');
  await press(page, page.getByRole('button', { name: 'Confirmar el cambio de plan' }));
  await page.getByText('Cambio de plan confirmado').first().waitFor();
  const orders = (await apiGet(stub, token, '/invoices')).invoices.filter((i) => i.service_id === hosting.id && i.status === 'unpaid');
  assert.ok(orders.some((i) => i.amount.amount_cents === up.quote.amount_cents), 'the upgrade was ordered');

  // Request the radio's cancellation, through the tabs and the services table again.
  await press(page, page.getByRole('tab', { name: 'Mis servicios' }));
  await waitForRoute(page, '/servicios');
  await press(page, page.getByRole('link', { name: radio.name, exact: true }));
  await waitForRoute(page, `/servicios/${radio.id}`);
  await press(page, page.getByRole('button', { name: 'Cancelar servicio' }));
  await waitForRoute(page, `/servicios/${radio.id}/cancelar`);
  await press(page, page.getByRole('radio', { name: 'Al final del período facturado' }), ' ');
  await page.getByRole('radio', { name: 'Al final del período facturado', checked: true }).waitFor();
  const accept = page.getByRole('checkbox', { name: 'Entiendo las condiciones' });
  await accept.and(page.locator(':not([aria-disabled])')).waitFor();
  await press(page, accept, ' ');
  await page.getByRole('checkbox', { name: 'Entiendo las condiciones', checked: true }).waitFor();
  // The re-authentication: real fields (a password manager fills them).
  const again = page.getByRole('textbox', { name: 'Correo electrónico de su cuenta' });
  assert.equal(await again.getAttribute('autocomplete'), 'username');
  await again.focus();
  await page.keyboard.type(DEMO.ana.email);
  await page.keyboard.press('Tab');
  await page.keyboard.type(DEMO.ana.password);
  const submit = page.getByRole('button', { name: 'Solicitar la baja' });
  await submit.and(page.locator(':not([aria-disabled])')).waitFor();
  await press(page, submit);
  await page.getByText(/^Solicitud de baja n\.º \d+$/).first().waitFor();
  const requested = await apiGet(stub, token, `/services/${radio.id}`);
  assert.ok(requested.cancellation, 'the cancellation was requested');
  await screenshot(page, 'a11y-cancellation-requested');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('the sign-in form is a password manager\'s: autocomplete fields in a <form>, filled by page.fill', async () => {
  const page = await openPortal(browser, stub.url);
  const form = await page.waitForFunction(() => {
    const user = document.querySelector('form input[autocomplete="username"]');
    const pass = document.querySelector('form input[autocomplete="current-password"]');
    if (!user || !pass || user.form !== pass.form) return null;
    return { userType: user.type, passType: pass.type, userName: user.name, passName: pass.name };
  });
  assert.deepEqual(await form.jsonValue(),
    { userType: 'email', passType: 'password', userName: 'username', passName: 'password' });
  // One element per field: the real field is the mirror's textbox, not a second one.
  assert.equal(await page.getByRole('textbox', { name: 'Correo electrónico' }).count(), 1);
  assert.equal(await page.getByLabel('Contraseña', { exact: true }).count(), 1);
  // Placed over the drawn field.
  const drawn = await waitForItem(page, 'Correo electrónico', 'input');
  const box = await page.getByRole('textbox', { name: 'Correo electrónico' }).boundingBox();
  assert.ok(Math.abs(box.x - drawn.x) < 2 && Math.abs(box.y - drawn.y) < 2 && Math.abs(box.width - drawn.w) < 2,
    `the real field ${JSON.stringify(box)} covers the drawn one ${JSON.stringify(drawn)}`);

  // A wrong password: the field says it is invalid, and why.
  await page.fill('input[autocomplete="username"]', 'no-es-un-correo');
  await page.fill('input[autocomplete="current-password"]', 'x');
  await press(page, page.getByRole('button', { name: 'Ingresar' }));
  const invalid = page.getByRole('textbox', { name: 'Correo electrónico' });
  await page.waitForFunction(() => document.querySelector('input[autocomplete="username"]').getAttribute('aria-invalid') === 'true');
  const described = await invalid.getAttribute('aria-describedby');
  const message = await page.locator(`[id="${described}"]`).textContent();
  assert.match(message, /correo/i, 'the error is the field\'s description');
  assert.match(await page.locator('#a11y-alert').textContent(), /correo/i, 'and it is announced');

  // What page.fill puts in the real fields is what the drawn fields hold: the client signs in.
  await page.fill('input[autocomplete="username"]', DEMO.bruno.email);
  await page.fill('input[autocomplete="current-password"]', DEMO.bruno.password);
  await page.waitForFunction((want) => window.portal.items().some((i) => i.autofill === 'username' && i.value === want), DEMO.bruno.email);
  await page.press('input[autocomplete="current-password"]', 'Enter');
  await waitForRoute(page, '/servicios');
  assert.equal(await page.locator('input[autocomplete="current-password"]').count(), 0, 'the form is gone once signed in');
  await page.context().close();
});

test('axe-core finds no serious or critical violation on any screen: sign-in, services, a service, its wizards, invoices, support, server status, manuals, account', async () => {
  const { services } = await anasServices();
  const page = await openPortal(browser, stub.url);
  await page.getByRole('heading', { level: 1 }).first().waitFor();
  const found = {};
  found['sign-in'] = await axeViolations(page);
  await page.fill('input[autocomplete="username"]', DEMO.ana.email);
  await page.fill('input[autocomplete="current-password"]', DEMO.ana.password);
  await page.press('input[autocomplete="current-password"]', 'Enter');
  await waitForRoute(page, '/servicios');
  await page.getByRole('table').waitFor({ state: 'attached' });
  found.services = await axeViolations(page);
  const open = services.find((s) => s.status === 'active' && !s.cancellation && s.type !== 'domain');
  const { tickets } = await apiGet(stub, await apiToken(stub, DEMO.ana), '/tickets');
  const screens = [
    ['service', `/servicios/${services[0].id}`, services[0].name],
    ['upgrade', `/servicios/${open.id}/upgrade`, null],
    ['cancellation', `/servicios/${open.id}/cancelar`, null],
    ['invoices', '/facturas', null],
    ['support', '/soporte', null],
    ['ticket', `/soporte/tickets/${tickets[0].id}`, null],
    ['new ticket', '/soporte/nuevo', null],
    ['status', '/estado', null],
    ['manuals', '/manuales', null],
    ['article', '/manuales/cancelacion', null],
    ['account', '/cuenta', null],
  ];
  for (const [name, path, heading] of screens) {
    await goTo(page, path);
    if (heading) await page.getByRole('heading', { level: 1, name: heading }).waitFor();
    await page.waitForFunction(() => !window.portal.items().some((i) => /^Cargando/.test(i.label)));
    found[name] = await axeViolations(page);
  }
  assert.deepEqual(found, Object.fromEntries(['sign-in', 'services', ...screens.map(([name]) => name)].map((n) => [n, []])));
  await page.context().close();
});

test('items() says which widgets their window cuts off, and reports only the part that shows', async () => {
  const { services } = await anasServices();
  // One that still offers «Cancelar servicio» (the first test schedules the radio's cancellation).
  const radio = services.find((s) => s.status === 'active' && !s.cancellation && s.type !== 'domain');
  // A short window: the service's screen scrolls, its lower buttons are cut off.
  const page = await openAs(browser, stub.url, DEMO.ana, `/servicios/${radio.id}`, { viewport: { width: 1000, height: 420 } });
  const button = await waitForItem(page, 'Cancelar servicio', 'button');
  const height = await page.evaluate(() => window.innerHeight);
  const all = await items(page);
  for (const item of all) {
    assert.ok(item.y >= 0 && item.y + item.h <= height + 0.5, `${item.label} reports only what shows (${item.y}+${item.h})`);
  }
  const cut = all.filter((i) => i.clipped);
  assert.ok(cut.length > 0, 'something is cut off on a short window');
  assert.ok(button.clipped, '«Cancelar servicio» is below the fold');
  // Scrolled into view, it is whole, and a click on its centre acts.
  const shown = await reveal(page, button);
  assert.equal(shown.clipped, false);
  assert.ok(shown.h > 20, 'its whole height');
  await page.mouse.click(shown.x + shown.w / 2, shown.y + shown.h / 2);
  await waitForRoute(page, `/servicios/${radio.id}/cancelar`);
  await page.context().close();
});

test('focus moves together: Tab and Shift+Tab reach every control and ImGui draws its ring there; frames that change nothing touch no DOM', async () => {
  const page = await openAs(browser, stub.url, DEMO.ana, '/servicios', { viewport: { width: 1280, height: 900 } });
  await page.getByRole('table').waitFor({ state: 'attached' });
  const controls = await page.evaluate(() =>
    [...document.querySelectorAll('#a11y-tree button, #a11y-tree a[href], #a11y-tree input, #a11y-tree [tabindex="0"]')].map((el) => el.id));
  assert.ok(controls.length >= 8, `the services screen has its controls (${controls.length})`);
  // From the canvas (a click on nothing), Tab enters the mirror, then goes through every control
  // (past the last one the browser may stop on the page itself before starting over).
  await page.mouse.click(2, 890);
  // The click is handled first (the page takes one input event a frame), as a person's would be
  // before their Tab: a Tab handled in between moves ImGui's focus from where the mirror put it.
  await nextFrame(page);
  await nextFrame(page);
  const visited = [];
  for (let i = 0; i < controls.length * 3 && visited.length < controls.length; i += 1) {
    await page.keyboard.press('Tab');
    const id = await page.evaluate(() => document.activeElement.id);
    if (!id.startsWith('a11y-') || visited.includes(id)) continue;
    visited.push(id);
    // The drawn widget has ImGui's focus (its ring), scrolled into view.
    await page.waitForFunction((want) => window.portal.items().some((it) => `a11y-${it.id}` === want && it.focused && !it.clipped), id);
  }
  assert.deepEqual([...visited].sort(), [...controls].sort(), 'every control once');
  await page.locator(`[id="${controls[3]}"]`).focus();
  await page.keyboard.press('Shift+Tab');
  assert.equal(await page.evaluate(() => document.activeElement.id), controls[2], 'Shift+Tab goes back');
  await page.waitForFunction((want) => window.portal.items().some((it) => `a11y-${it.id}` === want && it.focused), controls[2]);

  // Nothing changes: frames are drawn (the pointer moves) and the mirror's DOM is not touched.
  await page.evaluate(() => {
    window.mirrorMutations = 0;
    new MutationObserver((list) => { window.mirrorMutations += list.length; })
      .observe(document.getElementById('a11y-tree'), { subtree: true, childList: true, attributes: true, characterData: true });
  });
  const frames = await page.evaluate(() => window.portal.frames());
  for (let x = 0; x < 10; x += 1) await page.mouse.move(5 + x, 895);
  await page.waitForFunction((f) => window.portal.frames() >= f + 5, frames);
  assert.equal(await page.evaluate(() => window.mirrorMutations), 0, 'no DOM change without a change on screen');
  // Something changes: the mirror follows (English names).
  await press(page, page.getByRole('button', { name: 'English' }));
  await page.getByRole('tab', { name: 'My services' }).waitFor();
  assert.ok(await page.evaluate(() => window.mirrorMutations) > 0);
  assert.match(await page.title(), /^My services/);
  await page.context().close();
});

test('arrow keys choose among tabs and radios; Escape takes the way back, and leaves a field keeping what was typed', async () => {
  const { token, services } = await anasServices();
  // In Spanish (the focus test before this one saves ana's choice of English).
  const reset = await apiFetch(stub, token, '/me', { method: 'PATCH', body: JSON.stringify({ language: 'es' }) });
  assert.equal(reset.status, 200);
  const open = services.find((s) => s.status === 'active' && !s.cancellation && s.type !== 'domain');
  const page = await openAs(browser, stub.url, DEMO.ana, '/servicios', { viewport: { width: 1280, height: 900 } });
  await page.getByRole('table').waitFor({ state: 'attached' });

  // The tabs: ArrowRight opens the next section, ArrowLeft comes back, End opens the last.
  const tabs = await page.getByRole('tablist').getByRole('tab').allTextContents();
  assert.ok(tabs.length >= 3, `the sections are tabs (${tabs})`);
  await page.getByRole('tab', { name: tabs[0] }).focus();
  await page.keyboard.press('ArrowRight');
  await page.getByRole('tab', { name: tabs[1], selected: true }).waitFor();
  assert.equal(await page.evaluate(() => document.activeElement.textContent), tabs[1], 'the focus went along');
  await page.keyboard.press('ArrowLeft');
  await waitForRoute(page, '/servicios');
  await page.keyboard.press('End');
  await page.getByRole('tab', { name: tabs[tabs.length - 1], selected: true }).waitFor();

  // The ways to cancel are a radio group; the arrows move the choice.
  // (The last tab has a radio group of its own: wait until the wizard is the screen drawn.)
  await goTo(page, `/servicios/${open.id}/cancelar`);
  const group = page.getByRole('radiogroup');
  // The group's choices arrive with the service's answer, which can land a frame after the group.
  await group.getByRole('radio').nth(1).waitFor({ state: 'attached' });
  const radios = await group.getByRole('radio').allTextContents();
  assert.ok(radios.length >= 2, `two ways to cancel (${radios})`);
  await press(page, group.getByRole('radio', { name: radios[0] }), ' ');
  await page.getByRole('radio', { name: radios[0], checked: true }).waitFor();
  await page.keyboard.press('ArrowDown');
  await page.getByRole('radio', { name: radios[1], checked: true }).waitFor();
  assert.equal(await page.getByRole('radio', { name: radios[0], checked: true }).count(), 0);
  await page.keyboard.press('ArrowUp');
  await page.getByRole('radio', { name: radios[0], checked: true }).waitFor();

  // Escape leaves the wizard for its service, and the service for the list.
  await page.keyboard.press('Escape');
  await waitForRoute(page, `/servicios/${open.id}`);
  await page.getByRole('heading', { level: 1, name: open.name }).waitFor();
  await page.getByRole('button').first().focus();
  await page.keyboard.press('Escape');
  await waitForRoute(page, '/servicios');

  // In a field, Escape leaves it with what was typed: the search stays and goes in the route.
  await goTo(page, '/manuales');
  await fill(page, 'Buscar en los manuales', 'dominio');
  await page.keyboard.press('Escape');
  // (The search goes in the route only when the field is left.)
  await waitForRoute(page, '/manuales?q=dominio');
  // From an article, Escape goes back to the results it was opened from.
  const hit = await waitForItem(page, /dominio/i, 'link');
  await page.mouse.click(hit.x + hit.w / 2, hit.y + hit.h / 2);
  await page.waitForFunction(() => /^\/manuales\/[^?]+$/.test(window.portal.route()));
  await page.keyboard.press('Escape');
  await waitForRoute(page, '/manuales?q=dominio');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});
