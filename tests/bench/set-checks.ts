/** What the checks of pufa's labelled and negative sets share: reading JSON lines, and near-copy detection by character bigrams. */
import { readFileSync } from "node:fs";
import path from "node:path";

/** Parses a JSON-lines file; a line that is not a JSON object is reported as `file:line: why`. */
export function readJsonl<T = unknown>(file: string): { items: T[]; errors: string[] } {
  const items: T[] = [];
  const errors: string[] = [];
  readFileSync(file, "utf8")
    .split(/\r?\n/)
    .forEach((line, i) => {
      if (!line.trim()) return;
      const where = `${path.basename(file)}:${i + 1}`;
      try {
        const v: unknown = JSON.parse(line);
        if (v === null || typeof v !== "object" || Array.isArray(v)) errors.push(`${where}: not an object`);
        else items.push(v as T);
      } catch (err) {
        errors.push(`${where}: ${err instanceof Error ? err.message : String(err)}`);
      }
    });
  return { items, errors };
}

/** Distinct character bigrams of the CJK letters (and, with `withDigits`, digits and Latin letters too); punctuation and spaces dropped. */
export function bigrams(text: string, options: { withDigits?: boolean } = {}): Set<string> {
  const t = text.replace(options.withDigits ? /[^\u4e00-\u9fff0-9A-Za-z]/g : /[^\u4e00-\u9fff]/g, "");
  const out = new Set<string>();
  for (let i = 0; i + 2 <= t.length; i++) out.add(t.slice(i, i + 2));
  return out;
}

export function jaccard(a: Set<string>, b: Set<string>): number {
  let both = 0;
  for (const x of a) if (b.has(x)) both++;
  return both / (a.size + b.size - both || 1);
}
