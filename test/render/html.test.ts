import { describe, expect, it } from 'vitest';
import { esc, linkOrText, renderHtml } from '../../src/render/html.js';
import { httpUrl } from '../../src/render/links.js';
import { hostileReport, shippedReport } from './support.js';

describe('esc', () => {
  it.each([
    [`<script>alert('x')</script>`, '&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;'],
    ['"a" & b', '&quot;a&quot; &amp; b'],
    ['&amp;', '&amp;amp;'],
    ['line\nbreak', 'line break'],
    ['\u001b[31m \u202e', '\\x1b[31m \\u202e'],
    ['وزارة 🚀', 'وزارة 🚀'],
  ])('%j becomes %j', (input, out) => expect(esc(input)).toBe(out));
});

describe('links', () => {
  it.each([
    ['https://example.org/a b', 'https://example.org/a%20b'],
    ['http://example.org/"x"<y>', 'http://example.org/%22x%22%3Cy%3E'],
    ['  https://example.org  ', 'https://example.org/'],
    ['javascript:alert(1)', null],
    ['JAVASCRIPT:alert(1)', null],
    ['data:text/html,<b>x</b>', null],
    ['ftp://example.org/x', null],
    ['/relative/path', null],
    ['example.org', null],
  ])('httpUrl(%j) is %j', (input, out) => expect(httpUrl(input)).toBe(out));

  it('makes only http(s) URLs into anchors, escaping both the href and the text', () => {
    expect(linkOrText('https://example.org/?a=1&b="2"')).toBe('<a href="https://example.org/?a=1&amp;b=%222%22" rel="noreferrer">https://example.org/?a=1&amp;b=&quot;2&quot;</a>');
    expect(linkOrText('javascript:alert("x")')).toBe('<span class="not-link">javascript:alert(&quot;x&quot;)</span>');
  });
});

