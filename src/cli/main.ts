/**
 * The `pufa` command line. Each subcommand is a thin shell over the same modules the bot uses.
 */
import { Command, Option } from "commander";
import { readFileSync } from "node:fs";
import { BindRefused } from "../channels/web/server.js";
import { ConfigError, loadConfig, loadDotEnv, type ConfigOverrides } from "../config.js";
import { logger } from "../logger.js";
import { registerAdminCommands } from "./admin-commands.js";
import { registerForgetCommand } from "./forget-command.js";
import { registerQueryCommands } from "./query-commands.js";

loadDotEnv();

const collect = (value: string, previous: string[]) => [...previous, value];

export interface GlobalOptions {
  corpus: string[];
  laws?: string;
  labelled?: string[];
  data?: string;
}

export function configFrom(opts: GlobalOptions) {
  const overrides: ConfigOverrides = { corpus: opts.corpus, laws: opts.laws, labelled: opts.labelled, data: opts.data };
  return loadConfig(process.env, overrides);
}

const pkg = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { version: string };

const program = new Command("pufa")
  .description("pufa (普法助手): answers legal questions with cited, verbatim excerpts")
  .version(pkg.version)
  .addOption(new Option("--corpus <dir>", "article folder (repeatable; env PUFA_CORPUS)").argParser(collect).default([]))
  .option("--laws <dir>", "law library folder, LawRefBook layout (env PUFA_LAWS)")
  .addOption(new Option("--labelled <file>", "labelled questions to learn from, pufa eval format (repeatable; env PUFA_LABELLED)").argParser(collect).default([]))
  .option("--data <dir>", "index and database folder (env PUFA_DATA, default .pufa/)")
  .showHelpAfterError();

registerQueryCommands(program);
registerAdminCommands(program);
registerForgetCommand(program);

try {
  await program.parseAsync(process.argv);
} catch (err) {
  if (err instanceof ConfigError || err instanceof BindRefused) {
    process.stderr.write(`${err.message}\n`);
    process.exit(2);
  }
  logger.error(err);
  process.stderr.write(`pufa: ${(err as Error).message}\n`);
  process.exit(1);
}
