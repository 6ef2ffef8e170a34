/** The HTTP adapter over the real engine and a fixture index: POST /ask, GET /healthz, bad requests. */
import { rmSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createEngine } from "../../src/answer/engine.js";
import { Prompts } from "../../src/answer/prompts.js";
import { startHttpChannel, type HttpChannel } from "../../src/channels/http.js";
import type { PufaConfig } from "../../src/config.js";
import { buildIndex, type BuildResult } from "../../src/index/builder.js";
import type { AskRequest, Reply } from "../../src/types.js";
import { expectConsistentCitations, expectVerbatim, fixtureConfig, tempDir } from "../engine/helpers.js";

let dataDir: string;
let config: PufaConfig;
let built: BuildResult;
let http: HttpChannel;
const asked: AskRequest[] = [];

beforeAll(async () => {
  dataDir = tempDir();
  config = fixtureConfig(dataDir);
  built = await buildIndex(config);
  const engine = createEngine({ searcher: () => built.searcher, prompts: new Prompts(), onReply: (req) => asked.push(req) });
  http = await startHttpChannel(engine, { port: 0, host: "127.0.0.1" });
}, 60_000);

afterAll(async () => {
  await http?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const post = (body: string, path = "/ask") => fetch(`${http.url}${path}`, { method: "POST", headers: { "content-type": "application/json" }, body });

describe("POST /ask", () => {
  it("listens on 127.0.0.1 only", () => {
    expect(http.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it("returns the Reply as JSON", async () => {
    const res = await post(JSON.stringify({ question: "道交法第91条" }));
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^application\/json/);
    const reply = (await res.json()) as Reply;
    expect(reply).toMatchObject({ refused: false, reason: "answered", emergency: false, mode: "extractive" });
    expect(typeof reply.text).toBe("string");
    expect(reply.citations[0]).toMatchObject({ n: 1, kind: "law", title: "中华人民共和国道路交通安全法", article: "第九十一条" });
    expectVerbatim(reply, config, built.searcher.passages);
    expectConsistentCitations(reply);
    expect(asked.at(-1)).toMatchObject({ question: "道交法第91条", channel: "http" });
  });

  it("passes the client's earlier turns as context for a follow-up", async () => {
    const res = await post(JSON.stringify({ question: "那第二次被查到呢？", context: [{ question: "酒驾怎么处罚", at: Date.now() }, { nonsense: 1 }] }));
    const reply = (await res.json()) as Reply;
    expect(reply.refused).toBe(false);
    expect(reply.citations.some((c) => c.excerpt.includes("再次饮酒后驾驶"))).toBe(true);
    expect(asked.at(-1)!.context).toEqual([{ question: "酒驾怎么处罚", at: expect.any(Number) }]);
  });

  it("a refusal is still a 200 with the Reply", async () => {
    const reply = (await (await post(JSON.stringify({ question: "明天天气怎么样" }))).json()) as Reply;
    expect(reply).toMatchObject({ refused: true, reason: "out_of_scope", citations: [] });
  });

  it.each([
    ["malformed JSON", "{question: 酒驾"],
    ["no question", JSON.stringify({ q: "酒驾怎么处罚" })],
    ["question not a string", JSON.stringify({ question: 42 })],
    ["null", "null"],
    ["an array", JSON.stringify(["酒驾怎么处罚"])],
    ["empty body", ""],
  ])("%s → 400 with an error message", async (_name, body) => {
    const res = await post(body);
    expect(res.status).toBe(400);
    const json = (await res.json()) as { error: string };
    expect(json.error.length).toBeGreaterThan(0);
  });

  it("an oversized body → 413, and the server keeps answering", async () => {
    const res = await post(JSON.stringify({ question: "酒".repeat(200_000) }));
    expect(res.status).toBe(413);
    // The refused body's unread rest must not wedge a reused connection (it once hung the next POST).
    const next = await fetch(`${http.url}/ask`, { method: "POST", body: JSON.stringify({ question: "道交法第91条" }), signal: AbortSignal.timeout(3000) });
    expect(next.status).toBe(200);
    expect((await fetch(`${http.url}/nope`, { method: "POST", body: "{}", signal: AbortSignal.timeout(3000) })).status).toBe(404);
  });
});

describe("other routes", () => {
  it("GET /healthz → 200 {ok: true}", async () => {
    const res = await fetch(`${http.url}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true });
  });

  it("GET /ask and unknown paths → 404", async () => {
    expect((await fetch(`${http.url}/ask`)).status).toBe(404);
    expect((await post("{}", "/nope")).status).toBe(404);
  });
});
