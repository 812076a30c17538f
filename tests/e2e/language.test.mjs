// English, whole: bruno (whose saved language is English) signs in on the Spanish sign-in page
// of a first visit and gets English screens, plan names, download descriptions and an English
// manual; ana gets all of it in Spanish; switching the language shows the article on screen in
// the other one. What the screen shows is compared with what the API answers in that language.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  DEMO, openPortal, signIn, waitForItem, waitForRoute, click, screenshot, apiGet, apiToken,
  stub, browser, shareStubAndBrowser, goTo,
} from './harness.mjs';

shareStubAndBrowser();

const VIEW = { viewport: { width: 1280, height: 800 } };

// An invoice line of a period as the API words it (api/openapi.yaml, Invoice.description): the
// plan's name in the reader's language, then one cycle.
const CYCLE = {
  es: { monthly: '1 mes', quarterly: '3 meses', semiannual: '6 meses', yearly: '1 año' },
  en: { monthly: '1 month', quarterly: '3 months', semiannual: '6 months', yearly: '1 year' },
};
const billed = (plan, language) => `${plan.name} · ${CYCLE[language][plan.cycle]}`;

function headingsOf(body) {
  return body.split('\n')
    .map((line) => /^#{1,6}\s+(.*?)\s*#*\s*$/.exec(line))
    .filter(Boolean)
    .map((m) => m[1].replace(/\*\*|[*_`]/g, '').trim());
}

// The language saved in who's profile, once it is `expected` (the page saves it on its own way).
async function waitForSavedLanguage(who, expected, timeoutMs = 20000) {
  const token = await apiToken(stub, who);
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { language } = await apiGet(stub, token, '/me');
    if (language === expected || Date.now() > deadline) return language;
    await new Promise((r) => setTimeout(r, 25)); // poll interval, not a wait for the result
  }
}


test('a first visit is in Spanish; bruno signs in to English screens and an English manual', async () => {
  const token = await apiToken(stub, DEMO.bruno);
  const services = (await apiGet(stub, token, '/services?lang=en')).services;
  const reseller = services.find((s) => s.type === 'reseller' && s.status === 'active');
  assert.ok(reseller, 'bruno has an active reseller service');
  const downloads = (await apiGet(stub, token, `/services/${reseller.id}/downloads?lang=en`)).downloads;
  assert.ok(downloads.length > 0, 'its plan includes downloads');
  const article = await apiGet(stub, null, '/manuals/upgrade-downgrade?lang=en');
  const spanishArticle = await apiGet(stub, null, '/manuals/upgrade-downgrade');
  assert.notEqual(article.title, spanishArticle.title);

  const page = await openPortal(browser, stub.url, VIEW);
  await waitForItem(page, 'Ingresar', 'button');  // a first visit: Spanish
  await signIn(page, DEMO.bruno);
  await waitForRoute(page, '/servicios');
  await waitForItem(page, 'My services', 'tab');
  await waitForItem(page, 'Manuals', 'tab');
  await waitForItem(page, 'Español', 'button');  // the switch offers the other language
  await waitForItem(page, reseller.name);
  await screenshot(page, 'language-en-services');

  // The service's screen: its plan and its downloads in English.
  await goTo(page, `/servicios/${reseller.id}`);
  await waitForItem(page, 'Downloads', 'text');
  await waitForItem(page, new RegExp(reseller.plan.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
  for (const d of downloads) await waitForItem(page, d.description);
  await screenshot(page, 'language-en-service');

  // His invoices: each line says its plan in English (his video's is renamed in English; the
  // service is suspended for its overdue invoice).
  const video = services.find((s) => s.type === 'video_streaming');
  assert.ok(video, 'bruno has a video service');
  await click(page, 'Invoices', 'tab');
  await waitForRoute(page, '/facturas');
  await waitForItem(page, billed(video.plan, 'en'), 'text');
  await screenshot(page, 'language-en-invoices');

  // An English manual, from the catalog.
  await click(page, 'Manuals', 'tab');
  await waitForRoute(page, '/manuales');
  await waitForItem(page, 'Using the client panel', 'text');
  await click(page, article.title, 'link');
  await waitForRoute(page, '/manuales/upgrade-downgrade');
  for (const heading of headingsOf(article.body_markdown)) await waitForItem(page, heading, 'text');
  await waitForItem(page, article.book, 'text');
  await screenshot(page, 'language-en-manual');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('ana signs in to Spanish screens, plan names and manual', async () => {
  const token = await apiToken(stub, DEMO.ana);
  const services = (await apiGet(stub, token, '/services')).services;
  const english = (await apiGet(stub, token, '/services?lang=en')).services;
  const renamed = services.find((s, i) => s.plan.name !== english[i].plan.name);
  assert.ok(renamed, 'one of ana\'s plans has another name in English');

  const page = await openPortal(browser, stub.url, VIEW);
  await signIn(page, DEMO.ana);
  await waitForRoute(page, '/servicios');
  await waitForItem(page, 'Mis servicios', 'tab');
  await waitForItem(page, 'English', 'button');
  await goTo(page, `/servicios/${renamed.id}`);
  await waitForItem(page, new RegExp(renamed.plan.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
  await goTo(page, '/facturas');
  await waitForItem(page, billed(renamed.plan, 'es'), 'text');
  await goTo(page, '/manuales/cancelacion');
  const article = await apiGet(stub, null, '/manuals/cancelacion');
  await waitForItem(page, headingsOf(article.body_markdown)[0], 'text');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('switching the language shows the article in the other language', async () => {
  const spanish = await apiGet(stub, null, '/manuals/cancelacion');
  const english = await apiGet(stub, null, '/manuals/cancelacion?lang=en');
  const page = await openPortal(browser, stub.url, VIEW);
  await signIn(page, DEMO.ana);
  await waitForRoute(page, '/servicios');
  await goTo(page, '/manuales/cancelacion');
  await waitForItem(page, headingsOf(spanish.body_markdown)[0], 'text');

  await click(page, 'English');
  for (const heading of headingsOf(english.body_markdown)) await waitForItem(page, heading, 'text');
  await waitForItem(page, 'Manuals', 'tab');
  await screenshot(page, 'language-switched-manual');
  assert.equal(await waitForSavedLanguage(DEMO.ana, 'en'), 'en', 'her choice is saved');

  await click(page, 'Español');
  await waitForItem(page, headingsOf(spanish.body_markdown)[1], 'text');
  await waitForItem(page, 'Manuales', 'tab');
  assert.equal(await waitForSavedLanguage(DEMO.ana, 'es'), 'es', 'and Spanish again');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});
