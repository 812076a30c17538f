// Typing into the portal's fields from a phone's on-screen keyboard, an IME and a physical
// keyboard. The sign-in fields are real <input>s placed over the drawn ones (a password manager's,
// src/platform/web/a11y_mirror.h); for the fields drawn on the canvas the page keeps a hidden
// <input id="portal-text-entry"> focused while one is edited (src/platform/web/html5_backend.h): a
// phone opens its keyboard only for a focused editable element, and IME/dictation text only
// arrives there.
//
// What was typed is checked by what a client relies on: signing in works only if the email and
// the password reached the fields exactly (a doubled, lost or extra character makes the stub
// refuse them). The client used has an accent and an ñ in the email, so text outside ASCII is
// typed too.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  ROOT, openPortal, waitForItem, waitForRoute, click, items, screenshot, stub, browser,
  shareStubAndBrowser, goTo,
} from './harness.mjs';

// A client of our own fixtures (a copy of the demo data plus this client).
const JOSE = { email: 'josé.muñoz@example.com', password: 'clave-ñandú-7' };

let fixtures;

// A copy of the demo data plus JOSE; the stub knows the client, so a failed sign-in below is the
// typing's fault, not the data's.
shareStubAndBrowser(() => {
  fixtures = mkdtempSync(join(tmpdir(), 'portal-keyboard-'));
  const source = join(ROOT, 'server-stub/fixtures');
  writeFileSync(join(fixtures, 'catalog.json'), readFileSync(join(source, 'catalog.json')));
  const clients = JSON.parse(readFileSync(join(source, 'clients.json'), 'utf8'));
  const model = clients.clients.find((c) => c.email === 'ana@example.com');
  clients.clients.push({ ...model, email: JOSE.email, password: JOSE.password, name: 'José Muñoz' });
  writeFileSync(join(fixtures, 'clients.json'), JSON.stringify(clients));
  return { extraArgs: ['--fixtures', fixtures] };
}, async (started) => {
  const res = await fetch(`${started.url}/api/v1/session`, {
    method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(JOSE),
  });
  assert.equal(res.status, 201, 'the stub signs the test client in');
});
after(() => {
  if (fixtures) rmSync(fixtures, { recursive: true, force: true });
});

const EMAIL = 'Correo electrónico';
const PASSWORD = 'Contraseña';
const SEARCH = 'Buscar en los manuales';

async function field(page, label) {
  return waitForItem(page, label, 'input');
}

function centre(item) {
  return { x: item.x + item.w / 2, y: item.y + item.h / 2 };
}

// The hidden element, as the page sees it.
async function textEntry(page) {
  return page.evaluate(() => {
    const el = document.getElementById('portal-text-entry');
    if (!el) return null;
    const r = el.getBoundingClientRect();
    const style = getComputedStyle(el);
    return {
      focused: document.activeElement === el,
      type: el.type,
      value: el.value,
      fontSize: parseFloat(style.fontSize),
      opacity: style.opacity,
      autocapitalize: el.getAttribute('autocapitalize'),
      autocorrect: el.getAttribute('autocorrect'),
      spellcheck: el.spellcheck,
      rect: { x: r.x, y: r.y, w: r.width, h: r.height },
    };
  });
}

async function waitForFocus(page, focused) {
  await page.waitForFunction((want) =>
    (document.activeElement === document.getElementById('portal-text-entry')) === want, focused);
}

// The page never moved: nothing scrolled, the canvas still fills the viewport from its corner.
async function assertPageStill(page) {
  const where = await page.evaluate(() => {
    const c = document.getElementById('canvas').getBoundingClientRect();
    return {
      scrollX: window.scrollX, scrollY: window.scrollY,
      bodyTop: document.scrollingElement.scrollTop, canvasX: c.x, canvasY: c.y,
    };
  });
  assert.deepEqual(where, { scrollX: 0, scrollY: 0, bodyTop: 0, canvasX: 0, canvasY: 0 });
}

// Waits until the sign-in either reached the services or was refused, and says which.
async function signInOutcome(page) {
  const handle = await page.waitForFunction(() => {
    if (window.portal.route() === '/servicios') return 'signed in';
    const refused = window.portal.items().find((i) => i.role === 'text' &&
      /contraseña no son correctos|no parece válido|Escriba/.test(i.label));
    return refused ? `refused: ${refused.label}` : null;
  });
  return handle.jsonValue();
}

// The real sign-in field (a password manager's, src/platform/web/a11y_mirror.h) that has the
// keyboard's focus, if any: 'username' or 'current-password'.
async function focusedSignInField(page) {
  return page.evaluate(() => document.activeElement?.getAttribute('autocomplete') || null);
}

