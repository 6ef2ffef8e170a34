/**
 * A local stand-in for an OpenAI-compatible endpoint, over real HTTP on 127.0.0.1 (port 0), so the
 * real `openai` client runs unchanged. Each request is answered by the next scripted behaviour
 * (or the fallback one): a chat answer, an HTTP error, garbage, an empty body, or no answer at all.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export interface ChatRequestBody {
  model: string;
  messages: { role: string; content: string }[];
  temperature?: number;
  max_tokens?: number;
  stream?: boolean;
}

export interface EmbeddingsRequestBody {
  model: string;
  input: string[] | string;
  encoding_format?: string;
  dimensions?: number;
}

export interface Recorded {
  path: string;
  body: any;
  at: number;
}

export type Behaviour =
  | { kind: "chat"; content: string | ((body: ChatRequestBody) => string); finishReason?: string }
  | { kind: "status"; status: number; retryAfter?: string; message?: string }
  | { kind: "raw"; status?: number; contentType: string; body: string }
  | { kind: "hang" }
  | { kind: "embeddings"; vectors?: (input: string[]) => number[][]; shuffle?: boolean; base64?: boolean };

export interface FakeOpenAi {
  baseURL: string;
  requests: Recorded[];
  /** Behaviours used once each, in order, before the fallback. */
  queue: Behaviour[];
  fallback: Behaviour;
  chatRequests(): ChatRequestBody[];
  close(): Promise<void>;
}

export async function startFakeOpenAi(fallback: Behaviour = { kind: "status", status: 500 }): Promise<FakeOpenAi> {
  const requests: Recorded[] = [];
  const fake: FakeOpenAi = {
    baseURL: "",
    requests,
    queue: [],
    fallback,
    chatRequests: () => requests.filter((r) => r.path.endsWith("/chat/completions")).map((r) => r.body as ChatRequestBody),
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  const server: Server = createServer(async (req, res) => {
    const raw = await readBody(req);
    let body: any = null;
    try {
      body = JSON.parse(raw);
    } catch {
      body = raw;
    }
    const path = req.url ?? "";
    requests.push({ path, body, at: Date.now() });
    const behaviour = fake.queue.shift() ?? fake.fallback;
    respond(behaviour, path, body, res);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  fake.baseURL = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
  return fake;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

function json(res: ServerResponse, status: number, value: unknown, headers: Record<string, string> = {}) {
  res.writeHead(status, { "content-type": "application/json", ...headers });
  res.end(JSON.stringify(value));
}

function respond(b: Behaviour, path: string, body: any, res: ServerResponse) {
  switch (b.kind) {
    case "hang":
      return; // never answers; close() destroys the socket
    case "status":
      return json(
        res,
        b.status,
        { error: { message: b.message ?? `fake error ${b.status}`, type: "fake", code: null } },
        b.retryAfter ? { "retry-after": b.retryAfter } : {},
      );
    case "raw":
      res.writeHead(b.status ?? 200, { "content-type": b.contentType });
      return res.end(b.body);
    case "chat": {
      if (!path.endsWith("/chat/completions")) return json(res, 404, { error: { message: "not chat" } });
      const content = typeof b.content === "function" ? b.content(body as ChatRequestBody) : b.content;
      return json(res, 200, {
        id: "chatcmpl-fake",
        object: "chat.completion",
        created: Math.floor(Date.now() / 1000),
        model: body?.model ?? "fake",
        choices: [{ index: 0, message: { role: "assistant", content }, finish_reason: b.finishReason ?? "stop" }],
        usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
      });
    }
    case "embeddings": {
      if (!path.endsWith("/embeddings")) return json(res, 404, { error: { message: "not embeddings" } });
      const input: string[] = Array.isArray(body.input) ? body.input : [body.input];
      const vectors = (b.vectors ?? defaultVectors)(input);
      let data = vectors.map((v, index) => ({
        object: "embedding",
        index,
        embedding: b.base64 ? Buffer.from(new Float32Array(v).buffer).toString("base64") : v,
      }));
      if (b.shuffle) data = [...data].reverse();
      return json(res, 200, { object: "list", data, model: body.model, usage: { prompt_tokens: 1, total_tokens: 1 } });
    }
  }
}

/** A deterministic 4-d vector per text: its length and first char code, so tests can check order. */
export function defaultVectors(input: string[]): number[][] {
  return input.map((t) => [t.length, t.codePointAt(0) ?? 0, 0.5, -1]);
}
