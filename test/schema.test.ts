import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { schemaText } from '../src/commands/schema.js';
import { VERSION } from '../src/version.js';
import { spawn } from './helpers.js';

describe('the JSON Schema for editors', () => {
  it('is what `roadmap schema` prints', () => {
    expect(spawn(['schema'])).toEqual({ code: 0, stdout: schemaText(), stderr: '' });
  });

  it('describes every key the loader accepts, and closes objects', () => {
    const schema = JSON.parse(schemaText());
    expect(schema.$schema).toBe('http://json-schema.org/draft-07/schema#');
    expect(schema.required).toEqual(['schema', 'id', 'title', 'stages']);
    expect(schema.additionalProperties).toBe(false);
    const stage = schema.properties.stages.items;
    const activity = stage.properties.activities.items;
    expect(Object.keys(activity.properties)).toEqual(['id', 'title', 'window', 'due', 'windows', 'responsible', 'support', 'period', 'done', 'started', 'cancelled', 'evidence', 'notes', 'tags']);
    expect(activity.properties.id.type).toEqual(['string', 'number']);
  });
});

it('the version printed is the package version', () => {
  expect(VERSION).toBe(JSON.parse(readFileSync('package.json', 'utf8')).version);
  expect(spawn(['--version']).stdout).toBe(`${VERSION}\n`);
});
