/**
 * # commands. The built-in ones (#状态, #未答, #帮助) are entries of a Map<name, AdminCommand>,
 * and later features (#添加, #删除, #列表 for the admin corpus) register more entries the same way.
 * Who may run what is decided by the bot: adminOnly commands from anyone but a configured admin
 * id get the admin-denied text and nothing else.
 */
import type { Prompts } from "../../answer/prompts.js";
import { shortLocalTime } from "../clock.js";

export interface CommandContext {
  /** Text after the command word. */
  args: string;
  isAdmin: boolean;
  talkerId: string;
  /** null in a private chat. */
  roomId: string | null;
  now: number;
}

export interface AdminCommand {
  /** false: anyone may use it (#帮助). Default: admins only. */
  adminOnly?: boolean;
  /** One line for the admin help listing (commands registered later; the built-in ones are in prompts/admin-help.txt). */
  summary?: () => string;
  /** Plain-text reply; long replies are split like answers. */
  run(ctx: CommandContext): string | Promise<string>;
}

/** A command written as a plain function of the sender and the text after the command word (src/admin/chat-commands.ts). */
export type FunctionCommand = (args: { actorId: string; text: string }) => Promise<string>;

/**
 * Wraps function commands keyed "#添加" or "添加" as admin-only AdminCommands, so the corpus
 * commands plug in as `commands: functionCommands(createCorpusCommands(…))`.
 */
export function functionCommands(
  map: ReadonlyMap<string, FunctionCommand>,
  summaries: Record<string, () => string> = {},
): Map<string, AdminCommand> {
  const out = new Map<string, AdminCommand>();
  for (const [key, fn] of map) {
    const name = key.replace(/^[#＃]/, "");
    out.set(name, { summary: summaries[name], run: ({ talkerId, args }) => fn({ actorId: talkerId, text: args }) });
  }
  return out;
}

/** What the rest of pufa knows about itself; every field optional, missing ones show as "—". */
export interface EngineStats {
  /** Passages in the index. */
  indexSize?: number | null;
  /** When the index was last rebuilt or refreshed: epoch ms, Date or a ready-made label. */
  lastRefresh?: number | string | Date | null;
  /** Over all channels, from the question log; the WeChat channel's own counts are used when absent. */
  questionsToday?: number;
  answered?: number;
  refused?: number;
}

export type StatsProvider = () => EngineStats | Promise<EngineStats>;

export interface RefusedQuestion {
  question: string;
  /** epoch ms */
  at: number;
  reason: string;
  /** Room topic, or null for a private chat. */
  room?: string | null;
}

/** Recent questions the engine declined, newest first, at most `limit`. */
export type UnansweredProvider = (limit: number) => RefusedQuestion[] | Promise<RefusedQuestion[]>;

/** The WeChat channel's own counts for today. */
export interface ChannelStats {
  questionsToday: number;
  answeredToday: number;
  refusedToday: number;
  /** Replies queued or being sent. */
  pending: number;
}

/** A ring of the last `max` refused questions. */
export class RecentRefusals {
  private ring: RefusedQuestion[] = [];

  constructor(private readonly max = 100) {}

  record(q: RefusedQuestion): void {
    this.ring.push(q);
    if (this.ring.length > this.max) this.ring.splice(0, this.ring.length - this.max);
  }

  /** Newest first. */
  list(limit: number): RefusedQuestion[] {
    return this.ring.slice(-limit).reverse();
  }

  get size(): number {
    return this.ring.length;
  }
}

export interface DefaultCommandDeps {
  prompts: Prompts;
  startedAt: number;
  channelStats: () => ChannelStats;
  refusals: RecentRefusals;
  stats?: StatsProvider;
  unanswered?: UnansweredProvider;
  /** All registered commands, for the help listing (includes ones added later). */
  commands: () => ReadonlyMap<string, AdminCommand>;
}

export const UNANSWERED_DEFAULT = 10;
export const UNANSWERED_MAX = 50;

export function defaultCommands(deps: DefaultCommandDeps): Map<string, AdminCommand> {
  const { prompts } = deps;
  return new Map<string, AdminCommand>([
    [
      "状态",
      {
        run: async ({ now }) => {
          const own = deps.channelStats();
          const engine = (await deps.stats?.()) ?? {};
          return prompts.render("admin-status", {
            indexSize: engine.indexSize ?? "—",
            lastRefresh: formatWhen(engine.lastRefresh),
            uptime: formatUptime(prompts, now - deps.startedAt),
            questionsToday: engine.questionsToday ?? own.questionsToday,
            answered: engine.answered ?? own.answeredToday,
            refused: engine.refused ?? own.refusedToday,
            pending: own.pending,
          });
        },
      },
    ],
    [
      "未答",
      {
        run: async ({ args }) => {
          const asked = Number.parseInt(args, 10);
          const limit = Number.isFinite(asked) && asked > 0 ? Math.min(asked, UNANSWERED_MAX) : UNANSWERED_DEFAULT;
          const list = deps.unanswered ? await deps.unanswered(limit) : deps.refusals.list(limit);
          if (list.length === 0) return prompts.get("admin-unanswered-empty");
          const lines = list.slice(0, limit).map((q) => `${shortLocalTime(q.at)} ${q.question}`);
          return `${prompts.render("admin-unanswered", { count: lines.length })}\n${lines.join("\n")}`;
        },
      },
    ],
    [
      "帮助",
      {
        adminOnly: false,
        run: ({ isAdmin }) => {
          const help = prompts.get("help");
          if (!isAdmin) return help;
          const extra = [...deps.commands()]
            .filter(([, c]) => c.summary)
            .map(([name, c]) => `#${name} ${c.summary?.() ?? ""}`.trim());
          return `${help}\n\n${[prompts.get("admin-help"), ...extra].join("\n")}`;
        },
      },
    ],
  ]);
}

function formatWhen(value: EngineStats["lastRefresh"]): string {
  if (value === null || value === undefined || value === "") return "—";
  if (typeof value === "string") return value;
  const ms = value instanceof Date ? value.getTime() : value;
  const d = new Date(ms);
  return Number.isNaN(d.getTime()) ? "—" : `${d.getFullYear()}-${shortLocalTime(ms)}`;
}

function formatUptime(prompts: Prompts, ms: number): string {
  const minutes = Math.max(0, Math.floor(ms / 60_000));
  return prompts.render("admin-uptime", {
    days: Math.floor(minutes / 1440),
    hours: Math.floor((minutes % 1440) / 60),
    minutes: minutes % 60,
  });
}
