/** The answer queue: users take turns, and answers wait for acknowledgements the loop is busy with. */
import { expect, test } from 'vitest';
import { acknowledging, inTurn, MAX_ANSWER_PAUSE_MS } from '../../src/discord/answerQueue.ts';

function held(): { promise: Promise<void>; release: () => void } {
  let release!: () => void;
  const promise = new Promise<void>((resolve) => (release = resolve));
  return { promise, release };
}

test("users take turns: one user's questions do not hold up another's first one", async () => {
  const order: string[] = [];
  const asked = [
    inTurn('a', () => order.push('a1')),
    inTurn('a', () => order.push('a2')),
    inTurn('a', () => order.push('a3')),
    inTurn('b', () => order.push('b1')),
    inTurn('c', () => order.push('c1')),
    inTurn('b', () => order.push('b2')),
  ];
  await Promise.all(asked);
  expect(order).toEqual(['a1', 'b1', 'c1', 'a2', 'b2', 'a3']);
});

test('an answer waits while the loop is busy with an acknowledgement, and goes as soon as it settles', async () => {
  const ack = held();
  void acknowledging(ack.promise);
  // The loop is never idle: work queued for every turn, as while a burst is being acknowledged.
  let busy = true;
  const spin = () => {
    const until = performance.now() + 1;
    while (performance.now() < until) {
      // a turn's worth of work
    }
    if (busy) setImmediate(spin);
  };
  spin();
  let answeredAt = 0;
  const answered = inTurn('a', () => (answeredAt = performance.now()));
  await new Promise((resolve) => setTimeout(resolve, 30));
  expect(answeredAt).toBe(0);
  const settledAt = performance.now();
  ack.release();
  await answered;
  busy = false;
  expect(answeredAt).toBeGreaterThanOrEqual(settledAt);
});

test('however busy the loop, an answer waits at most MAX_ANSWER_PAUSE_MS for an acknowledgement', async () => {
  const ack = held();
  void acknowledging(ack.promise);
  let busy = true;
  const spin = () => {
    const until = performance.now() + 1;
    while (performance.now() < until) {
      // a turn's worth of work
    }
    if (busy) setImmediate(spin);
  };
  spin();
  const asked = performance.now();
  await inTurn('a', () => undefined);
  const waited = performance.now() - asked;
  busy = false;
  ack.release();
  expect(waited).toBeGreaterThanOrEqual(MAX_ANSWER_PAUSE_MS - 5);
  // Generous: a shared machine delays timers.
  expect(waited).toBeLessThan(MAX_ANSWER_PAUSE_MS + 400);
});

test('an acknowledgement waiting on the network (the loop idle) does not hold answers up', async () => {
  const ack = held();
  void acknowledging(ack.promise);
  const asked = performance.now();
  await inTurn('a', () => undefined);
  const waited = performance.now() - asked;
  ack.release();
  expect(waited).toBeLessThan(MAX_ANSWER_PAUSE_MS);
});

test("a direct answer (the interaction's first response) goes ahead of deferred ones and is not held by acknowledgements", async () => {
  const ack = held();
  void acknowledging(ack.promise);
  const order: string[] = [];
  const deferred = inTurn('a', () => order.push('deferred'));
  const direct = inTurn('b', () => order.push('direct'), { direct: true });
  await direct;
  expect(order).toEqual(['direct']);
  ack.release();
  await deferred;
  expect(order).toEqual(['direct', 'deferred']);
});
