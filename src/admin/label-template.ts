/**
 * Unanswered questions as a labelled-questions file to fill in (`pufa report --to-label FILE`): an
 * admin writes the articles that answer each one into its "gold" list, names the file in
 * PUFA_LABELLED, and the next index build learns from it. Lines already in the file stay exactly as
 * they are (labels an admin wrote are never overwritten); only questions it lacks are appended.
 */
import { existsSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import type { ContentGapReport } from "./report.js";

export interface LabelTemplateLine {
  question: string;
  /** To fill in: [{"law": "中华人民共和国刑法", "article": "第一百三十三条之一"}]. */
  gold: { law: string; article: string }[];
  /** How often the group was asked, and other phrasings of it: context for whoever labels it. */
  asked: number;
  examples: string[];
}

export function labelTemplateLines(report: ContentGapReport): LabelTemplateLine[] {
  return report.unanswered.map((g) => ({ question: g.representative, gold: [], asked: g.count, examples: g.examples }));
}

const key = (q: string) => q.replace(/\s+/g, "");

/** Questions already in a labelled file (lines that are not JSON are kept but hold none). */
function questionsIn(text: string): Set<string> {
  const out = new Set<string>();
  for (const line of text.split(/\r?\n/)) {
    try {
      const q = (JSON.parse(line) as { question?: unknown }).question;
      if (typeof q === "string") out.add(key(q));
    } catch {
      // not a JSON line: left as it is
    }
  }
  return out;
}

/** Appends the report's unanswered questions that `file` lacks; writes through a temp file and a rename. */
export function writeLabelTemplate(file: string, report: ContentGapReport): { added: number; kept: number } {
  const before = existsSync(file) ? readFileSync(file, "utf8") : "";
  const known = questionsIn(before);
  const fresh = labelTemplateLines(report).filter((l) => !known.has(key(l.question)));
  const head = before && !before.endsWith("\n") ? `${before}\n` : before;
  const tmp = `${file}.tmp-${process.pid}`;
  writeFileSync(tmp, head + fresh.map((l) => `${JSON.stringify(l)}\n`).join(""));
  renameSync(tmp, file);
  return { added: fresh.length, kept: known.size };
}
