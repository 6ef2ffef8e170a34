/**
 * The `pufa` command line. Each subcommand is a thin shell over the same modules the bot uses.
 * Importing this module does nothing: `runCli(argv)` runs it, and it runs itself only as the
 * process's entry file (`tsx src/cli/main.ts`, `npm run pufa`); bin.mjs calls runCli.
 */
import { Command } from "commander";
import { readFileSync } from "node:fs";
import { BindRefused } from "../channels/web/server.js";
import { ConfigError, loadDotEnv } from "../config.js";
import { logger } from "../logger.js";
import { registerAdminCommands } from "./admin-commands.js";
import { isEntryFile } from "./entry.js";
import { addGlobalOptions } from "./options.js";
import { registerForgetCommand } from "./forget-command.js";
import { registerQueryCommands } from "./query-commands.js";

const pkg = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { version: string };

/** The root command with every subcommand registered, not yet run. */
export function buildProgram(): Command {
  const program = addGlobalOptions(
    new Command("pufa").description("pufa (普法助手): answers legal questions with cited, verbatim excerpts").version(pkg.version),
  ).showHelpAfterError();
  registerQueryCommands(program);
  registerAdminCommands(program);
  registerForgetCommand(program);
  return program;
}

/** Runs the command line on `argv` (node's form: [node, script, ...args]); exits 2 on bad configuration, 1 on a failure. */
export async function runCli(argv: string[] = process.argv): Promise<void> {
  loadDotEnv();
  try {
    await buildProgram().parseAsync(argv);
  } catch (err) {
    if (err instanceof ConfigError || err instanceof BindRefused) {
      process.stderr.write(`${err.message}\n`);
      process.exit(2);
    }
    logger.error(err);
    process.stderr.write(`pufa: ${(err as Error).message}\n`);
    process.exit(1);
  }
}

if (isEntryFile(import.meta.url)) await runCli(process.argv);
