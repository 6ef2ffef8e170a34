/**
 * # commands. The built-in ones (#状态, #未答, #帮助) are entries of a Map<name, ChatCommand>,
 * and the corpus commands (#添加, #删除, #列表, src/admin/chat-commands.ts) register more entries
 * the same way. Who may run what, and where the reply goes, is decided by the bot: adminOnly
 * commands from anyone but a configured admin id get the admin-denied text and nothing else, and
 * an admin's command is answered in the private chat only. Lists of what people asked are shown
 * with personal data redacted.
 */
import type { Prompts } from "../../answer/prompts.js";
import { INVISIBLE } from "../../safety/normalize.js";
import type { RefusedQuestion, TodayStats } from "../channel-stats.js";
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

export interface ChatCommand {
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
 * Wraps function commands keyed "#添加" or "添加" as admin-only ChatCommands, so the corpus
 * commands plug in as `commands: functionCommands(createCorpusCommands(…))`.
 */
export function functionCommands(
  map: ReadonlyMap<string, FunctionCommand>,
  summaries: Record<string, () => string> = {},
): Map<string, ChatCommand> {
  const out = new Map<string, ChatCommand>();
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

/** Recent questions the engine declined, newest first, at most `limit`. */
export type UnansweredProvider = (limit: number) => RefusedQuestion[] | Promise<RefusedQuestion[]>;

/** The WeChat channel's own counts for today, and its queue. */
export interface ChannelToday extends TodayStats {
  /** Replies queued or being sent. */
  pending: number;
}

export interface DefaultCommandDeps {
  prompts: Prompts;
  startedAt: number;
  channelToday: () => ChannelToday;
  /** The channel's own recent refusals, when no question log gives them. */
  ownUnanswered: UnansweredProvider;
  stats?: StatsProvider;
  unanswered?: UnansweredProvider;
  /** Takes ID card, phone and bank card numbers (and the like) out of a question before it is listed. */
  redact: (text: string) => string;
  /** False for a listed question the output check would stop (a link, @所有人 …): it is shown as hidden, so the list still goes out. */
  listable: (text: string) => boolean;
  /** All registered commands, for the help listing (includes ones added later). */
  commands: () => ReadonlyMap<string, ChatCommand>;
}

export const UNANSWERED_DEFAULT = 10;
export const UNANSWERED_MAX = 50;

export function defaultCommands(deps: DefaultCommandDeps): Map<string, ChatCommand> {
  const { prompts } = deps;
  return new Map<string, ChatCommand>([
    [
      "状态",
      {
        run: async ({ now }) => {
          const own = deps.channelToday();
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
          const list = await (deps.unanswered ?? deps.ownUnanswered)(limit);
          if (list.length === 0) return prompts.get("admin-unanswered-empty");
          const hidden = prompts.get("admin-unanswered-hidden");
          const lines = list.slice(0, limit).map((q) => {
            const question = oneLine(deps.redact(q.question));
            return `${shortLocalTime(q.at)} ${deps.listable(question) ? question : hidden}`;
          });
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

const INVISIBLE_ALL = new RegExp(INVISIBLE.source, "gu");

/** A listed question on one line (its own line breaks would read as further list items), without invisible characters. */
function oneLine(text: string): string {
  return text.replace(INVISIBLE_ALL, "").replace(/\s+/g, " ").trim();
}
