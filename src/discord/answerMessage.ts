/**
 * One question -> one Discord message, the same way for slash commands, buttons, mentions and
 * DMs: runs the engine, renders the requested page, and attaches paging, language and source
 * buttons whose custom ids carry everything needed to redo it later.
 */
import type { QueryKind } from '../answer/kinds.ts';
import type { Answer, Lang } from '../answer/types.ts';
import type { Engine } from '../engine/types.ts';
import { renderAnswer, type DiscordMessageData } from '../render/discordEmbed.ts';
import { lookupIn } from '../render/text.ts';
import { footerLines } from './answerFooter.ts';
import { encodeButtonId, FROM_MESSAGE } from './buttonIds.ts';

/** Results fetched for paging: enough pages for browsing, bounded for the button layout. */
export const MAX_RESULTS = 30;

export interface AnswerRequest {
  kind: QueryKind;
  /** The question as typed (whitespace collapsed below): also the title of the answer. */
  query: string;
  lang: Lang;
  /** The statement asked about, as typed or as a button carries it (see Engine.statement). */
  statement?: string;
  page?: number;
  askerId: string;
  /** Clickable command mentions, when their ids are known. */
  mention?: (name: string) => string | undefined;
}

/** Questions are single-line everywhere (footers, custom ids): collapse what users typed. */
export function normalizeQuery(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

export function runEngine(engine: Engine, request: AnswerRequest): Answer {
  const opts = {
    lang: request.lang,
    limit: MAX_RESULTS,
    ...(request.statement ? { statement: request.statement } : {}),
  };
  return engine[request.kind](request.query, opts);
}

export interface AnswerReply {
  message: DiscordMessageData & { content?: string };
  /** Nothing answered: the adapters show the sentence to the asker only. */
  nothing: boolean;
}

export function answerMessage(engine: Engine, request: AnswerRequest): AnswerReply {
  const query = normalizeQuery(request.query);
  // Named once, by id from here on: the buttons carry the id, the footer the title.
  const chosen = engine.statement(request.statement);
  const answer = runEngine(engine, {
    ...request,
    query,
    ...(chosen ? { statement: chosen.id } : {}),
  });
  const state = {
    kind: request.kind,
    askerId: request.askerId,
    query,
    ...(chosen ? { statement: chosen.id } : {}),
  };
  const other: Lang = request.lang === 'ja' ? 'en' : 'ja';
  const pageId = (page: number) =>
    encodeButtonId({ ...state, action: 'page', page, lang: request.lang });
  const list = engine.statements();
  // The footer carries the question only when the button ids have no room for it.
  const needsFooter = pageId(0).endsWith(`|${FROM_MESSAGE}`);
  const rendered = renderAnswer(answer, {
    asked: query,
    mode: request.kind,
    page: request.page ?? 0,
    statements: lookupIn(list),
    ...(needsFooter ? { footer: footerLines(query, chosen?.title).join('\n') } : {}),
    ...(request.mention ? { mention: request.mention } : {}),
    controls: {
      pageId,
      switchLangId: encodeButtonId({ ...state, action: 'lang', page: 0, lang: other }),
    },
  });
  return { message: rendered.message, nothing: rendered.nothing };
}
