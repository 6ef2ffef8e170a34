/**
 * Section headings. Notices and service guides are written in headed sections (二、办理地点 /
 * 三、办理时间 / 四、所需材料): the heading says what the paragraph under it answers, although the
 * paragraph itself may never repeat it (local-articles.ts headingAt finds a sentence's heading).
 */

/** A numbered item's mark (四、), the start of a notice's section label (四、剧本杀门店规定调整). */
export const NUMBERED = "[一二三四五六七八九十]+、";
/**
 * A short line with no closing punctuation: a heading ("二、办理地点", "醉驾是犯罪"). So is a very short
 * line that a colon ends ("警方提醒：", "所需材料："): it introduces the items under it and tells nothing itself.
 */
export function isHeadingLine(line: string): boolean {
  const t = line.trim();
  const n = Array.from(t).length;
  return n > 0 && !FIELD.test(t) && ((n <= 30 && !/[。！？；：!?;:…”」』）)，,]$/.test(t)) || (n <= INTRO_CHARS && /[：:]$/.test(t)));
}
/**
 * A field with its value (活动时间：2024年11月29日（星期五）下午3:00, 联系电话：0898-62251230): it tells the fact
 * itself, and heads nothing after it.
 */
const FIELD = new RegExp(`^(${NUMBERED}|[0-9０-９]+[.．、])?[\\u4e00-\\u9fa5]{2,6}[：:]\\s*[^\\s：:]`);
/** The longest line a colon ends that still reads as a heading (温馨提示：, 警方提醒：; not 现将有关事项通告如下：). */
const INTRO_CHARS = 8;
