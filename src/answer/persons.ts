/**
 * People named the way villagers name them (那个姓符的, 姓王嘅) and the way police reports write them
 * (符某某, 王某良): the surname and 某. Pure.
 */

/** 姓X followed by what ends the reference (的, 嘅, 个, 那, a clause mark, a space or the end). */
const BY_SURNAME = /姓([\p{Script=Han}])(?=的|嘅|个|那|嗰|[\s，,。.？?！!]|$)/gu;

/** The report's form (符某) of each person the question names by surname, in order, once each. */
export function surnameReferences(question: string): string[] {
  return [...new Set([...question.matchAll(BY_SURNAME)].map((m) => `${m[1]}某`))];
}
