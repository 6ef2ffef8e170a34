/**
 * The section heading a sentence sits under. Notices and service guides are written in headed
 * sections (二、办理地点 / 三、办理时间 / 四、所需材料): the heading says what the paragraph under it
 * answers, although the paragraph itself may never repeat it.
 */

/** A short line with no closing punctuation: a heading ("二、办理地点", "醉驾是犯罪"). */
export function isHeadingLine(line: string): boolean {
  const t = line.trim();
  return t.length > 0 && Array.from(t).length <= 30 && !/[。！？；：!?;:…”」』）)，,]$/.test(t);
}

/** The nearest heading line above `at` in `text` (a passage or article), or "" when none. */
export function headingAbove(text: string, at: number): string {
  let end = text.lastIndexOf("\n", Math.max(0, at - 1));
  while (end > 0) {
    const start = text.lastIndexOf("\n", end - 1) + 1;
    const line = text.slice(start, end).trim();
    if (line && isHeadingLine(line)) return line;
    end = start - 1;
  }
  return "";
}
