/**
 * The admin console's routes under /admin: the page, login/logout, and a JSON API for the
 * console's tabs (文章, 索引, 未答, 统计, 试问). Nothing under /admin/api answers without a session
 * (or the secret as a Bearer token); every change is written to the audit log.
 */
import { Hono, type Context } from "hono";
import { bodyLimit } from "hono/body-limit";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import { streamSSE } from "hono/streaming";
import { appendFileSync, mkdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { addToCorpus, HISTORY_DIR, listCorpus, listHistory, removeFromCorpus } from "../../admin/corpus-manager.js";
import { importBytes } from "../../admin/importers/index.js";
import { importUrl } from "../../admin/importers/url.js";
import type { ImportedArticle } from "../../admin/importers/types.js";
import { buildReport } from "../../admin/report.js";
import { normalizeDate } from "../../text/dates.js";
import { childLogger } from "../../logger.js";
import { AdminAuth, CSRF_HEADER, SESSION_COOKIE, sameToken } from "./admin-auth.js";
import { ReindexJob } from "./reindex-job.js";
import type { RejectCounters, WebDeps } from "./server.js";
import { computeStats, statsCsv } from "./stats.js";

const log = childLogger("web-admin");
const ACTOR = "web-admin";

interface AdminRouteOptions {
  counters: RejectCounters;
  clientKey: (c: Context) => string;
  uploadBytes: number;
  page: (entry: string, data: () => unknown) => (c: Context) => Promise<Response>;
}

type Vars = { Variables: { actor: string } };

const dateParam = (v: string | undefined) => (v && /^\d{4}-\d{2}-\d{2}$/.test(v) ? v : undefined);
/** An end date is inclusive for people: to=2026-12-02 means up to the end of that day. */
const dayAfter = (d: string) => new Date(Date.parse(`${d}T00:00:00`) + 86_400_000).toISOString();

export function adminRoutes(deps: WebDeps, auth: AdminAuth, options: AdminRouteOptions) {
  const admin = new Hono<Vars>();
  const corpusDir = deps.config.corpusDirs[0];
  // The same import limits as `pufa add` (PUFA_IMPORT_*): a hostile file is refused with its reason.
  const limits = deps.config.imports;
  const audit = (action: string, detail: unknown = {}) => {
    try {
      deps.questionLog?.audit(ACTOR, action, detail);
    } catch (err) {
      log.error({ err }, "audit write failed");
    }
  };
  const job = new ReindexJob((progress) => deps.reindex(progress));

  admin.get("/", options.page("admin", () => ({ enabled: auth.enabled })));

  // Login: a few tries per minute per client, so the secret cannot be guessed by brute force.
  const tries = new Map<string, { n: number; until: number }>();
  admin.post("/login", bodyLimit({ maxSize: 4096, onError: (c) => c.json({ error: "body too large" }, 413) }), async (c) => {
    const key = options.clientKey(c); // the socket's address: a header could be forged per try
    const t = tries.get(key);
    if (t && t.until > Date.now() && t.n >= 10) return c.json({ error: "too many attempts" }, 429);
    const body = (await c.req.json().catch(() => null)) as { token?: unknown } | null;
    const session = auth.login(body?.token);
    if (!session) {
      tries.set(key, { n: (t && t.until > Date.now() ? t.n : 0) + 1, until: Date.now() + 60_000 });
      audit("admin.login", { ok: false });
      return c.json({ error: auth.enabled ? "wrong secret" : "the admin console is off: set PUFA_ADMIN_TOKEN" }, 401);
    }
    setCookie(c, SESSION_COOKIE, session.id, { httpOnly: true, sameSite: "Strict", path: "/admin", secure: new URL(c.req.url).protocol === "https:" });
    audit("admin.login", { ok: true });
    return c.json({ csrf: session.csrf });
  });

  admin.post("/logout", (c) => {
    auth.logout(getCookie(c, SESSION_COOKIE));
    deleteCookie(c, SESSION_COOKIE, { path: "/admin" });
    return c.json({ ok: true });
  });

  admin.use("/api/*", async (c, next) => {
    const bearer = c.req.header("authorization")?.match(/^Bearer (.+)$/)?.[1];
    if (bearer && auth.checkSecret(bearer)) return next();
    const session = auth.session(getCookie(c, SESSION_COOKIE));
    if (!session) return c.json({ error: "login required" }, 401);
    // Reads are harmless cross-site (SameSite=Strict already); changes need the session's CSRF token.
    if (c.req.method !== "GET" && c.req.method !== "HEAD" && !sameToken(c.req.header(CSRF_HEADER), session.csrf)) {
      return c.json({ error: "missing or wrong CSRF token" }, 403);
    }
    return next();
  });

  admin.get("/api/session", (c) => {
    const session = auth.session(getCookie(c, SESSION_COOKIE));
    return c.json({ csrf: session?.csrf ?? null });
  });

  // 文章
  admin.get("/api/articles", (c) => {
    const q = (c.req.query("q") ?? "").trim();
    const from = dateParam(c.req.query("from"));
    const to = dateParam(c.req.query("to"));
    const source = c.req.query("source") ?? "";
    const tag = c.req.query("tag") ?? "";
    const region = c.req.query("region") ?? "";
    const meta = new Map<string, { region: string | null; tags: string[] }>();
    for (const p of deps.holder.searcher().passages) if (p.kind === "article" && !meta.has(p.docId)) meta.set(p.docId, { region: p.region, tags: p.tags });
    const articles = listCorpus(corpusDir)
      .map((a) => ({ ...a, region: meta.get(a.id)?.region ?? null, tags: meta.get(a.id)?.tags ?? [] }))
      .filter((a) => (!q || a.title.includes(q) || a.id.startsWith(q)) && (!from || (a.date ?? "") >= from) && (!to || (a.date ?? "9999") <= to))
      .filter((a) => (!source || a.source === source) && (!tag || a.tags.includes(tag)) && (!region || a.region === region));
    return c.json({ articles });
  });

  // Upload, paste or URL → cleaned previews; nothing is saved until the admin confirms.
  admin.post("/api/articles/preview", bodyLimit({ maxSize: options.uploadBytes, onError: (c) => (options.counters.tooLarge++, c.json({ error: "upload too large" }, 413)) }), async (c) => {
    const previews: (ImportedArticle & { name: string })[] = [];
    const errors: { name: string; error: string }[] = [];
    // One bad file, page or paste is reported by name; the others still preview.
    const attempt = async (name: string, load: () => Promise<ImportedArticle | null>) => {
      try {
        const article = await load();
        if (article) previews.push({ ...article, name });
      } catch (err) {
        errors.push({ name, error: (err as Error).message });
      }
    };
    const pasted = async (text: string) => (text.trim() ? importBytes(new TextEncoder().encode(text.trim()), "粘贴.txt", limits) : null);
    const type = c.req.header("content-type") ?? "";
    if (type.startsWith("multipart/form-data")) {
      const form = await c.req.parseBody({ all: true });
      const files = ([] as unknown[]).concat(form["files"] ?? []).filter((f): f is File => f instanceof File);
      for (const f of files) await attempt(f.name, async () => importBytes(new Uint8Array(await f.arrayBuffer()), path.basename(f.name), limits));
      if (typeof form["text"] === "string") await attempt("粘贴", () => pasted(form["text"] as string));
    } else {
      const body = (await c.req.json().catch(() => ({}))) as { url?: unknown; text?: unknown };
      if (typeof body.text === "string") await attempt("粘贴", () => pasted(body.text as string));
      if (typeof body.url === "string") await attempt(body.url, () => importUrl(body.url as string, limits));
    }
    return c.json({ previews, errors });
  });

  admin.post("/api/articles", bodyLimit({ maxSize: options.uploadBytes, onError: (c) => c.json({ error: "too large" }, 413) }), async (c) => {
    const body = (await c.req.json().catch(() => null)) as { articles?: unknown } | null;
    const items = Array.isArray(body?.articles) ? body.articles : [];
    const results = [];
    for (const raw of items) {
      const a = toArticle(raw);
      if (!a) {
        results.push({ action: "invalid" });
        continue;
      }
      try {
        results.push({ title: a.title, ...addToCorpus(corpusDir, a, { actor: ACTOR, audit: deps.questionLog ?? undefined }) });
      } catch (err) {
        results.push({ title: a.title, action: "failed", error: (err as Error).message });
      }
    }
    if (results.some((r) => r.action === "added" || r.action === "replaced")) void job.start();
    return c.json({ results });
  });

  admin.delete("/api/articles/:id", (c) => {
    const result = removeFromCorpus(corpusDir, c.req.param("id"), { actor: ACTOR, audit: deps.questionLog ?? undefined });
    if (result.removed) void job.start();
    return c.json(result, result.removed ? 200 : 404);
  });

  const historyEntries = () =>
    listHistory(corpusDir)
      .map(({ name, data }) => {
        const s = (k: string) => (typeof data[k] === "string" ? (data[k] as string) : normalizeDate(data[k]));
        return { name, id: s("id"), title: s("title"), source: s("source"), date: s("date"), reason: s("history_reason"), at: s("history_at") };
      })
      .sort((a, b) => (b.at ?? "").localeCompare(a.at ?? ""));
  admin.get("/api/history", (c) => {
    const title = c.req.query("title");
    return c.json({ history: historyEntries().filter((h) => !title || h.title === title) });
  });
  admin.post("/api/history/restore", async (c) => {
    const body = (await c.req.json().catch(() => null)) as { name?: unknown } | null;
    // Only a name the listing itself gives: never a path from the request.
    const entry = historyEntries().find((h) => h.name === body?.name);
    if (!entry) return c.json({ error: "no such history file" }, 404);
    let result;
    try {
      const article = await importBytes(new Uint8Array(readFileSync(path.join(corpusDir, HISTORY_DIR, entry.name))), entry.name, limits);
      result = addToCorpus(corpusDir, { ...article, date: article.date ?? entry.date }, { actor: ACTOR, audit: deps.questionLog ?? undefined });
    } catch (err) {
      return c.json({ error: `could not restore: ${(err as Error).message}` }, 422);
    }
    audit("corpus.restore", { name: entry.name, result: result.action, docId: result.docId });
    if (result.action === "added" || result.action === "replaced") void job.start();
    return c.json(result);
  });

  // 索引
  admin.get("/api/index", (c) => {
    const cur = deps.holder.current;
    return c.json({ generation: cur.generation, counts: cur.manifest.counts, builtAt: cur.manifest.createdAt, loadedAt: new Date(cur.loadedAt).toISOString(), job: job.state, rejected: options.counters });
  });
  admin.post("/api/index/rebuild", (c) => {
    audit("index.rebuild");
    void job.start();
    return c.json({ started: true, job: job.state }, 202);
  });
  admin.get("/api/index/progress", (c) =>
    streamSSE(c, async (stream) => {
      let closed = false;
      const queue: string[] = [JSON.stringify(job.state)];
      let wake: (() => void) | null = null;
      const off = job.subscribe((s) => {
        queue.push(JSON.stringify(s));
        wake?.();
      });
      stream.onAbort(() => {
        closed = true;
        wake?.();
      });
      try {
        while (!closed) {
          while (queue.length) {
            const data = queue.shift()!;
            await stream.writeSSE({ event: "progress", data });
          }
          if (job.state.state !== "running" && queue.length === 0 && job.state.state !== "idle") break;
          await new Promise<void>((r) => {
            wake = r;
            setTimeout(r, 15_000); // a comment-free heartbeat: the loop writes the state again
          });
          wake = null;
          if (!queue.length) queue.push(JSON.stringify(job.state));
        }
      } finally {
        off();
      }
    }),
  );

  // 统计
  const statsFor = (c: Context) => {
    const from = dateParam(c.req.query("from"));
    const to = dateParam(c.req.query("to"));
    const rows = deps.questionLog?.between(from ? new Date(`${from}T00:00:00`) : undefined, to ? dayAfter(to) : undefined) ?? [];
    return computeStats(rows.filter((r) => r.channel !== "admin"));
  };
  // `counted`: questions the log keeps only as daily counts (too long, empty), by reason.
  admin.get("/api/stats", (c) => c.json({ ...statsFor(c), counted: deps.questionLog?.rejections(dateParam(c.req.query("from")) ? new Date(`${c.req.query("from")}T00:00:00`) : undefined) ?? {}, rejected: options.counters }));
  admin.get("/api/stats.csv", (c) => {
    c.header("content-type", "text/csv; charset=utf-8");
    c.header("content-disposition", 'attachment; filename="pufa-stats.csv"');
    return c.body(statsCsv(statsFor(c), deps.prompts.get("web-stats-csv-header")));
  });

  // 未答
  admin.get("/api/unanswered", (c) => {
    if (!deps.questionLog) return c.json({ unanswered: [], topTopics: [] });
    const report = buildReport(deps.questionLog, { from: dateParam(c.req.query("from")), to: dateParam(c.req.query("to")) });
    return c.json(report);
  });
  admin.post("/api/labels", async (c) => {
    const body = (await c.req.json().catch(() => null)) as { question?: unknown; gold?: unknown } | null;
    const gold = Array.isArray(body?.gold) ? body.gold.filter((g): g is { law: string; article: string } => typeof g?.law === "string" && typeof g?.article === "string") : [];
    if (typeof body?.question !== "string" || !body.question.trim() || gold.length === 0) return c.json({ error: "question and at least one law article" }, 400);
    const file = labelledFile(deps);
    mkdirSync(path.dirname(file), { recursive: true });
    appendFileSync(file, `${JSON.stringify({ question: body.question.trim(), gold: gold.map((g) => ({ law: g.law, article: g.article })) })}\n`);
    audit("labels.add", { file, gold: gold.length });
    return c.json({ ok: true, file });
  });

  // 试问: the ranked hits behind an answer, and why a question was refused.
  admin.post("/api/try", async (c) => {
    const body = (await c.req.json().catch(() => null)) as { question?: unknown } | null;
    if (typeof body?.question !== "string") return c.json({ error: '"question" must be a string' }, 400);
    const question = body.question.slice(0, 2000);
    const reply = await deps.engine.ask({ question, channel: "admin" });
    const hits = (await deps.holder.searcher().search(question, { k: 10 })).map((h) => ({
      rank: h.rank,
      score: h.score,
      kind: h.passage.kind,
      title: h.passage.kind === "law" ? h.passage.lawTitle : h.passage.title,
      lawShort: h.passage.kind === "law" ? h.passage.lawShort : null,
      article: h.passage.kind === "law" ? h.passage.article : null,
      text: h.passage.text.slice(0, 200),
    }));
    return c.json({ reply, hits });
  });

  return admin;
}

/** Where 标注 appends: the first PUFA_LABELLED file, else labelled-questions.jsonl in the data folder. */
export function labelledFile(deps: Pick<WebDeps, "config">): string {
  return deps.config.labelledFiles[0] ?? path.join(deps.config.dataDir, "labelled-questions.jsonl");
}

/** An edited preview from the console back into an ImportedArticle; null when it is not one. */
function toArticle(raw: unknown): ImportedArticle | null {
  if (typeof raw !== "object" || raw === null) return null;
  const r = raw as Record<string, unknown>;
  const str = (v: unknown) => (typeof v === "string" && v.trim() ? v.trim() : null);
  const title = str(r.title);
  const body = typeof r.body === "string" ? r.body.trim() : "";
  if (!title || !body) return null;
  const date = str(r.date);
  const formats = ["md", "txt", "docx", "html", "pdf"] as const;
  return {
    title,
    body,
    source: str(r.source),
    date: date && /^\d{4}-\d{2}-\d{2}$/.test(date) ? date : null,
    url: str(r.url),
    authors: Array.isArray(r.authors) ? r.authors.filter((a): a is string => typeof a === "string") : [],
    format: formats.find((f) => f === r.format) ?? "txt",
    region: str(r.region),
    tags: Array.isArray(r.tags) ? r.tags.filter((t): t is string => typeof t === "string" && t.trim() !== "").map((t) => t.trim()) : [],
  };
}

