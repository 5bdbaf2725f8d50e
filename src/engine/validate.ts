import { MAX_QUERY_LENGTH, QueryError } from './errors.ts';
import { wellFormed } from '../text/normalize.ts';

// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is its purpose.
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g;
/** Discord mentions (@everyone, @here, <@id>, <@&role>, <#channel>) name people, not topics. */
const DISCORD_MENTION = /@(?:everyone|here)\b|<(?:@[!&]?|#)\d{1,20}>/g;

/**
 * The one gate for user text: well-formed, without control characters, not empty (unless the
 * command allows it), and under the documented length limit.
 */
export function cleanQuery(text: string, { allowEmpty = false } = {}): string {
  if (text.length > MAX_QUERY_LENGTH * 4) throw new QueryError('too_long');
  const cleaned = wellFormed(text)
    .replace(CONTROL, ' ')
    .replace(DISCORD_MENTION, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (cleaned.length > MAX_QUERY_LENGTH) throw new QueryError('too_long');
  if (!cleaned && !allowEmpty) throw new QueryError('empty');
  return cleaned;
}
