/**
 * The admin console: login, then five tabs over /admin/api. Every change sends the session's
 * CSRF token; every text from the server is set as textContent.
 */
import uPlot from "uplot";
import "uplot/dist/uPlot.min.css";
import "./admin.css";

const $ = <T extends HTMLElement = HTMLElement>(sel: string) => document.querySelector(sel) as T;
let csrf = "";

function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  for (const c of children) e.append(c);
  return e;
}

async function api<T>(method: string, url: string, body?: unknown): Promise<T> {
  const isForm = body instanceof FormData;
  const res = await fetch(url, {
    method,
    headers: { "x-csrf-token": csrf, ...(body !== undefined && !isForm ? { "content-type": "application/json" } : {}) },
    body: body === undefined ? undefined : isForm ? body : JSON.stringify(body),
  });
  const json = (await res.json().catch(() => ({}))) as T & { error?: string };
  if (res.status === 401) showLogin();
  if (!res.ok) throw new Error(json.error ?? `HTTP ${res.status}`);
  return json;
}

// Login
function showLogin(): void {
  $("#login").hidden = false;
  $("#console").hidden = true;
  $("#logout").hidden = true;
}
function showConsole(): void {
  $("#login").hidden = true;
  $("#console").hidden = false;
  $("#logout").hidden = false;
  void loadArticles();
}
$("#login-form").addEventListener("submit", async (e) => {
  e.preventDefault();
  const res = await fetch("/admin/login", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ token: $<HTMLInputElement>("#token").value }) });
  const json = (await res.json().catch(() => ({}))) as { csrf?: string };
  if (!res.ok || !json.csrf) {
    $("#login-error").textContent = res.status === 429 ? "尝试次数过多，请一分钟后再试。" : "密钥不正确。";
    return;
  }
  csrf = json.csrf;
  $<HTMLInputElement>("#token").value = "";
  showConsole();
});
$("#logout").addEventListener("click", async () => {
  await fetch("/admin/logout", { method: "POST" });
  csrf = "";
  showLogin();
});

// Tabs
const loaders: Record<string, () => void> = { articles: () => void loadArticles(), index: () => void loadIndex(), unanswered: () => void loadGaps(), stats: () => void loadStats(), try: () => {} };
function openTab(name: string): void {
  for (const b of document.querySelectorAll<HTMLButtonElement>(".tabs button")) b.classList.toggle("active", b.dataset.tab === name);
  for (const t of document.querySelectorAll<HTMLElement>(".tab")) t.hidden = t.id !== `tab-${name}`;
  loaders[name]?.();
}
for (const b of document.querySelectorAll<HTMLButtonElement>(".tabs button")) b.addEventListener("click", () => openTab(b.dataset.tab!));

// 文章
interface Article { id: string; title: string; source: string | null; date: string | null; region: string | null; tags: string[]; file: string }
let articlesSeq = 0;
async function loadArticles(): Promise<void> {
  const seq = ++articlesSeq;
  const q = new URLSearchParams();
  for (const [k, v] of new FormData($<HTMLFormElement>("#filter"))) if (typeof v === "string" && v) q.set(k, v);
  const { articles } = await api<{ articles: Article[] }>("GET", `/admin/api/articles?${q}`);
  if (seq !== articlesSeq) return; // a later load renders instead: never two lists at once
  const body = $("#articles tbody");
  body.textContent = "";
  for (const a of articles) {
    const del = el("button", { type: "button", class: "ghost remove", "data-id": a.id }, "删除");
    del.addEventListener("click", async () => {
      if (!confirm(`删除《${a.title}》？（可在历史版本中恢复）`)) return;
      await api("DELETE", `/admin/api/articles/${encodeURIComponent(a.id)}`);
      void loadArticles();
    });
    const title = el("a", { href: "#", class: "title" }, a.title);
    title.addEventListener("click", (e) => {
      e.preventDefault();
      void loadHistory(a.title);
    });
    body.append(el("tr", { "data-id": a.id }, el("td", {}, a.date ?? ""), el("td", {}, title), el("td", {}, a.source ?? ""), el("td", {}, a.region ?? ""), el("td", {}, a.tags.join("、")), el("td", {}, del)));
  }
  void loadHistory();
}
$("#filter").addEventListener("submit", (e) => {
  e.preventDefault();
  void loadArticles();
});

