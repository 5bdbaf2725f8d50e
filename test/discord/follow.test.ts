/**
 * End to end: a feed on loopback gets a new item; `followOnce` imports its page into the corpus;
 * the live engine reloads; the real bot announces it once in each following channel of two
 * servers (title, date, publisher, first paragraph, /who and /when buttons answered privately),
 * /quote answers from it right after, and /settings' language applies to that server's answers.
 * The settings live in a real SQLite file that a restart and a second bot reopen.
 */
import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { startBot, type RunningBot } from '../../src/discord/bot.ts';
import { liveEngineFromFolder, type LiveEngine } from '../../src/engine/live.ts';
import { followOnce, newMemory, type FeedsConfig } from '../../src/ingest/follow.ts';
import { announcedFrom } from '../../src/render/discordEmbed.ts';
import { openSettings, type SqliteSettings } from '../../src/settings/sqlite.ts';
import { PageServer } from '../ingest/pageServer.ts';
import { FakeDiscord, makeUser, type FakeGuild, type FakeUser } from './fakeDiscord.ts';
import {
  buttonsOf,
  configFor,
  expectNoPings,
  memoryLogger,
  payloadOf,
  REPO_CORPUS,
} from './harness.ts';

let dir: string;
let dataDir: string;
let pages: PageServer;
let fake: FakeDiscord;
let live: LiveEngine;
let bot: RunningBot;
let settings: SqliteSettings;
let second: FakeGuild;
let lastAnnouncement: Promise<number> = Promise.resolve(0);
const { logger, logs } = memoryLogger();
const opened: SqliteSettings[] = [];

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'readout-follow-bot-'));
  dataDir = path.join(dir, 'data');
  await cp(REPO_CORPUS, path.join(dir, 'corpus'), { recursive: true });
  pages = await PageServer.start();
  fake = await FakeDiscord.start();
  second = fake.addGuild('二つ目のサーバー');
  settings = openSettings(dataDir).store;
  opened.push(settings);
  live = await liveEngineFromFolder(path.join(dir, 'corpus'), logger, {
    watch: false,
    cacheDir: false,
    onAdded: (statements) => (lastAnnouncement = bot.announce(statements.map(announcedFrom))),
  });
  bot = await startBot(configFor(fake, path.join(dir, 'corpus')), live.engine, logger, {
    cooldown: { limit: 1000 },
    settings,
  });
});
afterAll(async () => {
  live?.close();
  await bot?.stop();
  for (const s of opened) s.close();
  await fake?.close();
  await pages?.close();
  await rm(dir, { recursive: true, force: true });
});

const manager = makeUser('manager');
async function slash(
  name: string,
  options: Parameters<FakeDiscord['slashCommand']>[1],
  guild: FakeGuild,
  extra: { permissions?: string; user?: FakeUser; locale?: string } = {},
) {
  const interaction = fake.slashCommand(name, options, {
    user: extra.user ?? manager,
    guild,
    ...(extra.permissions ? { permissions: extra.permissions } : {}),
    ...(extra.locale ? { locale: extra.locale } : {}),
  });
  return (await fake.responseTo(interaction)).body.data;
}
const posts = (channelId: string) =>
  fake.requests.filter(
    (r) =>
      r.method === 'POST' &&
      r.path === `/channels/${channelId}/messages` &&
      !r.body?.message_reference,
  );

/** Presses a button of a message the bot posted in `guild`'s channel; the callback's type and data. */
async function press(
  body: any,
  customId: string,
  guild: FakeGuild,
  user: FakeUser,
  locale = 'en-US',
) {
  const message = fake.botMessage(guild.channelId, body);
  const response = await fake.responseTo(fake.button(customId, message, { user, guild, locale }));
  return { type: response.body.type, data: payloadOf(response) };
}

const WHITE_HOUSE_TITLE =
  'Readout of President Joseph R. Biden, Jr. Call with Prime Minister Scott Morrison of Australia';
const WHITE_HOUSE_URL =
  'https://www.whitehouse.gov/briefing-room/statements-releases/2021/02/03/readout-of-president-joseph-r-biden-jr-call-with-prime-minister-scott-morrison-of-australia/';

