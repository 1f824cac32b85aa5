/**
 * `roadmap check --format junit`: JUnit XML as GitLab and Jenkins read it — a
 * testsuite per stage, a testcase per activity window, <failure type="STATE">
 * for failing windows and <skipped> for cancelled ones. Pure.
 */
import { type CheckResult, deadlineFinding, type DisagreementFinding, failOnWords, finding, type Finding } from '../check.js';
import type { Group } from '../evaluate.js';
import { disagreementWhere, disagreementWords, findingState, findingWhere, findingWho } from './finding.js';
import { inert } from '../text/inert.js';
import { span } from './words.js';

// Characters XML 1.0 does not allow at all (not even as references): most C0
// controls, lone surrogates, U+FFFE and U+FFFF.
const NOT_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;
const XML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/** Text from a roadmap as an XML attribute value or element content: inert, legal, escaped. */
export function xml(text: string): string {
  return inert(text)
    .replace(NOT_XML, '\uFFFD')
    .replace(/[&<>"']/g, (c) => XML_ESCAPES[c]!);
}

function attrs(values: Record<string, string | number>): string {
  return Object.entries(values)
    .map(([k, v]) => ` ${k}="${xml(String(v))}"`)
    .join('');
}

/** The testcase's name and its failure's text. */
function named(f: Finding): { classname: string; name: string; detail: string } {
  const w = f.window.window;
  const a = f.activity;
  if (!a) {
    const { roadmap, stage } = f.deadline;
    const which = w.label ? ` [${w.label}]` : '';
    return {
      classname: `${roadmap.id}.${stage.id}`,
      name: `stage ${stage.id} deadline${which} ${stage.title}`,
      detail: `${roadmap.id} stage ${stage.id} deadline${which}: due ${w.end}, ${findingState(f)}; ${findingWhere(f)}`,
    };
  }
  const which = a.windows.length > 1 ? ` [${w.label ?? `window ${f.window.index + 1} of ${a.windows.length}`}]` : '';
  return {
    classname: `${a.roadmap.id}.${a.stage.id}`,
    name: `${a.activity.id}${which} ${a.activity.title}`,
    detail: `${a.roadmap.id} ${a.activity.id}${which}: window ${span(w.start, w.end)}, ${findingState(f)}; responsible: ${findingWho(f)}; ${findingWhere(f)}`,
  };
}

function testcase(f: Finding, failing: boolean): string {
  const { classname, name, detail } = named(f);
  const head = `    <testcase${attrs({ classname, name, file: f.at.file })}`;
  if (failing) return `${head}>\n      <failure${attrs({ type: f.window.state, message: findingState(f) })}>${xml(detail)}</failure>\n    </testcase>`;
  if (f.window.state === 'cancelled') return `${head}>\n      <skipped${attrs({ message: findingState(f) })}/>\n    </testcase>`;
  return `${head}/>`;
}

interface Counts {
  tests: number;
  failures: number;
  skipped: number;
}

function suite(g: Group, failing: ReadonlySet<string>, totals: Counts): string {
  const cases: string[] = [];
  const counts: Counts = { tests: 0, failures: 0, skipped: 0 };
  for (const activity of g.activities) {
    for (const window of activity.windows) {
      const f = finding(activity, window);
      const fails = failing.has(window.state);
      counts.tests++;
      if (fails) counts.failures++;
      else if (window.state === 'cancelled') counts.skipped++;
      cases.push(testcase(f, fails));
    }
  }
  // A stage's own deadlines are testcases of its suite too.
  for (const d of g.deadlines) {
    const fails = failing.has(d.deadline.state);
    counts.tests++;
    if (fails) counts.failures++;
    cases.push(testcase(deadlineFinding(d), fails));
  }
  totals.tests += counts.tests;
  totals.failures += counts.failures;
  totals.skipped += counts.skipped;
  const name = `${g.roadmap.id} stage ${g.key}: ${g.title}`;
  const open = `  <testsuite${attrs({ name, tests: counts.tests, failures: counts.failures, errors: 0, skipped: counts.skipped })}`;
  return cases.length ? `${open}>\n${cases.join('\n')}\n  </testsuite>` : `${open}/>`;
}

/** One testsuite of the failing disagreements (each a failed testcase), when they fail the gate. */
function disagreementSuite(findings: readonly DisagreementFinding[], totals: Counts): string[] {
  if (findings.length === 0) return [];
  totals.tests += findings.length;
  totals.failures += findings.length;
  const cases = findings.map((f) => {
    const a = f.activity;
    const head = `    <testcase${attrs({ classname: `${a.roadmap.id}.${a.stage.id}`, name: `${a.activity.id} ${a.activity.title} (ratings)`, file: f.at.file })}`;
    const words = disagreementWords(f);
    return `${head}>\n      <failure${attrs({ type: 'disagreement', message: words })}>${xml(`${a.roadmap.id} ${a.activity.id}: ${words}; ${disagreementWhere(f)}`)}</failure>\n    </testcase>`;
  });
  const open = `  <testsuite${attrs({ name: 'disagreements between ratings', tests: findings.length, failures: findings.length, errors: 0, skipped: 0 })}>`;
  return [`${open}\n${cases.join('\n')}\n  </testsuite>`];
}

export function renderJunit(result: CheckResult): string {
  const failing = new Set<string>(result.failOn);
  const totals: Counts = { tests: 0, failures: 0, skipped: 0 };
  const suites = [...result.report.stages.map((g) => suite(g, failing, totals)), ...disagreementSuite(result.disagreements, totals)];
  const open = `<testsuites${attrs({ name: `roadmap check (fail on ${failOnWords(result).join(', ')}, today ${result.report.today})`, ...totals, errors: 0 })}>`;
  return ['<?xml version="1.0" encoding="UTF-8"?>', open, ...suites, '</testsuites>', ''].join('\n');
}
