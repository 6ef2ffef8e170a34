/**
 * A burst of group questions through real Wechaty events on wechaty-puppet-mock: by default
 * 1,000 @-mentions from 50 people in 5 groups, all at once. Every message must end up answered,
 * deliberately limited or recognised as a repeat; nothing may be lost. Used by the test suite
 * (with a recording engine) and by `npm run bench` (messages per second, heap growth).
 * wechaty-puppet-mock is a dev dependency: it is imported only when a burst runs.
 */
import { WechatyBuilder, log as wechatyLog } from "wechaty";
import { Prompts } from "../answer/prompts.js";
import type { AnswerEngine, AskRequest, Reply } from "../types.js";
import { createWechatBot, type WechatCounters } from "../channels/wechat/bot.js";
import { wechatConfigOrThrow } from "../channels/wechat/config.js";

export interface BurstOptions {
  engine?: AnswerEngine;
  rooms?: number;
  peoplePerRoom?: number;
  messagesPerPerson?: number;
  /** Distinct questions per person: the rest are repeats (deduplicated within the window). */
  distinctPerPerson?: number;
  /** Environment overrides for the channel configuration. */
  env?: Record<string, string>;
}

export interface BurstResult {
  messages: number;
  seconds: number;
  messagesPerSecond: number;
  /** heapUsed after minus before, MB (no forced GC: an upper bound). */
  heapDeltaMb: number;
  counters: WechatCounters;
  memorySize: number;
  memoryBound: number;
  /** Bot messages seen arriving in the mock rooms. */
  replies: number;
  /** Mention name of each asker, by contact id, for checks on the replies. */
  names: Map<string, string>;
  /** Texts the bot sent, per room id. */
  repliesByRoom: Map<string, string[]>;
}

export const BURST_BOT_NAME = "pufabot";

/** The burst's configuration: zero send delay, tight enough limits that some questions are limited. */
export const BURST_ENV: Record<string, string> = {
  PUFA_BOT_NAME: BURST_BOT_NAME,
  PUFA_GROUP_PREFIXES: "ask:",
  PUFA_SEND_DELAY_MS: "0",
  PUFA_RATE_PERSON_PER_MINUTE: "8",
  PUFA_RATE_GROUP_PER_MINUTE: "50",
  PUFA_GROUP_DAILY_BUDGET: "100000",
  PUFA_QUEUE_SIZE: "2000",
  PUFA_CHAT_QUEUE_SIZE: "1000",
  PUFA_MEMORY_CONVERSATIONS: "20",
  PUFA_MAX_REPLY_CHARS: "1500",
};

/** Answers instantly with a one-excerpt, one-source text. */
class EchoEngine implements AnswerEngine {
  async ask(request: AskRequest): Promise<Reply> {
    const parts = { body: [`[1]「excerpt for ${request.question}.」`], sources: "sources:\n[1] law, article 1", notes: [] };
    return { text: [...parts.body, parts.sources].join("\n\n"), parts, citations: [], refused: false, reason: "answered", emergency: false, mode: "extractive" };
  }
}

export async function runWechatBurst(options: BurstOptions = {}): Promise<BurstResult> {
  const { PuppetMock, mock } = await import("wechaty-puppet-mock");
  const rooms = options.rooms ?? 5;
  const peoplePerRoom = options.peoplePerRoom ?? 10;
  const perPerson = options.messagesPerPerson ?? 20;
  const distinct = options.distinctPerPerson ?? 12;
  const config = wechatConfigOrThrow({ ...BURST_ENV, ...options.env });

  const previousLevel = wechatyLog.level();
  wechatyLog.level("silent");
  const mocker = new mock.Mocker();
  const wechaty = WechatyBuilder.build({ puppet: new PuppetMock({ mocker }) });
  const bot = createWechatBot({ wechaty, engine: options.engine ?? new EchoEngine(), config, prompts: new Prompts(), showQr: () => {} });
  try {
    await wechaty.start();
    const me = mocker.createContact({ name: config.botName });
    mocker.login(me);
    for (let i = 0; i < 400 && !wechaty.isLoggedIn; i++) await new Promise((r) => setTimeout(r, 5));
    if (!wechaty.isLoggedIn) throw new Error("mock login did not happen");

    const names = new Map<string, string>();
    const repliesByRoom = new Map<string, string[]>();
    const groups = Array.from({ length: rooms }, (_, r) => {
      const people = Array.from({ length: peoplePerRoom }, (_, p) => {
        const person = mocker.createContact({ name: `r${r}p${p}` });
        names.set(person.id, `r${r}p${p}`);
        return person;
      });
      const room = mocker.createRoom({ id: `burst-${r}@chatroom`, topic: `burst room ${r}`, memberIdList: [me.id, ...people.map((p) => p.id)] });
      repliesByRoom.set(room.id, []);
      room.on("message", (m) => {
        if (m.talker().id === me.id) repliesByRoom.get(room.id)?.push(m.text() ?? "");
      });
      return { room, people, r };
    });

    const messages = rooms * peoplePerRoom * perPerson;
    global.gc?.();
    const heapBefore = process.memoryUsage().heapUsed;
    const t0 = performance.now();
    // Round-robin over everybody, so the groups' messages interleave as in a busy evening.
    for (let i = 0; i < perPerson; i++) {
      for (const { room, people, r } of groups) {
        for (const [p, person] of people.entries()) {
          const question = `r${r}p${p} question ${i % distinct}`;
          const text = i % 4 === 3 ? `ask: ${question}` : `@${config.botName}\u2005${question}`;
          person.say(text, i % 4 === 3 ? [] : [me]).to(room);
        }
      }
    }
    while (bot.counters().received < messages) await new Promise((r) => setTimeout(r, 2));
    await bot.idle();
    const seconds = (performance.now() - t0) / 1000;
    const heapDeltaMb = (process.memoryUsage().heapUsed - heapBefore) / 2 ** 20;

    const replies = [...repliesByRoom.values()].reduce((n, list) => n + list.length, 0);
    return {
      messages,
      seconds,
      messagesPerSecond: messages / seconds,
      heapDeltaMb,
      counters: bot.counters(),
      memorySize: bot.memorySize(),
      memoryBound: config.memoryConversations,
      replies,
      names,
      repliesByRoom,
    };
  } finally {
    bot.close();
    await wechaty.stop();
    wechatyLog.level(previousLevel);
  }
}

/** For `npm run bench`: throughput and heap growth of the default burst (or a smaller one) with an instant engine. */
export async function runWechatBurstBench(options: Pick<BurstOptions, "rooms" | "peoplePerRoom" | "messagesPerPerson" | "engine"> = {}): Promise<{
  messages: number;
  seconds: number;
  messagesPerSecond: number;
  heapDeltaMb: number;
  answered: number;
  limited: number;
  deduped: number;
  lost: number;
}> {
  const r = await runWechatBurst(options);
  const c = r.counters;
  return {
    messages: r.messages,
    seconds: Number(r.seconds.toFixed(3)),
    messagesPerSecond: Math.round(r.messagesPerSecond),
    heapDeltaMb: Number(r.heapDeltaMb.toFixed(1)),
    answered: c.answered,
    limited: c.limited,
    deduped: c.deduped,
    lost: r.messages - c.answered - c.limited - c.deduped,
  };
}