test('a member without Manage Server cannot choose announcements or settings; a manager can, per server', async () => {
  const refused = await slash(
    'follow',
    [{ name: 'channel', value: fake.guild.channelId, channelOf: fake.guild }],
    fake.guild,
    { permissions: '1024' },
  );
  expect(refused.content).toBe(
    'Only members with the Manage Server permission can choose where statements are announced.',
  );
  expect(refused.flags).toBe(64);
  expect(settings.follows()).toEqual([]);
  const noSettings = await slash('settings', [{ name: 'lang', value: 'ja' }], second, {
    permissions: '1024',
  });
  expect(noSettings).toMatchObject({
    content: 'Only members with the Manage Server permission can change this server’s settings.',
    flags: 64,
  });
  expect(settings.defaultLang(second.id)).toBeUndefined();

  const one = await slash(
    'follow',
    [{ name: 'channel', value: fake.guild.channelId, channelOf: fake.guild }],
    fake.guild,
  );
  expect(one.content).toBe(`New statements will be announced in <#${fake.guild.channelId}>.`);
  const two = await slash(
    'follow',
    [
      { name: 'channel', value: second.channelId, channelOf: second },
      { name: 'publisher', value: 'The White House' },
    ],
    second,
  );
  expect(two.content).toBe(
    `New statements from The White House will be announced in <#${second.channelId}>.`,
  );
  expect(settings.follows().map((f) => f.channelId)).toEqual([
    fake.guild.channelId,
    second.channelId,
  ]);

  // The second server answers in Japanese whom their Discord's language does not decide for.
  const set = await slash('settings', [{ name: 'lang', value: 'ja' }], second, { locale: 'ja' });
  expect(set).toMatchObject({
    content:
      'このサーバーでは、言語を指定せず、Discord の表示言語が日本語でも英語でもないメンバーへの回答を日本語にします。',
    flags: 64,
  });
  const shown = await slash('settings', [], second);
  expect(shown.content).toBe(
    `Default answer language: 日本語. Announcements: <#${second.channelId}> (The White House).`,
  );
  expect((await slash('settings', [], fake.guild)).content).toBe(
    `Default answer language: not set (each member’s Discord language). Announcements: <#${fake.guild.channelId}>.`,
  );
});

test('a new feed item is imported, announced once in each following channel, and quotable at once', async () => {
  pages.routes.set('/feed', {
    type: 'application/atom+xml',
    body: `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Briefing Room</title><entry><title>Readout</title><link href="${pages.url('/pages/whitehouse.html')}"/></entry></feed>`,
  });
  const feeds: FeedsConfig = {
    file: 'feeds.yaml',
    feeds: [{ url: pages.url('/feed') }],
    pollMs: 0,
    allowHosts: ['127.0.0.1'],
    publishers: new Map(),
  };
  const report = await followOnce(feeds, path.join(dir, 'corpus'), {
    memory: newMemory(),
    hostGapMs: 0,
  });
  expect(report.imported.map((r) => r.action)).toEqual(['added']);
  expect((await live.reload()).added).toHaveLength(1);
  expect(await lastAnnouncement).toBe(2);

  for (const [guild, labels] of [
    [fake.guild, ['Who', 'When', 'Source']],
    [second, ['誰が', 'いつ', '出典']],
  ] as const) {
    const sent = posts(guild.channelId);
    expect(sent).toHaveLength(1);
    const embed = sent[0]!.body.embeds[0];
    expect(embed.title).toBe(WHITE_HOUSE_TITLE);
    expect(embed.url).toBe(WHITE_HOUSE_URL);
    // Publisher and date, then the first paragraph quoted, whole sentences, cut with … (escaped like every answer).
    const [head, quote] = embed.description.split('\n\n');
    expect(head).toBe('The White House · 2021-02-03');
    expect(quote).toMatch(
      /^> President Joseph R\. Biden, Jr\. spoke today with Prime Minister Scott Morrison of Australia to highlight the strength of the U\.S\.-Australia alliance, .*…$/s,
    );
    expect(quote.length).toBeLessThanOrEqual(510);
    expect(embed.footer.text).toBe(guild === second ? '新しい声明' : 'New statement');
    const buttons = buttonsOf(sent[0]!.body) as any[];
    expect(buttons.map((b) => b.label)).toEqual(labels);
    expect(buttons[2].url).toBe(WHITE_HOUSE_URL);
    for (const b of buttons.slice(0, 2)) expect(b.custom_id.length).toBeLessThanOrEqual(100);
  }
  expectNoPings(fake);

  // The feed repeats its item, the corpus reloads again, the store is reopened (a restart): nothing twice.
  await followOnce(feeds, path.join(dir, 'corpus'), { memory: newMemory(), hostGapMs: 0 });
  await live.reload();
  const statement = live.engine.statements().find((s) => s.publisher === 'The White House')!;
  expect(await bot.announce([{ ...statement, language: 'en' }])).toBe(0);
  const reopened = openSettings(dataDir);
  opened.push(reopened.store);
  expect(reopened.migrated).toEqual({ from: 2, to: 2 });
  expect(reopened.store.follows().map((f) => f.channelId)).toEqual([
    fake.guild.channelId,
    second.channelId,
  ]);
  for (const f of reopened.store.follows())
    expect(reopened.store.claimAnnouncement(f.guildId, f.channelId, statement.id)).toBe(false);
  expect(posts(fake.guild.channelId)).toHaveLength(1);
  expect(posts(second.channelId)).toHaveLength(1);

  const member = makeUser('reader');
  const asked = fake.slashCommand('quote', [{ name: 'query', value: 'coup in Burma' }], {
    user: member,
    guild: fake.guild,
  });
  const answer = (await fake.responseTo(asked)).body;
  const description = JSON.stringify(answer);
  expect(description).toContain('those responsible for the **coup** in **Burma**');
  expect(description).toContain('The White House · 2021-02-03 · ¶1');
});

