/**
 * WeChat channel settings, read from environment variables. Every wrong value gets its own
 * message naming the variable, the expected form and what was given, so an operator can fix
 * all of them in one go.
 */
import path from "node:path";
import { z } from "zod";

export interface WechatConfig {
  /** npm name of the Wechaty puppet (WECHATY_PUPPET, short forms like "wechat4u" expanded); null: no WeChat. */
  puppet: string | null;
  /** The bot account's display name: used to recognise @mentions and quotes of its own messages. */
  botName: string;
  /** Group messages starting with one of these are questions (both 问： and 问: forms included). */
  groupPrefixes: string[];
  /** Room topics or ids the bot answers in; empty: all rooms. */
  allowedRooms: string[];
  /** Contact ids allowed to use admin commands. */
  adminIds: string[];
  maxReplyChars: number;
  perPersonPerMinute: number;
  perGroupPerMinute: number;
  groupDailyBudget: number;
  /** Replies waiting to be sent, all chats together; beyond it new questions are turned away with a "busy" notice. */
  queueSize: number;
  /** Replies waiting to be sent into one chat; beyond it that chat's new questions are turned away. */
  chatQueueSize: number;
  /** Random pause before each message sent, in ms. */
  sendDelayMs: { min: number; max: number };
  followUpMinutes: number;
  duplicateMinutes: number;
  startupGraceSeconds: number;
  /** Minimum time between two "only text, please" hints to the same person. */
  hintIntervalMinutes: number;
  /** Conversations kept in follow-up memory at most. */
  memoryConversations: number;
  /** Where the Wechaty session (memory card) is stored. */
  dataDir: string;
  /** Memory-card file name (without .memory-card.json) under dataDir. */
  sessionName: string;
}

export const DEFAULT_BOT_NAME = "普法助手";
export const DEFAULT_GROUP_PREFIXES = "普法,问：";

type Ctx = z.core.$RefinementCtx<string | undefined>;

function fail(ctx: Ctx, message: string): never {
  ctx.addIssue({ code: "custom", message });
  return z.NEVER;
}

function blank(v: string | undefined): v is undefined | "" {
  return v === undefined || v.trim() === "";
}

function intVar(min: number, max: number, fallback: number) {
  return z
    .string()
    .optional()
    .transform((v, ctx): number => {
      if (blank(v)) return fallback;
      const s = v.trim();
      if (!/^\d+$/.test(s)) return fail(ctx, `expected a whole number from ${min} to ${max}, got "${v}"`);
      const n = Number(s);
      if (n < min || n > max) return fail(ctx, `expected a whole number from ${min} to ${max}, got ${n}`);
      return n;
    });
}

function listVar(separators: RegExp, fallback: string) {
  return z
    .string()
    .optional()
    .transform((v) =>
      (v === undefined ? fallback : v)
        .split(separators)
        .map((s) => s.trim())
        .filter(Boolean),
    );
}

const delayRange = z
  .string()
  .optional()
  .transform((v, ctx): { min: number; max: number } => {
    if (blank(v)) return { min: 800, max: 2500 };
    const m = /^\s*(\d+)\s*(?:-\s*(\d+)\s*)?$/.exec(v);
    if (!m) return fail(ctx, `expected milliseconds as "min-max" (e.g. 800-2500) or one number, got "${v}"`);
    const min = Number(m[1]);
    const max = m[2] === undefined ? min : Number(m[2]);
    if (min > max) return fail(ctx, `the minimum (${min}) is larger than the maximum (${max})`);
    if (max > 60_000) return fail(ctx, `at most 60000 ms, got ${max}`);
    return { min, max };
  });

const puppetVar = z
  .string()
  .optional()
  .transform((v, ctx): string | null => {
    if (blank(v)) return null;
    const s = v.trim();
    if (!/^(@[\w.-]+\/)?[\w.-]+$/.test(s)) return fail(ctx, `expected a puppet package name such as wechaty-puppet-wechat4u or padlocal, got "${v}"`);
    return normalizePuppetName(s);
  });

const nameVar = (fallback: string) =>
  z
    .string()
    .optional()
    .transform((v, ctx): string => {
      if (blank(v)) return fallback;
      const s = v.trim();
      if (/[@\r\n]/.test(s)) return fail(ctx, `must not contain @ or line breaks, got "${v}"`);
      return s;
    });

