// What the client sees is drawn, not only laid out: the page draws with its own WebGL 2 renderer
// and, at pixel ratio 1, with fonts rasterised at build time (BENCHMARKS.md). These tests read
// the screen's pixels: the sign-in button is a coloured button with a legible label, the title is
// text (not blocks, not blank), and the same at pixel ratio 2, where the full font set is
// rasterised in the page's font worker (or, without one, in the page). A browser without WebGL 2
// is told so in plain words.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';
import {
  openPortal, waitForItem, signIn, DEMO, CHROMIUM_ARGS, stub, browser, shareStubAndBrowser,
} from './harness.mjs';
import { pixelsIn, luminance, distance } from './pixels.mjs';

shareStubAndBrowser();

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const medianColour = (pixels) => [0, 1, 2].map((c) => median(pixels.map((p) => p[c])));

// How text drawn on a plain `paper` colour looks: the share of the box it inks, and how much of
// that ink is anti-aliased (between paper and the strongest ink). Glyphs from a working font
// texture have soft edges: a third or more of their pixels; a texture read wrongly draws each
// glyph as a solid block, which has none.
function inkOf(pixels, paper) {
  const ink = pixels.filter((p) => distance(p, paper) > 30);
  const strongest = ink.reduce((a, p) => (distance(p, paper) > distance(a, paper) ? p : a), paper);
  const soft = ink.filter((p) => distance(p, strongest) > 30).length;
  return { share: ink.length / pixels.length, soft: ink.length ? soft / ink.length : 0, strongest };
}

// What the sign-in screen shows at this pixel ratio: the page background, the button (its
// inside, without the rounded border) and the title.
async function signInScreen(deviceScaleFactor) {
  const page = await openPortal(browser, stub.url, { viewport: { width: 1000, height: 700 }, deviceScaleFactor });
  const button = await waitForItem(page, 'Ingresar', 'button');
  const title = await waitForItem(page, 'Ingrese a su cuenta');
  // The page's own background: a strip at the very bottom, below the sign-in card.
  const background = medianColour((await pixelsIn(page, { x: 0, y: 690, w: 1000, h: 8 })).pixels());
  const inside = { x: button.x + 4, y: button.y + 4, w: button.w - 8, h: button.h - 8 };
  const buttonPixels = (await pixelsIn(page, inside)).pixels();
  const titlePixels = (await pixelsIn(page, title)).pixels();
  await page.context().close();
  return { background, buttonPixels, titlePixels };
}

for (const ratio of [1, 2]) {
  test(`the sign-in screen is drawn: a blue button with a legible label, and a text title (pixel ratio ${ratio})`, async () => {
    const { background, buttonPixels, titlePixels } = await signInScreen(ratio);
    assert.ok(luminance(background) > 200, `the page background is light (${background})`);

    // The button: filled with a saturated blue, clearly apart from the page.
    const fill = medianColour(buttonPixels);
    assert.ok(fill[2] > fill[0] + 60 && fill[2] > fill[1] + 30, `the button is blue (${fill})`);
    assert.ok(distance(fill, background) > 100, 'the button stands out from the page');
    // Its label (and padlock): light, soft-edged strokes on the blue.
    const label = inkOf(buttonPixels, fill);
    assert.ok(luminance(label.strongest) > 200, `the label is drawn in light ink (${label.strongest})`);
    assert.ok(label.share > 0.02 && label.share < 0.3, `the label covers ${Math.round(label.share * 100)} % of the button`);
    assert.ok(label.soft > 0.2, `${Math.round(label.soft * 100)} % of the label's pixels are anti-aliased edges`);

    // The title: dark, soft-edged glyphs on the light card.
    const paper = medianColour(titlePixels);
    assert.ok(luminance(paper) > 200, `the title sits on a light card (${paper})`);
    const title = inkOf(titlePixels, paper);
    assert.ok(luminance(title.strongest) < 90, `the title is drawn in dark ink (${title.strongest})`);
    assert.ok(title.share > 0.1 && title.share < 0.45, `the title's ink covers ${Math.round(title.share * 100)} % of its box`);
    assert.ok(title.soft > 0.2, `${Math.round(title.soft * 100)} % of the title's inked pixels are anti-aliased edges`);
  });
}

test('the title carries as much ink at pixel ratio 1 (built-in fonts) as at 2 (rasterised by the font worker)', async () => {
  const one = await signInScreen(1);
  const two = await signInScreen(2);
  const inkOne = inkOf(one.titlePixels, medianColour(one.titlePixels)).share;
  const inkTwo = inkOf(two.titlePixels, medianColour(two.titlePixels)).share;
  // Same words, same box, same font at two resolutions: the share of ink agrees closely (a
  // wrong glyph table would shift, drop or double the letters).
  assert.ok(Math.abs(inkOne - inkTwo) < 0.3 * Math.max(inkOne, inkTwo),
    `ink at pixel ratio 1: ${Math.round(inkOne * 100)} %, at 2: ${Math.round(inkTwo * 100)} %`);
});

