/**
 * pufa on the web: one Hono app for the public ask page and API (POST /ask, GET /healthz, the
 * citation viewer, feedback) and the admin console behind PUFA_ADMIN_TOKEN. The answer engine
 * underneath is the same as WeChat's; this module only moves JSON and pages.
 */
import { serve, type ServerType } from "@hono/node-server";
import { getConnInfo } from "@hono/node-server/conninfo";
import { Hono, type Context } from "hono";
import { bodyLimit } from "hono/body-limit";
import { secureHeaders } from "hono/secure-headers";
import { createHmac, randomBytes } from "node:crypto";
import type { AddressInfo } from "node:net";
import { RateLimiterMemory } from "rate-limiter-flexible";
import type { Runtime } from "../../runtime.js";
import type { AskRequest, Reply } from "../../types.js";
import { AdminAuth } from "./admin-auth.js";
import { adminRoutes } from "./admin-routes.js";
import { BadRequest, DEFAULT_CONTEXT_CAP, parseAskBody, type ContextCap } from "./ask-request.js";
import { renderPage, type PageAsset } from "./assets.js";
import { bindRefusal } from "./bind-policy.js";
import { childLogger } from "../../logger.js";
import { checkOutgoing } from "../../safety/outgoing.js";
import { sourceView } from "./source-view.js";

const log = childLogger("web");

/** What the web channel needs of the running pufa (openRuntime gives all of it). */
export type WebDeps = Pick<Runtime, "engine" | "prompts" | "config" | "questionLog" | "holder" | "reindex" | "logEntryId" | "moderator">;

export interface WebOptions {
  /** PUFA_ADMIN_TOKEN; null (and no password hash): no admin console, loopback only. */
  adminToken: string | null;
  /** PUFA_ADMIN_PASSWORD_HASH (scrypt:<salt hex>:<key hex>): a password that logs in, stored only as its hash. */
  adminPasswordHash?: string | null;
  /** Questions one client (IP) may ask per minute. */
  askPerMinute?: number;
  contextCap?: ContextCap;
  /** Largest POST /ask body, bytes. */
  askBodyBytes?: number;
  /** Largest upload request (all files together), bytes. */
  uploadBytes?: number;
}

/** Requests refused before they reach the engine: counted, never stored. */
export interface RejectCounters {
  tooLarge: number;
  rateLimited: number;
  badRequest: number;
}

/** Wording of the page (prompts/web-*.txt), sent with the page so the script never hard-codes it. */
export const ASK_PAGE_TEXTS = [
  "web-welcome", "web-busy", "web-network-error", "web-copied", "web-feedback-thanks",
  "web-title", "web-large", "web-placeholder", "web-new-topic", "web-new-topic-mark", "web-send",
  "web-source", "web-opening", "web-copy", "web-useful", "web-not-useful", "web-searching", "web-retry",
] as const;

