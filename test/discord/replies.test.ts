/**
 * The layout rules of the issue "answers a person reads at a glance", asserted on every kind of
 * reply the real bot sends for the bundled corpus (the same payloads `npm run preview` draws).
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { DISCORD_LIMITS, embedLength } from '../../src/render/discordEmbed.ts';
import { startHarness, type Harness } from './harness.ts';
import { captureReplies, type CapturedReply } from './replyGallery.ts';

let h: Harness;
let replies: CapturedReply[];
beforeAll(async () => {
  h = await startHarness({ cooldown: { limit: 1000 } });
  replies = await captureReplies(h);
});
afterAll(async () => {
  await h?.close();
});

const find = (asked: string, locale?: string) => {
  const found = replies.find((r) => r.asked === asked && (!locale || r.locale === locale));
  if (!found) throw new Error(`no reply to ${asked}`);
  return found;
};

function text(r: CapturedReply): string {
  const e = r.payload.embeds?.[0];
  return [
    e?.title,
    e?.description,
    ...(e?.fields ?? []).flatMap((f: any) => [f.name, f.value]),
    r.payload.content,
  ]
    .filter(Boolean)
    .join('\n');
}

/**
 * Height on a 390 px phone, estimated the way the client wraps: about 42 Latin or 20 Japanese
 * characters per line of an embed, 22 px a line, plus the frame, title and buttons. The preview
 * page measures the real height in a browser; this keeps the budget in every test run.
 */
function phoneHeight(r: CapturedReply): number {
  const lineHeight = 22;
  let lines = 0;
  for (const line of text(r)
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\*\*/g, '')
    .split('\n')) {
    const cjk = [...line].filter((c) => /[\u3000-\u9fff\uff00-\uffef]/.test(c)).length;
    const width = cjk / 20 + (line.length - cjk) / 42;
    lines += Math.max(1, Math.ceil(width));
  }
  const buttons = (r.payload.components ?? []).length * 48;
  return lines * lineHeight + buttons + 60;
}

test('no paragraph is quoted twice in one reply', () => {
  for (const r of replies) {
    const quoted = text(r)
      .split('\n')
      .filter((l) => l.startsWith('> '))
      .map((l) => l.replace(/\*\*/g, ''));
    expect(new Set(quoted).size, r.asked).toBe(quoted.length);
  }
});

test('every reply is within Discord limits; /who and /when fit one phone screen', () => {
  for (const r of replies) {
    for (const e of r.payload.embeds ?? [])
      expect(embedLength(e), r.asked).toBeLessThanOrEqual(DISCORD_LIMITS.embedTotal);
    expect((r.payload.content ?? '').length).toBeLessThanOrEqual(DISCORD_LIMITS.content);
  }
  for (const r of replies.filter((x) => /^\/(who|when)/.test(x.asked))) {
    expect(phoneHeight(r), r.asked).toBeLessThanOrEqual(1000);
  }
});

test('answers come first, then the evidence; titles are the question or the chosen statement', () => {
  const who = find('/who', 'ja').payload.embeds[0];
  expect(who.title).toBe('誰が：日米韓外相電話会談');
  expect(who.description.indexOf('**1.**')).toBe(0);
  expect(find('/when query:ICBM').payload.embeds[0].title).toBe('When: ICBM');
  expect(find('DM: When was the ICBM launched?').payload.embeds[0].title).toBe(
    'When was the ICBM launched?',
  );
  for (const r of replies) expect(r.payload.embeds?.[0]?.footer, r.asked).toBeUndefined();
});

test('compare is labelled 日本語 / English', () => {
  for (const r of replies.filter((x) => x.asked.startsWith('/compare'))) {
    expect(r.payload.embeds[0].fields.map((f: any) => f.name)).toEqual(['日本語', 'English']);
  }
});

test("help speaks the reader's language, with localized command and option names and examples", () => {
  const ja = find('/help', 'ja');
  expect(ja.ephemeral).toBe(true);
  expect(ja.payload.embeds[0].description).toContain('`/引用 質問:弾道ミサイル`');
  expect(ja.payload.embeds[0].description).toContain('`言語`');
  expect(ja.payload.embeds[0].description).not.toMatch(/`lang`|`statement`/);
  expect(find('DM: hi').payload.embeds[0].title).toBe(
    'Readout: answers quoted from diplomatic statements',
  );
});

test("nothing found, errors and a bystander's copy are private", () => {
  const none = find('/quote query:earthquake');
  expect(none.ephemeral).toBe(true);
  // Once the bot has seen /statements used, the hint is a clickable mention of it.
  expect(none.payload.content).toMatch(
    /^Nothing in my statements matches “earthquake”; try other words, or <\/statements:\d+> to see what I hold\.$/,
  );
  expect(find('/quote query:ICBM statement:no such statement').ephemeral).toBe(true);
  const copy = replies.find((r) => r.asked.startsWith('someone else presses'))!;
  expect(copy.ephemeral).toBe(true);
  expect(copy.payload.embeds[0].title).toBe('Quote: 弾道ミサイル');
});
