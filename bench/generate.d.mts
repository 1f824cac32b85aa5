export function prng(seed: number): () => number;
export function roadmapFile(index: number, count: number, seed?: number): string;
export function generatePortfolio(dir: string, options: { activities: number; files: number; seed?: number }): { dir: string; bytes: number };
export const BAD_INPUTS: Record<'huge' | 'deep' | 'deepBlock' | 'laughs' | 'random', () => string | Buffer>;
export const SLOW_INPUTS: Record<'invalid' | 'unknownKeys' | 'duplicateKeys' | 'yamlAliases' | 'entityAliases' | 'emojiTitle' | 'chain' | 'ring' | 'farDue', (n?: number) => string>;
export function gitRepository(dir: string, options?: { files?: number; roadmaps?: number }): string;