// Where the full font set was rasterised, and the title's ink once it is loaded, in a page
// opened with `prepare(context)` run first.
async function fullFontSet(prepare) {
  const context = await browser.newContext({ viewport: { width: 1000, height: 700 }, deviceScaleFactor: 2 });
  try {
    await prepare(context);
    const page = await context.newPage();
    await page.goto(stub.url + '/');
    await page.waitForFunction(() => window.portal && (window.portal.allFonts || window.portal.error));
    assert.equal(await page.evaluate(() => window.portal.error), null);
    const title = await waitForItem(page, 'Ingrese a su cuenta');
    const pixels = (await pixelsIn(page, title)).pixels();
    return { where: await page.evaluate(() => window.portal.allFonts), ink: inkOf(pixels, medianColour(pixels)) };
  } finally {
    await context.close();
  }
}

test('the full font set is rasterised off the main thread, by the font worker, and draws text', async () => {
  const { where, ink } = await fullFontSet(async () => {});
  assert.equal(where, 'worker');
  assert.ok(ink.share > 0.1 && ink.soft > 0.2, `the title's ink: ${Math.round(ink.share * 100)} %, soft ${Math.round(ink.soft * 100)} %`);
});

test('without a font worker the page rasterises the full set itself, and nothing else changes', async () => {
  for (const prepare of [
    (context) => context.addInitScript(() => { delete window.Worker; }),
    (context) => context.route('**/font-worker.js', (route) => route.fulfill({ status: 404, body: 'gone' })),
  ]) {
    const { where, ink } = await fullFontSet(prepare);
    assert.equal(where, 'page');
    assert.ok(ink.share > 0.1 && ink.soft > 0.2, `the title's ink: ${Math.round(ink.share * 100)} %, soft ${Math.round(ink.soft * 100)} %`);
  }
});

// The page says it is ready once its first frame is drawn: that frame already shows the sign-in
// card, not an empty page whose card comes in the next one.
test('the first frame drawn already shows the sign-in card', async () => {
  const context = await browser.newContext({ viewport: { width: 1000, height: 700 } });
  try {
    await context.addInitScript(() => {
      let portal;
      Object.defineProperty(window, 'portal', {
        configurable: true,
        get() { return portal; },
        set(value) {
          portal = value;
          let ready = false;
          Object.defineProperty(value, 'ready', {
            configurable: true,
            enumerable: true,
            get() { return ready; },
            set(now) {
              if (now && !ready) window.firstFrame = { frames: value.frames(), items: value.items() };
              ready = now;
            },
          });
        },
      });
    });
    const page = await context.newPage();
    await page.goto(stub.url + '/');
    await page.waitForFunction(() => window.firstFrame);
    const { frames, items } = await page.evaluate(() => window.firstFrame);
    assert.equal(frames, 1, 'ready is said in the first frame');
    for (const label of ['Ingrese a su cuenta', 'Correo electrónico', 'Contraseña', 'Ingresar']) {
      const item = items.find((i) => i.label === label);
      assert.ok(item, `the first frame draws «${label}»`);
      assert.ok(!item.clipped && item.w > 0 && item.h > 0, `«${label}» is in view in the first frame (${JSON.stringify(item)})`);
    }
  } finally {
    await context.close();
  }
});

// The frame that takes a click, and one that still has input to take, are not sent to WebGL (the
// next frame replaces their image at once): what the click changed must still reach the canvas.
test('after a click changes the screen, the canvas shows the new screen, not only its items', async () => {
  const page = await openPortal(browser, stub.url, { viewport: { width: 1000, height: 700 } });
  try {
    const tabs = await waitForItem(page, 'English', 'button');
    const paper = medianColour((await pixelsIn(page, { x: 300, y: tabs.y, w: 300, h: tabs.h })).pixels());
    await signIn(page, DEMO.ana);
    // The tabs are drawn where the sign-in screen's top bar is empty.
    for (const label of ['Mis servicios', 'Manuales']) {
      const tab = await waitForItem(page, label, 'tab');
      const ink = inkOf((await pixelsIn(page, tab)).pixels(), paper);
      assert.ok(ink.share > 0.05, `the tab «${label}» is drawn on the canvas (${Math.round(ink.share * 100)} % inked)`);
    }
  } finally {
    await page.context().close();
  }
});

test('a browser without WebGL 2 is told so, with what to do', async () => {
  const limited = await chromium.launch({ executablePath: '/usr/bin/chromium', args: [...CHROMIUM_ARGS, '--disable-webgl2'] });
  try {
    const page = await limited.newPage();
    await page.goto(stub.url + '/');
    await page.waitForFunction(() => window.portal && window.portal.error);
    const shown = await page.locator('#message').innerText();
    assert.match(shown, /WebGL 2/);
    assert.match(shown, /Actualícelo o active la aceleración gráfica/);
    assert.equal(await page.locator('#message').isVisible(), true);
  } finally {
    await limited.close();
  }
});
