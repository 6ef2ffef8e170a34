/**
 * Reading Wechaty: the plain facts decide() needs about a message, the names the bot goes by in
 * a room, and where a reply to it goes. The only place besides bot.ts that touches Wechaty objects.
 */
import { types, type Contact, type Message, type Room, type Wechaty } from "wechaty";
import type { WechatConfig } from "./config.js";
import type { DecideSettings, MessageFacts, MessageKind } from "./decide.js";
import type { Target } from "./outbox.js";

const MEDIA_TYPES = new Set<types.Message>([
  types.Message.Image,
  types.Message.Audio,
  types.Message.Video,
  types.Message.Attachment,
  types.Message.Emoticon,
]);

/** The command a link an admin shares in a private chat becomes (src/admin/chat-commands.ts #导入). */
export const LINK_IMPORT_COMMAND = "#导入";

/** A message that is nothing but one http(s) address. */
const BARE_LINK = /^\s*(https?:\/\/\S+)\s*$/i;

/**
 * What an admin's private message says when it is a shared link (a link card, or a bare address):
 * the import command for it; otherwise the text as it is. Pure: the caller reads the message.
 */
export function linkAsCommand(text: string, sharedUrl: string | null, importCommand: string | null): string | null {
  if (!importCommand) return null;
  const url = sharedUrl ?? BARE_LINK.exec(text)?.[1] ?? null;
  return url && /^https?:\/\//i.test(url) ? `${importCommand} ${url}` : null;
}

/** Group nicknames of the bot are looked up again after this long. */
const ALIAS_TTL_MS = 10 * 60_000;

export interface MessageReaderOptions {
  wechaty: Wechaty;
  config: WechatConfig;
  startedAt: number;
  now: () => number;
  /** Names of the registered # commands, read at each message (commands may be added while running). */
  commandNames: () => Iterable<string>;
}

export class MessageReader {
  /** The logged-in account's name (set on login); recognised in @mentions and quotes like the configured one. */
  accountName: string | null = null;
  private roomAliases = new Map<string, { alias: string | null; at: number }>();

  constructor(private readonly o: MessageReaderOptions) {}

  async facts(msg: Message): Promise<MessageFacts> {
    const room = msg.room();
    const talker = msg.talker();
    const type = msg.type();
    let kind: MessageKind = type === types.Message.Text ? "text" : MEDIA_TYPES.has(type) ? "media" : "other";
    let text = kind === "text" ? msg.text() : "";
    // An admin sharing an article link in a private chat asks for it to be imported.
    if (!room && this.o.config.adminIds.includes(talker.id) && (kind === "text" || type === types.Message.Url)) {
      const registered = [...this.o.commandNames()].some((n) => n.replace(/^[#＃]/, "") === LINK_IMPORT_COMMAND.slice(1));
      const importCommand = registered ? LINK_IMPORT_COMMAND : null;
      const shared = type === types.Message.Url ? await msg.toUrlLink().then((l) => l.url(), () => null) : null;
      const command = linkAsCommand(text, shared, importCommand);
      if (command) [kind, text] = ["text", command];
    }
    const talkerType = talker.type();
    return {
      self: false,
      kind,
      text,
      at: msg.date().getTime(),
      room: room ? { id: room.id, topic: await room.topic() } : null,
      talkerId: talker.id,
      talkerIsPerson: talkerType !== types.Contact.Official && talkerType !== types.Contact.Corporation,
      // mentionSelf() may look members up by name: only worth it when there is an @ at all
      mentionSelf: room !== undefined && kind === "text" && /[@＠]/.test(text) ? await msg.mentionSelf() : false,
    };
  }

  async settings(msg: Message, facts: MessageFacts): Promise<DecideSettings> {
    const { config } = this.o;
    const names = new Set<string>([config.botName]);
    if (this.accountName) names.add(this.accountName);
    const room = msg.room();
    if (room && /[@＠「]/.test(facts.text)) {
      const alias = await this.selfAlias(room);
      if (alias) names.add(alias);
    }
    return {
      selfNames: [...names],
      prefixes: config.groupPrefixes,
      allowedRooms: config.allowedRooms,
      adminIds: config.adminIds,
      startedAt: this.o.startedAt,
      graceMs: config.startupGraceSeconds * 1000,
      commandNames: new Set(this.o.commandNames()),
    };
  }

  /** Where a reply to this message goes: its group (the asker @-mentioned) or the private chat. */
  replyTarget(msg: Message, facts: MessageFacts): Target {
    const room = msg.room();
    return room ? roomTarget(room, msg.talker(), facts.room?.topic ?? null) : privateTarget(msg.talker());
  }

  /** The bot's group nickname in a room (people @ and quote it by that name), cached. */
  private async selfAlias(room: Room): Promise<string | null> {
    const now = this.o.now();
    const cached = this.roomAliases.get(room.id);
    if (cached && now - cached.at < ALIAS_TTL_MS) return cached.alias;
    let alias: string | null = null;
    try {
      alias = (await room.alias(this.o.wechaty.currentUser)) ?? null;
    } catch {
      alias = null; // not every puppet knows member aliases
    }
    if (this.roomAliases.size >= 1000) this.roomAliases.clear();
    this.roomAliases.set(room.id, { alias, at: now });
    return alias;
  }
}

/** The private chat with a contact. */
export function privateTarget(contact: Contact): Target {
  return {
    chat: `private:${contact.id}`,
    roomId: null,
    roomTopic: null,
    say: (text) => contact.say(text),
    mentionLength: async () => 0,
  };
}

function roomTarget(room: Room, talker: Contact, topic: string | null): Target {
  let mention: number | null = null;
  return {
    chat: room.id,
    roomId: room.id,
    roomTopic: topic,
    say: (text, first) => (first ? room.say(text, talker) : room.say(text)),
    mentionLength: async () => {
      if (mention === null) {
        const alias = await room.alias(talker).catch(() => undefined);
        mention = (alias || talker.name()).length + 2; // "@name" + separator
      }
      return mention;
    },
  };
}
