/**
 * `pufa serve` as an operator runs it: a child process on a temporary corpus and data folder,
 * reached over HTTP; and the refusal to listen beyond loopback without PUFA_ADMIN_TOKEN.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { cpSync, rmSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { CLI_MAIN, childEnv, FIXTURE_CORPUS, FIXTURE_LAWS, tempDir, TSX } from "../engine/helpers.js";

const root = tempDir("pufa-serve-");
const corpus = path.join(root, "corpus");
cpSync(FIXTURE_CORPUS, corpus, { recursive: true });
const children: ChildProcess[] = [];

afterAll(() => {
  for (const c of children) if (c.exitCode === null) c.kill("SIGTERM");
  rmSync(root, { recursive: true, force: true });
});

function serve(args: string[], env: NodeJS.ProcessEnv = {}) {
  const child = spawn(TSX, [CLI_MAIN, "--data", path.join(root, "data"), "--corpus", corpus, "--laws", FIXTURE_LAWS, "serve", ...args], {
    cwd: root,
    env: { ...childEnv(), ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.push(child);
  let stdout = "";
  let stderr = "";
  child.stdout!.on("data", (d: Buffer) => (stdout += d.toString()));
  child.stderr!.on("data", (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on("close", resolve));
  const url = new Promise<string>((resolve, reject) => {
    child.stdout!.on("data", () => {
      const m = /pufa web: (http:\/\/\S+?)\/(\s|$)/.exec(stdout);
      if (m) resolve(m[1]);
    });
    void exited.then((code) => reject(new Error(`serve exited ${code}: ${stderr}`)));
  });
  url.catch(() => {}); // a test that expects the exit does not await the address
  return { child, url, exited, output: () => ({ stdout, stderr }) };
}

describe("pufa serve (process)", () => {
  it("prints its address, answers /healthz and /ask, serves the page, stops on SIGTERM", async () => {
    const s = serve(["--port", "0"]);
    const url = await s.url;
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(s.output().stdout).toContain(`pufa HTTP: ${url}/ask`);
    expect(await (await fetch(`${url}/healthz`)).json()).toEqual({ ok: true });
    const res = await fetch(`${url}/ask`, { method: "POST", body: JSON.stringify({ question: "道交法第91条" }) });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { citations: { article: string }[] }).citations[0].article).toBe("第九十一条");
    const page = await fetch(`${url}/`);
    expect(page.headers.get("content-type")).toMatch(/text\/html/);
    expect(await page.text()).toContain("普法助手");
    s.child.kill("SIGTERM");
    expect(await s.exited).toBe(0);
  }, 90_000);

  it("refuses 0.0.0.0 without PUFA_ADMIN_TOKEN: non-zero exit, a clear message, nothing listening", async () => {
    const s = serve(["--host", "0.0.0.0", "--port", "0"]);
    const code = await s.exited;
    expect(code).not.toBe(0);
    expect(s.output().stderr).toMatch(/refusing to listen on 0\.0\.0\.0 without PUFA_ADMIN_TOKEN/);
    expect(s.output().stdout).not.toMatch(/pufa web:/);
  }, 60_000);

  it("listens on 0.0.0.0 when a secret is set, and the admin API wants it", async () => {
    const s = serve(["--host", "0.0.0.0", "--port", "0"], { PUFA_ADMIN_TOKEN: "process-test-secret" });
    const url = (await s.url).replace("0.0.0.0", "127.0.0.1");
    expect((await fetch(`${url}/admin/api/index`)).status).toBe(401);
    const ok = await fetch(`${url}/admin/api/index`, { headers: { authorization: "Bearer process-test-secret" } });
    expect(ok.status).toBe(200);
    expect(((await ok.json()) as { counts: { passages: number } }).counts.passages).toBeGreaterThan(0);
    s.child.kill("SIGTERM");
    await s.exited;
  }, 90_000);
});
