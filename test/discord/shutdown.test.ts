import { expect, test } from 'vitest';
import pino from 'pino';
import { stopOnSignals } from '../../src/discord/shutdown.ts';

const silent = pino({ level: 'silent' });

test('the first signal stops gracefully and exits 0; a second exits 1 at once', async () => {
  const exits: number[] = [];
  let finish!: () => void;
  let stops = 0;
  const remove = stopOnSignals(
    () => {
      stops += 1;
      return new Promise<void>((resolve) => (finish = resolve));
    },
    silent,
    { signals: ['SIGUSR2'], exit: (code) => exits.push(code) },
  );
  try {
    process.emit('SIGUSR2', 'SIGUSR2');
    expect(stops).toBe(1);
    expect(exits).toEqual([]);
    process.emit('SIGUSR2', 'SIGUSR2');
    expect(exits).toEqual([1]);
    finish();
    await new Promise((resolve) => setImmediate(resolve));
    expect(exits).toEqual([1, 0]);
    expect(stops).toBe(1);
  } finally {
    remove();
  }
  expect(process.listenerCount('SIGUSR2')).toBe(0);
});

test('a failing stop exits 1', async () => {
  const exits: number[] = [];
  const remove = stopOnSignals(() => Promise.reject(new Error('no')), silent, {
    signals: ['SIGUSR2'],
    exit: (code) => exits.push(code),
  });
  process.emit('SIGUSR2', 'SIGUSR2');
  await new Promise((resolve) => setImmediate(resolve));
  remove();
  expect(exits).toEqual([1]);
});

test('a stop that never finishes exits 1 at the deadline, with a line saying so', async () => {
  const exits: number[] = [];
  const lines: string[] = [];
  const logger = pino({ level: 'info' }, { write: (l: string) => void lines.push(l) });
  const remove = stopOnSignals(() => new Promise<void>(() => {}), logger, {
    signals: ['SIGUSR2'],
    exit: (code) => exits.push(code),
    deadlineMs: 50,
  });
  try {
    process.emit('SIGUSR2', 'SIGUSR2');
    await new Promise((resolve) => setTimeout(resolve, 120));
    expect(exits).toEqual([1]);
    expect(lines.some((l) => l.includes('graceful stop did not finish in time'))).toBe(true);
  } finally {
    remove();
  }
});
