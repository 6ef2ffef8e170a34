/**
 * The console chat: the same engine a WeChat group talks to, in a terminal.
 * One person in one chat; follow-ups follow the same rule as in WeChat (conversation-policy.ts).
 */
import readline from "node:readline";
import type { AnswerEngine } from "../types.js";
import { ConversationPolicy } from "./conversation-policy.js";

export interface ConsoleOptions {
  input?: NodeJS.ReadableStream;
  output?: NodeJS.WritableStream;
  /** First lines printed (help text, how to connect WeChat). */
  banner?: string;
  /** The input prompt (prompts/console-prompt.txt). */
  prompt?: string;
  /** How long an earlier turn still counts as context (ms; default as in WeChat). */
  followUpWindowMs?: number;
  now?: () => number;
}

export async function runConsoleChat(engine: AnswerEngine, options: ConsoleOptions = {}): Promise<void> {
  const output = options.output ?? process.stdout;
  const rl = readline.createInterface({ input: options.input ?? process.stdin, output, terminal: false });
  const now = options.now ?? Date.now;
  const conversation = new ConversationPolicy({ windowMs: options.followUpWindowMs, maxConversations: 1 }, now);
  const key = ConversationPolicy.key(null, "console");
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
    const askedAt = now();
    const reply = await engine.ask({ question, context: conversation.context(key), channel: "console" });
    write(`\n${reply.text}`);
    conversation.record(key, question, reply, askedAt);
    prompt();
  }
  rl.close();
}
