/**
 * Starts the bot on a real WeChat account. The puppet is always named explicitly: with no
 * WECHATY_PUPPET the caller uses the console chat instead, and Wechaty never falls back to its
 * default puppet on its own. Puppet tokens (WECHATY_PUPPET_SERVICE_TOKEN, …) are read from the
 * environment by Wechaty and the puppets themselves.
 */
import { mkdirSync } from "node:fs";
import { WechatyBuilder, type OfficialPuppetNpmName, type Wechaty } from "wechaty";
import { Prompts } from "../../answer/prompts.js";
import { childLogger } from "../../logger.js";
import type { AnswerEngine } from "../../types.js";
import { createWechatBot, type WechatBot, type WechatBotDeps } from "./bot.js";
import { sessionPath, type WechatConfig } from "./config.js";

const log = childLogger("wechat");

export type StartWechatOptions = Partial<Pick<WechatBotDeps, "prompts" | "stats" | "unanswered" | "commands" | "showQr" | "moderator" | "outputCheck" | "redact">>;

export interface RunningWechat {
  wechaty: Wechaty;
  bot: WechatBot;
  /** Stops listening (replies still queued are logged) and stops the puppet; the login session stays saved. */
  stop(): Promise<void>;
}

export async function startWechat(engine: AnswerEngine, config: WechatConfig, options: StartWechatOptions = {}): Promise<RunningWechat> {
  if (!config.puppet) {
    throw new Error("WECHATY_PUPPET is not set: the WeChat channel needs an explicit puppet (e.g. wechaty-puppet-wechat4u)");
  }
  mkdirSync(config.dataDir, { recursive: true });
  const wechaty = WechatyBuilder.build({
    name: sessionPath(config),
    puppet: config.puppet as OfficialPuppetNpmName, // any installed puppet package works; the type lists only official ones
  });
  const bot = createWechatBot({ wechaty, engine, config, prompts: options.prompts ?? new Prompts(), ...options });

  log.info({ puppet: config.puppet, session: sessionPath(config) }, "starting WeChat");
  const crashHandlers = process.listeners("uncaughtException");
  try {
    await wechaty.start();
  } catch (err) {
    bot.close();
    await wechaty.stop().catch(() => undefined);
    throw err;
  } finally {
    restoreCrashHandlers(crashHandlers);
  }

  return {
    wechaty,
    bot,
    stop: async () => {
      bot.close();
      await wechaty.stop();
    },
  };
}

/**
 * wechaty-puppet-wechat4u's library installs process.on("uncaughtException", console.log) when it
 * is loaded, which hides every crash of the process. Take such handlers off again.
 */
export function restoreCrashHandlers(before: NodeJS.UncaughtExceptionListener[]): void {
  for (const handler of process.listeners("uncaughtException")) {
    if (!before.includes(handler)) {
      process.off("uncaughtException", handler);
      log.warn("removed an uncaughtException handler installed by the puppet: crashes stay visible");
    }
  }
}