test('the Who and When buttons of an announcement answer whoever presses, privately, about that statement', async () => {
  const body = posts(fake.guild.channelId)[0]!.body;
  const [who, when] = buttonsOf(body) as any[];
  const reader = makeUser('reader');

  const people = await press(body, who.custom_id, fake.guild, reader);
  expect(people.type).toBe(4);
  expect(people.data.flags).toBe(64);
  const whoText = people.data.embeds[0].description;
  expect(whoText).toContain('Joseph R. Biden, Jr.');
  expect(whoText).toContain('Scott Morrison');
  expect(whoText).toContain('The White House · 2021-02-03');
  // The private answer's own buttons are the presser's: the language switch is theirs to press.
  const switchLang = (buttonsOf(people.data) as any[]).find((b) => b.label === '日本語');
  expect(switchLang.custom_id).toContain(`|${reader.id}|`);

  const dates = await press(body, when.custom_id, fake.guild, makeUser('another'), 'ja');
  expect(dates.data.flags).toBe(64);
  expect(dates.data.embeds[0].title.startsWith('いつ')).toBe(true);
  expect(dates.data.embeds[0].description).toContain('2021-02-03');

  // In the server set to Japanese, a reader whose Discord is Korean gets Japanese; English stays English.
  const secondBody = posts(second.channelId)[0]!.body;
  const secondWho = (buttonsOf(secondBody) as any[])[0].custom_id;
  expect(
    (await press(secondBody, secondWho, second, reader, 'ko')).data.embeds[0].title.startsWith(
      '誰が',
    ),
  ).toBe(true);
  expect(
    (await press(secondBody, secondWho, second, reader, 'en-GB')).data.embeds[0].title.startsWith(
      'Who',
    ),
  ).toBe(true);
  // Nothing was posted in the channel for any of these.
  expect(posts(fake.guild.channelId)).toHaveLength(1);
  expectNoPings(fake);
});

test("a statement whose id does not fit in a button id: its buttons read it from the announcement's footer", async () => {
  const id = `test-${'long-'.repeat(18)}id`;
  await writeFile(
    path.join(dir, 'corpus', 'long-id.md'),
    `---\nid: ${id}\ntitle: Japan-Australia Foreign Ministers' Telephone Talk\ndate: 2025-03-12\nlanguage: en\npublisher: Ministry of Foreign Affairs of Japan\n---\n` +
      'On March 12, commencing at 6:00 p.m. for approximately 25 minutes, Mr. IWAYA Takeshi, Minister for Foreign Affairs of Japan, held a telephone talk with Senator the Hon. Penny Wong, Minister for Foreign Affairs of Australia.\n',
  );
  expect((await live.reload()).added).toHaveLength(1);
  expect(await lastAnnouncement).toBe(1);
  const body = posts(fake.guild.channelId)[1]!.body;
  expect(body.embeds[0].footer.text).toBe(`New statement\n📄 ${id}`);
  const [who, when] = buttonsOf(body) as any[];
  expect([who.custom_id, when.custom_id]).toEqual(['r1|a|w|0|e|0|^', 'r1|a|t|0|e|0|^']);
  const people = (await press(body, who.custom_id, fake.guild, makeUser('reader'))).data;
  expect(people.flags).toBe(64);
  expect(people.embeds[0].description).toContain('Penny Wong');
  const times = (await press(body, when.custom_id, fake.guild, makeUser('reader'))).data;
  expect(times.embeds[0].description).toContain('2025-03-12');
});

