/** A document that cannot be imported at all (exit 2); its message is one line. */
export class ImportError extends Error {}
