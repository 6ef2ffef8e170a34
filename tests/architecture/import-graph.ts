/**
 * The import graph of src/, read from the source text: every static import/export … from "x",
 * side-effect import "x" and dynamic import("x"). Nodes are top-level folders of src/ (channels,
 * index, retrieval …) and the files directly in src/ ("types" for src/types.ts …), so the test works on
 * whatever folders exist.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

export interface SourceFile {
  /** Path relative to src/, with forward slashes: "retrieval/bm25.ts". */
  file: string;
  text: string;
}

const SPECIFIER = /(?:\bimport|\bexport)\s[^'"`;]*?\bfrom\s*["']([^"']+)["']|\bimport\s*["']([^"']+)["']|\bimport\s*\(\s*["']([^"']+)["']\s*\)/g;

/** Every module specifier a source text imports (comments are not stripped: a specifier in a comment is rare and harmless). */
export function importSpecifiers(text: string): string[] {
  return [...text.matchAll(SPECIFIER)].map((m) => m[1] ?? m[2] ?? m[3]);
}

export function readSources(srcDir: string): SourceFile[] {
  const out: SourceFile[] = [];
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const abs = path.join(dir, e.name);
      if (e.isDirectory()) walk(abs);
      else if (/\.(ts|mts|mjs|js)$/.test(e.name) && !e.name.endsWith(".d.ts")) {
        out.push({ file: path.relative(srcDir, abs).split(path.sep).join("/"), text: readFileSync(abs, "utf8") });
      }
    }
  };
  walk(srcDir);
  return out;
}

/** The node a file belongs to: its top-level folder, or the file itself (without extension: "types") when it sits in src/. */
export function nodeOf(file: string): string {
  const slash = file.indexOf("/");
  return slash < 0 ? file.replace(/\.(ts|mts|mjs|js)$/, "") : file.slice(0, slash);
}

/** A relative specifier resolved against the importing file, relative to src/ (null for packages and paths outside src/). */
export function resolveLocal(from: string, spec: string): string | null {
  if (!spec.startsWith(".")) return null;
  const target = path.posix.normalize(path.posix.join(path.posix.dirname(from), spec));
  return target.startsWith("..") ? null : target;
}

/** Folder-level edges: node → nodes it imports (self-edges left out). */
export function folderGraph(files: readonly SourceFile[]): Map<string, Set<string>> {
  const g = new Map<string, Set<string>>();
  for (const f of files) {
    const from = nodeOf(f.file);
    if (!g.has(from)) g.set(from, new Set());
    for (const spec of importSpecifiers(f.text)) {
      const target = resolveLocal(f.file, spec);
      if (target === null) continue;
      const to = nodeOf(target);
      if (to !== from) g.get(from)!.add(to);
    }
  }
  return g;
}

/** Every cycle's nodes (strongly connected components of more than one node, Tarjan), each sorted. */
export function cycles(g: ReadonlyMap<string, ReadonlySet<string>>): string[][] {
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const out: string[][] = [];
  const visit = (v: string) => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    onStack.add(v);
    for (const w of g.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const scc: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        scc.push(w);
      } while (w !== v);
      if (scc.length > 1) out.push(scc.sort());
    }
  };
  for (const v of [...g.keys()].sort()) if (!index.has(v)) visit(v);
  return out;
}

/** Which files of `from` import something in `to` (for a readable failure message). */
export function edgeWitnesses(files: readonly SourceFile[], from: string, to: string): string[] {
  return files
    .filter((f) => nodeOf(f.file) === from)
    .filter((f) => importSpecifiers(f.text).some((s) => {
      const t = resolveLocal(f.file, s);
      return t !== null && nodeOf(t) === to;
    }))
    .map((f) => f.file);
}
