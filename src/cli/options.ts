/** The `pufa` command's global options (--corpus, --laws, --labelled, --data) and the config they give. */
import { Option, type Command } from "commander";
import { loadConfig, type ConfigOverrides, type PufaConfig } from "../config.js";

export interface GlobalOptions {
  corpus: string[];
  laws?: string;
  labelled?: string[];
  data?: string;
}

const collect = (value: string, previous: string[]) => [...previous, value];

/** Declares the global options on the root command. */
export function addGlobalOptions(program: Command): Command {
  return program
    .addOption(new Option("--corpus <dir>", "article folder (repeatable; env PUFA_CORPUS)").argParser(collect).default([]))
    .option("--laws <dir>", "law library folder, LawRefBook layout (env PUFA_LAWS)")
    .addOption(new Option("--labelled <file>", "labelled questions to learn from, pufa eval format (repeatable; env PUFA_LABELLED)").argParser(collect).default([]))
    .option("--data <dir>", "index and database folder (env PUFA_DATA, default .pufa/)");
}

/** The environment's config with the command line's overrides (flags win). */
export function configFrom(opts: GlobalOptions, env: NodeJS.ProcessEnv = process.env): PufaConfig {
  const overrides: ConfigOverrides = { corpus: opts.corpus, laws: opts.laws, labelled: opts.labelled, data: opts.data };
  return loadConfig(env, overrides);
}

/** The config of the program's parsed global options. */
export const programConfig = (program: Command): PufaConfig => configFrom(program.opts<GlobalOptions>());
