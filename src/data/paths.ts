/** Locations of the data files shipped in src/data (read at run time, next to this module). */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

export function dataPath(name: string): string {
  return fileURLToPath(new URL(`./${name}`, import.meta.url));
}

/** Non-empty, non-comment (#) lines of a text, trimmed. */
export function dataLines(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith("#"));
}

/** Non-empty, non-comment (#) lines of a data file, trimmed. */
export function readDataLines(name: string): string[] {
  return dataLines(readFileSync(dataPath(name), "utf8"));
}

/**
 * The lines of a data file in `[section]` blocks (intents.txt, equivalents.txt), by section name.
 * Lines before the first header go to `initial`; a section not in `names` is skipped whole.
 */
export function dataSections<N extends string>(text: string, names: readonly N[], initial: N | null = null): Record<N, string[]> {
  const out = Object.fromEntries(names.map((n) => [n, [] as string[]])) as Record<N, string[]>;
  let section: N | null = initial;
  for (const line of dataLines(text)) {
    const header = /^\[(\w+)\]$/.exec(line);
    if (header) {
      section = (names as readonly string[]).includes(header[1]) ? (header[1] as N) : null;
      continue;
    }
    if (section) out[section].push(line);
  }
  return out;
}