interface HistoryEntry { name: string; title: string | null; date: string | null; reason: string | null; at: string | null }
let historySeq = 0;
async function loadHistory(title?: string): Promise<void> {
  const seq = ++historySeq;
  const { history } = await api<{ history: HistoryEntry[] }>("GET", `/admin/api/history${title ? `?title=${encodeURIComponent(title)}` : ""}`);
  if (seq !== historySeq) return;
  const body = $("#history tbody");
  body.textContent = "";
  for (const h of history) {
    const restore = el("button", { type: "button", class: "ghost restore" }, "恢复");
    restore.addEventListener("click", async () => {
      await api("POST", "/admin/api/history/restore", { name: h.name });
      void loadArticles();
    });
    body.append(el("tr", {}, el("td", {}, (h.at ?? "").slice(0, 16).replace("T", " ")), el("td", {}, h.title ?? h.name), el("td", {}, h.date ?? ""), el("td", {}, h.reason === "removed" ? "已删除" : h.reason === "replaced" ? "被新版本替换" : (h.reason ?? "")), el("td", {}, restore)));
  }
}

const drop = $("#drop");
let dropped: File[] = [];
drop.addEventListener("dragover", (e) => {
  e.preventDefault();
  drop.classList.add("over");
});
drop.addEventListener("dragleave", () => drop.classList.remove("over"));
drop.addEventListener("drop", (e) => {
  e.preventDefault();
  drop.classList.remove("over");
  dropped = [...(e.dataTransfer?.files ?? [])];
  drop.firstChild!.textContent = `已选 ${dropped.length} 个文件：${dropped.map((f) => f.name).join("、")} `;
});

interface Preview { name: string; title: string; source: string | null; date: string | null; url: string | null; region?: string | null; tags?: string[]; body: string; format: string; authors: string[] }
$("#import").addEventListener("submit", async (e) => {
  e.preventDefault();
  $("#import-error").textContent = "";
  const url = $<HTMLInputElement>("#url").value.trim();
  const form = new FormData();
  for (const f of [...dropped, ...($<HTMLInputElement>("#files").files ?? [])]) form.append("files", f);
  form.append("text", $<HTMLTextAreaElement>("#paste").value);
  try {
    const results = [await api<{ previews: Preview[]; errors: { name: string; error: string }[] }>("POST", "/admin/api/articles/preview", form)];
    if (url) results.push(await api("POST", "/admin/api/articles/preview", { url }));
    const previews = results.flatMap((r) => r.previews);
    $("#import-error").textContent = results.flatMap((r) => r.errors).map((x) => `${x.name}：${x.error}`).join("；");
    showPreviews(previews);
  } catch (err) {
    $("#import-error").textContent = (err as Error).message;
  }
});

/** Cleaned text and editable front matter; saved only on 保存. */
function showPreviews(previews: Preview[]): void {
  const box = $("#previews");
  box.textContent = "";
  for (const p of previews) {
    const field = (name: string, value: string) => el("input", { name, value });
    const card = el("form", { class: "preview" },
      el("label", {}, "标题"), field("title", p.title),
      el("label", {}, "来源"), field("source", p.source ?? ""),
      el("label", {}, "日期"), field("date", p.date ?? ""),
      el("label", {}, "地区"), field("region", p.region ?? ""),
      el("label", {}, "标签"), field("tags", (p.tags ?? []).join("，")),
      el("label", {}, "网址"), field("url", p.url ?? ""),
    );
    const text = el("textarea", { name: "body" });
    text.value = p.body;
    const save = el("button", { type: "submit", class: "save" }, "保存");
    const status = el("span", { class: "status" });
    card.append(text, el("div", { class: "actions" }, save, " ", status));
    card.addEventListener("submit", async (e) => {
      e.preventDefault();
      const f = new FormData(card);
      const get = (k: string) => String(f.get(k) ?? "");
      const article = { ...p, title: get("title"), source: get("source"), date: get("date"), region: get("region"), url: get("url"), body: get("body"), tags: get("tags").split(/[,，、\s]+/).filter(Boolean) };
      const { results } = await api<{ results: { action: string }[] }>("POST", "/admin/api/articles", { articles: [article] });
      status.textContent = { added: "已保存", replaced: "已保存（替换旧版本）", duplicate: "内容重复，未保存", outdated: "比现有版本旧，只存入历史" }[results[0]?.action] ?? `未保存：${results[0]?.action}`;
      save.disabled = true;
      void loadArticles();
    });
    box.append(card);
  }
}

