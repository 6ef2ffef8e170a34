/**
 * The console chat: the same engine a WeChat group talks to, in a terminal.
 * One person, so earlier turns are that person's context for follow-ups.
 */
import readline from "node:readline";
import type { AnswerEngine, ConversationTurn } from "../types.js";

export interface ConsoleOptions {
  input?: NodeJS.ReadableStream;
  output?: NodeJS.WritableStream;
  /** First lines printed (help text, how to connect WeChat). */
  banner?: string;
  /** The input prompt (prompts/console-prompt.txt). */
  prompt?: string;
  /** How long an earlier turn still counts as context (ms). */
  followUpWindowMs?: number;
}

export async function runConsoleChat(engine: AnswerEngine, options: ConsoleOptions = {}): Promise<void> {
  const output = options.output ?? process.stdout;
  const rl = readline.createInterface({ input: options.input ?? process.stdin, output, terminal: false });
  const windowMs = options.followUpWindowMs ?? 5 * 60_000;
  const turns: ConversationTurn[] = [];
  const write = (s: string) => output.write(`${s}\n`);
  if (options.banner) write(options.banner);
  const prompt = () => output.write(`\n${options.prompt ?? ">"} `);
  prompt();
  for await (const line of rl) {
    const question = line.trim();
    if (/^(exit|quit|退出)$/i.test(question)) break;
    if (!question) {
      prompt();
      continue;
    }
    const now = Date.now();
    const context = turns.filter((t) => now - t.at <= windowMs).slice(-3);
    const reply = await engine.ask({ question, context, channel: "console" });
    write(`\n${reply.text}`);
    if (!reply.refused) turns.push({ question, answer: reply.text, at: now });
    prompt();
  }
  rl.close();
}
