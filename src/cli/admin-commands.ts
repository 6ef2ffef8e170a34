/** pufa add | remove | list | report: the admin's corpus tools, each followed by an index refresh. */
import type { Command } from "commander";
import { existsSync, lstatSync, readdirSync } from "node:fs";
import path from "node:path";
import { CorpusWriter, EmptyArticleError, listCorpus, removeFromCorpus } from "../admin/corpus-manager.js";
import { detectFormat, importFile, ImportRefusedError, UnsupportedFormatError } from "../admin/importers/index.js";
import { importUrl, looksLikeUrl } from "../admin/importers/url.js";
import { openQuestionLog, type QuestionLog } from "../admin/question-log.js";
import { buildReport, formatReport } from "../admin/report.js";
import { writeLabelTemplate } from "../admin/label-template.js";
import { Prompts } from "../answer/prompts.js";
import type { PufaConfig } from "../config.js";
import { openIndex } from "../index/builder.js";
import { updateIndex } from "../index/incremental.js";
import { programConfig } from "./options.js";
import { progressReporter } from "./progress.js";
import { parseLocalDate } from "../text/dates.js";

/**
 * The files to import under a path. A symlink (as the argument or inside a folder) is listed as it
 * is, never followed, so the importer refuses it with a message; dot files and files of no
 * importable type inside a folder are skipped.
 */
export function filesUnder(target: string): string[] {
  // A missing path goes to the importer too, which names it as missing and the run goes on.
  if (!existsSync(target) || !lstatSync(target).isDirectory()) return [target];
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((x, y) => (x.name < y.name ? -1 : 1))) {
      if (entry.name.startsWith(".")) continue;
      const file = path.join(dir, entry.name);
      if (entry.isSymbolicLink()) out.push(file);
      else if (entry.isDirectory()) walk(file);
      else if (entry.isFile() && detectFormat(file) !== null) out.push(file);
    }
  };
  walk(target);
  return out;
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

/** Why an import failed, in the admin's words: a refusal's own prompt, else the error's message. */
function failureText(err: unknown, prompts: Prompts): string {
  if (err instanceof ImportRefusedError) return prompts.render(`import-${err.reason}`, err.details);
  if (err instanceof UnsupportedFormatError) return prompts.get("import-unsupported");
  if (err instanceof EmptyArticleError) return prompts.get("import-empty");
  return (err as Error).message;
}

export function registerAdminCommands(program: Command): void {
  const config = () => programConfig(program);

  program
    .command("add")
    .description("import articles (.md .txt .docx .html .pdf: files, folders or http(s) addresses) into the first corpus folder, then re-index once")
    .argument("<paths...>", "files, folders, or http(s):// addresses")
    .option("--no-index", "do not refresh the index afterwards")
    .action(async (paths: string[], o: { index: boolean }) => {
      const cfg = config();
      const prompts = new Prompts(cfg.promptsDir);
      const corpusDir = cfg.corpusDirs[0];
      let changed = 0;
      let failed = 0;
      const sources = paths.flatMap((p) => (looksLikeUrl(p) ? [p] : filesUnder(p)));
      await withLog(cfg, async (log) => {
        const writer = new CorpusWriter(corpusDir);
        for (const source of sources) {
          try {
            const article = looksLikeUrl(source) ? await importUrl(source, cfg.imports) : await importFile(source, cfg.imports);
            const result = writer.add(article, { actor: "cli", audit: log });
            if (result.action === "added" || result.action === "replaced") changed++;
            const note = prompts.get(`cli-add-${result.action}`);
            process.stdout.write(`${prompts.render("cli-add-result", { result: note, file: source, stored: result.file, id: result.docId })}\n`);
          } catch (err) {
            failed++;
            if (err instanceof ImportRefusedError) log.audit("cli", "corpus.add.refused", { file: source, reason: err.reason, ...err.details });
            process.stderr.write(`${prompts.render("cli-add-failed", { file: source, why: failureText(err, prompts) })}\n`);
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
      const to = o.to ? parseLocalDate(o.to) : new Date();
      const toExclusive = o.to ? new Date(to.getFullYear(), to.getMonth(), to.getDate() + 1) : new Date(to.getTime() + 1);
      const from = o.from ? parseLocalDate(o.from) : new Date(to.getFullYear(), to.getMonth(), to.getDate() - 30);
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
