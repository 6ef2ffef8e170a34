/** Paths the ingestion tests share. The law library and seed live in ../shared, which a fresh clone lacks. */
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const FIXTURES = path.join(REPO_ROOT, "tests/fixtures/ingestion");
export const SHARED_LAWS = path.resolve(REPO_ROOT, "../shared/data/laws");
export const SHARED_SEED = path.resolve(REPO_ROOT, "../shared/data/seed/000_31dfb793eef13f5b.txt");
export const HAS_LAWS = existsSync(SHARED_LAWS);
export const HAS_SEED = existsSync(SHARED_SEED);
