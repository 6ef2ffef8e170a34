/** Columns of hybrid-searcher's candidate feature matrix, in order (shared with the reranker). */
export const FEATURE_NAMES = ["bm25", "law", "chapter", "dense", "coverage", "length", "phrase", "title"] as const;
