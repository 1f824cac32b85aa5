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
    expect(Object.keys(activity.properties)).toEqual([
      'id',
      'title',
      'window',
      'due',
      'windows',
      'responsible',
      'support',
      'done',
      'started',
      'cancelled',
      'evidence',
      'notes',
      'period',
      'tags',
      'assessments',
    ]);
    expect(activity.properties.id.type).toEqual(['string', 'number']);
    // Spec revision 2: a stage's own deadlines, one way or the other, and a milestone closed like the rest.
    expect(Object.keys(stage.properties)).toEqual(['id', 'title', 'window', 'due', 'milestones', 'goals', 'notes', 'activities']);
    expect(stage.not).toEqual({ required: ['due', 'milestones'] });
    const milestone = stage.properties.milestones.items;
    expect([Object.keys(milestone.properties), milestone.required, milestone.additionalProperties]).toEqual([['label', 'due', 'done'], ['label', 'due'], false]);
  });

  it('describes assessments, assessors and scales', () => {
    const schema = JSON.parse(schemaText());
    const assessment = schema.properties.stages.items.properties.activities.items.properties.assessments.items;
    expect(Object.keys(assessment.properties)).toEqual(['by', 'as-of', 'published', 'scale', 'level', 'window', 'source', 'evidence', 'note']);
    expect(assessment.required).toEqual(['by', 'as-of', 'level']);
    expect(assessment.then).toEqual({ properties: { level: { enum: ['not-started', 'limited', 'substantial', 'complete', 'no-evidence'] } } });
    const assessor = schema.properties.assessors.additionalProperties;
    expect([Object.keys(assessor.properties), assessor.required, assessor.anyOf]).toEqual([['entity', 'name', 'kind'], ['kind'], [{ required: ['entity'] }, { required: ['name'] }]]);
    expect(assessor.properties.kind.enum).toEqual(['self', 'alternative', 'independent']);
    expect(schema.properties.scales.propertyNames.not).toEqual({ const: 'completion' });
  });
});

it('the version printed is the package version', () => {
  expect(VERSION).toBe(JSON.parse(readFileSync('package.json', 'utf8')).version);
  expect(spawn(['--version']).stdout).toBe(`${VERSION}\n`);
});
