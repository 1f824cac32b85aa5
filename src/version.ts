/** Kept equal to package.json's version by a test; read without touching the disk at start-up. */
export const VERSION = '0.1.0';
