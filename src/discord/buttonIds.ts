/**
 * Button state lives in the custom id, so a button works after a restart and on any shard.
 * Layout: `r1|<action>|<kind>|<page>|<lang>|<asker>|<statement>|<query>`; the query is last so
 * it may contain the separator. When statement and query do not fit in Discord's 100
 * characters, both are replaced by `^`: they are then read back from the footer of the message
 * the button sits on (see ./answerFooter.ts).
 *
 * Actions: `p` shows another page and `l` the other language of an answer; `a` asks a question
 * about one statement afresh (the /who and /when buttons of an announcement), for whoever
 * presses, so its asker is ANYONE, its page 0 and its query empty.
 */
import { KINDS, type QueryKind } from '../answer/kinds.ts';
import type { Lang } from '../answer/types.ts';
import { DISCORD_LIMITS } from '../render/discordEmbed.ts';

export type ButtonAction = 'page' | 'lang' | 'ask';

export interface ButtonState {
  action: ButtonAction;
  kind: QueryKind;
  /** Page to show, 0-based. */
  page: number;
  /** Language to render in. */
  lang: Lang;
  /** Whom the answer was for: anyone else who presses gets a private copy of their own. */
  askerId: string;
  statement?: string;
  /** Undefined when the id had no room for it: read it from the message. */
  query?: string;
}

const PREFIX = 'r1';
export const FROM_MESSAGE = '^';
const ACTIONS: Record<ButtonAction, string> = { page: 'p', lang: 'l', ask: 'a' };
/** The asker of a button meant for everyone: each presser gets an answer of their own. */
export const ANYONE = '0';
const KIND_CODES = Object.fromEntries(KINDS.map((k) => [k.name, k.buttonCode])) as Record<
  QueryKind,
  string
>;

function invert<K extends string>(table: Record<K, string>): Map<string, K> {
  return new Map(Object.entries(table).map(([k, v]) => [v as string, k as K]));
}
const ACTION_OF = invert(ACTIONS);
const KIND_OF = invert(KIND_CODES);

export function encodeButtonId(state: ButtonState): string {
  const head = [
    PREFIX,
    ACTIONS[state.action],
    KIND_CODES[state.kind],
    state.page.toString(36),
    state.lang === 'ja' ? 'j' : 'e',
    state.askerId,
  ].join('|');
  const statement = state.statement ?? '';
  const query = state.query ?? '';
  const inline = `${head}|${statement}|${query}`;
  const fits =
    inline.length <= DISCORD_LIMITS.customId &&
    state.query !== undefined &&
    !statement.includes('|') &&
    query !== FROM_MESSAGE;
  if (fits) return inline;
  return `${head}|${FROM_MESSAGE}`;
}

/** Null for ids that are not ours or are malformed (old layouts, other bots' buttons). */
export function decodeButtonId(id: string): ButtonState | null {
  const parts = id.split('|');
  if (parts.length < 7 || parts[0] !== PREFIX) return null;
  const [, a, k, p, l, asker, statement = ''] = parts;
  const action = ACTION_OF.get(a ?? '');
  const kind = KIND_OF.get(k ?? '');
  const page = Number.parseInt(p ?? '', 36);
  if (!action || !kind || !Number.isInteger(page) || page < 0 || (l !== 'j' && l !== 'e'))
    return null;
  if (!asker || !/^\d+$/.test(asker)) return null;
  // An ask button carries nothing but the kind and the statement: anything else was not made here.
  if (action === 'ask' && (page !== 0 || asker !== ANYONE)) return null;
  const state: ButtonState = { action, kind, page, lang: l === 'j' ? 'ja' : 'en', askerId: asker };
  if (statement === FROM_MESSAGE && parts.length === 7) return state;
  if (parts.length < 8) return null;
  const query = parts.slice(7).join('|');
  if (action === 'ask' && (!statement || query !== '')) return null;
  if (statement) state.statement = statement;
  state.query = query;
  return state;
}
