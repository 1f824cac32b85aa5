/**
 * The published page in a real browser: Debian's Chromium driven by playwright-core.
 * Nothing is downloaded: without /usr/bin/chromium these tests are skipped, with a notice.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderMermaid } from '../../src/render/mermaid.js';
import { hostileReport, reportOf, shippedReport } from '../render/support.js';
import { FIXTURES, ROOT, SHIPPED, spawn, tree } from '../helpers.js';

// Functions given to page.evaluate run in the page; these are its globals (the DOM library stays out of the project's types).
declare const document: any;
declare const window: any;
declare function getComputedStyle(element: unknown): { color: string; backgroundColor: string; minWidth: string; overflowX: string };

const CHROMIUM = '/usr/bin/chromium';
const haveChromium = existsSync(CHROMIUM);
if (!haveChromium) {
  console.warn(
    `\n  ⚠ Skipping the browser tests of the HTML report and the Mermaid chart: ${CHROMIUM} is missing.\n    To run them: apt-get update && apt-get install -y chromium   (.ci/run does this where apt-get exists)\n`,
  );
}

const ARTIFACTS = path.join(ROOT, 'test-artifacts');
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

let context: BrowserContext;
/** Every request that was not for a local file: there must be none. */
const remote: string[] = [];
let pages: { status: string; hostile: string };

beforeAll(async () => {
  if (!haveChromium) return;
  mkdirSync(ARTIFACTS, { recursive: true });
  const dir = tree({});
  const make = (name: string, args: string[]) => {
    const r = spawn(['report', '--format', 'html', '--output', name, '-q', ...args], { cwd: dir });
    if (r.code !== 0) throw new Error(r.stderr);
    return path.join(dir, name);
  };
  pages = {
    status: make('status.html', ['-r', SHIPPED, '--today', '2019-10-15']),
    hostile: make('hostile.html', ['-r', path.join(FIXTURES, 'hostile.yaml'), '--today', '2019-07-15']),
  };
  const { chromium } = await import('playwright-core');
  context = await chromium.launchPersistentContext(mkdtempSync(path.join(tmpdir(), 'roadmap-chromium-')), {
    executablePath: CHROMIUM,
    headless: true,
    args: ARGS,
    viewport: { width: 1280, height: 900 },
  });
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith('file:') || url.startsWith('about:') || url.startsWith('data:')) return route.continue();
    remote.push(url);
    return route.abort();
  });
}, 60_000);

afterAll(async () => {
  await context?.close();
});

interface Opened {
  page: Page;
  problems: string[];
}

async function open(file: string, viewport = { width: 1280, height: 900 }): Promise<Opened> {
  const page = await context.newPage();
  await page.setViewportSize(viewport);
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') problems.push(`console ${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('dialog', (d) => {
    problems.push(`dialog: ${d.message()}`);
    void d.dismiss();
  });
  await page.goto(pathToFileURL(file).href);
  return { page, problems };
}

/** WCAG contrast ratio of the text and background colours of every element matching `selector`. */
async function contrasts(page: Page, selector: string): Promise<number[]> {
  return page.$$eval(selector, (elements) => {
    const rgb = (c: string) => (c.match(/[\d.]+/g) ?? []).slice(0, 3).map(Number);
    const lum = ([r, g, b]: number[]) => {
      const f = (v: number) => {
        const s = v / 255;
        return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
      };
      return 0.2126 * f(r!) + 0.7152 * f(g!) + 0.0722 * f(b!);
    };
    return elements.map((e) => {
      const style = getComputedStyle(e);
      const [a, b] = [lum(rgb(style.color)), lum(rgb(style.backgroundColor))];
      return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
    });
  });
}

