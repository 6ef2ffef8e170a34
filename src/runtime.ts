/**
 * Puts the parts together for any channel: config → index (built when missing) → engine, with
 * the optional model, the question log and hot index refresh. Channels get a Runtime and only
 * ever call runtime.engine.ask().
 */
import { createEngine } from "./answer/engine.js";
import { Prompts } from "./answer/prompts.js";
import { openQuestionLog, type QuestionLog } from "./admin/question-log.js";
import type { PufaConfig } from "./config.js";
import { buildIndex, openIndex, type BuildProgress } from "./index/builder.js";
import { updateIndex } from "./index/incremental.js";
import { IndexHolder } from "./index/index-holder.js";
import { configuredEmbedderId, createQueryEmbedder, embedderMismatch } from "./index/endpoint-vectors.js";
import { SnapshotError, sourcesMatch } from "./index/snapshot.js";
import { loadLlmConfig } from "./llm/config.js";
import { createLlmComposer } from "./llm/composer.js";
import { childLogger } from "./logger.js";
import { loadModerator, shippedModerator, type Moderator } from "./safety/moderation.js";
import type { AnswerEngine, Reply, Searcher } from "./types.js";

const log = childLogger("runtime");

export interface Runtime {
  config: PufaConfig;
  engine: AnswerEngine;
  prompts: Prompts;
  holder: IndexHolder;
  questionLog: QuestionLog | null;
  /** The moderation list in force: the engine checks questions with it; channels check what they send (checkOutgoing). */
  moderator: Moderator;
  /** The question log row of a reply this runtime's engine gave (for 有用/没用 feedback); null when not stored. */
  logEntryId(reply: Reply): number | null;
  searcher(): Searcher;
  /** Rebuilds the index and serves the new one (the old one serves until then). */
  reindex(progress?: BuildProgress): Promise<void>;
  /**
   * Question vectors, when the served index was built with the endpoint's embeddings (pass them as
   * SearchOptions.queryVector); null entries: search lexically. Absent without PUFA_EMBEDDING_MODEL.
   */
  embedQueries?(queries: string[]): Promise<(Float32Array | null)[]>;
  close(): void;
}

export interface RuntimeOptions {
  progress?: BuildProgress;
  /** Poll for indexes built by another process (pufa index, pufa add) and serve them. */
  watch?: boolean;
  /** Record questions in the SQLite log (default true). */
  questionLog?: boolean;
  /** Bring the index up to date with the corpus before serving (incremental; the bot does this at start). */
  refresh?: boolean;
}

export async function openRuntime(config: PufaConfig, options: RuntimeOptions = {}): Promise<Runtime> {
  let index = openIndex(config);
  if (!index || !sourcesMatch(index.manifest.sources, config)) {
    log.info(index ? "sources changed since the last build: rebuilding the index" : "no index yet: building it");
    const built = await buildIndex(config, { progress: options.progress });
    for (const w of built.warnings) log.warn(w);
    index = { generation: built.generation, manifest: built.manifest, searcher: built.searcher };
  } else if (options.refresh) {
    const updated = await updateIndex(config, index, { progress: options.progress });
    if (updated.mode !== "unchanged") index = { generation: updated.generation, manifest: updated.manifest, searcher: updated.searcher };
  }
  // Vectors of another embedder would give wrong neighbours: refuse, and say how to fix it.
  const mismatch = embedderMismatch(index.manifest.embedder, configuredEmbedderId(process.env));
  if (mismatch) throw new SnapshotError(mismatch);
  const llmConfig = loadLlmConfig(process.env);
  // The served searcher embeds questions with the endpoint when its vectors came from there.
  const queryEmbedder = llmConfig.enabled ? createQueryEmbedder(llmConfig) : null;
  const holder = new IndexHolder(config.dataDir, index, queryEmbedder);
  if (options.watch) holder.watch();

  const prompts = new Prompts(config.promptsDir);
  const knownLaws = () => [...new Set(holder.searcher().passages.flatMap((p) => (p.kind === "law" ? [p.lawShort] : [])))];
  const composer = llmConfig.enabled ? createLlmComposer(llmConfig, prompts, { knownLaws }) : null;
  if (composer) log.info({ model: llmConfig.enabled ? llmConfig.chatModel : null }, "model answers enabled");

  // Batches for `pufa eval` (one request per batch), while the served index was built by this embedder.
  const embedQueries = queryEmbedder
    ? async (queries: string[]) => (holder.searcher().embedder?.id === queryEmbedder.id ? queryEmbedder.embedMany(queries) : queries.map(() => null))
    : undefined;

  const questionLog = options.questionLog === false ? null : openQuestionLog(config);
  const moderator = config.moderationFile ? loadModerator(config.moderationFile) : shippedModerator();
  const entryIds = new WeakMap<Reply, number>();
  const engine = createEngine({
    searcher: () => holder.searcher(),
    prompts,
    composer,
    moderator,
    options: {
      maxQuestionChars: config.maxQuestionChars,
      excerptChars: config.excerptChars,
      minCoverage: config.minCoverage,
      ...(llmConfig.enabled ? { llmDeadlineMs: llmConfig.timeoutMs } : {}),
    },
    onReply: (req, reply, latencyMs) => {
      try {
        const id = questionLog?.record({
          channel: req.channel ?? "unknown",
          askerId: req.askerId ?? null,
          question: req.question,
          refused: reply.refused,
          reason: reply.reason,
          citations: reply.citations.map((c) => (c.article ? `${c.title}${c.article}` : c.title)),
          latencyMs: Math.round(latencyMs),
          private: req.chat !== "group",
          // A blocked question is kept as its categories only.
          ...(reply.reason === "moderated" ? { moderated: moderator.check(req.question).categories } : {}),
        });
        if (id != null) entryIds.set(reply, id);
      } catch (err) {
        log.error({ err }, "question log write failed"); // never costs the user the answer
      }
    },
  });

  let reindexing: Promise<void> | null = null;
  return {
    config,
    engine,
    prompts,
    holder,
    questionLog,
    moderator,
    logEntryId: (reply) => entryIds.get(reply) ?? null,
    searcher: () => holder.searcher(),
    ...(embedQueries ? { embedQueries } : {}),
    reindex(progress) {
      // Incremental against the index in memory: a new article is served in about a second.
      reindexing ??= updateIndex(config, holder.current, { progress })
        .then((b) => {
          if (b.mode !== "unchanged") holder.adopt({ generation: b.generation, manifest: b.manifest, searcher: b.searcher });
        })
        .finally(() => (reindexing = null));
      return reindexing;
    },
    close() {
      holder.close();
      questionLog?.close();
    },
  };
}

/** Stops a running channel and the runtime on SIGINT/SIGTERM, then exits. */
export function stopOnSignals(stopChannel: () => Promise<void>, rt: Runtime): void {
  const stop = async () => {
    await stopChannel();
    rt.close();
    process.exit(0);
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}
