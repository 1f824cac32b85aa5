/** Errors that are the user's to mend, shared by every layer (the loader throws them too). */

/** A mistake in what the user gave us: printed as one clear line, exit code 2. */
export class UserError extends Error {
  /**
   * The mark the CLI catches by, not `instanceof`: each command is bundled apart
   * (scripts/build.mjs) with its own copy of this class.
   */
  readonly userError = true;

  constructor(
    message: string,
    readonly exitCode = 2,
  ) {
    super(message);
  }
}

export function isUserError(value: unknown): value is UserError {
  return typeof value === 'object' && value !== null && (value as { userError?: unknown }).userError === true;
}
