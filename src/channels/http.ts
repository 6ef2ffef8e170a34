/**
 * A small HTTP adapter: POST /ask {"question": "...", "context"?: [{question, at}]} → Reply as JSON.
 * Stateless: a client that wants follow-ups sends the earlier turns. GET /healthz for monitors.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import type { AnswerEngine, ConversationTurn } from "../types.js";

const MAX_BODY_BYTES = 256 * 1024;

export interface HttpChannel {
  url: string;
  close(): Promise<void>;
}

function send(res: http.ServerResponse, status: number, body: unknown, headers: http.OutgoingHttpHeaders = {}): void {
  const data = JSON.stringify(body);
  res.writeHead(status, { ...headers, "content-type": "application/json; charset=utf-8", "content-length": Buffer.byteLength(data) });
  res.end(data);
}

async function readBody(req: http.IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw Object.assign(new Error("body too large"), { status: 413 });
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString("utf8");
}

function parseAsk(raw: string): { question: string; context: ConversationTurn[] } {
  const body = JSON.parse(raw) as { question?: unknown; context?: unknown } | null;
  // `null`, `[]`, `"text"` are valid JSON but no request: a 400, not a TypeError turned 500.
  if (typeof body !== "object" || body === null || Array.isArray(body) || typeof body.question !== "string") throw Object.assign(new Error('"question" must be a string'), { status: 400 });
  const context = Array.isArray(body.context)
    ? body.context
        .filter((t): t is { question: string; at?: number } => typeof t?.question === "string")
        .map((t) => ({ question: t.question, at: typeof t.at === "number" ? t.at : Date.now() }))
    : [];
  return { question: body.question, context };
}

export async function startHttpChannel(engine: AnswerEngine, options: { port: number; host: string }): Promise<HttpChannel> {
  const server = http.createServer(async (req, res) => {
    try {
      if (req.method === "GET" && req.url === "/healthz") return send(res, 200, { ok: true });
      if (req.method !== "POST" || req.url !== "/ask") return send(res, 404, { error: "POST /ask or GET /healthz" });
      const { question, context } = parseAsk(await readBody(req));
      send(res, 200, await engine.ask({ question, context, channel: "http" }));
    } catch (err) {
      const status = (err as { status?: number }).status ?? (err instanceof SyntaxError ? 400 : 500);
      // After a refused body the connection still carries its unread rest: close it rather than reuse it.
      send(res, status, { error: (err as Error).message }, status === 413 ? { connection: "close" } : {});
    }
  });
  await new Promise<void>((resolve) => server.listen(options.port, options.host, resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${options.host}:${port}`,
    close: () => new Promise<void>((resolve, reject) => server.close((e) => (e ? reject(e) : resolve()))),
  };
}
