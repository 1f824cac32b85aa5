/** Ids given on the command line: repeatable options, each comma-separated (`--support A,B --support C`). */
export function idList(values: readonly string[]): string[] {
  return values
    .flatMap((v) => v.split(','))
    .map((s) => s.trim())
    .filter(Boolean);
}