/** The environment variables read by the WeChat channel, and how each is checked. */
export const wechatEnvSchema = z.object({
  WECHATY_PUPPET: puppetVar,
  PUFA_BOT_NAME: nameVar(DEFAULT_BOT_NAME),
  PUFA_GROUP_PREFIXES: listVar(/[,，\n]/, DEFAULT_GROUP_PREFIXES),
  PUFA_ALLOWED_ROOMS: listVar(/[,\n]/, ""),
  PUFA_ADMIN_IDS: listVar(/[,，\s]/, ""),
  PUFA_MAX_REPLY_CHARS: intVar(200, 10_000, 1500),
  PUFA_RATE_PERSON_PER_MINUTE: intVar(1, 1000, 5),
  PUFA_RATE_GROUP_PER_MINUTE: intVar(1, 10_000, 20),
  PUFA_GROUP_DAILY_BUDGET: intVar(1, 1_000_000, 300),
  PUFA_QUEUE_SIZE: intVar(1, 100_000, 500),
  PUFA_CHAT_QUEUE_SIZE: intVar(1, 100_000, 20),
  PUFA_SEND_DELAY_MS: delayRange,
  PUFA_FOLLOWUP_MINUTES: intVar(0, 24 * 60, 10),
  PUFA_DUPLICATE_MINUTES: intVar(0, 24 * 60, 3),
  PUFA_STARTUP_GRACE_SECONDS: intVar(0, 24 * 3600, 60),
  PUFA_HINT_INTERVAL_MINUTES: intVar(0, 24 * 60, 30),
  PUFA_MEMORY_CONVERSATIONS: intVar(1, 1_000_000, 2000),
  PUFA_DATA: z.string().optional().transform((v) => (blank(v) ? ".pufa" : v.trim())),
  PUFA_WECHAT_SESSION: z
    .string()
    .optional()
    .transform((v, ctx): string => {
      if (blank(v)) return "pufa-wechat";
      const s = v.trim();
      if (!/^[\w.\-\u4e00-\u9fff]+$/.test(s)) return fail(ctx, `expected a file name (letters, digits, . _ -), got "${v}"`);
      return s;
    }),
});

export type LoadResult = { ok: true; config: WechatConfig } | { ok: false; errors: string[] };

export function loadWechatConfig(env: Record<string, string | undefined>): LoadResult {
  const parsed = wechatEnvSchema.safeParse(env);
  if (!parsed.success) {
    return { ok: false, errors: parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`) };
  }
  const e = parsed.data;
  const errors: string[] = [];
  const groupPrefixes = expandPrefixes(e.PUFA_GROUP_PREFIXES);
  if (groupPrefixes.length === 0) errors.push("PUFA_GROUP_PREFIXES: at least one prefix is needed (default: 普法,问：)");
  if (errors.length > 0) return { ok: false, errors };
  return {
    ok: true,
    config: {
      puppet: e.WECHATY_PUPPET,
      botName: e.PUFA_BOT_NAME,
      groupPrefixes,
      allowedRooms: e.PUFA_ALLOWED_ROOMS,
      adminIds: e.PUFA_ADMIN_IDS,
      maxReplyChars: e.PUFA_MAX_REPLY_CHARS,
      perPersonPerMinute: e.PUFA_RATE_PERSON_PER_MINUTE,
      perGroupPerMinute: e.PUFA_RATE_GROUP_PER_MINUTE,
      groupDailyBudget: e.PUFA_GROUP_DAILY_BUDGET,
      queueSize: e.PUFA_QUEUE_SIZE,
      chatQueueSize: e.PUFA_CHAT_QUEUE_SIZE,
      sendDelayMs: e.PUFA_SEND_DELAY_MS,
      followUpMinutes: e.PUFA_FOLLOWUP_MINUTES,
      duplicateMinutes: e.PUFA_DUPLICATE_MINUTES,
      startupGraceSeconds: e.PUFA_STARTUP_GRACE_SECONDS,
      hintIntervalMinutes: e.PUFA_HINT_INTERVAL_MINUTES,
      memoryConversations: e.PUFA_MEMORY_CONVERSATIONS,
      dataDir: e.PUFA_DATA,
      sessionName: e.PUFA_WECHAT_SESSION,
    },
  };
}

/** loadWechatConfig that throws one Error listing every problem: for callers that cannot go on without it. */
export function wechatConfigOrThrow(env: Record<string, string | undefined>): WechatConfig {
  const r = loadWechatConfig(env);
  if (!r.ok) throw new Error(`WeChat configuration is invalid:\n  ${r.errors.join("\n  ")}`);
  return r.config;
}

/** "wechat4u" → "wechaty-puppet-wechat4u"; full and scoped names stay as they are. */
export function normalizePuppetName(name: string): string {
  if (name.startsWith("@") || name.startsWith("wechaty-puppet-")) return name;
  return `wechaty-puppet-${name}`;
}

/** Each prefix ending in a colon also in the other width: 问： ↔ 问:. Longest first, so 问： wins over 问. */
export function expandPrefixes(prefixes: string[]): string[] {
  const all = new Set<string>();
  for (const p of prefixes) {
    all.add(p);
    if (p.endsWith("：")) all.add(`${p.slice(0, -1)}:`);
    else if (p.endsWith(":")) all.add(`${p.slice(0, -1)}：`);
  }
  return [...all].sort((a, b) => b.length - a.length);
}

/** Path of the Wechaty memory card (session) for this config. */
export function sessionPath(config: WechatConfig): string {
  return path.resolve(config.dataDir, config.sessionName);
}