// 索引
async function loadIndex(): Promise<void> {
  const s = await api<{ generation: string; counts: Record<string, number>; builtAt: string; job: { state: string; percent: number } }>("GET", "/admin/api/index");
  const dl = $("#index-status");
  dl.textContent = "";
  const row = (k: string, v: string) => dl.append(el("dt", {}, k), el("dd", {}, v));
  row("当前版本", s.generation);
  row("建立时间", s.builtAt.replace("T", " ").slice(0, 19));
  row("条文", String(s.counts.lawArticles));
  row("文章", String(s.counts.documents));
  row("片段", String(s.counts.passages));
}
$("#rebuild").addEventListener("click", async () => {
  await api("POST", "/admin/api/index/rebuild");
  const source = new EventSource("/admin/api/index/progress");
  source.addEventListener("progress", (e) => {
    const s = JSON.parse((e as MessageEvent).data) as { state: string; stage: string; percent: number; error?: string };
    $<HTMLProgressElement>("#progress").value = s.percent;
    $("#progress-text").textContent = s.state === "failed" ? `失败：${s.error}` : `${s.percent}%${s.state === "done" ? " 完成" : ` ${s.stage}`}`;
    if (s.state === "done" || s.state === "failed") {
      source.close();
      void loadIndex();
    }
  });
});

// 未答
interface Gap { representative: string; count: number; examples: string[]; lastAsked: string }
async function loadGaps(): Promise<void> {
  const r = await api<{ unanswered: Gap[] }>("GET", "/admin/api/unanswered");
  const box = $("#gaps");
  box.textContent = "";
  if (!r.unanswered.length) box.append(el("p", {}, "暂无未答问题。"));
  for (const g of r.unanswered) {
    const write = el("button", { type: "button", class: "ghost write" }, "写一篇解答");
    write.addEventListener("click", () => {
      openTab("articles");
      $<HTMLTextAreaElement>("#paste").value = `关于“${g.representative}”的解答\n\n群众的提问：\n${[g.representative, ...g.examples].map((q) => `- ${q}`).join("\n")}\n\n`;
      $("#paste").scrollIntoView();
      $("#paste").focus();
    });
    const label = el("button", { type: "button", class: "ghost label" }, "标注");
    label.addEventListener("click", () => void labeler(g.representative));
    box.append(el("div", { class: "gap" }, el("strong", {}, `${g.representative}（${g.count} 次）`), el("div", {}, g.examples.join(" / ")), el("div", { class: "row" }, write, label)));
  }
}

interface Hit { rank: number; score: number; kind: string; title: string; lawShort: string | null; article: string | null; text: string }
async function labeler(question: string): Promise<void> {
  const { hits } = await api<{ hits: Hit[] }>("POST", "/admin/api/try", { question });
  const box = $("#labeler");
  box.textContent = "";
  const form = el("form", { class: "box" }, el("strong", {}, `“${question}”由哪些条文回答？`));
  for (const h of hits.filter((x) => x.kind === "law")) {
    form.append(el("label", {}, el("input", { type: "checkbox", value: JSON.stringify({ law: h.lawShort, article: h.article }) }), ` ${h.title}${h.article}：${h.text.slice(0, 60)}…`));
  }
  const status = el("span");
  form.append(el("div", {}, el("button", { type: "submit" }, "保存标注"), " ", status));
  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    const gold = [...form.querySelectorAll<HTMLInputElement>("input:checked")].map((i) => JSON.parse(i.value) as unknown);
    const r = await api<{ file: string }>("POST", "/admin/api/labels", { question, gold });
    status.textContent = `已写入 ${r.file}`;
  });
  box.append(form);
}

