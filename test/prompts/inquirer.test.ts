/** The real @inquirer/prompts behind the Prompter, driven by key presses on fake streams. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PassThrough, Writable } from 'node:stream';
import { stripVTControlCharacters } from 'node:util';
import { describe, expect, it } from 'vitest';
import { updateFlow } from '../../src/commands/update.js';
import type { Io } from '../../src/shell/io.js';
import { Cancelled, inquirerPrompter } from '../../src/shell/prompts.js';
import { SHIPPED, tree } from '../helpers.js';

function terminal() {
  const input = new PassThrough();
  let screen = '';
  const output = new Writable({
    write(chunk, _enc, done) {
      screen += chunk.toString();
      done();
    },
  });
  // Like process.stdout, a terminal outlives each prompt (inquirer pipes into it and ends its pipe).
  output.end = function (this: Writable) {
    return this;
  } as Writable['end'];
  const key = (name: string, ctrl = false) => void input.emit('keypress', null, { name, ctrl });
  return {
    input,
    output,
    screen: () => stripVTControlCharacters(screen),
    key,
    type(text: string) {
      input.write(text);
      for (const c of text) key(c);
    },
    /** Waits until the screen shows `text` (prompts appear after file reads). */
    async until(text: string) {
      for (let i = 0; i < 400 && !stripVTControlCharacters(screen).includes(text); i++) await new Promise((r) => setTimeout(r, 5));
      if (!stripVTControlCharacters(screen).includes(text)) throw new Error(`never shown: ${text}\n${stripVTControlCharacters(screen)}`);
    },
  };
}

describe('the inquirer prompter', () => {
  it('answers select, search, input and confirm from key presses', async () => {
    const t = terminal();
    const ask = await inquirerPrompter(t);
    const s = ask.select({
      message: 'Pick',
      choices: [
        { name: 'a', value: 'A' },
        { name: 'b', value: 'B', disabled: 'no' },
        { name: 'c', value: 'C' },
      ],
    });
    await t.until('Pick');
    t.key('down');
    t.key('return');
    expect(await s).toBe('C'); // the disabled choice is skipped
    const q = ask.search({ message: 'Which', source: (term) => ['one', 'two', 'three'].filter((n) => n.includes(term)).map((n) => ({ name: n, value: n })) });
    await t.until('Which');
    t.type('hr');
    await t.until('three');
    t.key('return');
    expect(await q).toBe('three');
    const i = ask.input({ message: 'Date', validate: (v) => v.startsWith('2019') || 'a 2019 date' });
    await t.until('Date');
    t.type('2020');
    t.key('return');
    await t.until('a 2019 date');
    for (let n = 0; n < 4; n++) t.key('backspace');
    t.type('2019');
    t.key('return');
    expect(await i).toBe('2019');
  });

  it('turns Ctrl+C into Cancelled', async () => {
    const t = terminal();
    const ask = await inquirerPrompter(t);
    const c = ask.confirm({ message: 'Sure?', default: true });
    await t.until('Sure?');
    t.key('c', true);
    await expect(c).rejects.toBeInstanceOf(Cancelled);
  });

  it('walks roadmap update through to the write', async () => {
    const dir = tree({ 'roadmaps/az.yaml': readFileSync(SHIPPED, 'utf8') });
    const t = terminal();
    let out = '';
    const io: Io = { out: (x) => void (out += x), err: (x) => void (out += x), env: {}, cwd: dir, now: () => new Date('2019-07-15T12:00:00Z'), stdoutTTY: true, columns: 100, stdinTTY: true };
    const code = updateFlow({ today: '2019-07-15' }, io, await inquirerPrompter(t));
    await t.until('Which activity?');
    t.type('2.2');
    await t.until('Arranging online');
    t.key('return');
    await t.until('What happened?');
    t.key('down'); // Record the start
    t.key('return');
    await t.until('Started on');
    for (let n = 0; n < 10; n++) t.key('backspace');
    t.type('2019-06-03');
    t.key('return');
    await t.until('Write this change');
    t.key('return');
    expect(await code).toBe(0);
    expect(out.endsWith('az-ogp-2019-21 2.2: started 2019-06-03\n')).toBe(true);
    expect(readFileSync(path.join(dir, 'roadmaps/az.yaml'), 'utf8')).toBe(
      readFileSync(SHIPPED, 'utf8').replace('        responsible: OGP-AZ\n      - id: "2.3"', '        responsible: OGP-AZ\n        started: 2019-06-03\n      - id: "2.3"'),
    );
  });
});
