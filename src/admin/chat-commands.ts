/**
 * Corpus commands admins send in chat: #添加 (title line, then the text), #导入 <网址> (a page fetched
 * and cleaned like `pufa add <URL>`; a link an admin shares in a private chat arrives as this command),
 * #删除 <id>, #列表 [keyword].
 * The bot calls these only for configured admin ids and sends back the returned text.
 * `text` is the message after the command word (a leading command word is tolerated).
 * Every call leaves an audit row; onChange (re-indexing) runs after the served corpus changed.
 */
import { Prompts } from "../answer/prompts.js";
import { childLogger } from "../logger.js";
import { localDate } from "../text/dates.js";
import { addToCorpus, listCorpus, removeFromCorpus, type AddResult } from "./corpus-manager.js";
import { joinParagraphs, splitLines } from "./importers/common.js";
import { DEFAULT_IMPORT_LIMITS, ImportRefusedError, type ImportLimits } from "./importers/limits.js";
import { importUrl } from "./importers/url.js";
import type { ImportedArticle } from "./importers/types.js";
import type { AuditSink } from "./question-log.js";

const log = childLogger("admin-commands");

export interface AdminCommandArgs {
  /** Raw id of the admin who sent it (hashed in the audit log). */
  actorId: string;
  text: string;
}
/** One corpus command as a plain function (wrapped for the chat by channels/wechat/admin.ts functionCommands). */
export type CorpusCommand = (args: AdminCommandArgs) => Promise<string>;

export interface CorpusCommandsOptions {
  corpusDir: string;
  log: AuditSink;
  /** Re-index after the served corpus changed (the lead's incremental indexer). */
  onChange: () => Promise<void>;
  prompts?: Prompts;
  now?: () => Date;
  /** How many documents #列表 shows (default 20). */
  listLimit?: number;
  /** What one #导入 may cost (size, time); default DEFAULT_IMPORT_LIMITS. */
  importLimits?: ImportLimits;
  /** Fetches and cleans a page (default importUrl; tests may pass their own). */
  fetchArticle?: (url: string, limits: ImportLimits) => Promise<ImportedArticle>;
}

export const ADD_COMMAND = "#添加";
export const IMPORT_URL_COMMAND = "#导入";
export const DELETE_COMMAND = "#删除";
export const LIST_COMMAND = "#列表";

function stripCommand(text: string, command: string): string {
  const t = text.replace(/^\s+/, "");
  return t.startsWith(command) ? t.slice(command.length) : t;
}

