/**
 * `npm run preview`: every kind of reply the real bot sends for the bundled corpus (captured
 * through the fake Discord, as in the end-to-end tests), drawn as Discord lays it out: dark
 * theme, embeds at most 520 px wide, inline fields side by side, buttons below. Anyone can look
 * at the page before a release; open it at phone width (390 px) to see what a phone shows.
 *
 *   npm run preview [-- --out FILE]      (default: preview/discord-replies.html)
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { startHarness } from '../test/discord/harness.ts';
import { captureReplies, type CapturedReply } from '../test/discord/replyGallery.ts';

const html = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The part of Discord markdown the bot uses: quotes, bold, italics, links, timestamps, mentions, escapes. */
function markdown(text: string): string {
  const lines = text.split('\n');
  const out: string[] = [];
  let quote: string[] = [];
  const flush = () => {
    if (quote.length) out.push(`<blockquote>${quote.join('<br>')}</blockquote>`);
    quote = [];
  };
  for (const line of lines) {
    if (line.startsWith('> ')) quote.push(inline(line.slice(2)));
    else {
      flush();
      out.push(`<div>${inline(line) || '&nbsp;'}</div>`);
    }
  }
  flush();
  return out.join('');
}

function inline(text: string): string {
  const escapes: string[] = [];
  let s = text.replace(/\\([^\w\s])/g, (_, c: string) => `\u0000${escapes.push(c) - 1}\u0000`);
  s = html(s);
  s = s.replace(
    /&lt;t:(\d+):F&gt;/g,
    (_, unix: string) =>
      `<span class="stamp">${new Date(Number(unix) * 1000).toLocaleString('en-GB', { dateStyle: 'full', timeStyle: 'short', timeZone: 'UTC' })} UTC</span>`,
  );
  s = s.replace(/&lt;\/([^:]+):\d+&gt;/g, '<span class="mention">/$1</span>');
  s = s.replace(/\[([^\]]+)\]\((https?:[^)\s]+)\)/g, '<a href="$2">$1</a>');
  s = s.replace(/\*\*(.+?)\*\*/g, '<b>$1</b>');
  s = s.replace(/(^|[^*])\*([^*]+)\*/g, '$1<i>$2</i>');
  s = s.replace(/`([^`]+)`/g, '<code>$1</code>');
  // biome-ignore lint/suspicious/noControlCharactersInRegex: NUL marks the escapes set aside above.
  return s.replace(/\u0000(\d+)\u0000/g, (_, i: string) => html(escapes[Number(i)]!));
}

function embed(e: any): string {
  const fields = (e.fields ?? [])
    .map(
      (f: any) =>
        `<div class="field${f.inline ? ' inline' : ''}"><div class="fname">${inline(f.name)}</div><div class="fvalue">${markdown(f.value)}</div></div>`,
    )
    .join('');
  return `<div class="embed" style="border-color:#${(e.color ?? 0x202225).toString(16).padStart(6, '0')}">
    ${e.title ? `<div class="etitle">${inline(e.title)}</div>` : ''}
    ${e.description ? `<div class="edesc">${markdown(e.description)}</div>` : ''}
    ${fields ? `<div class="fields">${fields}</div>` : ''}
    ${e.footer ? `<div class="efooter">${html(e.footer.text)}</div>` : ''}
  </div>`;
}

function buttons(payload: any): string {
  return (payload.components ?? [])
    .map(
      (row: any) =>
        `<div class="row">${row.components
          .map((b: any) =>
            b.url
              ? `<a class="button link" href="${html(b.url)}">${html(b.label)} ↗</a>`
              : `<span class="button${b.disabled ? ' disabled' : ''}">${html(b.label)}</span>`,
          )
          .join('')}</div>`,
    )
    .join('');
}

function reply(r: CapturedReply, i: number): string {
  const p = r.payload;
  return `<section class="reply" id="r${i}">
  <div class="asked"><span class="who">asker</span> ${html(r.asked)} <span class="locale">${html(r.locale)}</span></div>
  <div class="msg"><div class="avatar">R</div><div class="body">
    <div class="name">Readout <span class="bot">APP</span></div>
    ${p.content ? `<div class="content">${markdown(p.content)}</div>` : ''}
    ${(p.embeds ?? []).map(embed).join('')}
    ${buttons(p)}
    ${r.ephemeral ? '<div class="ephemeral">👁 Only you can see this</div>' : ''}
  </div></div>
