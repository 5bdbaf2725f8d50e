import type { Lang } from '../answer/types.ts';

const HELP: Record<Lang, string> = {
  en: `Readout answers questions about diplomatic statements, quoting them word for word with citations.
  /quote <words>     verbatim passages that contain the words ("quotes" for an exact phrase)
  /who [topic]       the people a statement names, with role and affiliation
  /when [topic]      dates, times and durations, normalized
  /compare <words>   the matching passage in Japanese and English side by side
  /statements        the statements I know
  /help              this help
Anything else is a free question, e.g. "When was the ICBM launched?" or "誰が非難しましたか".`,
  ja: `Readout は外交文書に関する質問に、原文をそのまま引用し出典を添えて答えます。
  /quote <語句>      語句を含む段落を原文のまま引用（"…" で完全一致）
  /who [話題]        声明に登場する人物と役職・所属
  /when [話題]       日付・時刻・所要時間（正規化）
  /compare <語句>    該当箇所を日本語と英語で並べて表示
  /statements        収録している声明の一覧
  /help              このヘルプ
そのほかの入力は自由な質問として扱います（例：「ICBMはいつ発射されましたか」「Who condemned the launch?」）。`,
};

export function helpText(lang: Lang): string {
  return HELP[lang];
}
