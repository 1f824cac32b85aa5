/** Errors that are the user's to mend, shared by every layer (the loader throws them too). */

const USER_ERROR = Symbol.for('roadmap.user-error');

/** A mistake in what the user gave us: printed as one clear line, exit code 2. */
export class UserError extends Error {
  readonly [USER_ERROR] = true;

  constructor(message: string, readonly exitCode = 2) {
    super(message);
  }

  // Each command is bundled apart (scripts/build.mjs) with its own copy of this
  // class; the CLI that catches must recognise every copy.
  static override [Symbol.hasInstance](value: unknown): boolean {
    return typeof value === 'object' && value !== null && USER_ERROR in value;
  }
}
