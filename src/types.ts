/**
 * The small vocabulary every part of pufa speaks. Ingestion produces Passages,
 * the index stores them, retrieval returns Hits, the answer engine turns Hits
 * into a Reply with Citations, and channels only ever see AskRequest → Reply.
 */

export type PassageKind = "law" | "article";

/** Article number as the law writes it: 第一百三十三条之一 → { num: 133, sub: 1 }. */
export interface ArticleNo {
  num: number;
  /** 之N suffix; 0 when absent. */
  sub: number;
}

interface PassageBase {
  /** Stable id, unique across the whole index. */
  id: string;
  kind: PassageKind;
  /** Verbatim text of the passage: exactly source.slice(start, end). */
  text: string;
  /** Path of the source file, relative to the root it was read from (law library or corpus folder). */
  file: string;
  /** Character offsets of `text` in the decoded source file. */
  start: number;
  end: number;
}

/** One article (第X条 / 第X条之N) of a law, regulation or judicial interpretation. */
export interface LawPassage extends PassageBase {
  kind: "law";
  /** Full title as in the file's H1: 中华人民共和国刑法 */
  lawTitle: string;
  /** Title without the 中华人民共和国 prefix: 刑法 */
  lawShort: string;
  /** 第一百三十三条之一 */
  article: string;
  articleNo: ArticleNo;
  /** 编/章/节 headings above the article, outermost first (民法典: the 编 from the second H1 first). */
  headings: string[];
  /** Version date from the file name (公司法(2023-12-29).md → "2023-12-29"); null when the name has none. */
  version: string | null;
  /** True for the newest version of this law in the library: the one cited by default. */
  current: boolean;
  /** Top-level folder of the library: 刑法, 民法典, 司法解释, 行政法规, 部门规章 … */
  category: string;
}

/** A chunk of a news / education article from the corpus. */
export interface ArticlePassage extends PassageBase {
  kind: "article";
  /** Document id (stable: derived from the content hash or front matter). */
  docId: string;
  title: string;
  source: string | null;
  /** ISO date yyyy-mm-dd, or null. */
  date: string | null;
  url: string | null;
  region: string | null;
  tags: string[];
  /** Chunk number within the document, from 0. */
  chunk: number;
}

export type Passage = LawPassage | ArticlePassage;

/** A corpus document before chunking. `body` is the text chunk offsets refer to. */
export interface CorpusDocument {
  docId: string;
  file: string;
  title: string;
  source: string | null;
  date: string | null;
  url: string | null;
  region: string | null;
  tags: string[];
  /** The text after front matter, as stored in the file (offsets of chunks are relative to the whole file text; see bodyOffset). */
  body: string;
  /** Offset of `body` in the decoded file text. */
  bodyOffset: number;
  /** sha256 of the raw file bytes. */
  hash: string;
}

export interface Hit {
  passage: Passage;
  score: number;
  /** 1-based rank in the list it came from. */
  rank: number;
  /** "same": a labelled question (PUFA_LABELLED) that is the same as the one asked names this passage. */
  labelled?: "same";
  /**
   * The summed similarity (cosine, 0..) of the nearest labelled questions that name this passage:
   * how much questions like this one were answered by it. Absent when none does.
   */
  vote?: number;
}

export interface SearchOptions {
  /** How many hits (default 10). */
  k?: number;
  /** Restrict to these kinds. */
  kinds?: PassageKind[];
  /** Include non-current law versions as separate hits (default false: versions collapse onto the current one). */
  allVersions?: boolean;
  /** A question vector computed beforehand (the CLI's batch of questions, embedded in one request); default: the searcher embeds the question itself. */
  queryVector?: Float32Array;
}

/** The question's words and how much each matters (idf); expansions are the lexicon's additions. */
/** A word's weight; a lexicon word (expansion) cut from a longer phrase of the lexicon keeps that phrase. */
export type QueryTermWeights = ReadonlyMap<string, { weight: number; expansion: boolean; phrase?: string }>;

/** Anything that can rank passages for a question. */
export interface Searcher {
  /** Asynchronous: the searcher's embedder may call an endpoint for the question's vector. */
  search(query: string, options?: SearchOptions): Promise<Hit[]>;
  /** The question's words weighted by this index's statistics, so answers pick sentences and judge relevance the way the index sees the text. */
  termWeights?(query: string): QueryTermWeights;
  /** How many passages hold this token (a pair of characters): a pair almost none holds may be a typo. */
  passagesWith?(term: string): number;
}

