/**
 * Whether decoded "text" is really a binary file (an image, an executable renamed .txt): a NUL, or
 * more control and replacement characters than any real article has. Such content must never be
 * quoted to users as 普法资料, whatever the file's extension.
 */

/** Share of control/replacement characters above which text is binary (real articles have none). */
export const MAX_CONTROL_SHARE = 0.01;

// C0 controls except tab, line feed, form feed, carriage return; DEL; C1 controls; U+FFFD.
const CONTROL = /[\u0001-\u0008\u000b\u000e-\u001f\u007f-\u009f\ufffd]/g;

export function looksBinary(text: string): boolean {
  if (text.includes("\u0000")) return true;
  if (!text.length) return false;
  const controls = text.match(CONTROL)?.length ?? 0;
  return controls > 2 && controls / text.length > MAX_CONTROL_SHARE;
}
