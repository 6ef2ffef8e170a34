/** Locations of the data files shipped in src/data (read at run time, next to this module). */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

export function dataPath(name: string): string {
  return fileURLToPath(new URL(`./${name}`, import.meta.url));
}

/** Non-empty, non-comment (#) lines of a data file, trimmed. */
export function readDataLines(name: string): string[] {
  return readFileSync(dataPath(name), "utf8")
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith("#"));
}