/** One earlier exchange in the same conversation (same person, same chat). */
export interface ConversationTurn {
  question: string;
  answer?: string;
  /** epoch ms */
  at: number;
}

export interface AskRequest {
  question: string;
  /** Earlier turns of this person in this conversation, oldest first. */
  context?: ConversationTurn[];
  /** Which adapter asked: "console", "wechat", "http", "cli" … (for the question log). */
  channel?: string;
  /** Who asked, as the channel knows them (hashed before it is stored). */
  askerId?: string;
  /** Where it was asked; lists shown in a group leave out anything not asked in one (default: private). */
  chat?: "private" | "group";
}

/** A verbatim excerpt of a passage, as quoted in a reply with its [n]. */
export interface Excerpt {
  /** The [n] of this excerpt. */
  n: number;
  passage: Passage;
  /** Verbatim: passage.text.slice(start - passage.start, end - passage.start). */
  text: string;
  /** Offsets in the source file. */
  start: number;
  end: number;
  /** True when the excerpt stops before the end of a sentence (shown with …… after the quote). */
  clipped: boolean;
  /** How the source is named in the reply: 《中华人民共和国刑法》第一百三十三条之一, or 标题 — 来源 日期. */
  label: string;
}

export interface Citation {
  /** The [n] used in the reply text, from 1. */
  n: number;
  kind: PassageKind;
  /** Law title (中华人民共和国刑法) or article title. */
  title: string;
  /** 第一百三十三条之一 for laws; null for articles. */
  article: string | null;
  /** Publisher for articles (法治日报); for laws the version date label when not current, else null. */
  source: string | null;
  /** Article date, or law version date. */
  date: string | null;
  /** Source file, relative to its root. */
  path: string;
  /** Verbatim excerpt quoted in the reply: a substring of the passage text. */
  excerpt: string;
  /** Offsets of the excerpt in the source file. */
  start: number;
  end: number;
  /** Passage id the excerpt came from. */
  passageId: string;
}

export type ReplyReason =
  | "answered"
  | "empty" // nothing to answer: blank, emoji only
  | "too_long" // over the question length limit
  | "out_of_scope" // weather, poems …: not legal education
  | "no_match" // legal, but nothing relevant enough in the corpus
  | "greeting" // hello / help
  | "moderated"; // hit the moderation word list: refused before retrieval

/**
 * A reply as structure, so that channels lay it out (split into messages, render on a page) without
 * reading prompt wording. `Reply.text` is exactly these parts joined by the engine's layout.
 */
export interface ReplyParts {
  /**
   * What answers: quoted excerpts with their [n] (or the model's text), in order. Several sections
   * when the reply has labelled parts (the office's own notice or report; the law): each string is
   * one section, its label line (from prompts/) included.
   */
  body: string[];
  /** The source list as sent: its heading (from prompts/) and one "[n] label" line per source, in citation order; "" when nothing is cited. */
  sources: string;
  /** Advice (110, 12348), supersession notes and the disclaimer: each its own string, in order. */
  notes: string[];
}

export interface Reply {
  /** Plain text, ready to send: excerpts, sources, disclaimer. No Markdown. */
  text: string;
  /** The same reply as structure (see ReplyParts); channels split and render from it. */
  parts: ReplyParts;
  citations: Citation[];
  refused: boolean;
  reason: ReplyReason;
  /** The question had emergency signals: the text includes the 110 advice. */
  emergency: boolean;
  /** How the text was produced. */
  mode: "extractive" | "llm" | "canned";
}

/** The whole engine as channels see it. */
export interface AnswerEngine {
  ask(request: AskRequest): Promise<Reply>;
}

/** What a language model is given of an excerpt: its [n], passage, verbatim text and label. */
export type ModelExcerpt = Pick<Excerpt, "n" | "passage" | "text" | "label">;

export interface ComposeInput {
  question: string;
  context?: ConversationTurn[];
  excerpts: ModelExcerpt[];
  /** Whole-answer budget in ms. */
  deadlineMs?: number;
}

/**
 * The one composer port: what the engine needs of a language model (src/llm implements it). `used`
 * are the [n] that survived verification; the engine builds the source list from them.
 */
export interface AnswerComposer {
  compose(input: ComposeInput): Promise<{ ok: true; body: string; used: number[] } | { ok: false; cause: string }>;
  /** Standalone question, or null on any fault. */
  rewriteFollowUp(question: string, context: ConversationTurn[], deadlineMs?: number): Promise<string | null>;
}
