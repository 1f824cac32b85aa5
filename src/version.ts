/** Kept equal to package.json's version and name by a test; read without touching the disk at start-up. */
export const VERSION = '0.1.0';
/** The npm package: `roadmap` on the registry is another project; the command is still `roadmap`. */
export const PACKAGE_NAME = 'roadmap-tracker';