export function createCorpusCommands(options: CorpusCommandsOptions): Map<string, CorpusCommand> {
  const prompts = options.prompts ?? new Prompts();
  const now = options.now ?? (() => new Date());
  const listLimit = options.listLimit ?? 20;
  const { corpusDir } = options;
  const audit = options.log;

  /** Run the re-index; its failure does not undo the saved file, it is only reported. */
  async function reindexed(reply: string): Promise<string> {
    try {
      await options.onChange();
      return reply;
    } catch (err) {
      log.error({ err }, "re-index after an admin change failed");
      return `${reply}\n${prompts.get("admin-reindex-failed")}`;
    }
  }

  /** Any unexpected error: logged and audited, a polite reply instead of a stack trace. */
  function guarded(name: string, run: CorpusCommand): CorpusCommand {
    return async (args) => {
      try {
        return await run(args);
      } catch (err) {
        log.error({ err, command: name }, "admin command failed");
        try {
          audit.audit(args.actorId, "command.error", { command: name, error: err instanceof Error ? err.message : String(err) }, now());
        } catch {
          /* the audit store itself failed: already logged above */
        }
        return prompts.get("admin-error");
      }
    };
  }

  const add: CorpusCommand = async ({ actorId, text }) => {
    const lines = splitLines(stripCommand(text, ADD_COMMAND)).map((l) => l.trim());
    const titleIndex = lines.findIndex(Boolean);
    const title = titleIndex >= 0 ? lines[titleIndex] : "";
    const body = joinParagraphs(lines.slice(titleIndex + 1));
    if (!title || !body) {
      audit.audit(actorId, "corpus.add", { action: "rejected", reason: title ? "no body" : "no title" }, now());
      return prompts.get("admin-add-usage");
    }
    const at = now();
    const article: ImportedArticle = {
      title,
      source: prompts.get("admin-source-label"),
      date: localDate(at),
      url: null,
      authors: [],
      body,
      format: "md",
    };
    return stored(addToCorpus(corpusDir, article, { now: at, actor: actorId, audit }), title);
  };

  /** The reply to an article stored by #添加 or #导入, re-indexing when the served corpus changed. */
  function stored(result: AddResult, title: string): Promise<string> | string {
    const vars = { title: result.existing && result.action === "duplicate" ? result.existing.title : title, id: result.docId };
    switch (result.action) {
      case "duplicate":
        return prompts.render("admin-add-duplicate", vars);
      case "outdated":
        return prompts.render("admin-add-outdated", { ...vars, date: result.existing?.date ?? "" });
      case "replaced":
        return reindexed(prompts.render("admin-add-replaced", vars));
      case "added":
        return reindexed(prompts.render("admin-add-done", vars));
    }
  }

  const importPage: CorpusCommand = async ({ actorId, text }) => {
    const url = stripCommand(text, IMPORT_URL_COMMAND).trim().split(/\s+/)[0] ?? "";
    if (!url) {
      audit.audit(actorId, "corpus.add", { action: "rejected", reason: "no url" }, now());
      return prompts.get("admin-import-usage");
    }
    let article: ImportedArticle;
    try {
      article = await (options.fetchArticle ?? importUrl)(url, options.importLimits ?? DEFAULT_IMPORT_LIMITS);
    } catch (err) {
      if (!(err instanceof ImportRefusedError)) throw err;
      audit.audit(actorId, "corpus.add.refused", { url, reason: err.reason }, now());
      return prompts.render("admin-import-refused", { why: prompts.render(`import-${err.reason}`, err.details) });
    }
    const result = addToCorpus(corpusDir, article, { now: now(), actor: actorId, audit });
    return stored(result, article.title);
  };

  const remove: CorpusCommand = async ({ actorId, text }) => {
    const key = stripCommand(text, DELETE_COMMAND).trim().split(/\s+/)[0] ?? "";
    if (!key) {
      audit.audit(actorId, "corpus.remove", { removed: false, reason: "no id" }, now());
      return prompts.get("admin-delete-usage");
    }
    const result = removeFromCorpus(corpusDir, key, { now: now(), actor: actorId, audit });
    if (result.removed) return reindexed(prompts.render("admin-delete-done", { title: result.title ?? "", id: result.docId ?? key }));
    if (result.candidates?.length) {
      const candidates = result.candidates.map((c) => `${c.docId}  ${c.title}`).join("\n");
      return prompts.render("admin-delete-ambiguous", { id: key, candidates });
    }
    return prompts.render("admin-delete-not-found", { id: key });
  };

  const list: CorpusCommand = async ({ actorId, text }) => {
    const keyword = stripCommand(text, LIST_COMMAND).trim();
    const all = listCorpus(corpusDir);
    const docs = keyword ? all.filter((d) => d.title.includes(keyword) || d.id.startsWith(keyword)) : all;
    audit.audit(actorId, "corpus.list", { keyword: keyword || null, total: docs.length }, now());
    if (!docs.length) return keyword ? prompts.render("admin-list-none-matching", { keyword }) : prompts.get("admin-list-empty");
    const shown = docs.slice(0, listLimit);
    const unknown = prompts.get("admin-list-unknown");
    const header = keyword
      ? prompts.render("admin-list-header-filtered", { keyword, total: docs.length, shown: shown.length })
      : prompts.render("admin-list-header", { total: docs.length, shown: shown.length });
    const items = shown.map((d) =>
      prompts.render("admin-list-item", { id: d.id, title: d.title, source: d.source ?? unknown, date: d.date ?? unknown }),
    );
    return [header, ...items, prompts.get("admin-list-footer")].join("\n");
  };

  return new Map<string, CorpusCommand>([
    [ADD_COMMAND, guarded(ADD_COMMAND, add)],
    [IMPORT_URL_COMMAND, guarded(IMPORT_URL_COMMAND, importPage)],
    [DELETE_COMMAND, guarded(DELETE_COMMAND, remove)],
    [LIST_COMMAND, guarded(LIST_COMMAND, list)],
  ]);
}
