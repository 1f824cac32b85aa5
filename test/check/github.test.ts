import { describe, expect, it } from 'vitest';
import { ANNOTATION_CAP, capped, command, escapeData, escapeProperty, type Annotation } from '../../src/render/github.js';

describe('workflow command escaping (as the Actions runner unescapes)', () => {
  it.each([
    ['plain', 'plain'],
    ['100%', '100%25'],
    ['%0A', '%250A'],
    ['a\nb', 'a%0Ab'],
    ['a\r\nb', 'a%0D%0Ab'],
    ['::error::x', '::error::x'],
    ['a, b: c', 'a, b: c'],
  ])('data %j -> %j', (input, output) => expect(escapeData(input)).toBe(output));

  it.each([
    ['plain', 'plain'],
    ['a, b: c', 'a%2C b%3A c'],
    ['%3A', '%253A'],
    ['x\ny', 'x%0Ay'],
    ['::error::', '%3A%3Aerror%3A%3A'],
  ])('property %j -> %j', (input, output) => expect(escapeProperty(input)).toBe(output));

  it('builds a command with properties in a fixed order', () => {
    expect(command({ level: 'error', title: 'T: 1', col: 3, line: 2, file: 'a,b.yaml', message: 'm\nn' })).toBe('::error file=a%2Cb.yaml,line=2,col=3,title=T%3A 1::m%0An');
    expect(command({ level: 'notice', message: 'hi' })).toBe('::notice::hi');
  });
});

describe('the annotation cap', () => {
  const many = (level: 'error' | 'warning', n: number): Annotation[] => Array.from({ length: n }, (_, i) => ({ level, message: `${level} ${i + 1}` }));

  it('shows the first 10 errors and 10 warnings, then one notice counting the rest', () => {
    const out = capped([...many('error', 13), ...many('warning', 11)], (e, w) => `${e} errors, ${w} warnings left`)
      .trimEnd()
      .split('\n');
    expect(ANNOTATION_CAP).toBe(10);
    expect(out).toHaveLength(21);
    expect(out.slice(0, 10)).toEqual(Array.from({ length: 10 }, (_, i) => `::error::error ${i + 1}`));
    expect(out.slice(10, 20)).toEqual(Array.from({ length: 10 }, (_, i) => `::warning::warning ${i + 1}`));
    expect(out[20]).toBe('::notice title=roadmap::3 errors, 1 warnings left');
  });

  it('adds no notice when everything fits', () => {
    expect(capped(many('error', 10), () => 'never')).toBe(`${Array.from({ length: 10 }, (_, i) => `::error::error ${i + 1}`).join('\n')}\n`);
    expect(capped([], () => 'never')).toBe('');
  });
});
