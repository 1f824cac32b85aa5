/**
 * Time zone names as the zone database spells them: Intl ignores case, but the TZ
 * variable "today" is taken with does not, and a wrongly cased zone would be UTC.
 */
import { describe, expect, it } from 'vitest';
import { dateIn, dateInIntl } from '../../src/calendar/today.js';
import { parseRoadmap } from '../../src/load/index.js';
import { roadmapYaml, run, tree } from '../helpers.js';

const withZone = (zone: string) => roadmapYaml('      - id: a\n        title: T\n        due: 2019-05-01\n        responsible: [A, B]\n', `timezone: ${zone}\n`);

function problems(zone: string): string[] {
  return parseRoadmap(withZone(zone), 'x.yaml').problems.map((p) => `${p.line}:${p.column} ${p.message}`);
}

describe('timezone:', () => {
  it.each([
    ['pacific/kiritimati', 'Pacific/Kiritimati'],
    ['ASIA/BAKU', 'Asia/Baku'],
    ['utc', 'UTC'],
    ['us/pacific', 'America/Los_Angeles'],
  ])('refuses %s, suggesting %s', (zone, suggestion) => {
    expect(problems(zone)).toEqual([`4:11 unknown time zone '${zone}'; did you mean '${suggestion}'?`]);
  });

  it.each(['Pacific/Kiritimati', 'Asia/Baku', 'UTC', 'Etc/UTC', 'US/Pacific', 'Asia/Calcutta', 'Etc/GMT+5'])('accepts %s', (zone) => {
    const r = parseRoadmap(withZone(zone), 'x.yaml');
    expect(r.problems).toEqual([]);
    expect(r.roadmap?.timezone).toBe(zone);
  });

  it('an accepted zone gives the date Intl gives', () => {
    const now = new Date('2019-07-15T12:00:00Z'); // 2019-07-16 02:00 in Kiritimati (UTC+14)
    for (const zone of ['Pacific/Kiritimati', 'US/Pacific', 'Asia/Calcutta']) expect(dateIn(now, zone)).toBe(dateInIntl(now, zone));
  });

  it('still says what a name that is no zone is', () => {
    expect(problems('Nowhere/Land')).toEqual(["4:11 'Nowhere/Land' is not an IANA time zone (e.g. Asia/Baku, Europe/Paris, UTC)"]);
  });

  it('init --timezone refuses a wrongly cased zone the same way', async () => {
    const r = await run(['init', '--id', 'x', '--title', 't', '--timezone', 'pacific/kiritimati', '--output', 'x.yaml'], { cwd: tree({}) });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("roadmap: --timezone \"pacific/kiritimati\": unknown time zone 'pacific/kiritimati'; did you mean 'Pacific/Kiritimati'?\n");
  });
});