test('forged button ids are refused: not on the message they came with, or not the shape the bot makes', async () => {
  const body = posts(fake.guild.channelId)[0]!.body;
  const who: string = (buttonsOf(body) as any[])[0].custom_id;
  const other = who.replace(/\|[^|]+\|$/, '|mofa-2024-11-01-japan-us-rok-foreign-ministers-call|');
  const withQuery = `${who}ICBM`;
  const someonesPage =
    'r1|p|w|0|e|123456789012345678|mofa-2024-11-01-japan-us-rok-foreign-ministers-call|';
  for (const id of [other, withQuery, someonesPage]) {
    // Even set on the message itself, a malformed ask id is refused; a well-formed one is refused off it.
    const onMessage =
      id === withQuery
        ? {
            ...body,
            components: [
              { type: 1, components: [{ type: 2, style: 2, label: 'x', custom_id: id }] },
            ],
          }
        : body;
    const refused = await press(onMessage, id, fake.guild, makeUser('forger'));
    expect(refused.data).toMatchObject({
      content: 'This button no longer works. Please ask again.',
      flags: 64,
    });
  }
  expect(logs.filter((l) => l.includes('button refused')).length).toBe(3);
});

test('/settings lang decides for members whose locale does not, and stops when cleared', async () => {
  const korean = makeUser('korean');
  const ask = async (locale: string, options: Parameters<FakeDiscord['slashCommand']>[1] = []) =>
    (await slash('who', options, second, { user: korean, locale })).embeds[0].title as string;
  expect(await ask('ko')).toMatch(/^誰が/);
  expect(await ask('en-US')).toMatch(/^Who/);
  expect(await ask('ko', [{ name: 'lang', value: 'en' }])).toMatch(/^Who/);
  // The first server has no default: a Korean locale falls back to English there.
  expect(
    (await slash('who', [], fake.guild, { user: korean, locale: 'ko' })).embeds[0].title,
  ).toMatch(/^Who/);

  const cleared = await slash('settings', [{ name: 'lang', value: 'unset' }], second);
  expect(cleared.content).toBe(
    'This server has no default answer language now: answers follow each member’s Discord language (English when it is neither Japanese nor English).',
  );
  expect(await ask('ko')).toMatch(/^Who/);
});

test('a statement of another publisher goes only to the channel that follows all; a channel gone is dropped with a log line', async () => {
  fake.intercept = (req) =>
    req.method === 'POST' && req.path === `/channels/${fake.guild.channelId}/messages`
      ? { status: 403, body: { message: 'Missing Access', code: 50001 } }
      : undefined;
  const posted = await bot.announce([
    {
      id: 'test-new-mofa',
      title: '日英外相電話会談',
      date: '2024-07-17',
      publisher: '外務省',
      language: 'ja',
    },
  ]);
  fake.intercept = undefined;
  expect(posted).toBe(0);
  expect(posts(second.channelId)).toHaveLength(1);
  expect(settings.follows().map((f) => f.channelId)).toEqual([second.channelId]);
  expect(
    logs.some((l) => l.includes('cannot post in a followed channel any more: unfollowed it')),
  ).toBe(true);

  const gone = await slash(
    'unfollow',
    [{ name: 'channel', value: second.channelId, channelOf: second }],
    second,
  );
  expect(gone.content).toBe(
    `New statements will no longer be announced in <#${second.channelId}>.`,
  );
  expect(settings.follows()).toEqual([]);
  expect(
    (
      await slash(
        'unfollow',
        [{ name: 'channel', value: second.channelId, channelOf: second }],
        second,
      )
    ).content,
  ).toBe(`<#${second.channelId}> is not following new statements.`);
  await slash('follow', [{ name: 'channel', value: second.channelId, channelOf: second }], second);
});

test('two bots on one settings file that both serve a server (a shard restarting while its old process runs) post once', async () => {
  // Last: the second client's IDENTIFY replaces the first one's gateway session.
  const store = openSettings(dataDir).store;
  opened.push(store);
  const other = await startBot(configFor(fake, path.join(dir, 'corpus')), live.engine, logger, {
    cooldown: { limit: 1000 },
    settings: store,
  });
  try {
    const news = {
      id: 'test-two-bots',
      title: 'Readout of a Call',
      date: '2025-01-02',
      publisher: 'The White House',
      language: 'en',
      firstParagraph: 'They spoke.',
    };
    const counts = await Promise.all([
      bot.announce([news]),
      other.announce([news]),
      bot.announce([news]),
    ]);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(1);
    expect(posts(second.channelId)).toHaveLength(2);
  } finally {
    await other.stop();
  }
});
