/**
 * Every kind of reply the bot sends, captured from the real bot (real discord.js client, real
 * handlers, bundled corpus) through the fake Discord server: the layout tests assert on these
 * payloads, and `npm run preview` draws them as Discord would.
 */
import { makeUser, type CommandOption } from './fakeDiscord.ts';
import { buttonsOf, payloadOf, type Harness } from './harness.ts';

export interface CapturedReply {
  /** What was asked, as a user would have typed it. */
  asked: string;
  locale: string;
  /** Discord message payload (embeds, components, content, flags). */
  payload: any;
  /** Only the asker sees it. */
  ephemeral: boolean;
}

type Step =
  | { slash: string; options: CommandOption[]; locale: string }
  | { dm: string }
  | { label: string; after: number; locale: string; bystander?: boolean };

const STEPS: readonly Step[] = [
  { slash: 'who', options: [], locale: 'ja' },
  { slash: 'who', options: [], locale: 'en-US' },
  { slash: 'when', options: [], locale: 'ja' },
  { slash: 'when', options: [{ name: 'query', value: 'ICBM' }], locale: 'en-US' },
  { slash: 'quote', options: [{ name: 'query', value: 'ballistic missile' }], locale: 'en-US' },
  { slash: 'quote', options: [{ name: 'query', value: '弾道ミサイル' }], locale: 'ja' },
  { slash: 'compare', options: [{ name: 'query', value: '最も強い言葉で非難' }], locale: 'ja' },
  { slash: 'compare', options: [{ name: 'query', value: 'strongest terms' }], locale: 'en-US' },
  { slash: 'statements', options: [], locale: 'ja' },
  { slash: 'help', options: [], locale: 'ja' },
  { slash: 'help', options: [], locale: 'en-US' },
  { slash: 'quote', options: [{ name: 'query', value: 'earthquake' }], locale: 'en-US' },
  {
    slash: 'quote',
    options: [
      { name: 'query', value: 'ICBM' },
      { name: 'statement', value: 'no such statement' },
    ],
    locale: 'en-US',
  },
  { dm: 'hi' },
  { dm: 'When was the ICBM launched?' },
  { label: 'English', after: 5, locale: 'en-US', bystander: true },
];

function slashText(name: string, options: CommandOption[]): string {
  return [`/${name}`, ...options.map((o) => `${o.name}:${String(o.value)}`)].join(' ');
}

export async function captureReplies(h: Harness): Promise<CapturedReply[]> {
  const asker = makeUser('asker');
  const bystander = makeUser('bystander');
  const out: CapturedReply[] = [];
  for (const step of STEPS) {
    if ('slash' in step) {
      const interaction = h.fake.slashCommand(step.slash, step.options, {
        user: asker,
        guild: h.fake.guild,
        locale: step.locale,
      });
      const payload = payloadOf(await h.fake.responseTo(interaction));
      out.push({
        asked: slashText(step.slash, step.options),
        locale: step.locale,
        payload,
        ephemeral: (payload.flags & 64) === 64,
      });
    } else if ('dm' in step) {
      const reply = await h.fake.replyTo(h.fake.message(asker, step.dm));
      out.push({ asked: `DM: ${step.dm}`, locale: 'en-US', payload: reply.body, ephemeral: false });
    } else {
      const on = out[step.after]!;
      const button = buttonsOf(on.payload).find((b: any) => b.label === step.label);
      const message = h.fake.botMessage(h.fake.guild.channelId, on.payload);
      const user = step.bystander ? bystander : asker;
      const interaction = h.fake.button(button!.custom_id, message, {
        user,
        guild: h.fake.guild,
        locale: step.locale,
      });
      const payload = payloadOf(await h.fake.responseTo(interaction));
      out.push({
        asked: `${step.bystander ? 'someone else presses' : 'presses'} “${step.label}” on: ${on.asked}`,
        locale: step.locale,
        payload,
        ephemeral: (payload.flags & 64) === 64,
      });
    }
  }
  return out;
}
