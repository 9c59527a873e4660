/**
 * The real page in Debian's chromium, driven by playwright-core, against the
 * app served on a random local port with the fake embedder.
 * The README's docs/screenshot.png comes from the real model instead:
 * `npm run build && node scripts/screenshot.mjs`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve, type ServerType } from '@hono/node-server';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LAM_DRAFT, testApp } from '../http/helpers.js';

const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

let server: ServerType;
let base = '';
let context: BrowserContext;
let profile = '';
const external: string[] = [];

beforeAll(async () => {
  const { app } = await testApp();
  await new Promise<void>((resolve) => {
    server = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, (info) => {
      base = `http://127.0.0.1:${info.port}`;
      resolve();
    });
  });
  profile = mkdtempSync(join(tmpdir(), 'cfpmatch-chromium-'));
  context = await chromium.launchPersistentContext(profile, { executablePath: '/usr/bin/chromium', args: ARGS, headless: true });
  context.on('request', (req) => {
    if (!req.url().startsWith(base)) external.push(req.url());
  });
});

afterAll(async () => {
  await context?.close();
  server?.close();
  if (profile) rmSync(profile, { recursive: true, force: true });
});

async function openPage(width = 1100, height = 900): Promise<Page> {
  const page = await context.newPage();
  await page.setViewportSize({ width, height });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  Object.assign(page, { jsErrors: errors });
  return page;
}
const jsErrors = (page: Page): string[] => (page as Page & { jsErrors: string[] }).jsErrors;

describe('author page', () => {
  it('ranks the calls and highlights the supporting sentences of the draft', async () => {
    const page = await openPage();
    await page.goto(`${base}/`);
    await page.getByLabel('Title').fill(LAM_DRAFT.title);
    await page.getByLabel('Abstract').fill(LAM_DRAFT.abstract);
    await page.getByLabel('Keywords').fill(LAM_DRAFT.keywords.join(', '));
    await page.getByRole('button', { name: 'Find matching calls' }).click();
    const cards = page.locator('#results article.result');
    await expect.poll(() => cards.count()).toBe(3);
    expect(await cards.first().getAttribute('data-call-id')).toBe('ieee-network-lam-ioe');
    expect(await cards.first().locator('h3').innerText()).toContain('Large AI Models for the Internet of Everything');
    const fit = Number(await cards.first().locator('[role=meter]').getAttribute('aria-valuenow'));
    expect(fit).toBeGreaterThan(0);
    expect(await cards.first().locator('.badge').innerText()).toMatch(/^Open · \d+ days left$/);
    expect(await page.locator('[data-call-id="china-comms-6g-edge-genai"] .badge').innerText()).toMatch(/^Closed/);
    // Each highlighted passage is a sentence of the draft the user typed.
    const marks = await cards.first().locator('.draft mark').allInnerTexts();
    expect(marks.length).toBeGreaterThan(0);
    for (const m of marks) expect(`${LAM_DRAFT.title} ${LAM_DRAFT.abstract}`).toContain(m);
    expect(marks.some((m) => LAM_DRAFT.abstract.includes(m))).toBe(true);
    expect(await cards.first().locator('a', { hasText: 'Submission portal' }).getAttribute('href')).toMatch(/^https:\/\/ieee/);
    // No LLM configured: no Explain action.
    expect(await page.getByRole('button', { name: 'Explain' }).count()).toBe(0);
    expect(await page.locator('#status').innerText()).toContain('3 of 3 calls ranked');
    expect(jsErrors(page)).toEqual([]);
    await page.evaluate(() => document.getElementById('status')?.scrollIntoView());
    const shot = await page.screenshot();
    expect(shot.length).toBeGreaterThan(10_000);
    await page.close();
  });

  it('shows the API error with the failing field for an empty abstract', async () => {
    const page = await openPage();
    await page.goto(`${base}/`);
    await page.getByLabel('Title').fill('Only a title');
    await page.getByRole('button', { name: 'Find matching calls' }).click();
    const alert = page.locator('#form-error');
    await expect.poll(() => alert.innerText()).toContain('VALIDATION');
    expect(await alert.innerText()).toContain('abstract must not be empty');
    expect(await alert.locator('li code').innerText()).toBe('abstract');
    expect(await page.getByLabel('Abstract').getAttribute('aria-invalid')).toBe('true');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('abstract');
    expect(await page.locator('#results article').count()).toBe(0);
    await page.close();
  });

  it('submits from the keyboard (Ctrl+Enter in the abstract) and fits a phone screen', async () => {
    const page = await openPage(375, 740);
    await page.goto(`${base}/`);
    await page.getByLabel('Abstract').focus();
    await page.keyboard.type('Intrinsically secure semantic communication for 6G edge networks with generative AI.');
    await page.keyboard.press('Control+Enter');
    await expect.poll(() => page.locator('#results article.result').count()).toBe(3);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    // Tab order reaches the first result's link.
    expect(await page.locator('#results').getAttribute('aria-live')).toBe('polite');
    await page.close();
  });

  it('offers Explain when the server reports an LLM, and shows the explanation', async () => {
    const page = await openPage();
    await page.route(`${base}/healthz`, (route) => route.fulfill({ json: { status: 'ok', calls: 3, embedder: 'fake-bow', llm: { configured: true, model: 'test-llm' } } }));
    await page.route(`${base}/v1/explain`, (route) => route.fulfill({ json: { call_id: 'ieee-network-lam-ioe', verdict: 'A strong fit.', topics: [{ topic: 'Resource scheduling', rationale: 'It schedules resources.', quote_verified: true }], gaps: [], suggestions: ['Name the dataset.'], unverified_quotes: 0, model: 'test-llm', cached: false } }));
    await page.goto(`${base}/`);
    await page.getByLabel('Abstract').fill(LAM_DRAFT.abstract);
    await page.getByRole('button', { name: 'Find matching calls' }).click();
    const explain = page.getByRole('button', { name: 'Explain' }).first();
    await explain.click();
    await expect.poll(() => page.locator('.explain').first().innerText()).toContain('A strong fit.');
    expect(await page.locator('.explain').first().innerText()).toContain('Name the dataset.');
    await page.close();
  });
});

describe('call and editor pages', () => {
  it('shows a call with its parsed fields', async () => {
    const page = await openPage();
    await page.goto(`${base}/calls/ieee-iotj-symbiotic-iot-giant-ai`);
    await expect.poll(() => page.locator('h1').innerText()).not.toBe('');
    const text = await page.locator('#app').innerText();
    for (const heading of ['Dates', 'Topics', 'Guest editors', 'Submission rules', 'Warnings']) expect(text).toContain(heading);
    expect(text).toContain('contradict');
    expect(jsErrors(page)).toEqual([]);
    await page.close();
  });

  it('triages pasted submissions against the chosen call', async () => {
    const page = await openPage();
    await page.goto(`${base}/editor?call=ieee-network-lam-ioe`);
    await expect.poll(() => page.locator('#call option').count()).toBe(3);
    expect(await page.getByLabel('Call').inputValue()).toBe('ieee-network-lam-ioe');
    await page.getByLabel('Submissions').fill(`${LAM_DRAFT.title}\n${LAM_DRAFT.abstract}\n---\nMedieval poetry\nWe read Italian manuscripts of the fourteenth century.`);
    await page.getByRole('button', { name: 'Triage submissions' }).click();
    const rows = page.locator('#triage-results tbody tr');
    await expect.poll(() => rows.count()).toBe(2);
    expect(await rows.nth(0).locator('th').innerText()).toBe(LAM_DRAFT.title);
    const verdicts = await rows.locator('.badge').allInnerTexts();
    for (const v of verdicts) expect(v).toMatch(/^(in scope|borderline|out of scope)$/);
    expect(verdicts[1]).toBe('out of scope');
    expect(jsErrors(page)).toEqual([]);
    await page.close();
  });

  it('says clearly when the server has no triage route, and names bad pasted lines', async () => {
    const page = await openPage();
    await page.route(`${base}/v1/triage`, (route) => route.fulfill({ status: 404, json: { error: { code: 'NOT_FOUND', message: 'no route POST /v1/triage' } } }));
    await page.goto(`${base}/editor`);
    await expect.poll(() => page.locator('#call option').count()).toBe(3);
    await page.getByLabel('Submissions').fill('{"title":"A","abstract":"x y"}\nnot json');
    await page.getByRole('button', { name: 'Triage submissions' }).click();
    await expect.poll(() => page.locator('#triage-error').innerText()).toContain('line 2: not valid JSON');
    await page.getByLabel('Submissions').fill('{"title":"A","abstract":"x y"}');
    await page.getByLabel('Submissions').press('Control+Enter');
    await expect.poll(() => page.locator('#triage-error').innerText()).toContain('Triage is not available on this server');
    await page.close();
  });

  it('loaded nothing from another origin', () => {
    expect(external).toEqual([]);
  });
});
