/** pufa index | ask | chat | search | eval | serve */
import type { Command } from "commander";
import { existsSync } from "node:fs";
import readline from "node:readline";
import { runConsoleChat } from "../channels/console.js";
import { bindRefusal } from "../channels/web/bind-policy.js";
import { BindRefused, startWebServer } from "../channels/web/server.js";
import { withQueryVectors } from "../index/endpoint-vectors.js";
import { updateIndex } from "../index/incremental.js";
import { learnedFrom } from "../config.js";
import { openRuntime, stopOnSignals } from "../runtime.js";
import type { Hit, Searcher } from "../types.js";
import { Prompts } from "../answer/prompts.js";
import { programConfig } from "./options.js";
import { progressReporter } from "./progress.js";

/** One search hit as the documented, stable JSON of `pufa search --json`. */
export function hitJson(h: Hit) {
  const p = h.passage;
  return {
    rank: h.rank,
    score: Number(h.score.toFixed(6)),
    kind: p.kind,
    title: p.kind === "law" ? p.lawTitle : p.title,
    article: p.kind === "law" ? p.article : null,
    version: p.kind === "law" ? p.version : null,
    date: p.kind === "law" ? p.version : p.date,
    path: p.file,
    text: p.text,
  };
}

/** Build warnings: the first few, or all with --verbose (a full library has a handful of typos). */
export function printWarnings(prompts: Prompts, warnings: string[], verbose: boolean): void {
  const shown = verbose ? warnings : warnings.slice(0, 5);
  for (const warning of shown) process.stderr.write(`${prompts.render("cli-warning", { warning })}\n`);
  if (shown.length < warnings.length) process.stderr.write(`${prompts.render("cli-more-warnings", { count: warnings.length - shown.length })}\n`);
}

function parsePositiveInt(v: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1 || n > 1000) throw new Error(`expected a whole number from 1 to 1000, got ${v}`);
  return n;
}