describe('report --format html in Chromium', () => {
  it.skipIf(!haveChromium)('has a network guard that sees remote requests (control: a page without our CSP)', async () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'roadmap-control-')), 'control.html');
    writeFileSync(file, '<!doctype html><html lang="en"><body><img src="https://example.invalid/x.png" alt=""></body></html>');
    const page = await context.newPage();
    await page.goto(pathToFileURL(file).href);
    await page.waitForLoadState('load');
    expect(remote.splice(0)).toEqual(['https://example.invalid/x.png']);
    await page.close();
  });

  it.skipIf(!haveChromium)('has a Content-Security-Policy that stops scripts and remote loads even if some got in', async () => {
    const tampered = pages.status.replace(/status\.html$/, 'tampered.html');
    writeFileSync(tampered, readFileSync(pages.status, 'utf8').replace('<body>', '<body><script>document.title = "ran"</script><img src="https://example.invalid/y.png" alt="">'));
    const { page, problems } = await open(tampered);
    expect(await page.title()).not.toBe('ran');
    expect(problems.some((p) => p.includes('Content Security Policy'))).toBe(true);
    expect(remote).toEqual([]); // the image was refused before any request
    await page.close();
  });

  it.skipIf(!haveChromium)('renders the shipped roadmap offline: counts, badges, today line, tables', async () => {
    const { page, problems } = await open(pages.status);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    expect(await page.$eval('meta[http-equiv="Content-Security-Policy"]', (m) => m.getAttribute('content'))).toContain("script-src 'none'");
    expect(await page.title()).toBe('Status 2019-10-15: Roadmap for the development of the 2019-21 OGP action plan');

    const counts = await page.$$eval('.counts li', (lis) => lis.map((li) => [li.getAttribute('data-state'), li.textContent]));
    expect(counts).toEqual([
      ['overdue', '8 overdue'],
      ['active', '4 active'],
      ['later', '7 later'],
    ]);
    expect(await page.textContent('.total')).toBe('19 activities');

    // Overdue rows carry the overdue badge: text and colour.
    const stageRows = page.locator('section[aria-labelledby="h-stages"] tbody tr');
    expect(await stageRows.count()).toBe(19);
    const overdue = await page.$$eval('section[aria-labelledby="h-stages"] tbody tr[data-state="overdue"]', (rows) =>
      rows.map((r) => [r.querySelector('th')!.textContent, r.querySelector('.badge')!.textContent, getComputedStyle(r.querySelector('.badge')!).backgroundColor]),
    );
    expect(overdue.map((r) => r[0])).toEqual(['1.1', '1.2', '1.3', '1.4', '1.5', '2.1', '2.2', '2.4']);
    for (const r of overdue) expect(r.slice(1)).toEqual(['overdue', 'rgb(253, 232, 232)']);

    // The today line (2019-10-15) sits between the October and November 2019 month lines.
    const x = async (selector: string) => (await page.locator(selector).boundingBox())!.x;
    const today = await x('line.today-line');
    expect(await page.getAttribute('line.today-line', 'data-date')).toBe('2019-10-15');
    expect(today).toBeGreaterThan(await x('line[data-month="2019-10"]'));
    expect(today).toBeLessThan(await x('line[data-month="2019-11"]'));
    expect(await page.locator('.bar-row').count()).toBe(22);
    // The stages' four deadlines: a diamond each on the stage rows, and a line under each stage's table.
    expect(await page.locator('path.deadline').count()).toBe(4);
    expect(await page.locator('li.deadline').allTextContents()).toEqual([
      '◆ 2019-06-01 Identifying a high-level government representative (ministerial level) to lead the OGP process in Azerbaijan overdueoverdue 136d',
      '◆ 2019-06-01 Initiating the drafting process of the National Action Plan with the participation of all stakeholders overdueoverdue 136d',
      '◆ 2019-12-31 Completion, adoption and submission of the National Action Plan to the Support Unit laterdue in 77d',
      '◆ 2021-08-31 Completion of implementation of the National Action Plan laterdue in 686d',
    ]);

    // Semantic tables: a caption each, column headers with scope, a row header per row.
    const tables = await page.$$eval('table', (ts) =>
      ts.map((t) => ({
        caption: t.caption?.textContent?.trim() ?? '',
        cols: [...t.querySelectorAll('thead th')].every((th) => th.getAttribute('scope') === 'col'),
        rows: [...t.tBodies[0]!.rows].every((r) => r.cells[0]!.tagName === 'TH' && r.cells[0]!.getAttribute('scope') === 'row'),
      })),
    );
    // 3 stages, then 7 responsible entities and STATE-BODIES (it supports 1.3).
    expect(tables).toHaveLength(11);
    expect(tables[0]!.caption).toBe('Stage I — Launch of the process 2019-03-01 → 2019-05-31 5 overdue');
    expect(tables.every((t) => t.caption && t.cols && t.rows)).toBe(true);

    // Contrast of badges, counts and body text: at least 4.5:1.
    for (const ratio of await contrasts(page, '.badge, .count')) expect(ratio).toBeGreaterThanOrEqual(4.5);
    expect(Math.min(...(await contrasts(page, 'body')))).toBeGreaterThanOrEqual(4.5);

    await page.screenshot({ path: path.join(ARTIFACTS, 'report-desktop.png'), fullPage: true });
    expect(problems).toEqual([]);
    expect(remote).toEqual([]);
    await page.close();
  });

  it.skipIf(!haveChromium)('fits a phone without sideways scrolling of the page, and prints', async () => {
    const { page, problems } = await open(pages.status, { width: 390, height: 844 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    // Wide content scrolls inside its own box instead.
    expect(await page.$eval('.timeline .scroll', (e) => e.scrollWidth > e.clientWidth)).toBe(true);
    await page.screenshot({ path: path.join(ARTIFACTS, 'report-mobile.png'), fullPage: true });

    await page.emulateMedia({ media: 'print' });
    expect(await page.$eval('.timeline svg', (s) => getComputedStyle(s).minWidth)).toBe('0px');
    expect(await page.$eval('.timeline .scroll', (e) => getComputedStyle(e).overflowX)).toBe('visible');
    const pdf = await page.pdf({ path: path.join(ARTIFACTS, 'report-print.pdf'), format: 'A4' });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(problems).toEqual([]);
    expect(remote).toEqual([]);
    await page.close();
  });

  it.skipIf(!haveChromium)('shows hostile text as text: no scripts, no handlers, only http(s) links', async () => {
    const { page, problems } = await open(pages.hostile, { width: 390, height: 844 });
    expect(await page.evaluate(() => document.scripts.length)).toBe(0);
    const handlers = await page.$$eval('*', (all) => all.flatMap((e) => [...e.attributes].filter((a) => a.name.startsWith('on')).map((a) => `${e.tagName} ${a.name}`)));
    expect(handlers).toEqual([]);
    expect(await page.textContent('h1')).toBe(`<script>alert('t')</script> & "quotes" roadmap`);
    expect(await page.$$eval('img, iframe, object, embed', (e) => e.length)).toBe(0);
    const first = page.locator('section[aria-labelledby="h-stages"] tbody tr').first();
    expect(await first.locator('td.title').textContent()).toBe(`<img src=x onerror=alert(1)> "quoted" 'single' & ampersand`);
    const links = await page.$$eval('a[href]', (as) => as.map((a) => new URL((a as unknown as { href: string }).href).protocol));
    // The evidence of the activity RTL supports shows again under RTL.
    expect(links).toEqual(['https:', 'http:', 'https:', 'https:', 'http:', 'https:', 'https:', 'https:']);
    expect(await page.locator('.not-link', { hasText: 'javascript:alert(1)' }).count()).toBe(3);
    // A 139-letter word wraps instead of widening the page.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.screenshot({ path: path.join(ARTIFACTS, 'report-hostile-mobile.png'), fullPage: true });
    expect(problems).toEqual([]);
    expect(remote).toEqual([]);
    await page.close();
  });
});

