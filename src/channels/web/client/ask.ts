/**
 * The ask page: a question box, the reply rendered from its structure (body with [n] links,
 * expandable sources, notes), follow-ups within the page's session, copy and feedback. All text
 * from the server is set as textContent: a reply can never inject markup.
 */
import "./ask.css";
import type { Citation, Reply } from "../../../types.js";

/** The page's wording, from prompts/ (server.ts ASK_PAGE_TEXTS). */
type Texts = Record<
  | "web-welcome" | "web-busy" | "web-network-error" | "web-copied" | "web-feedback-thanks"
  | "web-title" | "web-large" | "web-placeholder" | "web-new-topic" | "web-new-topic-mark" | "web-send"
  | "web-source" | "web-opening" | "web-copy" | "web-useful" | "web-not-useful" | "web-searching" | "web-retry",
  string
>;
type WebReply = Reply & { feedback?: string };
interface Turn {
  question: string;
  at: number;
}

const texts = JSON.parse(document.getElementById("pufa-data")!.textContent || "{}") as Texts;
const thread = document.getElementById("thread")!;
const form = document.getElementById("ask") as HTMLFormElement;
const input = document.getElementById("question") as HTMLTextAreaElement;
const send = document.getElementById("send") as HTMLButtonElement;
const TIMEOUT_MS = 30_000;

// The page's own labels come from prompts/ like every other text users read.
document.title = texts["web-title"];
document.getElementById("title")!.textContent = texts["web-title"];
document.getElementById("large")!.textContent = texts["web-large"];
document.getElementById("new-topic")!.textContent = texts["web-new-topic"];
send.textContent = texts["web-send"];
input.placeholder = texts["web-placeholder"];
const CONTEXT_KEY = "pufa-context";

function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  for (const c of children) e.append(c);
  return e;
}

// 大字: remembered on this phone.
const large = document.getElementById("large")!;
const setLarge = (on: boolean) => {
  document.body.classList.toggle("large", on);
  large.setAttribute("aria-pressed", String(on));
  try {
    localStorage.setItem("pufa-large", on ? "1" : "");
  } catch {}
};
setLarge((() => { try { return localStorage.getItem("pufa-large") === "1"; } catch { return false; } })());
large.addEventListener("click", () => setLarge(!document.body.classList.contains("large")));

// Follow-ups: earlier questions of this page's session (answered ones), sent as context.
const loadContext = (): Turn[] => {
  try {
    return JSON.parse(sessionStorage.getItem(CONTEXT_KEY) || "[]") as Turn[];
  } catch {
    return [];
  }
};
const saveContext = (turns: Turn[]) => {
  try {
    sessionStorage.setItem(CONTEXT_KEY, JSON.stringify(turns.slice(-5)));
  } catch {}
};
document.getElementById("new-topic")!.addEventListener("click", () => {
  saveContext([]);
  thread.append(el("p", { class: "status" }, texts["web-new-topic-mark"]));
});

/** Body text with each [n] that names a citation turned into a button that opens that source. */
function withCiteLinks(text: string, cites: Map<number, HTMLDetailsElement>): HTMLElement {
  const p = el("p");
  let last = 0;
  for (const m of text.matchAll(/\[(\d+)\]/g)) {
    const details = cites.get(Number(m[1]));
    if (!details) continue;
    p.append(text.slice(last, m.index));
    const b = el("button", { type: "button", class: "cite", "aria-label": texts["web-source"].replace("{n}", m[1]) }, m[0]);
    b.addEventListener("click", () => {
      details.open = true;
      details.scrollIntoView({ behavior: "smooth", block: "nearest" });
    });
    p.append(b);
    last = m.index! + m[0].length;
  }
  p.append(text.slice(last));
  return p;
}

/** A source line that unfolds to the full article, the quoted sentence marked. */
function sourceDetails(line: string, c: Citation): HTMLDetailsElement {
  const d = el("details", { class: "source", "data-n": String(c.n) }, el("summary", {}, line));
  let loaded = false;
  d.addEventListener("toggle", async () => {
    if (!d.open || loaded) return;
    loaded = true;
    const box = el("div", { class: "full" }, el("span", { class: "pending" }, texts["web-opening"]));
    d.append(box);
    try {
      const q = new URLSearchParams({ id: c.passageId, start: String(c.start), end: String(c.end) });
      const res = await fetch(`/api/source?${q}`, { signal: AbortSignal.timeout?.(TIMEOUT_MS) });
      if (!res.ok) throw new Error(String(res.status));
      const v = (await res.json()) as { title: string; article: string | null; source: string | null; date: string | null; text: string; highlight: [number, number] | null };
      box.textContent = "";
      box.append(el("div", { class: "meta" }, [v.title, v.article, v.source, v.date].filter(Boolean).join(" · ")));
      const [s, e] = v.highlight ?? [0, 0];
      box.append(v.text.slice(0, s), ...(v.highlight ? [el("mark", {}, v.text.slice(s, e))] : []), v.text.slice(e));
      box.querySelector("mark")?.scrollIntoView({ block: "nearest" });
    } catch {
      loaded = false;
      box.textContent = "";
      box.append(el("span", {}, c.excerpt));
    }
  });
  return d;
}

