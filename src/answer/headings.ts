/**
 * Section headings. Notices and service guides are written in headed sections (二、办理地点 /
 * 三、办理时间 / 四、所需材料): the heading says what the paragraph under it answers, although the
 * paragraph itself may never repeat it (local-articles.ts headingAt finds a sentence's heading).
 */

/** A short line with no closing punctuation: a heading ("二、办理地点", "醉驾是犯罪"). */
export function isHeadingLine(line: string): boolean {
  const t = line.trim();
  return t.length > 0 && Array.from(t).length <= 30 && !/[。！？；：!?;:…”」』）)，,]$/.test(t);
}
