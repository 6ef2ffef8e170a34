/**
 * What a correction changes, as its title names it: 关于调整……民宿登记培训时间和地点的通知 changes a
 * training's day and place, 关于调整……检查时段并开通“黑校车”举报电话的通告 the hours and a phone. Asked of
 * the rest of the notice it corrects (客人带个小孩冇身份证点样登记, 哪些车才能拉学生), the notice it corrects
 * answers first, the correction after it. A title that names nothing of its own (关于更正……部分内容的通告)
 * says nothing either way. Pure.
 */
import { segment } from "../text/segmenter.js";
import type { AskedFor } from "./question-type.js";

/** Words every notice's title writes, and those saying only that something changed. */
const NOTICE_WORD = /^(关于|的|和|及|与|并|等|通知|通告|公告|说明|情况|一文|文章|报道|稿件|原文|有关|事项|部分|内容|补充|进一步|做好|开展|工作|调整|更正|变更|撤销|撤回|取消|开通|增加|新增|实施|发布|落实|加强|规范)$/;

/** The kinds of fact a changed thing of the title tells (过渡期 and 时段 a time, 地点 a place …). */
const CHANGED_KINDS: ReadonlyArray<[RegExp, readonly AskedFor[]]> = [
  // A day or hour moved (培训时间) answers when, not how long (入住后几个钟内上传); a period extended answers both.
  [/时间|日期|时段|推迟|提前|截止/, ["time", "date"]],
  [/期限|时限|过渡期|延期|延长/, ["time", "date", "duration"]],
  [/地点|地址|窗口|搬迁|迁址|场所/, ["place", "transit"]],
  [/电话|热线/, ["phone"]],
  [/费|价格|标准/, ["fee", "amount"]],
  [/材料|证件/, ["documents"]],
];

/** A title that says it adjusts something (关于调整……培训时间和地点的通知, ……延长认领期限并调整认领地点). */
const ADJUSTS = /调整|变更|更正/;

/**
 * The words a correction's title names beyond the title of what it corrects, places and notice words
 * aside. None for a title that only postpones, extends or withdraws (延期举办, 撤销): such a notice may
 * change anything (a postponed talk's new hall, an extension's weekend hours).
 */
export function changeNamed(correctionTitle: string, originalTitle: string, places: readonly string[]): string[] {
  if (!ADJUSTS.test(correctionTitle)) return [];
  // 关于《……》一文的更正说明: the title quoted is the corrected one's, no change of its own.
  return [
    ...new Set(
      segment(correctionTitle.replace(/《[^》]*》/g, " ")).filter(
        (w) => Array.from(w).length >= 2 && /^\p{Script=Han}+$/u.test(w) && !NOTICE_WORD.test(w) && !originalTitle.includes(w) && !places.some((p) => p.includes(w) || w.includes(p)),
      ),
    ),
  ];
}

/**
 * Does a correction naming `changed` speak to the question: the question writes one of them, or asks
 * a kind of fact one of them tells? With nothing named, it may.
 */
export function changeAsked(changed: readonly string[], question: string, asked: readonly AskedFor[]): boolean {
  if (!changed.length) return true;
  if (changed.some((w) => question.includes(w))) return true;
  return changed.some((w) => CHANGED_KINDS.some(([named, kinds]) => named.test(w) && kinds.some((k) => asked.includes(k))));
}
