/**
 * The output formats, groupings and gate names of each command, typed once: they feed
 * the options' types, commander's .choices(), the parsers and the help, without
 * loading the commands. A format here is a type error until its command's registry
 * has a renderer for it.
 */
import { STATES } from './model.js';

export const STATUS_FORMATS = ['table', 'json', 'markdown'] as const;
export type StatusFormat = (typeof STATUS_FORMATS)[number];

export const GROUPINGS = ['stage', 'entity', 'assessor'] as const;
export type Grouping = (typeof GROUPINGS)[number];

/** A timeline's rows: an assessor rates activities, it has no rows of its own. */
export const TIMELINE_GROUPINGS = ['stage', 'entity'] as const;
export type TimelineGrouping = (typeof TIMELINE_GROUPINGS)[number];

export const CHECK_FORMATS = ['text', 'json', 'github', 'junit', 'markdown', 'codeclimate'] as const;
export type CheckFormat = (typeof CHECK_FORMATS)[number];

/** What `check --fail-on` takes: the states, and disagreements between ratings. */
export const CHECK_FAIL_ON = [...STATES, 'disagreement'] as const;

export const VALIDATE_FORMATS = ['text', 'json', 'github'] as const;
export type ValidateFormat = (typeof VALIDATE_FORMATS)[number];

export const DIFF_FORMATS = ['text', 'markdown', 'json'] as const;
export type DiffFormat = (typeof DIFF_FORMATS)[number];

/** The changes `diff --fail-on` can require a sign-off for. */
export const DIFF_GATES = ['extended', 'removed', 'reassigned', 'reopened'] as const;
export type Gate = (typeof DIFF_GATES)[number];

export const REPORT_FORMATS = ['html', 'ics', 'mermaid', 'markdown'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** The format a file name's extension stands for (with --output and no --format). */
export const CHECK_EXTENSIONS: Readonly<Record<string, CheckFormat>> = { '.xml': 'junit', '.json': 'json', '.md': 'markdown', '.txt': 'text' };
export const REPORT_EXTENSIONS: Readonly<Record<string, ReportFormat>> = {
  '.html': 'html',
  '.htm': 'html',
  '.ics': 'ics',
  '.mmd': 'mermaid',
  '.mermaid': 'mermaid',
  '.md': 'markdown',
  '.markdown': 'markdown',
};

/** The format of `file` by its extension, or a sentence naming the extensions there are. */
export function formatByExtension<F extends string>(file: string, table: Readonly<Record<string, F>>): { format: F } | { error: string } {
  const dot = file.lastIndexOf('.');
  const format = dot > Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\')) ? table[file.slice(dot).toLowerCase()] : undefined;
  if (format) return { format };
  const groups = new Map<F, string[]>();
  for (const [ext, f] of Object.entries(table)) groups.set(f, [...(groups.get(f) ?? []), ext]);
  const named = [...groups].map(([f, exts]) => `${exts.join(' or ')} (${f})`).join(', ');
  return { error: `give --format, or a file name ending in ${named}` };
}

export const SHELLS = ['bash', 'zsh', 'fish'] as const;
export type Shell = (typeof SHELLS)[number];
