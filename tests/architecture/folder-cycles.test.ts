/**
 * No import cycle between the folders of src/ (nor the files directly in it): the architecture reads
 * one way, ingestion → index → retrieval → answer → channel. Parsed from the source, so a folder
 * added later (src/safety, src/channels/web, src/eval …) is checked as it is.
 */
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { cycles, edgeWitnesses, folderGraph, importSpecifiers, readSources, type SourceFile } from "./import-graph.js";

const SRC = fileURLToPath(new URL("../../src", import.meta.url));

describe("folder import graph of src/", () => {
  it("has no cycle", () => {
    const files = readSources(SRC);
    const g = folderGraph(files);
    expect(g.size).toBeGreaterThan(5); // the graph was really read
    const found = cycles(g).map((c) =>
      c.flatMap((a) => c.filter((b) => g.get(a)?.has(b)).map((b) => `${a} → ${b} (${edgeWitnesses(files, a, b).join(", ")})`)).join("; "),
    );
    expect(found).toEqual([]);
  });
});

describe("the cycle check itself", () => {
  const file = (f: string, imports: string[]) => ({ file: f, text: imports.map((s, i) => `import { x${i} } from "${s}";`).join("\n") });

  it("finds a deliberate cycle between two folders, and names the files that make it", () => {
    const files: SourceFile[] = [
      file("index/builder.ts", ["../retrieval/searcher.js", "../types.js"]),
      file("retrieval/searcher.ts", ["./bm25.js", "../types.js"]),
      file("retrieval/bm25.ts", ["../index/binpack.js"]),
      file("index/binpack.ts", []),
      file("types.ts", []),
    ];
    const g = folderGraph(files);
    expect(cycles(g)).toEqual([["index", "retrieval"]]);
    expect(edgeWitnesses(files, "retrieval", "index")).toEqual(["retrieval/bm25.ts"]);
    // Break it and the check passes.
    files[2] = file("retrieval/bm25.ts", ["./binpack.js"]);
    expect(cycles(folderGraph(files))).toEqual([]);
  });

  it("finds a cycle through three folders and through a file in src/", () => {
    const three = folderGraph([file("a/x.ts", ["../b/y.js"]), file("b/y.ts", ["../c/z.js"]), file("c/z.ts", ["../a/x.js"])]);
    expect(cycles(three)).toEqual([["a", "b", "c"]]);
    const viaRoot = folderGraph([file("runtime.ts", ["./index/builder.js"]), file("index/builder.ts", ["../runtime.js"])]);
    expect(cycles(viaRoot)).toEqual([["index", "runtime"]]);
  });

  it("reads static, re-export, side-effect and dynamic imports, and ignores packages", () => {
    const text = [
      'import type { A } from "../a/a.js";',
      'export { B } from "../b/b.js";',
      'import "../c/c.js";',
      'const { D } = await import("../d/d.js");',
      'import hnswlib from "hnswlib-node";',
    ].join("\n");
    expect(importSpecifiers(text)).toEqual(["../a/a.js", "../b/b.js", "../c/c.js", "../d/d.js", "hnswlib-node"]);
    expect([...folderGraph([{ file: "z/z.ts", text }]).get("z")!].sort()).toEqual(["a", "b", "c", "d"]);
  });
});