function renderReply(reply: WebReply): HTMLElement {
  const card = el("section", { class: reply.refused ? "card refused" : "card answer" });
  const cites = new Map<number, HTMLDetailsElement>();
  const byN = new Map(reply.citations.map((c) => [c.n, c]));
  const sources = el("div", { class: "sources" });
  if (reply.parts.sources) {
    const [heading, ...lines] = reply.parts.sources.split("\n");
    sources.append(el("h2", {}, heading));
    for (const line of lines) {
      // Two excerpts of one article share its line: "[1][2] 标题".
      const ns = [...(/^\s*((?:\[\d+\])+)/.exec(line)?.[1] ?? "").matchAll(/\d+/g)].map((m) => Number(m[0]));
      const c = byN.get(ns[0]);
      if (c) {
        const d = sourceDetails(line.trim(), c);
        for (const n of ns) cites.set(n, d);
        sources.append(d);
      } else if (line.trim()) sources.append(el("p", {}, line));
    }
  }
  for (const section of reply.parts.body) for (const para of section.split(/\n{2,}/)) card.append(withCiteLinks(para, cites));
  if (reply.parts.sources) card.append(sources);
  const notes = el("div", { class: "notes" });
  for (const n of reply.parts.notes) notes.append(el("p", {}, n));
  card.append(notes);

  const status = el("div", { class: "status", role: "status" });
  const copy = el("button", { type: "button", class: "ghost copy" }, texts["web-copy"]);
  copy.addEventListener("click", async () => {
    await copyText(reply.text);
    status.textContent = texts["web-copied"];
  });
  const actions = el("div", { class: "actions" }, copy);
  if (reply.feedback && !reply.refused) {
    const rate = (useful: boolean) => async () => {
      for (const b of actions.querySelectorAll<HTMLButtonElement>(".fb")) b.disabled = true;
      const res = await fetch("/api/feedback", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ token: reply.feedback, useful }) }).catch(() => null);
      if (res?.ok) status.textContent = texts["web-feedback-thanks"];
      else for (const b of actions.querySelectorAll<HTMLButtonElement>(".fb")) b.disabled = false;
    };
    const yes = el("button", { type: "button", class: "ghost fb", "data-useful": "1" }, texts["web-useful"]);
    const no = el("button", { type: "button", class: "ghost fb", "data-useful": "0" }, texts["web-not-useful"]);
    yes.addEventListener("click", rate(true));
    no.addEventListener("click", rate(false));
    actions.append(yes, no);
  }
  card.append(actions, status);
  return card;
}

async function copyText(text: string): Promise<void> {
  try {
    await navigator.clipboard.writeText(text);
    return;
  } catch {}
  // WeChat's browser may refuse the clipboard API: the old way still works there.
  const t = el("textarea", { readonly: "", style: "position:fixed;top:-1000px" });
  t.value = text;
  document.body.append(t);
  t.select();
  document.execCommand("copy");
  t.remove();
}

async function ask(question: string, context: Turn[], slot: HTMLElement): Promise<void> {
  slot.className = "card";
  slot.textContent = "";
  slot.append(el("span", { class: "pending" }, texts["web-searching"]));
  send.disabled = true;
  try {
    const res = await fetch("/ask", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ question, context }),
      signal: AbortSignal.timeout?.(TIMEOUT_MS),
    });
    if (res.status === 429 || res.status === 503) return failed(slot, texts["web-busy"], question, context);
    if (!res.ok) return failed(slot, texts["web-network-error"], question, context);
    const reply = (await res.json()) as WebReply;
    slot.replaceWith(renderReply(reply));
    if (!reply.refused) saveContext([...context, { question, at: Date.now() }]);
  } catch {
    failed(slot, texts["web-network-error"], question, context);
  } finally {
    send.disabled = false;
  }
}

function failed(slot: HTMLElement, message: string, question: string, context: Turn[]): void {
  slot.className = "card error";
  slot.textContent = "";
  const retry = el("button", { type: "button", class: "ghost retry" }, texts["web-retry"]);
  retry.addEventListener("click", () => void ask(question, context, slot));
  slot.append(el("p", {}, message), retry);
}

// The same greeting as in chat: what pufa answers and how to ask.
thread.append(el("section", { class: "card intro" }, ...texts["web-welcome"].split(/\n{2,}/).map((p) => el("p", {}, p))));

form.addEventListener("submit", (e) => {
  e.preventDefault();
  const question = input.value.trim();
  if (!question || send.disabled) return;
  input.value = "";
  thread.append(el("div", { class: "q" }, question));
  const slot = el("section", { class: "card" });
  thread.append(slot);
  slot.scrollIntoView({ block: "end" });
  void ask(question, loadContext(), slot);
});
input.addEventListener("keydown", (e) => {
  if (e.key === "Enter" && !e.shiftKey && !e.isComposing) {
    e.preventDefault();
    form.requestSubmit();
  }
});
