/** Output formats of check and validate, apart from their commands so the CLI wiring can list them without loading them. */
export const CHECK_FORMATS = ['text', 'json', 'github', 'junit', 'markdown'] as const;
export type CheckFormat = (typeof CHECK_FORMATS)[number];

export const VALIDATE_FORMATS = ['text', 'json', 'github'] as const;
export type ValidateFormat = (typeof VALIDATE_FORMATS)[number];
