/**
 * The WeChat channel as a router, in the shape of Wechaty's ding-dong-bot: one named handler per
 * event, and a message handler that reads plain facts, lets decide() say what the message is, and
 * hands it to the handler for that kind. The stateful policy lives in named pieces: Admission
 * (repeats, limits, queue room), ConversationPolicy (follow-ups, shared with the console),
 * ChannelStats (counts, #未答), Outbox (split, output check, pacing). Every message dropped or
 * turned away is logged with its reason. The engine never sees Wechaty; Wechaty never sees the engine.
 */
import type { Logger } from "pino";
import qrcodeTerminal from "qrcode-terminal";
import { ScanStatus, type Contact, type Message, type Wechaty } from "wechaty";
import type { Prompts } from "../../answer/prompts.js";
import { childLogger } from "../../logger.js";
import { shippedModerator, type Moderator } from "../../safety/moderation.js";
import { checkOutgoing } from "../../safety/outgoing.js";
import { redact } from "../../safety/redact.js";
import type { AnswerEngine, Reply } from "../../types.js";
import { Admission, NOTICE_PROMPT, type AdmissionResult } from "../admission.js";
import { ChannelStats, type ChannelCounters, type DropCounter } from "../channel-stats.js";
import { systemClock, type Clock } from "../clock.js";
import { ConversationPolicy } from "../conversation-policy.js";
import { RateLimits } from "../rate-limits.js";
import { defaultCommands, type ChatCommand, type StatsProvider, type UnansweredProvider } from "./admin.js";
import type { WechatConfig } from "./config.js";
import { decide, type Decision, type MessageFacts } from "./decide.js";
import { ExpiringSet } from "../expiring-set.js";
import { MessageReader, privateTarget } from "./message-reader.js";
import { Outbox, type Outgoing, type OutputCheck, type Target } from "./outbox.js";
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
  /** Recent refused questions over all channels: for #未答 (default: this channel's own). */
  unanswered?: UnansweredProvider;
  /** More # commands (name without #), or replacements of the built-in ones. */
  commands?: ReadonlyMap<string, ChatCommand>;
  /** The moderation list in force (PUFA_MODERATION); default: the shipped one. */
  moderator?: Moderator;
  /** The check every outgoing message passes; default: checkOutgoing (the moderation list, links, @所有人, hidden characters). */
  outputCheck?: OutputCheck;
  /** Personal data out of listed questions (#未答); default: src/safety/redact.ts. */
  redact?: (text: string) => string;
  /** Shows the login QR code; default: printed small in the terminal, with its URL. */
  showQr?: (qrcode: string, url: string) => void;
  /** Retry tuning (tests use small numbers). */
  retry?: Pick<SenderOptions, "maxAttempts" | "maxRiskAttempts" | "retryBaseMs" | "riskBaseMs" | "maxBackoffMs" | "sendTimeoutMs">;
}

