/** pufa forget <user id>: deletes one person's questions from the question log (a person's request, or a mistake). */
import type { Command } from "commander";
import { openQuestionLog } from "../admin/question-log.js";
import { Prompts } from "../answer/prompts.js";
import { configFrom, type GlobalOptions } from "./options.js";

export function registerForgetCommand(program: Command): void {
  program
    .command("forget")
    .description("delete every logged question of one person, given their id as the channel knows it (e.g. the WeChat contact id)")
    .argument("<userId>")
    .action((userId: string) => {
      const cfg = configFrom(program.opts<GlobalOptions>());
      const prompts = new Prompts(cfg.promptsDir);
      const log = openQuestionLog(cfg);
      try {
        const count = log.forget(userId);
        // The audit says that it happened, not whom it was about.
        log.audit("cli", "log.forget", { rows: count });
        process.stdout.write(`${prompts.render("cli-forgot", { count })}\n`);
      } finally {
        log.close();
      }
    });
}
