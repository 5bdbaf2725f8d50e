/**
 * One question -> one Discord message, the same way for slash commands, buttons, mentions and
 * DMs: runs the engine, renders the requested page, and attaches paging and language buttons
 * whose custom ids carry everything needed to redo it later.
 */
import type { Answer, Lang } from '../answer/types.ts';
import type { Engine } from '../engine/types.ts';
import { QueryError } from '../engine/errors.ts';
import { renderAnswer, uiLabels, type DiscordMessageData } from '../render/discordEmbed.ts';
import { footerLines } from './answerFooter.ts';
import { encodeButtonId, type QueryKind } from './buttonIds.ts';

/** Items per page: three quotes with their citations read comfortably in one embed. */
export const PAGE_SIZE = 3;
/** Results fetched for paging: enough pages for browsing, bounded for the button layout. */
export const MAX_RESULTS = 30;

export interface AnswerRequest {
  kind: QueryKind;
  query: string;
  lang: Lang;
  statement?: string;
  page?: number;
  askerId: string;
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
  switch (request.kind) {
    case 'quote':
      return engine.quote(request.query, opts);
    case 'who':
      return engine.who(request.query, opts);
    case 'when':
      return engine.when(request.query, opts);
    case 'compare':
      return engine.compare(request.query, opts);
    case 'ask':
      return engine.ask(request.query, opts);
  }
}

/** Throws QueryError('unknown_statement') for an id the corpus does not hold. */
export function checkStatement(engine: Engine, statement: string | undefined | null): string | undefined {
  if (!statement) return undefined;
  if (!engine.statements().some((s) => s.id === statement)) throw new QueryError('unknown_statement');
  return statement;
}

export function answerMessage(engine: Engine, request: AnswerRequest): DiscordMessageData {
  const query = normalizeQuery(request.query);
  const answer = runEngine(engine, { ...request, query });
  const state = {
    kind: request.kind,
    askerId: request.askerId,
    query,
    ...(request.statement ? { statement: request.statement } : {}),
  };
  const other: Lang = request.lang === 'ja' ? 'en' : 'ja';
  const rendered = renderAnswer(answer, {
    page: request.page ?? 0,
    pageSize: PAGE_SIZE,
    footerLines: footerLines(query, request.statement),
    ...(request.kind === 'compare' ? { heading: uiLabels(request.lang).compare } : {}),
    controls: {
      pageId: (page) => encodeButtonId({ ...state, action: 'page', page, lang: request.lang }),
      switchLangId: encodeButtonId({ ...state, action: 'lang', page: 0, lang: other }),
    },
  });
  return rendered.message;
}
