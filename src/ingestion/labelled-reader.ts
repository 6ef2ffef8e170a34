/**
 * Reads labelled-question files (PUFA_LABELLED): JSON lines in the `pufa eval` format,
 * {"question": "...", "gold": [{"law": "民法典", "article": "第一千零七十九条"}]}. A bad line is skipped
 * with a warning naming file and line; a question whose gold list is still empty (a template from
 * `pufa report --to-label`) waits, counted in one warning; a missing file is a warning, not a failed build.
 */
import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { z } from "zod";
import type { LabelledQuestion } from "../retrieval/labelled-questions.js";

const lineSchema = z.object({
  question: z.string().trim().min(1),
  gold: z.array(z.object({ law: z.string().trim().min(1), article: z.string().trim().min(1) }).loose()),
}).loose();

export interface LabelledFileRecord {
  file: string;
  hash: string;
  questions: number;
}

export interface LabelledRead {
  items: LabelledQuestion[];
  files: LabelledFileRecord[];
  warnings: string[];
}

export function readLabelledFiles(files: readonly string[]): LabelledRead {
  const items: LabelledQuestion[] = [];
  const records: LabelledFileRecord[] = [];
  const warnings: string[] = [];
  for (const file of files) {
    if (!existsSync(file)) {
      warnings.push(`labelled questions file not found: ${file}`);
      continue;
    }
    const buf = readFileSync(file);
    let count = 0;
    let pending = 0;
    buf
      .toString("utf8")
      .split(/\r?\n/)
      .forEach((line, i) => {
        if (!line.trim()) return;
        let json: unknown;
        try {
          json = JSON.parse(line);
        } catch {
          warnings.push(`${file}:${i + 1}: not JSON, line skipped`);
          return;
        }
        const parsed = lineSchema.safeParse(json);
        if (!parsed.success) {
          warnings.push(`${file}:${i + 1}: needs "question" and a "gold" list of {law, article}, line skipped`);
          return;
        }
        if (!parsed.data.gold.length) {
          pending++;
          return;
        }
        items.push({ question: parsed.data.question, gold: parsed.data.gold.map((g) => ({ law: g.law, article: g.article })) });
        count++;
      });
    if (pending) warnings.push(`${file}: ${pending} questions have no gold articles yet and were not learned`);
    records.push({ file, hash: createHash("sha256").update(buf).digest("hex"), questions: count });
  }
  return { items, files: records, warnings };
}

/** Whether the labelled files changed since `recorded` (content hashes; a missing file counts as changed). */
export function labelledChanged(files: readonly string[], recorded: readonly { file: string; hash: string }[]): boolean {
  const now = files.filter(existsSync);
  if (now.length !== recorded.length) return true;
  return now.some((file, i) => recorded[i].file !== file || createHash("sha256").update(readFileSync(file)).digest("hex") !== recorded[i].hash);
}
