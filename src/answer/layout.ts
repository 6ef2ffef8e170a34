/**
 * Turns excerpts into the plain-text reply: numbered verbatim quotes, a source list built by pufa
 * (never by a model), optional 110/12348 advice and the disclaimer. Wording comes from prompts/.
 */
import type { Citation, Excerpt, Passage, ReplyParts } from "../types.js";
import type { Prompts } from "./prompts.js";

export type { Excerpt } from "../types.js";

/** How a source is named in the reply (prompts/source-*.txt): the law and article, with the version date when not current; or the article's title, source and date. */
export function sourceLabel(prompts: Prompts, passage: Passage): string {
  if (passage.kind === "law") {
    const vars = { title: passage.lawTitle, article: passage.article, version: passage.version ?? "" };
    return prompts.render(passage.current || !passage.version ? "source-law" : "source-law-version", vars);
  }
  if (!passage.source && !passage.date) return passage.title;
  return tidyLine(prompts.render("source-article", { title: passage.title, source: passage.source ?? "", date: passage.date ?? "" }));
}

/** A label with an empty part loses the doubled or trailing spaces it leaves. */
function tidyLine(s: string): string {
  return s.replace(/ {2,}/g, " ").trim();
}

export function toCitation(e: Excerpt): Citation {
  const p = e.passage;
  return {
    n: e.n,
    kind: p.kind,
    title: p.kind === "law" ? p.lawTitle : p.title,
    article: p.kind === "law" ? p.article : null,
    source: p.kind === "law" ? (p.current ? null : p.version) : p.source,
    date: p.kind === "law" ? p.version : p.date,
    path: p.file,
    excerpt: e.text,
    start: e.start,
    end: e.end,
    passageId: p.id,
  };
}

/** One line per source; two excerpts of the same article share its line ("[1][2] 标题 — 来源 日期"). */
export function formatSources(excerpts: Excerpt[]): string {
  const lines: { ns: number[]; label: string }[] = [];
  for (const e of excerpts) {
    const last = lines.at(-1);
    if (last && last.label === e.label && e.passage.kind === "article") last.ns.push(e.n);
    else lines.push({ ns: [e.n], label: e.label });
  }
  return lines.map((l) => `${l.ns.map((n) => `[${n}]`).join("")} ${l.label}`).join("\n");
}

export function formatExcerpts(excerpts: Excerpt[]): string {
  return excerpts.map((e) => `[${e.n}]「${e.text}」${e.clipped ? "……" : ""}`).join("\n\n");
}

export interface AdviceFlags {
  emergency: boolean;
  dispute: boolean;
}

export function advice(prompts: Prompts, flags: AdviceFlags): string {
  const parts: string[] = [];
  if (flags.emergency) parts.push(prompts.get("advice-emergency"));
  if (flags.dispute) parts.push(prompts.get("advice-dispute"));
  return parts.join("\n");
}

/** Folds the blank lines an empty placeholder leaves behind, and trims. */
export function tidy(text: string): string {
  return text.replace(/[ \t]+\n/g, "\n").replace(/\n{3,}/g, "\n\n").trim();
}

/** The reply's text: its parts in order, a blank line between them. Channels that split use the parts. */
export function joinParts(parts: ReplyParts): string {
  return [...parts.body, parts.sources, ...parts.notes].filter((s) => s.trim()).join("\n\n");
}

function notes(prompts: Prompts, flags: AdviceFlags, withDisclaimer: boolean): string[] {
  return [advice(prompts, flags), withDisclaimer ? prompts.get("disclaimer") : ""].map(tidy).filter(Boolean);
}

function sourcesBlock(prompts: Prompts, excerpts: Excerpt[]): string {
  return excerpts.length ? tidy(prompts.render("answer-sources", { sources: formatSources(excerpts) })) : "";
}

/** Quoted excerpts with their sources. The asker's words are never part of it: a reply must not repeat what a stranger typed. */
export function extractiveParts(prompts: Prompts, excerpts: Excerpt[], flags: AdviceFlags): ReplyParts {
  return {
    body: [tidy(prompts.render("answer-extractive", { excerpts: formatExcerpts(excerpts) }))],
    sources: sourcesBlock(prompts, excerpts),
    notes: notes(prompts, flags, true),
  };
}

/** One labelled section of an answer: the office's own notice or report, or the law. */
export interface AnswerSection {
  /** prompts/ file of the section's label line (part-local, part-law). */
  label: string;
  excerpts: Excerpt[];
}

/**
 * An answer in labelled sections (the local notice or report; the law), numbered on across
 * sections, with the source list of all of them and extra notes (supersession) before the advice.
 */
export function sectionedParts(prompts: Prompts, sections: AnswerSection[], flags: AdviceFlags, extraNotes: string[] = []): ReplyParts {
  const used = sections.filter((s) => s.excerpts.length);
  const all = used.flatMap((s) => s.excerpts);
  const intro = tidy(prompts.render("answer-extractive", { excerpts: "" }));
  const body = used.map((s, i) => tidy(`${i === 0 && intro ? `${intro}\n\n` : ""}${prompts.get(s.label)}\n${formatExcerpts(s.excerpts)}`));
  return { body, sources: sourcesBlock(prompts, all), notes: [...extraNotes.map(tidy).filter(Boolean), ...notes(prompts, flags, true)] };
}

/** The model's answer with pufa's source list, and the supersession notes (which holds) before the advice. */
export function llmParts(prompts: Prompts, body: string, cited: Excerpt[], flags: AdviceFlags, extraNotes: string[] = []): ReplyParts {
  return { body: [tidy(prompts.render("answer-llm", { body }))], sources: sourcesBlock(prompts, cited), notes: [...extraNotes.map(tidy).filter(Boolean), ...notes(prompts, flags, true)] };
}

/** A canned reply (refusal, help …) with optional advice after it. */
export function cannedParts(prompts: Prompts, name: string, vars: Record<string, string | number>, flags: AdviceFlags): ReplyParts {
  return { body: [tidy(prompts.render(name, vars))], sources: "", notes: notes(prompts, flags, false) };
}
