/**
 * The WeChat channel: Wechaty events in, engine answers out. One named handler per event;
 * the message handler reads plain facts from the message, lets decide() say what to do, then
 * applies the stateful rules (repeat questions, rate limits) and queues the work per chat.
 * The engine never sees Wechaty; Wechaty never sees the engine.
 */
import type { Logger } from "pino";
import qrcodeTerminal from "qrcode-terminal";
import { ScanStatus, types, type Contact, type Message, type Room, type Wechaty } from "wechaty";
import type { Prompts } from "../../answer/prompts.js";
import { childLogger } from "../../logger.js";
import type { AnswerEngine, Reply } from "../../types.js";
import { localDay, systemClock, type Clock } from "../clock.js";
import { ConversationMemory } from "../conversation-memory.js";
import { RateLimits, type LimitScope } from "../rate-limits.js";
import { MIN_SPLIT_LIMIT, splitReply } from "../reply-splitter.js";
import {
  RecentRefusals,
  defaultCommands,
  type AdminCommand,
  type ChannelStats,
  type StatsProvider,
  type UnansweredProvider,
} from "./admin.js";
import type { WechatConfig } from "./config.js";
import { decide, type DecideSettings, type DropReason, type MessageFacts, type MessageKind } from "./decide.js";
import { ExpiringSet } from "./expiring-set.js";
import { ConversationQueue } from "./send-queue.js";
import { Sender, type SenderOptions } from "./sender.js";
import { normalizeQuestion } from "./triggers.js";

export interface WechatBotDeps {
  wechaty: Wechaty;
  engine: AnswerEngine;
  config: WechatConfig;
  prompts: Prompts;
  log?: Logger;
  clock?: Clock;
  random?: () => number;
  /** Index size, last refresh, today's counts over all channels: for #状态. */
  stats?: StatsProvider;
  /** Recent refused questions over all channels: for #未答 (default: this channel's own ring). */
  unanswered?: UnansweredProvider;
  /** More # commands (name without #), or replacements of the built-in ones. */
  commands?: ReadonlyMap<string, AdminCommand>;
  /** Shows the login QR code; default: printed small in the terminal, with its URL. */
  showQr?: (qrcode: string, url: string) => void;
  /** Retry tuning (tests use small numbers). */
  retry?: Pick<SenderOptions, "maxAttempts" | "maxRiskAttempts" | "retryBaseMs" | "riskBaseMs" | "maxBackoffMs" | "sendTimeoutMs">;
}

export type DropCounter = DropReason | "repeat-delivery";

export interface WechatCounters {
  /** Message events not sent by the bot itself. */
  received: number;
  dropped: Record<DropCounter, number>;
  /** Questions addressed to the bot; each ends as exactly one of the next five. */
  questions: number;
  /** The engine replied (possibly a polite refusal) and every part was sent. */
  answered: number;
  /** Same question in the same group within the duplicate window. */
  deduped: number;
  /** Over a rate limit, the daily budget, or the queue bound. */
  limited: number;
  /** The engine threw (the asker got the answer-failed text). */
  failed: number;
  /** Answered, but WeChat would not take every part even after retries (logged with the text). */
  undelivered: number;
  /** Of answered: the engine's reply was a refusal. */
  refused: number;
  notices: number;
  hints: number;
  hintsSuppressed: number;
  commands: number;
  denied: number;
  sent: number;
  retries: number;
  riskErrors: number;
  sendFailed: number;
}

export interface WechatBot {
  readonly handlers: {
    onScan(qrcode: string, status: ScanStatus): void;
    onLogin(user: Contact): void;
    onLogout(user: Contact): void;
    onError(err: Error): void;
    onMessage(msg: Message): Promise<void>;
  };
  /** Registered # commands; add entries to register more (#添加 …). */
  readonly commands: Map<string, AdminCommand>;
  counters(): WechatCounters;
  /** Conversations in follow-up memory. */
  memorySize(): number;
  /** Messages being read plus replies queued or being sent. */
  pending(): number;
  /** Resolves when every received message has been handled and every queued reply sent (or given up). */
  idle(): Promise<void>;
  /** Stops listening; replies not yet sent are logged, not retried. */
  close(): void;
}

const MEDIA_TYPES = new Set<types.Message>([
  types.Message.Image,
  types.Message.Audio,
  types.Message.Video,
  types.Message.Attachment,
  types.Message.Emoticon,
]);

/** Turns kept per person and chat for follow-ups. */
const MEMORY_TURNS = 3;
/** Reasons whose turn is no context for a later question. */
const NOT_CONTEXT = new Set<Reply["reason"]>(["empty", "greeting", "too_long"]);