export interface WechatCounters extends ChannelCounters {
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
  readonly commands: Map<string, ChatCommand>;
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

type CommandDecision = Extract<Decision, { kind: "command" }>;

export function createWechatBot(deps: WechatBotDeps): WechatBot {
  const { wechaty, engine, config, prompts } = deps;
  const log = deps.log ?? childLogger("wechat");
  const clock = deps.clock ?? systemClock;
  const now = () => clock.now();
  const startedAt = now();

  const stats = new ChannelStats(now);
  const counters = stats.counters;
  const conversation = new ConversationPolicy({ windowMs: config.followUpMinutes * 60_000, maxConversations: config.memoryConversations }, now);
  const limits = new RateLimits(config, now);
  const queue = new ConversationQueue(
    { maxPending: config.queueSize, maxPerChat: config.chatQueueSize, noticeReserve: config.queueSize },
    (err, chat) => log.error({ err, chat }, "queued task failed"),
  );
  const admission = new Admission({ limits, queue, duplicateMs: config.duplicateMinutes * 60_000, now });
  const sender = new Sender({ delayMs: config.sendDelayMs, clock, random: deps.random ?? Math.random, log, ...deps.retry });
  const moderator = deps.moderator ?? shippedModerator();
  const outputCheck: OutputCheck = deps.outputCheck ?? ((text) => checkOutgoing(text, moderator));
  const outbox = new Outbox({
    sender,
    limits,
    check: outputCheck,
    maxReplyChars: config.maxReplyChars,
    log,
    onBlocked: () => void counters.blocked++,
  });
  const hinted = new ExpiringSet(config.hintIntervalMinutes * 60_000, 10_000, now);
  const seenIds = new ExpiringSet(10 * 60_000, 20_000, now);
  const commands = new Map<string, ChatCommand>();
  const reader = new MessageReader({ wechaty, config, startedAt, now, commandNames: () => commands.keys() });
  const showQr = deps.showQr ?? printQr;
  let inflight = 0;
  let closed = false;

  const builtIn = defaultCommands({
    prompts,
    startedAt,
    channelToday: () => ({ ...stats.todayStats(), pending: queue.pending }),
    ownUnanswered: (limit) => stats.unanswered(limit),
    stats: deps.stats,
    unanswered: deps.unanswered,
    redact: deps.redact ?? redact,
    listable: (text) => outputCheck(text).ok,
    commands: () => commands,
  });
  for (const [name, cmd] of [...builtIn, ...(deps.commands ?? [])]) commands.set(name.replace(/^[#＃]/, ""), cmd);

  // ---- event handlers -------------------------------------------------------------------

  function onScan(qrcode: string, status: ScanStatus): void {
    if (status === ScanStatus.Waiting || status === ScanStatus.Timeout) {
      showQr(qrcode, `https://wechaty.js.org/qrcode/${encodeURIComponent(qrcode)}`);
      log.info({ status: ScanStatus[status] }, "scan the QR code with the bot's WeChat account to log in");
      return;
    }
    log.info({ status: ScanStatus[status] }, "login QR code status");
  }

  function onLogin(user: Contact): void {
    reader.accountName = user.name();
    log.info({ user: reader.accountName, id: user.id }, "logged in");
    if (reader.accountName !== config.botName) {
      log.warn({ account: reader.accountName, configured: config.botName }, "account name differs from PUFA_BOT_NAME: both are recognised in @mentions and quotes");
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
      await route(msg);
    } catch (err) {
      log.error({ err, id: msg.id }, "could not handle a message");
    } finally {
      inflight--;
    }
  }

  // ---- routing --------------------------------------------------------------------------

  async function route(msg: Message): Promise<void> {
    if (msg.self()) return dropped("self", null); // our own replies come back as message events
    counters.received++;
    if (!seenIds.addIfAbsent(msg.id)) return dropped("repeat-delivery", null); // re-emitted after a reconnect
    const facts = await reader.facts(msg);
    const decision = decide(facts, await reader.settings(msg, facts));
    const target = reader.replyTarget(msg, facts);
    if (decision.kind === "drop") return dropped(decision.reason, target.chat);
    if (decision.kind === "hint") return onMediaInPrivate(target, facts);
    if (decision.kind === "command") return onCommand(msg, target, facts, decision);
    return onQuestion(target, facts, decision.question);
  }

  function dropped(reason: DropCounter, chat: string | null): void {
    counters.dropped[reason]++;
    log.debug({ reason, chat }, "message dropped");
  }

  function onMediaInPrivate(target: Target, facts: MessageFacts): void {
    if (!hinted.addIfAbsent(facts.talkerId)) {
      counters.hintsSuppressed++;
      log.debug({ reason: "hinted-recently", chat: target.chat }, "media message: no hint");
      return;
    }
    counters.hints++;
    notice(target, "only-text");
  }

  async function onQuestion(target: Target, facts: MessageFacts, question: string): Promise<void> {
    stats.question();
    const askedAt = now();
    const request = { chat: target.chat, talkerId: facts.talkerId, roomId: target.roomId, dedupeKey: normalizeQuestion(question) || null };
    const result = await admission.admit(request, () => answer(target, facts.talkerId, question, askedAt));
    if (result.admitted) return;
    if (result.reason === "duplicate") {
      counters.deduped++; // asked in this group a moment ago: the answer is right above
      log.debug({ reason: "duplicate", chat: target.chat }, "question turned away");
      return;
    }
    counters.limited++;
    if (result.reason === "busy") counters.busy++;
    turnedAway(target, result, "question turned away");
  }

  async function onCommand(msg: Message, target: Target, facts: MessageFacts, d: CommandDecision): Promise<void> {
    const command = commands.get(d.name);
    if (!command) return dropped("not-addressed", target.chat); // unregistered between decide() and now
    const adminOnly = command.adminOnly !== false;
    if (adminOnly && !d.admin) {
      counters.denied++;
      log.info({ chat: target.chat, talker: facts.talkerId, command: d.name }, "admin command from a non-admin");
      return admitCommand(target, facts, false, async () => void (await send(target, { text: prompts.get("admin-denied") })));
    }
    // An admin's command is answered in the private chat only: its output is not for the group.
    const replyTo = adminOnly && target.roomId !== null ? privateTarget(msg.talker()) : target;
    if (replyTo !== target) {
      counters.commandsMovedPrivate++;
      log.info({ chat: target.chat, command: d.name }, "admin command in a group: answered privately");
    }
    const context = { args: d.args, isAdmin: d.admin, talkerId: facts.talkerId, roomId: facts.room?.id ?? null, now: now() };
    return admitCommand(replyTo, facts, true, async () => {
      let text: string;
      try {
        text = await command.run(context);
      } catch (err) {
        log.error({ err, command: d.name }, "a command failed");
        text = prompts.get("admin-error");
      }
      await send(replyTo, { text });
    });
  }

  /** Commands and their refusals pass the same admission as questions: limits, budget, queue room. */
  async function admitCommand(target: Target, facts: MessageFacts, runs: boolean, task: () => Promise<void>): Promise<void> {
    const result = await admission.admit({ chat: target.chat, talkerId: facts.talkerId, roomId: target.roomId, dedupeKey: null }, task);
    if (result.admitted) {
      if (runs) counters.commands++;
      return;
    }
    counters.commandsLimited++;
    turnedAway(target, result, "command turned away");
  }

  function turnedAway(target: Target, result: Extract<AdmissionResult, { admitted: false }>, what: string): void {
    log.info({ chat: target.chat, reason: result.reason, notice: result.notify }, what);
    if (result.notify && result.reason !== "duplicate") notice(target, NOTICE_PROMPT[result.reason]);
  }

  // ---- answering and sending ------------------------------------------------------------

  /** Runs in the chat's queue: asks the engine with the conversation so far, then sends the reply. */
  async function answer(target: Target, talkerId: string, question: string, askedAt: number): Promise<void> {
    const key = ConversationPolicy.key(target.roomId, talkerId);
    let reply: Reply;
    try {
      const chat = target.roomId === null ? "private" : "group";
      reply = await engine.ask({ question, context: conversation.context(key), channel: "wechat", askerId: talkerId, chat });
    } catch (err) {
      counters.failed++;
      log.error({ err, chat: target.chat }, "the engine failed on a question");
      await send(target, { text: prompts.get("answer-failed") });
      return;
    }
    conversation.record(key, question, reply, askedAt);
    stats.reply(question, reply, askedAt, target.roomTopic);
    const result = await send(target, { parts: reply.parts });
    if (result === "sent") counters.answered++;
    else if (result === "undelivered") counters.undelivered++;
    else counters.withheld++;
  }

  /** Sends; a reply the output check stopped is replaced by the answer-failed text, so the asker is not left waiting. */
  async function send(target: Target, outgoing: Outgoing): Promise<"sent" | "undelivered" | "withheld"> {
    const result = await outbox.deliver(target, outgoing);
    if (result === "withheld") await outbox.deliver(target, { text: prompts.get("answer-failed") });
    return result;
  }

  /** A short text of the bot's own (hint, limit or busy notice), from the queue's notice reserve. */
  function notice(target: Target, promptName: string): void {
    counters.notices++;
    const queued = queue.pushNotice(target.chat, async () => void (await send(target, { text: prompts.get(promptName) })));
    if (!queued) log.warn({ chat: target.chat, notice: promptName }, "notice reserve used up: notice not sent");
  }

  // ---- wiring ---------------------------------------------------------------------------

  const handlers = { onScan, onLogin, onLogout, onError, onMessage };
  wechaty.on("scan", onScan).on("login", onLogin).on("logout", onLogout).on("error", onError).on("message", onMessage);

  return {
    handlers,
    commands,
    counters: () => {
      const { sent, retries, riskErrors, failed: sendFailed } = sender.counters;
      return { ...stats.snapshot(), sent, retries, riskErrors, sendFailed };
    },
    memorySize: () => conversation.size,
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
      wechaty.off("scan", onScan).off("login", onLogin).off("logout", onLogout).off("error", onError).off("message", onMessage);
      sender.close();
      if (queue.pending > 0) log.warn({ pending: queue.pending }, "closing with replies still queued: they are logged, not sent");
    },
  };
}

function printQr(qrcode: string, url: string): void {
  qrcodeTerminal.generate(qrcode, { small: true }, (art) => process.stdout.write(`${art}\n`));
  process.stdout.write(`${url}\n`);
}
