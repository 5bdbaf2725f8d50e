/**
 * A corpus written for these tests, in the style of real readouts but about other meetings and
 * other people than the seed: enough matching paragraphs to page through, markdown-like
 * characters and an @everyone inside corpus text, and one very long Japanese paragraph.
 */
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

export const JA_ID = 'mofa-2025-02-20-japan-australia-foreign-ministers-meeting';
export const EN_ID = 'joint-2025-03-10-japan-philippines-foreign-ministers';

const LONG_JA = [
  '5 両外相は、経済安全保障の分野における協力について詳細に議論しました。',
  ...Array.from(
    { length: 30 },
    (_, i) =>
      `第${i + 1}に、重要鉱物の供給網の強靱化、先端技術の保護、海底ケーブルを含む重要インフラの防護について、両国の関係省庁間の協議を定期的に行うことで一致しました。`,
  ),
].join('');

const JA = `---
id: ${JA_ID}
title: 日豪外相会談
date: 2025-02-20
language: ja
publisher: 外務省 (Ministry of Foreign Affairs of Japan)
source: https://www.mofa.go.jp/mofaj/example/page_000123.html
event: 2025-02-20-japan-australia-foreign-ministers-meeting
---
2月20日、午後6時30分から約45分間、外務大臣は、来日中のオーストラリア外務大臣との間で日豪外相会談を行ったところ、概要は以下のとおりです。

1 両外相は、日豪の「特別な戦略的パートナーシップ」の下、経済安全保障を含む幅広い分野で協力を深化させていくことを確認しました。

2 両外相は、経済安全保障の観点から、重要鉱物のサプライチェーン強靱化に向けた協力を一層推進することで一致しました。

3 両外相は、東シナ海及び南シナ海における力による一方的な現状変更の試みに強く反対するとともに、経済安全保障上の威圧への対応で連携することを確認しました。

4 両外相は、北朝鮮の核・ミサイル開発が地域の安全保障に対する重大な脅威であり、経済安全保障を含む分野で同志国と緊密に連携していくことで一致しました。

${LONG_JA}

6 最後に、両外相は、経済安全保障に関する次回の協議を年内に東京で開催することで一致しました。
`;

const EN = `---
id: ${EN_ID}
title: Joint Statement of the Foreign Ministers of Japan and the Philippines
date: 2025-03-10
language: en
publisher: Ministry of Foreign Affairs of Japan
source: https://www.mofa.go.jp/example/joint_statement_2025.html
---
The Foreign Minister of Japan and the Secretary of Foreign Affairs of the Philippines met in Manila on March 10, 2025, and reaffirmed the strategic partnership between the two countries.

The Ministers underlined the importance of maritime security and the rule of law at sea, and welcomed progress in coast guard cooperation.

The Ministers expressed serious concern over dangerous maneuvers and the use of water cannons, which threaten maritime security in the South China Sea.

The Ministers rejected so-called *gray-zone* tactics and __coercion__ at sea, and called on @everyone concerned to respect maritime security and freedom of navigation.

The Ministers agreed to hold a maritime security dialogue annually and to expand joint exercises.

The Ministers also confirmed that maritime security capacity building will continue through the provision of patrol vessels.

The Ministers welcomed cooperation on maritime security with like-minded partners, including trilateral exercises.
`;

/** Writes the fixture corpus to a fresh temp folder; call the returned cleanup when done. */
export async function writeFixtureCorpus(): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'readout-discord-'));
  await mkdir(path.join(dir, '2025'));
  await writeFile(path.join(dir, '2025', `${JA_ID}.ja.md`), JA);
  await writeFile(path.join(dir, '2025', `${EN_ID}.en.md`), EN);
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}