// 统计
let charts: uPlot[] = [];
async function loadStats(): Promise<void> {
  const q = new URLSearchParams();
  for (const [k, v] of new FormData($<HTMLFormElement>("#range"))) if (typeof v === "string" && v) q.set(k, v);
  $<HTMLAnchorElement>("#csv").href = `/admin/api/stats.csv?${q}`;
  const s = await api<{ counted: Record<string, number>; days: { day: string; total: number; answered: number; refused: number }[]; total: number; answered: number; refused: number; feedback: { useful: number; notUseful: number }; topics: { term: string; count: number }[]; topQuestions: { question: string; count: number }[] }>("GET", `/admin/api/stats?${q}`);
  const rate = s.total ? Math.round((100 * s.answered) / s.total) : 0;
  const counted = Object.values(s.counted).reduce((x, y) => x + y, 0);
  $("#totals").textContent = `共 ${s.total} 个问题：已答 ${s.answered}，未答 ${s.refused}（回答率 ${rate}%）；反馈 有用 ${s.feedback.useful}，没用 ${s.feedback.notUseful}${counted ? `；另有 ${counted} 个过长或空白的提问只计数` : ""}`;
  for (const c of charts) c.destroy();
  charts = [];
  const width = Math.min(900, $("#tab-stats").clientWidth - 20);
  const xs = s.days.map((d) => Date.parse(`${d.day}T00:00:00`) / 1000);
  // Counts start at 0; one day alone gets a day either side, so it is not drawn at the edge.
  const fromZero: uPlot.Scale = { range: (_u, _min, max) => [0, Math.max(1, Math.ceil(max * 1.1))] };
  const DAY = 86_400;
  charts.push(new uPlot({
    width, height: 240,
    scales: { x: { time: true, range: (): uPlot.Range.MinMax => (xs.length ? [xs[0] - DAY, xs[xs.length - 1] + DAY] : [0, DAY]) }, y: fromZero },
    series: [{}, { label: "提问", stroke: "#1b5fb3", width: 2, points: { size: 8 } }, { label: "已答", stroke: "#2e7d32", points: { size: 8 } }, { label: "未答", stroke: "#c62828", points: { size: 8 } }],
    axes: [{}, {}],
  }, [xs, s.days.map((d) => d.total), s.days.map((d) => d.answered), s.days.map((d) => d.refused)], $("#chart-days")));
  const topics = s.topics.slice(0, 10);
  const bars = uPlot.paths.bars!({ size: [0.6, 60] });
  charts.push(new uPlot({
    width, height: 240,
    scales: { x: { time: false, range: () => [-0.5, Math.max(1, topics.length) - 0.5] }, y: fromZero },
    series: [{}, { label: "提问数", fill: "#9bb5d8", stroke: "#1b5fb3", paths: bars, points: { show: false } }],
    axes: [{ values: (_u, ticks) => ticks.map((t) => topics[t]?.term ?? "") , incrs: [1] }, {}],
  }, [topics.map((_, i) => i), topics.map((t) => t.count)], $("#chart-topics")));
  const ol = $("#top-questions");
  ol.textContent = "";
  for (const t of s.topQuestions) ol.append(el("li", {}, `${t.question}（${t.count}）`));
}
$("#range").addEventListener("submit", (e) => {
  e.preventDefault();
  void loadStats();
});

// 试问
$("#try").addEventListener("submit", async (e) => {
  e.preventDefault();
  const question = String(new FormData($<HTMLFormElement>("#try")).get("question") ?? "");
  const r = await api<{ reply: { text: string; refused: boolean; reason: string; mode: string; citations: { n: number; title: string; article: string | null; kind: string }[] }; hits: Hit[] }>("POST", "/admin/api/try", { question });
  const box = $("#try-result");
  box.textContent = "";
  const why: Record<string, string> = { answered: "已回答", no_match: "资料中没有足够相关的内容", out_of_scope: "不是法律问题", empty: "没有内容", too_long: "问题太长", greeting: "问候/帮助" };
  box.append(el("p", { class: "reason" }, `结果：${why[r.reply.reason] ?? r.reply.reason}（${r.reply.mode}）`));
  box.append(el("p", {}, `引用：${r.reply.citations.map((c) => `[${c.n}] ${c.kind === "law" ? "法条" : "文章"} ${c.title}${c.article ?? ""}`).join("；") || "无"}`));
  box.append(el("pre", { style: "white-space:pre-wrap" }, r.reply.text));
  const table = el("table", { class: "hits" }, el("thead", {}, el("tr", {}, el("th", {}, "名次"), el("th", {}, "分数"), el("th", {}, "类型"), el("th", {}, "来源"), el("th", {}, "内容"))));
  const body = el("tbody");
  for (const h of r.hits) body.append(el("tr", {}, el("td", {}, String(h.rank)), el("td", {}, h.score.toFixed(3)), el("td", {}, h.kind === "law" ? "法条" : "文章"), el("td", {}, `${h.title}${h.article ?? ""}`), el("td", {}, h.text.slice(0, 80))));
  table.append(body);
  box.append(table);
});

// Start: a live session (page reload) goes straight to the console.
void (async () => {
  const { csrf: token } = await fetch("/admin/api/session").then((r) => (r.ok ? (r.json() as Promise<{ csrf: string | null }>) : { csrf: null })).catch(() => ({ csrf: null }));
  if (token) {
    csrf = token;
    showConsole();
  } else showLogin();
})();