</section>`;
}

const STYLE = `
body { background:#313338; color:#dbdee1; font:16px/1.375 "gg sans","Noto Sans","Noto Sans CJK JP","Helvetica Neue",Helvetica,Arial,sans-serif; margin:0; padding:16px; }
h1 { font-size:20px; color:#f2f3f5; }
.reply { border-top:1px solid #3f4147; padding:12px 0; }
.asked { color:#949ba4; font-size:13px; margin-bottom:6px; } .asked .who { color:#c9cdfb; } .locale { opacity:.7; }
.msg { display:flex; gap:12px; } .avatar { flex:none; width:40px; height:40px; border-radius:50%; background:#5865f2; color:#fff; display:flex; align-items:center; justify-content:center; font-weight:700; }
.body { min-width:0; flex:1; } .name { color:#f2f3f5; font-weight:600; } .bot { background:#5865f2; color:#fff; font-size:10px; padding:1px 4px; border-radius:3px; vertical-align:middle; }
.embed { max-width:520px; box-sizing:border-box; background:#2b2d31; border-left:4px solid; border-radius:4px; padding:8px 16px 16px 12px; margin-top:4px; font-size:14px; }
.etitle { color:#f2f3f5; font-weight:600; font-size:16px; margin-top:8px; } .edesc { margin-top:8px; } .efooter { margin-top:8px; font-size:12px; color:#b5bac1; white-space:pre-wrap; }
blockquote { margin:2px 0; padding:0 0 0 12px; border-left:4px solid #4e5058; }
.fields { display:grid; grid-template-columns:repeat(12,1fr); gap:8px; margin-top:8px; } .field { grid-column:1/13; min-width:0; } .field.inline { grid-column:span 6; }
.fname { font-weight:600; color:#f2f3f5; margin-bottom:2px; }
a { color:#00a8fc; text-decoration:none; } code { background:#1e1f22; padding:0 3px; border-radius:3px; font-size:85%; }
.mention { background:rgba(88,101,242,.3); color:#c9cdfb; padding:0 2px; border-radius:3px; } .stamp { background:#3f4147; padding:0 2px; border-radius:3px; }
.row { display:flex; flex-wrap:wrap; gap:8px; margin-top:8px; } .button { background:#4e5058; color:#fff; padding:2px 16px; height:32px; line-height:32px; border-radius:3px; font-size:14px; font-weight:500; }
.button.disabled { opacity:.5; } .button.link { color:#fff; }
.ephemeral { font-size:12px; color:#949ba4; margin-top:4px; } .content { margin-top:2px; }
@media (max-width: 480px) { body { padding:8px; } .field.inline { grid-column:span 6; } }
`;

/** Writes each reply's rendered height into data-height, for a headless browser to read back. */
const MEASURE = `<script>addEventListener('load',()=>{const out={};for(const s of document.querySelectorAll('.reply')){out[s.querySelector('.asked').textContent.trim()]=Math.round(s.querySelector('.msg').getBoundingClientRect().height);}document.getElementById('heights').textContent=JSON.stringify(out);});</script>`;

export function previewPage(replies: readonly CapturedReply[]): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<title>Readout: Discord replies</title><style>${STYLE}</style></head><body>
<h1>Readout — every kind of Discord reply, bundled corpus</h1>
${replies.map(reply).join('\n')}
<pre id="heights" hidden></pre>${MEASURE}
</body></html>`;
}

const isEntryPoint =
  process.argv[1] !== undefined &&
  path.resolve(process.argv[1]).endsWith(path.join('scripts', 'preview.ts'));
if (isEntryPoint) {
  const { values } = parseArgs({ options: { out: { type: 'string' } } });
  const out = path.resolve(values.out ?? 'preview/discord-replies.html');
  const h = await startHarness({ cooldown: { limit: 1000 } });
  try {
    const replies = await captureReplies(h);
    await mkdir(path.dirname(out), { recursive: true });
    await writeFile(out, previewPage(replies));
    process.stdout.write(
      `${replies.length} replies drawn in ${path.relative(process.cwd(), out)}\n`,
    );
  } finally {
    await h.close();
  }
}
