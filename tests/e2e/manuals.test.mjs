// Manuals: a client opens the catalog, searches as they type ("cancelacion" without its accent
// finds "Cancelación del servicio"), opens the article, reads its headings, follows a link to
// another article and comes back with the browser's Back button. Everything the screen shows is
// compared with what the API answers. The arrows of a path («Mis servicios → … → Acciones») are
// drawn as arrows, read from the screen's pixels.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  DEMO, openPortal, signIn, waitForItem, waitForRoute, click, fill, items, screenshot, route,
  apiGet, stub, browser, shareStubAndBrowser, goTo,
} from './harness.mjs';
import { pixelsIn, luminance } from './pixels.mjs';

shareStubAndBrowser();

// What a reader sees of a Markdown line: no emphasis marks, link text without its target.
function plain(markdown) {
  return markdown
    .replace(/\[([^\]]*)\]\([^)\s]*\)/g, '$1')
    .replace(/\*\*|__|[*_`]/g, '')
    .trim();
}

function headingsOf(body) {
  return body.split('\n')
    .map((line) => /^#{1,6}\s+(.*?)\s*#*\s*$/.exec(line))
    .filter(Boolean)
    .map((m) => plain(m[1]));
}

// [text](manual:slug) links, in order.
function internalLinksOf(body) {
  return [...body.matchAll(/\[([^\]]+)\]\(manual:([a-z0-9-]+)\)/g)]
    .map((m) => ({ text: plain(m[1]), slug: m[2] }));
}

// Records how long each animation frame's work takes (the portal draws in rAF callbacks, and
// Emscripten looks requestAnimationFrame up on every frame, so wrapping it after load works).
function recordFrameTimes(page) {
  return page.evaluate(() => {
    window.__frameTimes = [];
    const original = window.requestAnimationFrame.bind(window);
    window.requestAnimationFrame = (callback) => original((now) => {
      const start = performance.now();
      callback(now);
      window.__frameTimes.push(performance.now() - start);
    });
  });
}

// Scrolls the hovered area with the mouse wheel until the widget is on screen (widgets outside
// the scrolled view are clipped and not reported), and returns it.
async function scrollIntoView(page, label, role) {
  const view = page.viewportSize();
  for (let i = 0; i < 60; ++i) {
    const found = (await items(page)).find((it) => it.label === label && it.role === role);
    if (found && found.y >= 0 && found.y + found.h <= view.height) return found;
    const frames = await page.evaluate(() => window.portal.frames());
    await page.mouse.move(view.width / 2, view.height * 0.7);
    await page.mouse.wheel(0, found && found.y < 0 ? -200 : 200);
    await page.waitForFunction((f) => window.portal.frames() > f + 1, frames);
  }
  throw new Error(`"${label}" (${role}) never came into view`);
}

function p95(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.95))];
}

test('search as you type, open the article, follow a link, come back', async () => {
  const catalog = await apiGet(stub, null, '/manuals');
  const search = await apiGet(stub, null, '/manuals?q=cancelacion&limit=50');
  const wanted = search.results.find((hit) => hit.slug === 'cancelacion');
  assert.ok(wanted, 'the API finds the cancellation article for "cancelacion"');
  assert.match(wanted.title, /ó/, 'its title carries the accent the query lacks');
  const article = await apiGet(stub, null, '/manuals/cancelacion');

  const page = await openPortal(browser, stub.url, { viewport: { width: 1280, height: 1800 } });
  await signIn(page, DEMO.ana);
  await waitForRoute(page, '/servicios');

  // The catalog: every page of every chapter of every book, as a link.
  await click(page, 'Manuales', 'tab');
  await waitForRoute(page, '/manuales');
  const firstPage = catalog.books[0].chapters[0].pages[0];
  await waitForItem(page, firstPage.title, 'link');
  const shown = await items(page);
  for (const book of catalog.books) {
    assert.ok(shown.some((i) => i.label === book.title && i.role === 'text'), `book "${book.title}"`);
    for (const chapter of book.chapters) {
      assert.ok(shown.some((i) => i.label === chapter.title), `chapter "${chapter.title}"`);
      for (const p of chapter.pages) {
        assert.ok(shown.some((i) => i.label === p.title && i.role === 'link'), `page "${p.title}"`);
      }
    }
  }
  await screenshot(page, 'manuals-catalog');

  // Search as you type: the results show with the accented title, in the API's order.
  await fill(page, 'Buscar en los manuales', 'cancelacion');
  await waitForItem(page, wanted.title, 'link');
  // Earlier keystrokes' results may show first; the last text's results, in the API's order, end it.
  const expectedOrder = search.results.map((hit) => hit.title);
  await page.waitForFunction((expected) => {
    const links = window.portal.items().filter((i) => i.role === 'link').map((i) => i.label);
    const shown = links.filter((label) => expected.includes(label));
    return shown.length >= Math.min(3, expected.length) &&
      shown.every((label, k) => label === expected[k]);
  }, expectedOrder);
  await screenshot(page, 'manuals-search');

  // Open it: leaving the field puts the search in the route first (Back returns to it).
  await click(page, wanted.title, 'link');
  await waitForRoute(page, '/manuales/cancelacion');
  const headings = headingsOf(article.body_markdown);
  assert.ok(headings.length >= 2, 'the article has headings');
  for (const heading of headings) await waitForItem(page, heading, 'text');
  await waitForItem(page, article.book, 'text');
  await waitForItem(page, article.chapter, 'text');
  await screenshot(page, 'manuals-article');

  // An internal link lands on that article's route, inside the portal.
  const [target] = internalLinksOf(article.body_markdown);
  assert.ok(target, 'the article links to another article');
  const targetPage = await apiGet(stub, null, `/manuals/${target.slug}`);
  const link = await scrollIntoView(page, target.text, 'link');
  await page.mouse.click(link.x + link.w / 2, link.y + link.h / 2);
  await waitForRoute(page, `/manuales/${target.slug}`);
  await waitForItem(page, headingsOf(targetPage.body_markdown)[0], 'text');
  assert.equal(page.url().split('#')[0], `${stub.url}/`, 'still the portal, no new page');

  // The browser's Back button: the previous article, then the search that led to it.
  await page.goBack();
  await waitForRoute(page, '/manuales/cancelacion');
  await waitForItem(page, headings[1], 'text');
  await page.goBack();
  await waitForRoute(page, '/manuales?q=cancelacion');
  await waitForItem(page, wanted.title, 'link');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('no match, unknown article, phone width, frame time', async () => {
  const page = await openPortal(browser, stub.url, { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2 });
  await recordFrameTimes(page);
  await signIn(page, DEMO.ana);
  await waitForRoute(page, '/servicios');

  // A search nothing matches: the API says so, and the screen says it with the client's words.
  const none = await apiGet(stub, null, '/manuals?q=xyzzyq');
  assert.equal(none.results.length, 0);
  await goTo(page, '/manuales?q=xyzzyq');
  await waitForItem(page, /xyzzyq/, 'text');
  await screenshot(page, 'manuals-no-match-phone');

  // A slug the API does not know: a message and a way back to the catalog.
  const res = await fetch(`${stub.url}/api/v1/manuals/no-existe`);
  assert.equal(res.status, 404);
  await goTo(page, '/manuales/no-existe');
  const back = await waitForItem(page, /manuales|manuals/i, 'link');
  await screenshot(page, 'manuals-not-found-phone');
  await page.mouse.click(back.x + back.w / 2, back.y + back.h / 2);
  await waitForRoute(page, '/manuales');

  // The article at phone width (tables and lists wrap), and how long its frames take.
  const article = await apiGet(stub, null, '/manuals/cancelacion');
  await goTo(page, '/manuales/cancelacion');
  await waitForItem(page, headingsOf(article.body_markdown)[0], 'text');
  await screenshot(page, 'manuals-article-phone');
  await page.evaluate(() => { window.__frameTimes = []; });
  for (let i = 0; i < 60; ++i) {
    await page.mouse.move(40 + (i % 30) * 10, 200 + (i % 7) * 40);
    await page.mouse.wheel(0, i < 30 ? 40 : -40);
  }
  await page.waitForFunction(() => window.__frameTimes.length >= 60);
  const times = await page.evaluate(() => window.__frameTimes);
  console.log(`article frames: ${times.length}, p95 ${p95(times).toFixed(2)} ms, max ${Math.max(...times).toFixed(2)} ms`);
  assert.equal(await route(page), '/manuales/cancelacion');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

// Where a line of text has a long, thin horizontal stroke: a run of dark pixels at least `min`
// device pixels long in one row, with nothing above or below the first half of it (3 rows away),
// merged with the same stroke's other rows. At 16 px an arrow «→» is a shaft of about 10 px with
// its head at the right; no letter has such a stroke (the bar of «e» is about 6 px and closed
// above and below; stems stand above and below letters that touch), nor has «?», which ImGui
// draws for a character its fonts lack.
function thinStrokes(image, min) {
  const shades = image.pixels().map(luminance).sort((a, b) => a - b);
  const paper = shades[Math.floor(shades.length / 2)];  // text inks well under half of its box
  const ink = (x, y) => y >= 0 && y < image.height && paper - luminance(image.at(x, y));
  const marks = [];
  for (let y = 0; y < image.height; ++y) {
    let start = -1;
    for (let x = 0; x <= image.width; ++x) {
      const dark = x < image.width && ink(x, y) > 60;
      if (dark && start < 0) start = x;
      if (dark || start < 0) continue;
      let alone = x - start >= min;
      for (let i = start; alone && i < start + (x - start) / 2; ++i) {
        alone = ink(i, y - 3) < 30 && ink(i, y + 3) < 30;
      }
      const mark = alone && marks.find((m) => start <= m.to && x >= m.from && y - m.y <= 2);
      if (mark) Object.assign(mark, { from: Math.min(mark.from, start), to: Math.max(mark.to, x), y });
      else if (alone) marks.push({ from: start, to: x, y });
      start = -1;
    }
  }
  return marks.sort((a, b) => a.from - b.from);
}

test('the upgrade manual\'s summary line shows its arrows, not «?»', async () => {
  const article = await apiGet(stub, null, '/manuals/upgrade-downgrade');
  const line = article.body_markdown.split('\n').find((l) => l.startsWith('En resumen:'));
  assert.ok(line, 'the article sums its path up in one line');
  const arrows = (line.match(/→/g) || []).length;
  assert.ok(arrows >= 3, `the summary line has ${arrows} arrows`);

  const page = await openPortal(browser, stub.url, { viewport: { width: 1280, height: 1000 } });
  await signIn(page, DEMO.ana);
  await waitForRoute(page, '/servicios');
  await goTo(page, '/manuales/upgrade-downgrade');
  const shown = await waitForItem(page, plain(line), 'text');
  assert.ok(shown.h < 30, `the summary line fits on one line (${shown.h} px high)`);
  await screenshot(page, 'manuals-upgrade-arrows');
  const image = await pixelsIn(page, shown);
  const strokes = thinStrokes(image, 9);
  assert.equal(strokes.length, arrows,
    `one thin horizontal stroke per arrow: ${JSON.stringify(strokes)} in a line ${image.width} px wide`);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});