async function openPhone() {
  const context = await browser.newContext({
    viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, hasTouch: true, isMobile: true,
  });
  const page = await context.newPage();
  page.problems = [];
  page.on('pageerror', (err) => page.problems.push(err.message));
  await page.goto(stub.url);
  await page.waitForFunction(() => window.portal && (window.portal.ready || window.portal.error));
  assert.equal(await page.evaluate(() => window.portal.error), null);
  return page;
}

test('on a phone, a tap on a sign-in field focuses its real field and the keyboard types into it', async () => {
  const page = await openPhone();
  const email = await field(page, EMAIL);
  await page.touchscreen.tap(centre(email).x, centre(email).y);
  await page.waitForFunction(() => document.activeElement?.getAttribute('autocomplete') === 'username');
  const real = await page.evaluate(() => {
    const el = document.activeElement;
    return { type: el.type, fontSize: parseFloat(getComputedStyle(el).fontSize) };
  });
  assert.equal(real.type, 'email', 'a phone opens its email keyboard (with @) for the email field');
  assert.ok(real.fontSize >= 16, 'font size 16px or more: iOS does not zoom in on focus');
  // One letter too many, then the keyboard's Backspace.
  await page.keyboard.insertText(`${JOSE.email}x`);
  await page.keyboard.press('Backspace');
  await assertPageStill(page);
  await screenshot(page, 'keyboard-phone-email');

  const password = await field(page, PASSWORD);
  await page.touchscreen.tap(centre(password).x, centre(password).y);
  await page.waitForFunction(() => document.activeElement?.getAttribute('autocomplete') === 'current-password');
  await page.keyboard.insertText(JOSE.password);
  assert.equal((await textEntry(page)).focused, false, 'the drawn fields\' element stays out of it');
  await assertPageStill(page);
  await screenshot(page, 'keyboard-phone-password');

  const enter = await waitForItem(page, 'Ingresar', 'button');
  await page.touchscreen.tap(centre(enter).x, centre(enter).y);
  assert.equal(await signInOutcome(page), 'signed in');
  await screenshot(page, 'keyboard-phone-signed-in');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('on a phone, a tap on a drawn field focuses the text-entry element and the keyboard types into it', async () => {
  // The manuals' search is drawn on the canvas: what a phone types reaches it through the element.
  const wanted = (await (await fetch(`${stub.url}/api/v1/manuals?q=cancelacion&limit=50`)).json()).results[0];
  const none = (await (await fetch(`${stub.url}/api/v1/manuals?q=cancelacionx&limit=50`)).json()).results;
  assert.ok(wanted, 'a manual matches "cancelacion"');
  assert.equal(none.length, 0, 'none matches "cancelacionx": the results show whether Backspace worked');
  const page = await openPhone();
  await page.fill('input[autocomplete="username"]', JOSE.email);
  await page.fill('input[autocomplete="current-password"]', JOSE.password);
  await page.press('input[autocomplete="current-password"]', 'Enter');
  await waitForRoute(page, '/servicios');
  await goTo(page, '/manuales');

  const search = await field(page, SEARCH);
  const before = await textEntry(page);
  assert.ok(before, 'the page has a text-entry element');
  assert.equal(before.focused, false, 'no keyboard before a field is tapped');
  assert.ok(before.fontSize >= 16, 'font size 16px or more: iOS does not zoom in on focus');
  assert.equal(before.opacity, '0', 'invisible');
  assert.equal(before.autocapitalize, 'off');
  assert.equal(before.autocorrect, 'off');
  assert.equal(before.spellcheck, false);

  await page.touchscreen.tap(centre(search).x, centre(search).y);
  await waitForFocus(page, true);
  // It sits at the field's caret (where an IME shows its candidates), inside the field.
  await page.waitForFunction((f) => {
    const r = document.getElementById('portal-text-entry').getBoundingClientRect();
    return r.x >= f.x && r.x <= f.x + f.w && r.y >= f.y - 2 && r.y + r.height <= f.y + f.h + 2;
  }, search);
  assert.equal((await textEntry(page)).type, 'text');
  assert.notEqual(await page.evaluate(() => document.getElementById('portal-text-entry').inputMode), 'email');
  // One letter too many, then the Backspace of an Android keyboard: a keydown "Unidentified"
  // (which types nothing) and a beforeinput deleteContentBackward.
  await page.keyboard.insertText('cancelacionx');
  const backspace = await page.evaluate(() => {
    const el = document.getElementById('portal-text-entry');
    el.dispatchEvent(new KeyboardEvent('keydown', { key: 'Unidentified', bubbles: true, cancelable: true }));
    const notCancelled = el.dispatchEvent(new InputEvent('beforeinput',
      { inputType: 'deleteContentBackward', bubbles: true, cancelable: true }));
    el.dispatchEvent(new KeyboardEvent('keyup', { key: 'Unidentified', bubbles: true, cancelable: true }));
    return { notCancelled };
  });
  assert.equal(backspace.notCancelled, false, 'the browser deletes nothing of its own');
  assert.equal((await textEntry(page)).value, '', 'the element keeps no text: it went to the field');
  await waitForItem(page, wanted.title, 'link');
  await assertPageStill(page);
  await screenshot(page, 'keyboard-phone-search');

  // A tap outside any field closes the keyboard.
  const title = (await items(page)).find((i) => i.role === 'text' && i.y + i.h < search.y && !i.clipped);
  assert.ok(title, 'a text above the field');
  await page.touchscreen.tap(centre(title).x, centre(title).y);
  await waitForFocus(page, false);

  // A tap held as a person holds it (the page draws the press before the finger lifts) on
  // something that is not a field never opens the keyboard, not even for an instant.
  await page.evaluate(() => {
    window.textEntryFocusCount = 0;
    document.getElementById('portal-text-entry')
      .addEventListener('focus', () => { window.textEntryFocusCount += 1; });
  });
  const cdp = await page.context().newCDPSession(page);
  const point = { x: centre(title).x, y: centre(title).y };
  const frames = await page.evaluate(() => window.portal.frames());
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [point] });
  await page.waitForFunction((f) => window.portal.frames() > f + 1, frames);
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  await page.waitForFunction((f) => window.portal.frames() > f + 3, frames);
  assert.equal(await page.evaluate(() => window.textEntryFocusCount), 0);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('on a computer, each typed character arrives once and Backspace deletes one', async () => {
  const page = await openPortal(browser, stub.url);
  await click(page, EMAIL, 'input');
  assert.equal(await focusedSignInField(page), 'username', 'the click lands in the real field');
  // Keys on the layout go by keydown; "é" and "ñ" are not on Playwright's US layout and arrive as
  // text input, the IME path. A doubled character from either path breaks the sign-in.
  await page.keyboard.type(`${JOSE.email}xy`);
  await page.keyboard.press('Backspace');
  await page.keyboard.press('Backspace');
  await click(page, PASSWORD, 'input');
  await page.keyboard.type(JOSE.password);
  await page.keyboard.press('Enter');
  assert.equal(await signInOutcome(page), 'signed in');
  await waitForFocus(page, false);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('on a computer, one extra Backspace is one character less (the sign-in is refused)', async () => {
  const page = await openPortal(browser, stub.url);
  await click(page, EMAIL, 'input');
  await page.keyboard.type(JOSE.email);
  await click(page, PASSWORD, 'input');
  await page.keyboard.type(`${JOSE.password}`);
  await page.keyboard.press('Backspace');
  await click(page, 'Ingresar');
  assert.match(await signInOutcome(page), /^refused: .*contraseña no son correctos/);
  await page.context().close();
});

test('an IME composition inserts the composed text once', async () => {
  const page = await openPortal(browser, stub.url);
  const cdp = await page.context().newCDPSession(page);
  await click(page, EMAIL, 'input');
  assert.equal(await focusedSignInField(page), 'username');
  const compose = async (steps, committed) => {
    for (const text of steps) {
      await cdp.send('Input.imeSetComposition', { text, selectionStart: text.length, selectionEnd: text.length });
    }
    await cdp.send('Input.insertText', { text: committed });
  };
  await page.evaluate(() => {
    const el = document.activeElement;
    window.compositionEvents = [];
    for (const type of ['compositionstart', 'compositionend']) {
      el.addEventListener(type, (e) => window.compositionEvents.push(`${type} ${e.data}`));
    }
  });
  // "josé.muñoz@example.com": the é and the ñ are composed as a dead-key or Latin IME would.
  await page.keyboard.type('jos');
  await compose(['´', 'é'], 'é');
  await page.keyboard.type('.mu');
  await compose(['~', 'ñ'], 'ñ');
  await page.keyboard.type('oz@example.com');
  // The browser really composed (two compositions, committed as é and ñ).
  const seen = await page.evaluate(() => window.compositionEvents);
  assert.deepEqual(seen.filter((e) => e.startsWith('compositionend')),
    ['compositionend é', 'compositionend ñ'], seen.join(', '));
  await click(page, PASSWORD, 'input');
  await page.keyboard.type(JOSE.password);
  await click(page, 'Ingresar');
  assert.equal(await signInOutcome(page), 'signed in');
  await page.context().close();
});
