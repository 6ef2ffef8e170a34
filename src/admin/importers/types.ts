/** What every importer hands to the corpus manager, whatever the file format was. */

export type ImportFormat = "md" | "txt" | "docx" | "html" | "pdf";

export interface ImportedArticle {
  title: string;
  /** Publisher: site, official account, police unit; null when unknown. */
  source: string | null;
  /** ISO yyyy-mm-dd, or null. */
  date: string | null;
  url: string | null;
  authors: string[];
  /** Plain text, paragraphs separated by one blank line, no leading/trailing whitespace. */
  body: string;
  format: ImportFormat;
  /** Kept from Markdown front matter when present. */
  region?: string | null;
  tags?: string[];
}

/** One importer per format: bytes of the file and its name (for the title fallback). */
export type Importer = (bytes: Uint8Array, filename: string) => Promise<ImportedArticle>;
