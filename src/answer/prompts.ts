/**
 * User-facing wording lives in prompts/*.txt so an admin can change it without a release.
 * Files are re-read when their mtime changes, so a running bot picks up edits.
 * Templates use {name} placeholders; an unknown placeholder is left as is (visible, not silently dropped).
 */
import { readFileSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const DEFAULT_PROMPTS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../prompts");

interface Cached {
  mtimeMs: number;
  text: string;
}

export class Prompts {
  private cache = new Map<string, Cached>();

  constructor(readonly dir: string = DEFAULT_PROMPTS_DIR) {}

  /** The text of prompts/<name>.txt, without its trailing newline. Throws with the path when missing. */
  get(name: string): string {
    const file = path.join(this.dir, `${name}.txt`);
    let mtimeMs: number;
    try {
      mtimeMs = statSync(file).mtimeMs;
    } catch {
      throw new Error(`prompt file missing: ${file}`);
    }
    const hit = this.cache.get(name);
    if (hit && hit.mtimeMs === mtimeMs) return hit.text;
    const text = readFileSync(file, "utf8").replace(/^\uFEFF/, "").replace(/\s+$/, "");
    this.cache.set(name, { mtimeMs, text });
    return text;
  }

  /** get(name) with {key} placeholders filled in. */
  render(name: string, vars: Record<string, string | number> = {}): string {
    return fillTemplate(this.get(name), vars);
  }
}

export function fillTemplate(template: string, vars: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => (key in vars ? String(vars[key]) : whole));
}
