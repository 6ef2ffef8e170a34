/**
 * The served index survives failed and killed builds, and a running engine picks up a rebuilt one.
 */
import { spawn } from "node:child_process";
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, onTestFinished, vi } from "vitest";
import type { PufaConfig } from "../../src/config.js";
import { BuildLockedError, buildIndex, openIndex, type BuildResult } from "../../src/index/builder.js";
import { openRuntime, type Runtime } from "../../src/runtime.js";
import { BLOCKING_BUILD_SCRIPT, childEnv, expectVerbatim, FIXTURE_CORPUS, FIXTURE_LAWS, fixtureConfig, REPO_ROOT, tempDir } from "./helpers.js";

let root: string;

beforeAll(() => {
  root = tempDir();
  vi.stubEnv("OPENAI_API_KEY", ""); // runtimes here never talk to a model
});

afterAll(() => {
  vi.unstubAllEnvs();
  rmSync(root, { recursive: true, force: true });
});

const generations = (config: PufaConfig) => readdirSync(path.join(config.dataDir, "index")).filter((e) => e.startsWith("gen-"));
const top = async (config: PufaConfig, q: string) => (await openIndex(config)!.searcher.search(q, { k: 1 }))[0]?.passage.id;

describe("crash safety of the index", () => {
  let config: PufaConfig;
  let a: BuildResult;

  beforeAll(async () => {
    config = fixtureConfig(path.join(root, "data-crash"));
    a = await buildIndex(config);
  }, 60_000);

  it("a build that fails before commit leaves generation A serving, and cleans up after itself", async () => {
    let seenDir = "";
    await expect(
      buildIndex(config, {
        beforeCommit: (dir) => {
          seenDir = dir;
          expect(existsSync(path.join(dir, "manifest.json"))).toBe(true); // fully written, just not switched in
          throw new Error("disk full (simulated)");
        },
      }),
    ).rejects.toThrow("disk full");
    const served = openIndex(config)!;
    expect(served.generation).toBe(a.generation);
    expect(served.searcher.passages.length).toBe(a.searcher.passages.length);
    expect(await top(config, "刑法第一百三十三条之一")).toBe((await a.searcher.search("刑法第一百三十三条之一", { k: 1 }))[0].passage.id);
    expect(existsSync(seenDir)).toBe(false);
    expect(existsSync(path.join(config.dataDir, "index.lock"))).toBe(false);
    expect(generations(config)).toEqual([a.generation]);
  }, 30_000);

  it("a build while a live process holds the lock is refused, and the served index is untouched", async () => {
    const lock = path.join(config.dataDir, "index.lock");
    writeFileSync(lock, String(process.ppid)); // alive: the process that started this test worker
    try {
      await expect(buildIndex(config)).rejects.toBeInstanceOf(BuildLockedError);
      expect(readFileSync(lock, "utf8")).toBe(String(process.ppid));
      expect(openIndex(config)!.generation).toBe(a.generation);
      expect(generations(config)).toEqual([a.generation]);
    } finally {
      rmSync(lock, { force: true });
    }
  });

  it("a build killed with SIGKILL mid-way leaves A serving; the next build takes over its lock and prunes its leftovers", async () => {
    // The killed build indexes something else (an empty corpus, no laws): if it had been switched in, the counts would show.
    const emptyCorpus = path.join(root, "empty-corpus");
    mkdirSync(emptyCorpus, { recursive: true });
    // node --import tsx, not the tsx binary: that one runs the script in a grandchild, which SIGKILL would not reach.
    const child = spawn(process.execPath, ["--import", "tsx", BLOCKING_BUILD_SCRIPT, config.dataDir, emptyCorpus], {
      cwd: REPO_ROOT,
      env: childEnv(),
      stdio: ["ignore", "pipe", "pipe"],
    });
    onTestFinished(() => {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL"); // never leave it running
    });
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on("exit", (_code, signal) => resolve(signal)));
    let stderr = "";
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    const ready = await new Promise<{ pid: number; dir: string }>((resolve, reject) => {
      let out = "";
      child.stdout.on("data", (d: Buffer) => {
        out += d.toString();
        const m = /READY (\d+) (.+)\n/.exec(out);
        if (m) resolve({ pid: Number(m[1]), dir: m[2] });
      });
      child.on("exit", (code) => reject(new Error(`blocking build exited early (${code}): ${stderr}`)));
    });
    expect(ready.pid).toBe(child.pid);
    // Mid-build: the child holds the lock and has written its generation, CURRENT still names A.
    expect(readFileSync(path.join(config.dataDir, "index.lock"), "utf8")).toBe(String(ready.pid));
    expect(existsSync(ready.dir)).toBe(true);
    expect(openIndex(config)!.generation).toBe(a.generation);

    child.kill("SIGKILL");
    expect(await exited).toBe("SIGKILL");

    // The stale lock and the half-done generation are still on disk; A is still what is served.
    expect(existsSync(path.join(config.dataDir, "index.lock"))).toBe(true);
    expect(existsSync(ready.dir)).toBe(true);
    const served = openIndex(config)!;
    expect(served.generation).toBe(a.generation);
    expect(served.searcher.passages.length).toBe(a.searcher.passages.length);
    expect(served.manifest.counts).toEqual(a.manifest.counts);

    const next = await buildIndex(config);
    expect(next.generation).not.toBe(a.generation);
    expect(openIndex(config)!.generation).toBe(next.generation);
    expect(next.searcher.passages.length).toBe(a.searcher.passages.length);
    expect(existsSync(ready.dir)).toBe(false);
    expect(existsSync(path.join(config.dataDir, "index.lock"))).toBe(false);
    expect(generations(config).sort()).toEqual([a.generation, next.generation].sort());
  }, 60_000);
});

