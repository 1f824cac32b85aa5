/**
 * The output formats and groupings of each command, typed once: they feed the
 * options' types, commander's .choices() and the help, without loading the commands.
 */
export const STATUS_FORMATS = ['table', 'json', 'markdown'] as const;
export type StatusFormat = (typeof STATUS_FORMATS)[number];

export const GROUPINGS = ['stage', 'entity'] as const;
export type Grouping = (typeof GROUPINGS)[number];

export const CHECK_FORMATS = ['text', 'json', 'github', 'junit', 'markdown'] as const;
export type CheckFormat = (typeof CHECK_FORMATS)[number];

export const VALIDATE_FORMATS = ['text', 'json', 'github'] as const;
export type ValidateFormat = (typeof VALIDATE_FORMATS)[number];

export const DIFF_FORMATS = ['text', 'markdown', 'json'] as const;
export type DiffFormat = (typeof DIFF_FORMATS)[number];

export const REPORT_FORMATS = ['html', 'ics', 'mermaid', 'markdown'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];
