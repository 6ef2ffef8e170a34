/**
 * Product code and tooling apart: src/bench (benchmarks, the reranker's trainer, baselines) may use
 * the product, never the reverse; and product code never imports a devDependency (minisearch,
 * wechaty-puppet-mock, vitest, playwright-core …), which an installation without dev dependencies lacks.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { importSpecifiers, nodeOf, readSources, resolveLocal, type SourceFile } from "./import-graph.js";

const SRC = fileURLToPath(new URL("../../src", import.meta.url));
const pkg = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { devDependencies?: Record<string, string> };

/** Tooling folders: free to import the product and dev dependencies. */
const TOOLING = new Set(["bench"]);

/** The package a bare specifier names: "@scope/name/sub" → "@scope/name", "name/sub" → "name". */
export function packageOf(spec: string): string | null {
  if (spec.startsWith(".") || spec.startsWith("node:") || spec.startsWith("/")) return null;
  const parts = spec.split("/");
  return spec.startsWith("@") ? parts.slice(0, 2).join("/") : parts[0];
}

/** "file → what it must not import" for every product file that imports tooling or a dev dependency. */
export function boundaryViolations(files: readonly SourceFile[], devDependencies: readonly string[]): string[] {
  const dev = new Set(devDependencies);
  const out: string[] = [];
  for (const f of files) {
    if (TOOLING.has(nodeOf(f.file))) continue;
    for (const spec of importSpecifiers(f.text)) {
      const local = resolveLocal(f.file, spec);
      if (local !== null && TOOLING.has(nodeOf(local))) out.push(`${f.file} → src/${local}`);
      const p = packageOf(spec);
      if (p && dev.has(p)) out.push(`${f.file} → ${p} (devDependency)`);
    }
  }
  return out;
}

describe("product and tooling", () => {
  const devDeps = Object.keys(pkg.devDependencies ?? {});

  it("knows the dev dependencies it guards against", () => {
    expect(devDeps).toEqual(expect.arrayContaining(["minisearch", "wechaty-puppet-mock", "vitest"]));
  });

  it("nothing outside src/bench imports src/bench, and product code imports no devDependency", () => {
    expect(boundaryViolations(readSources(SRC), devDeps)).toEqual([]);
  });

  it("the check catches both kinds of violation (and lets the bench do both)", () => {
    const files: SourceFile[] = [
      { file: "cli/query-commands.ts", text: 'const { run } = await import("../bench/retrieval-bench.js");' },
      { file: "channels/wechat/burst.ts", text: 'const { PuppetMock } = await import("wechaty-puppet-mock");' },
      { file: "answer/engine.ts", text: 'import { x } from "@langchain/core/runnables";\nimport { y } from "node:fs";' },
      { file: "bench/baseline.ts", text: 'import MiniSearch from "minisearch";\nimport { e } from "../eval/stard.js";' },
    ];
    expect(boundaryViolations(files, ["minisearch", "wechaty-puppet-mock"])).toEqual([
      "cli/query-commands.ts → src/bench/retrieval-bench.js",
      "channels/wechat/burst.ts → wechaty-puppet-mock (devDependency)",
    ]);
    expect(packageOf("@langchain/community/vectorstores/hnswlib")).toBe("@langchain/community");
    expect(packageOf("vitest/config")).toBe("vitest");
  });
});