describe("hot refresh", () => {
  let corpus: string;
  let config: PufaConfig;
  let watching: Runtime;
  let manual: Runtime;

  beforeAll(async () => {
    corpus = path.join(root, "corpus-live");
    cpSync(FIXTURE_CORPUS, corpus, { recursive: true });
    config = fixtureConfig(path.join(root, "data-live"), { corpus: [corpus], laws: FIXTURE_LAWS });
    watching = await openRuntime(config, { watch: true, questionLog: false });
    manual = await openRuntime(config, { questionLog: false }); // finds the index the first one built
  }, 60_000);

  afterAll(() => {
    watching?.close();
    manual?.close();
  });

  const article = (title: string, body: string) => `---\ntitle: "${title}"\nsource: "临江县公安局"\ndate: "2024-06-01"\n---\n\n${body}\n`;

  it("both runtimes serve the same, first index", () => {
    expect(manual.holder.current.generation).toBe(watching.holder.current.generation);
  });

  it("reindex() serves a newly added article from the next question on", async () => {
    const question = "从楼上往下扔东西犯法吗";
    expect((await watching.engine.ask({ question })).citations.some((c) => c.path === "high-throw.md")).toBe(false);

    writeFileSync(
      path.join(corpus, "high-throw.md"),
      article("高空抛物不是小事", "从建筑物或者高空抛掷物品，情节严重的，可能构成高空抛物罪。\n\n请不要从楼上往下扔东西，哪怕只是一个苹果。"),
    );
    const before = watching.holder.current.generation;
    await watching.reindex();
    expect(watching.holder.current.generation).not.toBe(before);
    const reply = await watching.engine.ask({ question });
    expect(reply.refused).toBe(false);
    expect(reply.citations[0].path).toBe("high-throw.md");
    expectVerbatim(reply, config, watching.holder.searcher().passages);
  }, 60_000);

  it("an index built elsewhere is picked up: by reload(), and by the watcher on its own", async () => {
    const question = "在公园里放孔明灯需要注意什么";
    writeFileSync(path.join(corpus, "sky-lantern.md"), article("孔明灯燃放安全提示", "在公园、林区等禁火区域，严禁燃放孔明灯。燃放孔明灯引发火灾的，依法追究责任。"));
    const built = await buildIndex(config); // as `pufa index` in another process would

    expect(manual.holder.reload()).toBe(true);
    expect(manual.holder.current.generation).toBe(built.generation);
    const reply = await manual.engine.ask({ question });
    expect(reply.citations[0]?.path).toBe("sky-lantern.md");
    expectVerbatim(reply, config, manual.holder.searcher().passages);
    expect(manual.holder.reload()).toBe(false); // already serving it

    await vi.waitFor(() => expect(watching.holder.current.generation).toBe(built.generation), { timeout: 15_000, interval: 200 });
    expect((await watching.engine.ask({ question })).citations[0]?.path).toBe("sky-lantern.md");
  }, 60_000);
});