export function createWebApp(deps: WebDeps, options: WebOptions) {
  const app = new Hono();
  const counters: RejectCounters = { tooLarge: 0, rateLimited: 0, badRequest: 0 };
  const cap = options.contextCap ?? DEFAULT_CONTEXT_CAP;
  const limiter = new RateLimiterMemory({ points: options.askPerMinute ?? 20, duration: 60 });
  // Signs feedback tokens: only the page that got a reply can rate it.
  const feedbackKey = randomBytes(32);
  const feedbackToken = (id: number) => `${id}.${createHmac("sha256", feedbackKey).update(String(id)).digest("base64url").slice(0, 22)}`;
  const auth = new AdminAuth({ token: options.adminToken, passwordHash: options.adminPasswordHash ?? null });

  app.use("*", secureHeaders({ contentSecurityPolicy: undefined, crossOriginEmbedderPolicy: false }));

  app.onError((err, c) => {
    if (err instanceof BadRequest) {
      counters.badRequest++;
      return c.json({ error: err.message }, 400);
    }
    log.error({ err, path: c.req.path }, "web request failed");
    return c.json({ error: "internal error" }, 500);
  });

  app.get("/healthz", (c) => c.json({ ok: true }));

  const pageCache = new Map<string, Promise<PageAsset>>();
  const page = (entry: string, data: () => unknown) => async (c: Context) => {
    // Rendered once per process; wording edits in prompts/ show after a restart.
    let p = pageCache.get(entry);
    if (!p) {
      p = renderPage(entry, data());
      pageCache.set(entry, p);
      p.catch(() => pageCache.delete(entry));
    }
    const asset = await p;
    c.header("cache-control", "no-cache");
    c.header("vary", "accept-encoding");
    if (/\bgzip\b/.test(c.req.header("accept-encoding") ?? "")) {
      c.header("content-encoding", "gzip");
      c.header("content-type", "text/html; charset=utf-8");
      return c.body(new Uint8Array(asset.gzip));
    }
    return c.html(asset.html);
  };
  app.get("/", page("ask", () => Object.fromEntries(ASK_PAGE_TEXTS.map((n) => [n, deps.prompts.get(n)]))));

  const clientKey = (c: Context) => {
    try {
      return getConnInfo(c).remote.address ?? "unknown";
    } catch {
      return "unknown";
    }
  };

  app.post(
    "/ask",
    bodyLimit({
      maxSize: options.askBodyBytes ?? 32 * 1024,
      onError: (c) => {
        counters.tooLarge++;
        // The refused body's unread rest must not wedge a reused connection: close it.
        c.header("connection", "close");
        return c.json({ error: "body too large" }, 413);
      },
    }),
    async (c) => {
      const { question, context } = parseAskBody(await c.req.text(), cap);
      try {
        // The limit guards the engine's work: a question over the length limit is refused before
        // any search (too_long, counted in the log), so it costs no point.
        if ([...question].length <= deps.config.maxQuestionChars) await limiter.consume(clientKey(c));
      } catch {
        counters.rateLimited++;
        c.header("retry-after", "60");
        return c.json({ error: "rate limited", message: deps.prompts.get("web-busy") }, 429);
      }
      const request: AskRequest = { question, context, channel: "http", askerId: `web:${clientKey(c)}` };
      const answered = await deps.engine.ask(request);
      const id = deps.logEntryId(answered);
      const verdict = checkOutgoing(answered.text, deps.moderator);
      if (!verdict.ok) log.warn({ reason: verdict.reason, detail: verdict.detail, entry: id }, "reply withheld: it failed the outgoing check");
      const reply = verdict.ok ? answered : withheld(answered, deps.prompts.get("answer-failed"));
      return c.json(id === null ? reply : { ...reply, feedback: feedbackToken(id) });
    },
  );

  app.post("/api/feedback", bodyLimit({ maxSize: 1024, onError: (c) => c.json({ error: "body too large" }, 413) }), async (c) => {
    const body = (await c.req.json().catch(() => null)) as { token?: unknown; useful?: unknown } | null;
    const token = typeof body?.token === "string" ? body.token : "";
    const id = Number(token.split(".")[0]);
    if (!Number.isSafeInteger(id) || token !== feedbackToken(id) || typeof body?.useful !== "boolean") {
      counters.badRequest++;
      return c.json({ error: "unknown reply or missing useful" }, 400);
    }
    if (!deps.questionLog?.feedback(id, body.useful)) return c.json({ error: "that reply is no longer in the log" }, 404);
    return c.json({ ok: true });
  });

  app.get("/api/source", (c) => {
    const view = sourceView(deps.holder.searcher().passages, deps.config.corpusDirs, c.req.query("id") ?? "", Number(c.req.query("start")), Number(c.req.query("end")));
    return view ? c.json(view) : c.json({ error: "no such passage in the served index" }, 404);
  });

  app.route("/admin", adminRoutes(deps, auth, { counters, clientKey, uploadBytes: options.uploadBytes ?? 20 * 1024 * 1024, page }));

  app.notFound((c) => c.json({ error: "not found: the API is POST /ask and GET /healthz" }, 404));
  return { app, counters };
}

/** What goes out instead of a reply that failed the outgoing check (a poisoned article, a model gone wrong): the canned apology, nothing of the reply. */
export function withheld(reply: Reply, apology: string): Reply {
  return { ...reply, text: apology, parts: { body: [apology], sources: "", notes: [] }, citations: [], refused: true, mode: "canned" };
}

export interface WebServer {
  url: string;
  close(): Promise<void>;
}

/** Listens; refuses (throws) a non-loopback host without an admin secret. */
export async function startWebServer(deps: WebDeps, options: WebOptions & { host: string; port: number }): Promise<WebServer> {
  const refusal = bindRefusal(options.host, Boolean(options.adminToken || options.adminPasswordHash));
  if (refusal) throw new BindRefused(refusal);
  const { app } = createWebApp(deps, options);
  const server: ServerType = await new Promise((resolve, reject) => {
    const s = serve({ fetch: app.fetch, port: options.port, hostname: options.host }, () => resolve(s));
    s.once("error", reject);
  });
  const { port } = server.address() as AddressInfo;
  const host = options.host.includes(":") ? `[${options.host}]` : options.host;
  return {
    url: `http://${host}:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        (server as { closeAllConnections?: () => void }).closeAllConnections?.();
        server.close((e) => (e ? reject(e) : resolve()));
      }),
  };
}

export class BindRefused extends Error {}
