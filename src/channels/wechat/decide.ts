/**
 * What to do with one incoming message, from plain facts about it: drop it (and why), hint that
 * only text is understood, run a command, or answer a question. Pure, so every rule is tested
 * without Wechaty; the stateful checks (duplicates, rate limits) come after it, in the bot.
 */
import { matchPrefix, parseCommand, parseQuote, stripMentions } from "./triggers.js";

export type MessageKind = "text" | "media" | "other";

/** Everything decide() needs to know about a message, read from Wechaty beforehand. */
export interface MessageFacts {
  self: boolean;
  /** text; media = image, voice, video, file, emoticon; other = links, cards, system notices … */
  kind: MessageKind;
  text: string;
  /** When the message was sent, epoch ms. */
  at: number;
  room: { id: string; topic: string } | null;
  talkerId: string;
  /** False for official accounts and other non-person contacts. */
  talkerIsPerson: boolean;
  /** Wechaty's mentionSelf(): the puppet's mention list includes the bot. */
  mentionSelf: boolean;
}

export interface DecideSettings {
  /** Names the bot goes by: configured name, account name, group alias. */
  selfNames: string[];
  /** Trigger prefixes, longest first. */
  prefixes: string[];
  /** Room ids or topics; empty: all rooms. */
  allowedRooms: string[];
  adminIds: string[];
  /** When the bot started, epoch ms; messages from before it (minus the grace) are backlog. */
  startedAt: number;
  graceMs: number;
  /** Names of the registered # commands. */
  commandNames: ReadonlySet<string>;
}

export type DropReason =
  | "self" // the bot's own message coming back
  | "stale" // sent before the bot started: backlog synced at login
  | "not-a-person" // official account, service notice
  | "room-not-allowed"
  | "media-in-group" // images, voice … in a group: stay quiet
  | "unsupported-type" // links, cards, transfers, system messages
  | "empty" // a text message with no text
  | "not-addressed"; // group chatter not meant for the bot

export type Trigger = "private" | "mention" | "prefix" | "quote";

export type Decision =
  | { kind: "drop"; reason: DropReason }
  | { kind: "hint" }
  | { kind: "command"; name: string; args: string; admin: boolean; trigger: Trigger }
  | { kind: "answer"; question: string; trigger: Trigger };

export function decide(f: MessageFacts, s: DecideSettings): Decision {
  if (f.self) return drop("self");
  if (f.at < s.startedAt - s.graceMs) return drop("stale");
  if (!f.room && !f.talkerIsPerson) return drop("not-a-person");
  if (f.room && !roomAllowed(f.room, s.allowedRooms)) return drop("room-not-allowed");
  if (f.kind === "media") return f.room ? drop("media-in-group") : { kind: "hint" };
  if (f.kind !== "text") return drop("unsupported-type");
  if (!f.text.trim()) return drop("empty");

  const addressed = readAddressing(f, s);
  if (!addressed) return drop("not-addressed");

  const command = parseCommand(addressed.question);
  if (command && s.commandNames.has(command.name)) {
    return { kind: "command", ...command, admin: s.adminIds.includes(f.talkerId), trigger: addressed.trigger };
  }
  return { kind: "answer", question: addressed.question, trigger: addressed.trigger };
}

/** The question with quote, mention and prefix taken off, and how the bot was addressed; null in a group when it was not. */
export function readAddressing(f: MessageFacts, s: DecideSettings): { question: string; trigger: Trigger } | null {
  const quote = parseQuote(f.text);
  const quotesSelf = quote !== null && quote.name !== null && s.selfNames.includes(quote.name);
  const { text: unmentioned, found: mentionedInText } = stripMentions(quote ? quote.rest : f.text, s.selfNames);
  const triggers = [...s.prefixes, ...s.selfNames].sort((a, b) => b.length - a.length);
  const prefixed = matchPrefix(unmentioned, triggers);
  const question = prefixed ? prefixed.rest : unmentioned.trim();

  if (!f.room) return { question, trigger: "private" };
  if (f.mentionSelf || mentionedInText) return { question, trigger: "mention" };
  if (prefixed) return { question, trigger: "prefix" };
  if (quotesSelf) return { question, trigger: "quote" };
  return null;
}

export function roomAllowed(room: { id: string; topic: string }, allowed: string[]): boolean {
  return allowed.length === 0 || allowed.includes(room.id) || allowed.includes(room.topic);
}

function drop(reason: DropReason): Decision {
  return { kind: "drop", reason };
}