describe('report --format mermaid drawn by Mermaid in Chromium', () => {
  it.skipIf(!haveChromium)(
    'draws every window as a task, names shown exactly as written',
    async () => {
      // A test-only page: the locally installed Mermaid bundle injected from node_modules, no network.
      const page = await context.newPage();
      const problems: string[] = [];
      page.on('pageerror', (e) => problems.push(e.message));
      const file = path.join(mkdtempSync(path.join(tmpdir(), 'roadmap-mermaid-')), 'mermaid.html');
      writeFileSync(file, '<!doctype html><html lang="en"><head><meta charset="utf-8"></head><body><div id="a"></div><div id="b"></div><div id="c"></div></body></html>');
      await page.goto(pathToFileURL(file).href);
      await page.addScriptTag({ content: readFileSync(path.join(ROOT, 'node_modules', 'mermaid', 'dist', 'mermaid.min.js'), 'utf8') });
      const draw = (target: string, source: string) =>
        page.evaluate(
          async ([target, source]) => {
            const m = (window as unknown as { mermaid: { initialize(o: object): void; render(id: string, s: string): Promise<{ svg: string }> } }).mermaid;
            m.initialize({ startOnLoad: false, securityLevel: 'strict' });
            const { svg } = await m.render(`chart-${target}`, source!);
            document.getElementById(target!)!.innerHTML = svg;
            const root = document.getElementById(target!)!;
            return {
              tasks: root.querySelectorAll('rect.task').length,
              crit: root.querySelectorAll('rect.task[class*="crit"]').length,
              done: root.querySelectorAll('rect.task[class*="done"]').length,
              milestones: root.querySelectorAll('[class*="milestone"]').length > 0,
              texts: [...root.querySelectorAll('text.taskText, text.taskTextOutsideRight, text.taskTextOutsideLeft')].map((t) => t.textContent?.trim()), // Mermaid keeps the space before ':'
              sections: [...root.querySelectorAll('text.sectionTitle')].map((t) => t.textContent?.trim()),
              title: root.querySelector('text.titleText')?.textContent,
              injected: root.querySelectorAll('img, script, iframe').length,
            };
          },
          [target, source],
        );

      const shipped = await draw('a', renderMermaid(shippedReport('2019-10-01')));
      expect(shipped.tasks).toBe(26); // 22 windows and 4 stage deadlines
      expect(shipped.crit).toBe(10); // 8 windows and Stage I's two deadlines
      expect(shipped.sections).toEqual([
        'Stage I · Launch of the process',
        'Stage II · Completion, adoption and submission of the National Action Plan',
        'Stage III · Implementation of the National Action Plan',
      ]);
      expect(shipped.texts[0]).toBe('1.1 Identifying a high-level government representative who will lead the OGP process in Azerbaijan');

      const hostile = await draw('b', renderMermaid(hostileReport('2019-07-15')));
      expect(hostile.tasks).toBe(7);
      expect(hostile.done).toBe(1);
      expect(hostile.milestones).toBe(true);
      expect(hostile.injected).toBe(0);
      expect(hostile.title).toBe(`<script>alert('t')</script> & "quotes" roadmap (status on 2019-07-15)`);
      expect(hostile.texts.sort()).toEqual(
        [
          `1 <img src=x onerror=alert(1)> "quoted" 'single' & ampersand`,
          '2 Line one Line two Line three tab \\x1b[31mred\\x1b[0m \\u202eevil',
          `3 ${Array(4).fill('Supercalifragilisticexpialidocious').join('-')}`,
          '4 تنفيذ خطة العمل الوطنية — national plan',
          'Cancelled: 5 🚀 Launch 👩‍👩‍👧 family 古文 emoji: done; #1',
          '6 Records (w<1>)',
          'Cancelled: 6 Records (w2)',
        ].sort(),
      ); // Mermaid draws them in its own order
      // A milestone label written to break the chart is drawn as written, on its own task.
      const deadlines = await draw('c', renderMermaid(reportOf(readFileSync(path.join(FIXTURES, 'check', 'hostile-deadlines', 'deadlines.yaml'), 'utf8'), '2024-06-10')));
      expect(deadlines.tasks).toBe(2);
      expect(deadlines.injected).toBe(0);
      expect(deadlines.texts.sort()).toEqual(
        ['p1 Period', 'Stage S deadline: Label ::error file=x.yaml,line=1::injected %0A \\x1b[31mred\\x1b[0m \\u202eevil <script>alert(1)</script> ]]> | pipe * _u_ & "q"'].sort(),
      );
      await page.screenshot({ path: path.join(ARTIFACTS, 'mermaid.png'), fullPage: true });
      expect(problems).toEqual([]);
      expect(remote).toEqual([]);
      await page.close();
    },
    60_000,
  );
});
