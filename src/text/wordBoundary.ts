import { escapeRegExp } from './regexp.ts';
import { isCjk } from './script.ts';

/**
 * Whether a Japanese keyword found at [start, end) of a text is a real occurrence rather than the
 * tail of one word glued to the head of the next: 京都 inside 東京都 (東京|都) is not Kyoto, while
 * 朝鮮 inside 北朝鮮 and 露朝 inside 露朝間 are what the user meant. A match is rejected only when it
 * starts inside a multi-character word and runs past that word's end. Word boundaries come from
 * the ICU word segmenter, consulted on a small window only.
 */
// Made on first use: creating it loads ICU's Japanese dictionary, about 10 ms of start-up that a
// question without a Japanese match never needs.
let segmenter: Intl.Segmenter | undefined;
const KATAKANA_WORD = /^[\p{Script=Katakana}ー]+$/u;
const KATAKANA_CHAR = /[\p{Script=Katakana}ー]/u;
const WINDOW = 12;
/**
 * Katakana nouns that a place or name is glued to without a dot (G20ブリスベンサミット,
 * アスタナ・プロセス written アスタナプロセス): the word before them ends where they start.
 */
export const KATAKANA_HEADS: readonly string[] = [
  'サミット',
  'プロセス',
  'フォーラム',
  'イニシアティブ',
  'イニシアチブ',
  'ダイアログ',
  'ダイアローグ',
  'ラウンド',
  'アジェンダ',
  'パートナーシップ',
  'ビジョン',
  'プログラム',
  'ミッション',
  'グループ',
  'ウイルス',
  'ワクチン',
];

export function isWordAlignedMatch(text: string, start: number, end: number): boolean {
  // Katakana: the dots between foreign names are gone (グエン・ミン・チエット is searched as
  // グエンミンチエット), so a word may start inside a run but must end where the run ends: チエット is
  // there, タイ (Thailand) is not in ブイタインソン. The segmenter splits such runs by guesswork.
  if (KATAKANA_WORD.test(text.slice(start, end)))
    return (
      !KATAKANA_CHAR.test(text[end] ?? '') || KATAKANA_HEADS.some((h) => text.startsWith(h, end))
    );
  if (start === 0 || !isCjk(text[start - 1]!)) return true;
  // "第 72 回国連総会": a counter after a number ends its word, though the segmenter reads 回国 as one.
  if (/[回次期]/.test(text[start - 1]!) && /[0-9０-９\s]/.test(text[start - 2] ?? '')) return true;
  const from = Math.max(0, start - WINDOW);
  const window = text.slice(from, Math.min(text.length, end + WINDOW));
  const key = `${start - from}:${end - from}:${window}`;
  let aligned = windowsRead.get(key);
  if (aligned === undefined) {
    if (windowsRead.size >= MAX_WINDOWS_READ) windowsRead.clear();
    windowsRead.set(key, (aligned = alignedInWindow(window, start - from, end - from)));
  }
  return aligned;
}

/**
 * Verdicts of the segmenter by window and match: segmenting is most of the cost of checking a
 * match (several microseconds), and a question checks the same matches of the same paragraphs
 * again (whether the statement holds the word, which paragraph, where to highlight), as do the
 * questions that follow it. The verdict depends on the window alone. Bounded by emptying it.
 */
const windowsRead = new Map<string, boolean>();
const MAX_WINDOWS_READ = 50_000;

function alignedInWindow(window: string, start: number, end: number): boolean {
  segmenter ??= new Intl.Segmenter('ja', { granularity: 'word' });
  for (const seg of segmenter.segment(window)) {
    const segStart = seg.index;
    const segEnd = segStart + seg.segment.length;
    if (segStart < start && start < segEnd) return segEnd >= end;
    if (segStart >= start) break;
  }
  return true;
}

/** A Latin phrase as a pattern that matches it only as whole words ("call" not in "recall"). */
export function wholeWordPattern(phrase: string, flags = 'u'): RegExp {
  return new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(phrase)}(?![\\p{L}\\p{N}])`, flags);
}
