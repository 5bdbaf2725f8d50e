/**
 * A second process on the settings database (test/settings/store.test.ts): opens the store in
 * DATA_DIR argv[2], says so by creating the file argv[6], waits until the file argv[3] exists so
 * both processes claim together, claims statements s0..s{argv[4]-1} in channel argv[5], and
 * prints how many claims it won.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { openSettings } from '../../src/settings/sqlite.ts';

const [dataDir, go, count, channel, ready] = process.argv.slice(2) as [
  string,
  string,
  string,
  string,
  string,
];
const { store } = openSettings(dataDir);
writeFileSync(ready, '');
while (!existsSync(go)) await sleep(5);
let won = 0;
for (let i = 0; i < Number(count); i++) if (store.claimAnnouncement('g1', channel, `s${i}`)) won++;
store.close();
process.stdout.write(`${won}\n`);