interface Target {
  /** Queue key: one per chat. */
  chat: string;
  roomId: string | null;
  roomTopic: string | null;
  /** Sends one part; `first` carries the @mention in a group. */
  say(text: string, first: boolean): Promise<unknown>;
  /** Characters the @mention adds to the first part. */
  mentionLength(): Promise<number>;
}

export function createWechatBot(deps: WechatBotDeps): WechatBot {
  const { wechaty, engine, config, prompts } = deps;
  const log = deps.log ?? childLogger("wechat");
  const clock = deps.clock ?? systemClock;
  const random = deps.random ?? Math.random;
  const now = () => clock.now();
  const startedAt = now();

  const memory = new ConversationMemory(
    { windowMs: config.followUpMinutes * 60_000, maxConversations: config.memoryConversations, maxTurns: MEMORY_TURNS },
    now,
  );
  const limits = new RateLimits(config, now);
  const duplicates = new ExpiringSet(config.duplicateMinutes * 60_000, 10_000, now);
  const hinted = new ExpiringSet(config.hintIntervalMinutes * 60_000, 10_000, now);
  const seenIds = new ExpiringSet(10 * 60_000, 20_000, now);
  const refusals = new RecentRefusals();
  const queue = new ConversationQueue(config.queueSize, (err, chat) => log.error({ err, chat }, "queued task failed"));
  const sender = new Sender({ delayMs: config.sendDelayMs, clock, random, log, ...deps.retry });
  const roomAliases = new Map<string, { alias: string | null; at: number }>();

  const c: Omit<WechatCounters, "sent" | "retries" | "riskErrors" | "sendFailed"> = {
    received: 0,
    dropped: {
      self: 0,
      stale: 0,
      "not-a-person": 0,
      "room-not-allowed": 0,
      "media-in-group": 0,
      "unsupported-type": 0,
      empty: 0,
      "not-addressed": 0,
      "repeat-delivery": 0,
    },
    questions: 0,
    answered: 0,
    deduped: 0,
    limited: 0,
    failed: 0,
    undelivered: 0,
    refused: 0,
    notices: 0,
    hints: 0,
    hintsSuppressed: 0,
    commands: 0,
    denied: 0,
  };
  const today = { day: localDay(startedAt), questions: 0, answered: 0, refused: 0 };
  let inflight = 0;
  let closed = false;
  let accountName: string | null = null;

  const commands = new Map<string, AdminCommand>();
  const channelStats = (): ChannelStats => {
    rollToday();
    return { questionsToday: today.questions, answeredToday: today.answered, refusedToday: today.refused, pending: queue.pending };
  };
  for (const [name, cmd] of defaultCommands({ prompts, startedAt, channelStats, refusals, stats: deps.stats, unanswered: deps.unanswered, commands: () => commands })) {
    commands.set(name, cmd);
  }
  for (const [name, cmd] of deps.commands ?? []) commands.set(name.replace(/^[#＃]/, ""), cmd);

  const showQr = deps.showQr ?? printQr;

  // ---- event handlers -------------------------------------------------------------------

  function onScan(qrcode: string, status: ScanStatus): void {
    if (status === ScanStatus.Waiting || status === ScanStatus.Timeout) {
      showQr(qrcode, `https://wechaty.js.org/qrcode/${encodeURIComponent(qrcode)}`);
      log.info({ status: ScanStatus[status] }, "scan the QR code with the bot's WeChat account to log in");
    } else {
      log.info({ status: ScanStatus[status] }, "login QR code status");
    }
  }

  function onLogin(user: Contact): void {
    accountName = user.name();
    log.info({ user: accountName, id: user.id }, "logged in");
    if (accountName !== config.botName) {
      log.warn({ account: accountName, configured: config.botName }, "account name differs from PUFA_BOT_NAME: both are recognised in @mentions and quotes");
    }
  }

  function onLogout(user: Contact): void {
    log.warn({ user: user.name() }, "logged out: restart to log in again");
  }

  function onError(err: Error): void {
    log.error({ err }, "wechaty error");
  }

  async function onMessage(msg: Message): Promise<void> {
    if (closed) return;
    inflight++;
    try {
      await handleMessage(msg);
    } catch (err) {
      log.error({ err, id: msg.id }, "could not handle a message");
    } finally {
      inflight--;
    }
  }

  // ---- message handling -----------------------------------------------------------------

  async function handleMessage(msg: Message): Promise<void> {
    if (msg.self()) {
      c.dropped.self++; // our own replies come back as message events
      return;
    }
    c.received++;
    if (!seenIds.addIfAbsent(msg.id)) {
      c.dropped["repeat-delivery"]++; // a puppet re-emitted a message after reconnecting
      return;
    }
    const facts = await readFacts(msg);
    const decision = decide(facts, await settingsFor(msg, facts));
    const target = targetOf(msg, facts);

    switch (decision.kind) {
      case "drop":
        c.dropped[decision.reason]++;
        log.debug({ reason: decision.reason, chat: target.chat }, "message dropped");
        return;
      case "hint":
        if (!hinted.addIfAbsent(facts.talkerId)) {
          c.hintsSuppressed++; // hinted this person a short while ago
          return;
        }
        c.hints++;
        queueText(target, prompts.get("only-text"));
        return;
      case "command":
        await handleCommand(target, facts, decision.name, decision.args, decision.admin);
        return;
      case "answer":
        await handleQuestion(target, facts, decision.question);
        return;
    }
  }

  async function handleQuestion(target: Target, facts: MessageFacts, question: string): Promise<void> {
    c.questions++;
    rollToday();
    today.questions++;
    const roomId = facts.room?.id ?? null;
    const normalized = normalizeQuestion(question);
    const dupKey = roomId !== null && normalized ? `${roomId}|${normalized}` : null;
    if (dupKey && !duplicates.addIfAbsent(dupKey)) {
      c.deduped++; // asked in this group a moment ago: the answer is right above
      log.debug({ chat: target.chat }, "repeated question: answered once");
      return;
    }
    const verdict = await limits.admit(facts.talkerId, roomId);
    if (!verdict.ok) {
      if (dupKey) duplicates.delete(dupKey);
      c.limited++;
      log.info({ chat: target.chat, scope: verdict.scope, notify: verdict.notify }, "over a limit: question not answered");
      if (verdict.notify) sendNotice(target, verdict.scope);
      return;
    }
    const memoryKey = ConversationMemory.key(roomId, facts.talkerId);
    const askedAt = now();
    const queued = queue.push(target.chat, async () => {
      const context = memory.recent(memoryKey);
      let reply: Reply;
      try {
        reply = await engine.ask({ question, context: context.length > 0 ? context : undefined, channel: "wechat", askerId: facts.talkerId });
      } catch (err) {
        c.failed++;
        log.error({ err, chat: target.chat }, "the engine failed on a question");
        await deliver(target, prompts.get("answer-failed"));
        return;
      }
      if (!NOT_CONTEXT.has(reply.reason)) {
        memory.remember(memoryKey, { question, answer: reply.refused ? undefined : reply.text, at: askedAt });
      }
      if (reply.refused) {
        c.refused++;
        today.refused++;
        if (!NOT_CONTEXT.has(reply.reason)) refusals.record({ question, at: askedAt, reason: reply.reason, room: target.roomTopic });
      } else {
        today.answered++;
      }
      const delivered = await deliver(target, reply.text);
      if (delivered) c.answered++;
      else c.undelivered++;
    });
    if (!queued) {
      if (dupKey) duplicates.delete(dupKey);
      c.limited++;
      log.warn({ chat: target.chat, pending: queue.pending }, "send queue full: question not answered");
    }
  }

  async function handleCommand(target: Target, facts: MessageFacts, name: string, args: string, admin: boolean): Promise<void> {
    const command = commands.get(name);
    if (!command) return;
    if (command.adminOnly !== false && !admin) {
      c.denied++;
      log.info({ chat: target.chat, talker: facts.talkerId, command: name }, "admin command from a non-admin");
      const verdict = await limits.admit(facts.talkerId, facts.room?.id ?? null);
      if (verdict.ok) queueText(target, prompts.get("admin-denied"));
      else c.limited++;
      return;
    }
    c.commands++;
    queueText(target, async () =>
      command.run({ args, isAdmin: admin, talkerId: facts.talkerId, roomId: facts.room?.id ?? null, now: now() }),
    );
  }

  function sendNotice(target: Target, scope: LimitScope): void {
    c.notices++;
    if (target.roomId !== null) limits.spend(target.roomId, 1);
    queueText(target, prompts.get(scope === "daily" ? "daily-limit" : "rate-limited"));
  }

  /** Queues a reply that needs no engine: hints, notices, command output. */
  function queueText(target: Target, text: string | (() => Promise<string>)): void {
    const queued = queue.push(target.chat, async () => {
      await deliver(target, typeof text === "string" ? text : await text());
    });
    if (!queued) log.warn({ chat: target.chat }, "send queue full: a notice was not sent");
  }

  /** Splits and sends a reply, part after part. True when every part went out. */
  async function deliver(target: Target, text: string): Promise<boolean> {
    const limit = Math.max(MIN_SPLIT_LIMIT, config.maxReplyChars - (await target.mentionLength()));
    const parts = splitReply(text, limit);
    if (target.roomId !== null && parts.length > 1) limits.spend(target.roomId, parts.length - 1);
    let all = true;
    for (const [i, part] of parts.entries()) {
      const ok = await sender.deliver(target.chat, part, () => target.say(part, i === 0));
      all &&= ok;
    }
    return all;
  }

  // ---- reading Wechaty ------------------------------------------------------------------

  async function readFacts(msg: Message): Promise<MessageFacts> {
    const room = msg.room();
    const talker = msg.talker();
    const type = msg.type();
    const kind: MessageKind = type === types.Message.Text ? "text" : MEDIA_TYPES.has(type) ? "media" : "other";
    const text = kind === "text" ? msg.text() : "";
    const talkerType = talker.type();
    return {
      self: false,
      kind,
      text,
      at: msg.date().getTime(),
      room: room ? { id: room.id, topic: await room.topic() } : null,
      talkerId: talker.id,
      talkerIsPerson: talkerType !== types.Contact.Official && talkerType !== types.Contact.Corporation,
      // mentionSelf() may look members up by name: only worth it when there is an @ at all
      mentionSelf: room !== undefined && kind === "text" && /[@＠]/.test(text) ? await msg.mentionSelf() : false,
    };
  }

  async function settingsFor(msg: Message, facts: MessageFacts): Promise<DecideSettings> {
    const names = new Set<string>([config.botName]);
    if (accountName) names.add(accountName);
    const room = msg.room();
    if (room && /[@＠「]/.test(facts.text)) {
      const alias = await selfAlias(room);
      if (alias) names.add(alias);
    }
    return {
      selfNames: [...names],
      prefixes: config.groupPrefixes,
      allowedRooms: config.allowedRooms,
      adminIds: config.adminIds,
      startedAt,
      graceMs: config.startupGraceSeconds * 1000,
      commandNames: new Set(commands.keys()),
    };
  }

  /** The bot's group nickname in a room (people @ and quote it by that name), cached for 10 minutes. */
  async function selfAlias(room: Room): Promise<string | null> {
    const cached = roomAliases.get(room.id);
    if (cached && now() - cached.at < 10 * 60_000) return cached.alias;
    let alias: string | null = null;
    try {
      alias = (await room.alias(wechaty.currentUser)) ?? null;
    } catch {
      alias = null; // not every puppet knows member aliases
    }
    if (roomAliases.size >= 1000) roomAliases.clear();
    roomAliases.set(room.id, { alias, at: now() });
    return alias;
  }

  function targetOf(msg: Message, facts: MessageFacts): Target {
    const room = msg.room();
    const talker = msg.talker();
    if (room) {
      let mention: number | null = null;
      return {
        chat: room.id,
        roomId: room.id,
        roomTopic: facts.room?.topic ?? null,
        say: (text, first) => (first ? room.say(text, talker) : room.say(text)),
        mentionLength: async () => {
          if (mention === null) {
            const alias = await room.alias(talker).catch(() => undefined);
            mention = (alias || talker.name()).length + 2; // "@name" + separator
          }
          return mention;
        },
      };
    }
    return {
      chat: `private:${talker.id}`,
      roomId: null,
      roomTopic: null,
      say: (text) => talker.say(text),
      mentionLength: async () => 0,
    };
  }

  function rollToday(): void {
    const day = localDay(now());
    if (day !== today.day) Object.assign(today, { day, questions: 0, answered: 0, refused: 0 });
  }

  // ---- wiring ---------------------------------------------------------------------------

  const handlers = { onScan, onLogin, onLogout, onError, onMessage };
  wechaty.on("scan", onScan);
  wechaty.on("login", onLogin);
  wechaty.on("logout", onLogout);
  wechaty.on("error", onError);
  wechaty.on("message", onMessage);

  return {
    handlers,
    commands,
    counters: () => ({
      ...c,
      dropped: { ...c.dropped },
      sent: sender.counters.sent,
      retries: sender.counters.retries,
      riskErrors: sender.counters.riskErrors,
      sendFailed: sender.counters.failed,
    }),
    memorySize: () => memory.size,
    pending: () => inflight + queue.pending,
    idle: async () => {
      while (inflight > 0 || queue.pending > 0) {
        await queue.onIdle();
        await new Promise((resolve) => setImmediate(resolve));
      }
    },
    close: () => {
      if (closed) return;
      closed = true;
      wechaty.off("scan", onScan);
      wechaty.off("login", onLogin);
      wechaty.off("logout", onLogout);
      wechaty.off("error", onError);
      wechaty.off("message", onMessage);
      sender.close();
      if (queue.pending > 0) log.warn({ pending: queue.pending }, "closing with replies still queued: they are logged, not sent");
    },
  };
}

function printQr(qrcode: string, url: string): void {
  qrcodeTerminal.generate(qrcode, { small: true }, (art) => process.stdout.write(`${art}\n`));
  process.stdout.write(`${url}\n`);
}
