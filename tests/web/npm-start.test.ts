/** `npm start` (src/main.ts) as a user runs it: the console chat starts and prints the page's address, which answers. */
import { spawn } from "node:child_process";
import { cpSync, rmSync } from "node:fs";
import path from "node:path";
import { afterAll, expect, it } from "vitest";
import { childEnv, FIXTURE_CORPUS, FIXTURE_LAWS, REPO_ROOT, tempDir, TSX } from "../engine/helpers.js";

const root = tempDir("pufa-start-");
afterAll(() => rmSync(root, { recursive: true, force: true }));

it("prints the web page's address on loopback; the page and /ask answer while the chat runs; 退出 stops both", async () => {
  const corpus = path.join(root, "corpus");
  cpSync(FIXTURE_CORPUS, corpus, { recursive: true });
  const child = spawn(TSX, [path.join(REPO_ROOT, "src/main.ts")], {
    cwd: root,
    env: { ...childEnv(), PUFA_CORPUS: corpus, PUFA_LAWS: FIXTURE_LAWS, PUFA_DATA: path.join(root, "data"), PUFA_HTTP_PORT: "0" },
    stdio: ["pipe", "pipe", "pipe"],
  });
  let stdout = "";
  const exited = new Promise<number | null>((resolve) => child.on("close", resolve));
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout.on("data", (d: Buffer) => {
      stdout += d.toString();
      const m = /(http:\/\/127\.0\.0\.1:\d+)\//.exec(stdout);
      if (m) resolve(m[1]);
    });
    void exited.then((code) => reject(new Error(`npm start exited ${code}: ${stdout}`)));
  });
  expect((await fetch(`${url}/`)).status).toBe(200);
  const res = await fetch(`${url}/ask`, { method: "POST", body: JSON.stringify({ question: "道交法第91条" }) });
  expect(((await res.json()) as { refused: boolean }).refused).toBe(false);
  child.stdin.write("退出\n");
  expect(await exited).toBe(0);
}, 90_000);
