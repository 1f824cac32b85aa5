/** The README's Assessments walkthrough shows real output. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, run } from '../helpers.js';

const README = readFileSync(path.join(ROOT, 'README.md'), 'utf8');

describe('README, Assessments', () => {
  it.each(['2024-07-15', '2024-11-15'])('status --today %s is printed as the walkthrough shows it', async (today) => {
    const command = `$ roadmap --roadmap examples/city-open-data.yaml status --today ${today}\n`;
    const at = README.indexOf(command);
    expect(at).toBeGreaterThan(0);
    const shown = README.slice(at + command.length, README.indexOf('```', at));
    const r = await run(['--roadmap', 'examples/city-open-data.yaml', 'status', '--today', today], { columns: 100 });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(shown);
  });
});

describe('README, Recording ratings', () => {
  it('the sheet shown is the one written (its BOM and CRLF line ends aside)', async () => {
    const at = README.indexOf('```csv\n');
    const shown = README.slice(at + '```csv\n'.length, README.indexOf('```', at + 6));
    const r = await run(['--roadmap', 'examples/city-open-data.yaml', 'sheet', '--by', 'CSO', '--as-of', '2024-11-15', '--today', '2024-12-15']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`\ufeff${shown.replace(/\n/g, '\r\n')}`);
  });
});