export function registerQueryCommands(program: Command): void {
  const configOf = () => programConfig(program);

  program
    .command("index")
    .description("build or refresh the index (corpus folders + law library)")
    .option("--full", "rebuild everything (default: only what changed in the corpus)")
    .option("--verbose", "print every warning (default: the first few)")
    .action(async (o: { full?: boolean; verbose?: boolean }) => {
      const config = configOf();
      const result = await updateIndex(config, null, { progress: progressReporter(), full: !!o.full });
      const prompts = new Prompts(config.promptsDir);
      printWarnings(prompts, result.warnings, !!o.verbose);
      const s = result.stats;
      process.stdout.write(
        `${prompts.render("cli-index-done", { passages: s.passages, laws: s.lawArticles, chunks: s.articleChunks, documents: s.documents, files: s.filesProcessed, seconds: (s.ms / 1000).toFixed(1) })}\n`,
      );
    });

  program
    .command("ask")
    .description("answer one question")
    .argument("<question>")
    .option("--json", "print the reply as JSON")
    .action(async (question: string, o: { json?: boolean }) => {
      const rt = await openRuntime(configOf(), { progress: progressReporter() });
      try {
        const reply = await rt.engine.ask({ question, channel: "cli" });
        if (o.json) {
          const { text, refused, citations } = reply;
          process.stdout.write(`${JSON.stringify({ text, refused, reason: reply.reason, citations: citations.map(({ passageId: _, ...c }) => c) })}\n`);
        } else process.stdout.write(`${reply.text}\n`);
      } finally {
        rt.close();
      }
    });

  program
    .command("chat")
    .description("chat in the terminal through the same engine as the bot")
    .action(async () => {
      const rt = await openRuntime(configOf(), { progress: progressReporter() });
      try {
        await runConsoleChat(rt.engine, { banner: rt.prompts.get("console-banner"), prompt: rt.prompts.get("console-prompt") });
      } finally {
        rt.close();
      }
    });

  program
    .command("search")
    .description("ranked passages for a question; with no question, one question per stdin line → one JSON line each")
    .argument("[question]")
    .option("--json", "JSON output")
    .option("-k <n>", "hits per question", parsePositiveInt, 10)
    .option("--all-versions", "list every version of a law separately")
    .action(async (question: string | undefined, o: { json?: boolean; k: number; allVersions?: boolean }) => {
      const rt = await openRuntime(configOf(), { progress: progressReporter() });
      try {
        const run = (q: string) => rt.searcher().search(q, { k: o.k, allVersions: !!o.allVersions });
        if (question !== undefined) {
          const hits = await run(question);
          if (o.json) process.stdout.write(`${JSON.stringify({ query: question, hits: hits.map(hitJson) })}\n`);
          else for (const h of hits) process.stdout.write(`${h.rank}. ${hitJson(h).title} ${hitJson(h).article ?? ""} (${h.score.toFixed(3)})\n   ${h.passage.text.slice(0, 80).replace(/\s+/g, " ")}\n`);
          return;
        }
        // Batch mode: exactly one JSON line per input line, in order (blank lines give empty hits).
        const rl = readline.createInterface({ input: process.stdin, terminal: false });
        for await (const line of rl) {
          const q = line.trim();
          const hits = q ? await run(q) : [];
          process.stdout.write(`${JSON.stringify({ query: line, hits: hits.map(hitJson) })}\n`);
        }
      } finally {
        rt.close();
      }
    });

  program
    .command("eval")
    .description("Recall@k and MRR@10 on a labelled file ({id, question, gold:[{law, article}]} per line), with the worst misses")
    .argument("[file]")
    .option("--misses <n>", "how many misses to print", parsePositiveInt, 10)
    .option("--answers <file>", "answer-level evaluation of whole replies (repeatable; lines without gold are negatives)", (v: string, prev: string[]) => [...prev, v], [] as string[])
    .action(async (file: string | undefined, o: { misses: number; answers: string[] }) => {
      const { runEvalCommand } = await import("../eval/eval-command.js");
      const config = configOf();
      const rt = await openRuntime(config, { progress: progressReporter(), questionLog: false });
      try {
        if (o.answers.length) {
          const { loadAnswerItems, runAnswerEval, formatAnswerReport } = await import("../eval/answers.js");
          for (const f of o.answers) process.stdout.write(`${formatAnswerReport(f, await runAnswerEval(rt.engine, loadAnswerItems(f)), o.misses)}\n`);
        }
        if (!file) return;
        let searcher: Searcher = rt.searcher();
        if (rt.embedQueries && existsSync(file)) {
          const { loadStard } = await import("../eval/stard.js");
          const questions = loadStard(file).map((item) => item.question);
          searcher = withQueryVectors(searcher, questions, await rt.embedQueries(questions));
        }
        process.stdout.write(await runEvalCommand(searcher, file, o.misses, learnedFrom(config)));
      } finally {
        rt.close();
      }
    });

  program
    .command("serve")
    .description("the ask page, POST /ask {question, context?} and, with PUFA_ADMIN_TOKEN, the admin console at /admin")
    .option("--host <host>", "address to listen on (env PUFA_HTTP_HOST; beyond loopback only with PUFA_ADMIN_TOKEN)")
    .option("--port <n>", "port, 0 = any free one (env PUFA_HTTP_PORT)", (v) => Number.parseInt(v, 10))
    .action(async (o: { host?: string; port?: number }) => {
      const config = configOf();
      const listen = { ...config.http, host: o.host ?? config.http.host, port: o.port ?? config.http.port };
      // Refuse before the index is loaded: a wrong bind should fail in a second, not after a build.
      const refusal = bindRefusal(listen.host, Boolean(listen.adminToken || listen.adminPasswordHash));
      if (refusal) throw new BindRefused(refusal);
      const rt = await openRuntime(config, { progress: progressReporter(), watch: true, refresh: true });
      const web = await startWebServer(rt, { ...listen, askPerMinute: listen.asksPerMinute });
      // The first line as before (scripts read it); then the page and, with a secret, the console.
      process.stdout.write(`pufa HTTP: ${web.url}/ask\npufa web: ${web.url}/${listen.adminToken || listen.adminPasswordHash ? ` (admin: ${web.url}/admin)` : ""}\n`);
      stopOnSignals(() => web.close(), rt);
    });
}
