/**
 * `npm start`: the bot. With WECHATY_PUPPET set it logs in to WeChat; without it, the console
 * chat on the same engine (and one line on how to connect WeChat). Never a puppet by accident.
 * Importing this module does nothing; it starts the bot only as the process's entry file.
 */
import { createCorpusCommands } from "./admin/chat-commands.js";
import { runConsoleChat } from "./channels/console.js";
import { functionCommands } from "./channels/wechat/admin.js";
import { loadWechatConfig } from "./channels/wechat/config.js";
import { startWechat } from "./channels/wechat/start.js";
import { isEntryFile } from "./cli/entry.js";
import { progressReporter } from "./cli/progress.js";
import { ConfigError, loadConfig, loadDotEnv } from "./config.js";
import { logger } from "./logger.js";
import { openRuntime, stopOnSignals, type Runtime } from "./runtime.js";
import { startWebServer, type WebServer } from "./channels/web/server.js";

/** Starts the bot (WeChat with WECHATY_PUPPET set, else the console chat) on the environment's config. */
export async function startBot(): Promise<void> {
  loadDotEnv();
  const config = loadConfig();
  const wechat = loadWechatConfig(process.env);
  if (!wechat.ok) throw new ConfigError(wechat.errors);

  const rt = await openRuntime(config, { progress: progressReporter(), watch: true, refresh: true });
  process.on("SIGHUP", () => rt.holder.reload());
  const web = await startPage(rt);

  if (!wechat.config.puppet) {
    await runConsoleChat(rt.engine, { banner: rt.prompts.get("console-banner"), prompt: rt.prompts.get("console-prompt") });
    await web?.close();
    rt.close();
    return;
  }

  const corpusCommands = rt.questionLog
    ? functionCommands(createCorpusCommands({ corpusDir: config.corpusDirs[0], log: rt.questionLog, onChange: () => rt.reindex(), prompts: rt.prompts, importLimits: config.imports }))
    : new Map();
  const running = await startWechat(rt.engine, { ...wechat.config, dataDir: config.dataDir }, {
    prompts: rt.prompts,
    moderator: rt.moderator,
    commands: corpusCommands,
    stats: () => {
      const s = rt.questionLog?.stats({});
      return {
        indexSize: rt.holder.current.manifest.counts.passages,
        lastRefresh: rt.holder.current.loadedAt,
        questionsToday: s?.today,
        answered: s?.answered,
        refused: s?.refused,
      };
    },
    unanswered: (limit) =>
      (rt.questionLog?.recentRefused(limit) ?? []).map((r) => ({ question: r.question, at: Date.parse(r.at), reason: r.reason, room: null })),
  });
  stopOnSignals(async () => {
    await web?.close();
    await running.stop();
  }, rt);
}

/** The ask page beside the chat (PUFA_HTTP_HOST/PORT); a busy port costs the page, not the bot. */
async function startPage(rt: Runtime): Promise<WebServer | null> {
  const { host, port, adminToken, adminPasswordHash, asksPerMinute } = rt.config.http;
  try {
    const web = await startWebServer(rt, { host, port, adminToken, adminPasswordHash, askPerMinute: asksPerMinute });
    process.stdout.write(`${rt.prompts.render("start-web-page", { url: `${web.url}/` })}\n`);
    return web;
  } catch (err) {
    logger.warn({ err }, "the web page could not start; the bot runs without it");
    process.stdout.write(`${rt.prompts.render("start-web-failed", { why: (err as Error).message })}\n`);
    return null;
  }
}

if (isEntryFile(import.meta.url)) {
  startBot().catch((err) => {
    if (err instanceof ConfigError) process.stderr.write(`${err.message}\n`);
    else {
      logger.error(err);
      process.stderr.write(`pufa could not start: ${(err as Error).message}\n`);
    }
    process.exit(1);
  });
}
