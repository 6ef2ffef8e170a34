/** pufa add | remove | list | report: the admin's corpus tools, each followed by an index refresh. */
import type { Command } from "commander";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { addToCorpus, EmptyArticleError, listCorpus, removeFromCorpus } from "../admin/corpus-manager.js";
import { detectFormat, importFile, UnsupportedFormatError } from "../admin/importers/index.js";
import { openQuestionLog, type QuestionLog } from "../admin/question-log.js";
import { buildReport, formatReport } from "../admin/report.js";
import { writeLabelTemplate } from "../admin/label-template.js";
import { Prompts } from "../answer/prompts.js";
import type { PufaConfig } from "../config.js";
import { openIndex } from "../index/builder.js";
import { updateIndex } from "../index/incremental.js";
import { configFrom, type GlobalOptions } from "./main.js";
import { progressReporter } from "./progress.js";

function filesUnder(target: string): string[] {
  if (!existsSync(target)) throw new Error(`no such file or folder: ${target}`);
  if (!statSync(target).isDirectory()) return [target];
  return readdirSync(target, { recursive: true, encoding: "utf8" })
    .map((f) => path.join(target, f))
    .filter((f) => statSync(f).isFile() && detectFormat(f) !== null && !path.basename(f).startsWith("."));
}

/** Opens the question log (also the audit log) for one command; closed once `fn` has settled, async work included. */
async function withLog<T>(config: PufaConfig, fn: (log: QuestionLog) => T | Promise<T>): Promise<T> {
  const log = openQuestionLog(config);
  try {
    return await fn(log);
  } finally {
    log.close();
  }
}

async function refresh(config: PufaConfig, prompts: Prompts): Promise<void> {
  const result = await updateIndex(config, null, { progress: progressReporter() });
  process.stdout.write(`${prompts.render("cli-refreshed", { passages: result.stats.passages, seconds: (result.stats.ms / 1000).toFixed(1) })}\n`);
}

/** Parses yyyy-mm-dd as a local midnight. */
function localDate(s: string): Date {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) throw new Error(`expected a date as yyyy-mm-dd, got ${s}`);
  return new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
}

export function registerAdminCommands(program: Command): void {
  const config = () => configFrom(program.opts<GlobalOptions>());

  program
    .command("add")
    .description("import articles (.md .txt .docx .html .pdf, a file or a folder) into the first corpus folder, then re-index")
    .argument("<paths...>")
    .option("--no-index", "do not refresh the index afterwards")
    .action(async (paths: string[], o: { index: boolean }) => {
      const cfg = config();
      const prompts = new Prompts(cfg.promptsDir);
      const corpusDir = cfg.corpusDirs[0];
      let changed = 0;
      let failed = 0;
      await withLog(cfg, async (log) => {
        for (const file of paths.flatMap(filesUnder)) {
          try {
            const result = addToCorpus(corpusDir, await importFile(file), { actor: "cli", audit: log });
            if (result.action === "added" || result.action === "replaced") changed++;
            const note = prompts.get(`cli-add-${result.action}`);
            process.stdout.write(`${prompts.render("cli-add-result", { result: note, file, stored: result.file, id: result.docId })}\n`);
          } catch (err) {
            failed++;
            const known = err instanceof UnsupportedFormatError || err instanceof EmptyArticleError;
            process.stderr.write(`${prompts.render("cli-add-failed", { file, why: known ? err.message : (err as Error).message })}\n`);
          }
        }
      });
      if (changed && o.index) await refresh(cfg, prompts);
      if (failed) process.exitCode = 1;
    });

  program
    .command("remove")
    .description("remove an article (by id or path) from the corpus (kept in .history), then re-index")
    .argument("<idOrPath>")
    .option("--no-index", "do not refresh the index afterwards")
    .action(async (idOrPath: string, o: { index: boolean }) => {
      const cfg = config();
      const prompts = new Prompts(cfg.promptsDir);
      const result = await withLog(cfg, (log) => removeFromCorpus(cfg.corpusDirs[0], idOrPath, { actor: "cli", audit: log }));
      if (!result.removed) {
        const candidates = result.candidates?.length ? ` (${result.candidates.map((c) => `${c.docId} ${c.title}`).join("; ")})` : "";
        process.stderr.write(`${prompts.render("cli-remove-not-found", { target: idOrPath, candidates })}\n`);
        process.exitCode = 1;
        return;
      }
      process.stdout.write(`${prompts.render("cli-removed", { title: result.title ?? "", id: result.docId ?? "", history: result.historyFile ?? "" })}\n`);
      if (o.index) await refresh(cfg, prompts);
    });

  program
    .command("list")
    .description("articles in the corpus: id, title, source, date, kind, chunks")
    .option("--json", "JSON output")
    .action((o: { json?: boolean }) => {
      const cfg = config();
      const prompts = new Prompts(cfg.promptsDir);
      const index = openIndex(cfg);
      const chunks = new Map<string, number>();
      for (const p of index?.searcher.passages ?? []) if (p.kind === "article") chunks.set(p.docId, (chunks.get(p.docId) ?? 0) + 1);
      const rows = cfg.corpusDirs.flatMap((dir) => (existsSync(dir) ? listCorpus(dir) : [])).map((e) => ({ ...e, chunks: chunks.get(e.id) ?? 0 }));
      if (o.json) return void process.stdout.write(`${JSON.stringify(rows)}\n`);
      for (const r of rows) process.stdout.write(`${prompts.render("cli-list-item", { id: r.id, date: r.date ?? "—", source: r.source ?? "—", kind: r.kind, chunks: r.chunks, title: r.title })}\n`);
      if (!index) process.stdout.write(`${prompts.get("cli-list-no-index")}\n`);
    });

  program
    .command("report")
    .description("unanswered questions grouped by similarity, and the most asked topics")
    .option("--from <date>", "yyyy-mm-dd (default: 30 days ago)")
    .option("--to <date>", "yyyy-mm-dd, inclusive (default: today)")
    .option("--to-label <file>", "also write the unanswered questions to FILE as labelled questions to fill in (for PUFA_LABELLED); labels already in FILE are kept")
    .action(async (o: { from?: string; to?: string; toLabel?: string }) => {
      const cfg = config();
      const to = o.to ? localDate(o.to) : new Date();
      const toExclusive = o.to ? new Date(to.getFullYear(), to.getMonth(), to.getDate() + 1) : new Date(to.getTime() + 1);
      const from = o.from ? localDate(o.from) : new Date(to.getFullYear(), to.getMonth(), to.getDate() - 30);
      const prompts = new Prompts(cfg.promptsDir);
      const [report, everyGap] = await withLog(cfg, (log) => [
        buildReport(log, { from, to: toExclusive }),
        // The file to label gets every unanswered group, not just the report's top ones.
        o.toLabel ? buildReport(log, { from, to: toExclusive, maxGroups: Number.MAX_SAFE_INTEGER }) : null,
      ]);
      process.stdout.write(`${formatReport(report, prompts)}\n`);
      if (o.toLabel && everyGap) {
        const file = path.resolve(o.toLabel);
        process.stdout.write(`\n${prompts.render("cli-report-to-label", { ...writeLabelTemplate(file, everyGap), file })}\n`);
      }
    });
}
