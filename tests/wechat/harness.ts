/**
 * Real Wechaty on wechaty-puppet-mock, with the WeChat channel attached: people and rooms to
 * talk in, every reply of the bot captured per chat, and settle() to wait until the bot has
 * handled everything sent so far.
 */
import { WechatyBuilder, log as wechatyLog, type payloads, type types, type Wechaty } from "wechaty";
import { PuppetMock, mock } from "wechaty-puppet-mock";
import { Prompts } from "../../src/answer/prompts.js";
import type { AnswerEngine } from "../../src/types.js";
import type { Clock } from "../../src/channels/clock.js";
import { createWechatBot, type WechatBot, type WechatBotDeps } from "../../src/channels/wechat/bot.js";
import { loadWechatConfig, type WechatConfig } from "../../src/channels/wechat/config.js";
import { FakeEngine } from "./fake-engine.js";

wechatyLog.level("silent");

type ContactMock = ReturnType<mock.Mocker["createContact"]>;
type RoomMock = ReturnType<mock.Mocker["createRoom"]>;

export const BOT_NAME = "普法助手";
export const AT = "\u2005";

/** Fast, generous settings for tests; each test overrides what it is about. */
const TEST_ENV: Record<string, string> = {
  PUFA_BOT_NAME: BOT_NAME,
  PUFA_SEND_DELAY_MS: "0",
  PUFA_RATE_PERSON_PER_MINUTE: "100",
  PUFA_RATE_GROUP_PER_MINUTE: "1000",
  PUFA_GROUP_DAILY_BUDGET: "100000",
  PUFA_QUEUE_SIZE: "5000",
};

export interface HarnessOptions {
  env?: Record<string, string>;
  engine?: AnswerEngine;
  extra?: Partial<Pick<WechatBotDeps, "stats" | "unanswered" | "commands" | "retry" | "outputCheck" | "redact" | "clock" | "log">>;
}

export interface TestClock extends Clock {
  /** Every sleep asked for, in ms (sleeps resolve at once). */
  sleeps: number[];
}

export class Harness {
  readonly replies = new Map<string, string[]>();
  /** Every message of the bot in the order it arrived, with its chat (room id or person id). */
  readonly sends: Array<{ chat: string; text: string }> = [];
  private userMessages = 0;
  private rawId = 0;

  private constructor(
    readonly mocker: mock.Mocker,
    readonly wechaty: Wechaty,
    readonly bot: WechatBot,
    readonly engine: AnswerEngine,
    readonly config: WechatConfig,
    readonly me: ContactMock,
    readonly clock: TestClock,
  ) {}

  static async start(options: HarnessOptions = {}): Promise<Harness> {
    const loaded = loadWechatConfig({ ...TEST_ENV, ...options.env });
    if (!loaded.ok) throw new Error(loaded.errors.join("; "));
    const mocker = new mock.Mocker();
    const wechaty = WechatyBuilder.build({ puppet: new PuppetMock({ mocker }) });
    const sleeps: number[] = [];
    const clock: TestClock = { sleeps, now: () => Date.now(), sleep: async (ms) => void sleeps.push(ms) };
    const engine = options.engine ?? new FakeEngine();
    const bot = createWechatBot({
      wechaty,
      engine,
      config: loaded.config,
      prompts: new Prompts(),
      clock,
      random: () => 0.5,
      showQr: () => {},
      ...options.extra,
    });
    await wechaty.start();
    const me = mocker.createContact({ name: BOT_NAME });
    mocker.login(me);
    for (let i = 0; i < 200 && !wechaty.isLoggedIn; i++) await new Promise((r) => setTimeout(r, 5));
    if (!wechaty.isLoggedIn) throw new Error("mock login did not happen");
    return new Harness(mocker, wechaty, bot, engine, loaded.config, me, clock);
  }

  people(n: number, prefix = "村民"): ContactMock[] {
    return Array.from({ length: n }, (_, i) => this.person({ name: `${prefix}${i + 1}` }));
  }

  /** A contact whose private-chat replies from the bot are captured. */
  person(payload: { name: string; id?: string }): ContactMock {
    const person = this.mocker.createContact(payload);
    person.on("message", (m) => {
      if (m.talker().id === this.me.id && m.listener()?.id === person.id) this.capture(person.id, m.text() ?? "");
    });
    return person;
  }

  room(topic: string, members: ContactMock[]): RoomMock {
    const room = this.mocker.createRoom({ topic, memberIdList: [this.me.id, ...members.map((m) => m.id)] });
    room.on("message", (m) => {
      if (m.talker().id === this.me.id) this.capture(room.id, m.text() ?? "");
    });
    return room;
  }

  /** A text message; in a room, `mentions` fills the puppet's mention list. */
  say(from: ContactMock, text: string, to: RoomMock | ContactMock, mentions: ContactMock[] = []): void {
    this.userMessages++;
    from.say(text, mentions).to(to);
  }

  /** "@普法助手 question" with the bot in the mention list, as WeChat sends it. */
  ask(from: ContactMock, question: string, room: RoomMock): void {
    this.say(from, `@${BOT_NAME}${AT}${question}`, room, [this.me]);
  }

  /** Any message payload (images, old timestamps …) emitted as the puppet would. */
  raw(payload: { talkerId: string; roomId?: string; listenerId?: string; type: types.Message; text?: string; timestamp?: number }): void {
    this.userMessages++;
    const id = `raw-${++this.rawId}-${Date.now()}`;
    const full = { id, timestamp: Date.now(), ...payload } as payloads.Message;
    this.mocker.MessageMock.create(full);
    this.mocker.puppet.emit("message", { messageId: id });
  }

  repliesIn(chat: { id: string }): string[] {
    return this.replies.get(chat.id) ?? [];
  }

  allReplies(): string[] {
    return [...this.replies.values()].flat();
  }

  /** Waits until the bot has received every message sent so far and finished all work. */
  async settle(timeoutMs = 10_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (this.bot.counters().received < this.userMessages) {
      if (Date.now() > deadline) {
        throw new Error(`bot received ${this.bot.counters().received} of ${this.userMessages} messages`);
      }
      await new Promise((r) => setTimeout(r, 2));
    }
    await this.bot.idle();
    await new Promise((r) => setImmediate(r));
  }

  async stop(): Promise<void> {
    this.bot.close();
    await this.wechaty.stop();
  }

  private capture(chatId: string, text: string): void {
    this.sends.push({ chat: chatId, text });
    const list = this.replies.get(chatId) ?? [];
    list.push(text);
    this.replies.set(chatId, list);
  }
}