describe('renderHtml', () => {
  const page = renderHtml(shippedReport('2019-10-01'), { version: '9.9.9' });

  it('is one self-contained page that forbids scripts and remote loads', () => {
    expect(page.startsWith('<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n')).toBe(true);
    expect(page).toContain(
      `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'">`,
    );
    expect(page).not.toMatch(/<script|<link|<img|<iframe|@import|url\((?!#)/i);
    expect(page.match(/https?:\/\/[^"<\s]+/g)?.filter((u) => u !== 'http://www.w3.org/2000/svg')).toEqual([
      // only the roadmap's sources, as links the reader may follow
      'https://www.amerikaninsesi.org/a/a%C3%A7%C4%B1q-h%C3%B6kum%C9%99tin-yol-x%C9%99rit%C9%99si-t%C9%99qdim-edilib-/4805776.html?fbclid=IwAR2FHNXHbAJ2rJuaEa6noTGbLzARfGyT0Yu-V93rA2xSc5AQoY-EeiuGE',
      'https://www.amerikaninsesi.org/a/açıq-hökumətin-yol-xəritəsi-təqdim-edilib-/4805776.html?fbclid=IwAR2FHNXHbAJ2rJuaEa6noTGbLzARfGyT0Yu-V93rA2xSc5AQoY-EeiuGE',
      'http://ogp.org.az/az/index.php/2019/02/25/yeni-aciq-hokumet-milli-fealiyyet-planinin-hazirlanmasi-uzre-yol-xeritesinin-muzakiresi-kecirilir/',
      'http://ogp.org.az/az/index.php/2019/02/25/yeni-aciq-hokumet-milli-fealiyyet-planinin-hazirlanmasi-uzre-yol-xeritesinin-muzakiresi-kecirilir/',
    ]);
  });

  it('gives the as-of date, the counts and a table per stage and per entity', () => {
    expect(page).toContain('Status on <time datetime="2019-10-01">1 October 2019</time>');
    expect(page).toContain('<li class="count s-overdue" data-state="overdue"><strong>8</strong> overdue</li>');
    // 3 stages; 7 responsible entities and STATE-BODIES, which supports 1.3.
    expect(page.match(/<table class="group"/g)).toHaveLength(3 + 8);
    expect(page.match(/<caption>/g)).toHaveLength(11);
    expect(page).toContain('<thead><tr><th scope="col">ID</th><th scope="col">Activity</th><th scope="col">Window</th><th scope="col">Responsible</th><th scope="col">State</th></tr></thead>');
    expect(page).toContain('<th scope="row">1.1</th>');
  });

  it('draws the today line in the chart', () => {
    expect(page).toMatch(/<line class="today-line" data-date="2019-10-01" x1="[\d.]+"/);
  });

  it('says when nothing matches', () => {
    const empty = renderHtml(shippedReport('2019-10-01', { states: ['cancelled'] }), { version: '1' });
    expect(empty).toContain('<p class="nothing">Nothing to show: no activity matches.</p>');
    expect(empty).not.toContain('<svg');
  });
});

describe('renderHtml with hostile text', () => {
  const page = renderHtml(hostileReport('2019-07-15'), { version: '1' });

  it('lets no markup from the roadmap through', () => {
    expect(page).not.toMatch(/<script|<img|<b>|<i>|<[^>]*\son[a-z]+=/i);
    expect(page).toContain('<h1 dir="auto">&lt;script&gt;alert(&#39;t&#39;)&lt;/script&gt; &amp; &quot;quotes&quot; roadmap</h1>');
    expect(page).toContain('<abbr title="Alpha &lt;b&gt;agency&lt;/b&gt; &amp; co; &quot;A&quot;, B">A</abbr>');
  });

  it('links only http(s) evidence and sources', () => {
    expect(page.match(/<a href="[^"]*"/g)).toEqual([
      '<a href="https://example.org/e?x=1&amp;y=%222%22"',
      '<a href="http://example.org/ok"',
      '<a href="https://example.org/%E2%80%AEx"',
      '<a href="https://example.org/e?x=1&amp;y=%222%22"', // the same activities in the entity table
      '<a href="http://example.org/ok"',
      '<a href="https://example.org/%E2%80%AEx"',
      '<a href="https://example.org/%E2%80%AEx"', // again under RTL, which supports that activity
      '<a href="https://example.org/a?b=1&amp;c=%3C2%3E"',
    ]);
    expect(page).toContain('<span class="not-link">javascript:alert(2)</span>');
    expect(page).toContain('rel="noreferrer">https://example.org/\\u202ex</a>');
    expect(page).toContain('<span class="not-link">javascript:alert(1)</span>');
    expect(page).toContain('<span class="not-link">data:text/html,&lt;b&gt;x&lt;/b&gt;</span>');
    expect(page).toContain('<span class="not-link">ftp://example.org/x</span>');
  });

  it('shows control characters instead of passing them, and isolates right-to-left text', () => {
    expect(page).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u202a-\u202e\u2066-\u2069]/);
    expect(page).toContain('Line one Line two Line three tab \\x1b[31mred\\x1b[0m \\u202eevil');
    expect(page).toContain('<bdi class="group-title">وزارة العدل</bdi>');
    expect(page).toContain('<td class="title"><div dir="auto">تنفيذ خطة العمل الوطنية — national plan</div><div class="notes" dir="auto">a; b, c: d\\e # f</div></td>');
  });

  it('escapes what is on record: support, started, notes and cancel reasons of activities and windows', () => {
    const row = /<tr [^>]*data-activity="6">[\s\S]*?<\/tr>/.exec(page)![0];
    expect(row).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
    expect(row).not.toMatch(/<(script|img|i)\b/);
    expect(row).toContain('<div class="support">support: <abbr title="وزارة العدل">RTL</abbr></div><div class="started">started 2019-07-01</div>');
    expect(row).toContain('<div class="notes" dir="auto">note &lt;script&gt;alert(1)&lt;/script&gt;\n::error::n \\x1b[31mred\\x1b[0m \\u202eevil | pipe</div>');
    expect(row).toContain('<span class="reason">reason &lt;img src=x onerror=alert(3)&gt; \\x1b]0;t\\x07 | *star* [link](javascript:x)</span>');
    expect(row).toContain('<span class="window-notes" dir="auto">wnote \u2028 \\x85 ::warning::w &lt;i&gt;i&lt;/i&gt; | `code`</span>');
    expect(row).toContain('<span class="when">started 2019-07-02 · ends in 169d</span>');
  });
});
