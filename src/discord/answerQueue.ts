/**
 * Answers are computed on the main thread, the same thread that reads interactions from the
 * gateway and sends their first responses. Run as they arrive, a burst of questions kept the
 * process answering while later interactions waited unread, past Discord's 3 s. So answers wait
 * in this queue and are computed one per turn of the event loop, and:
 *
 * - an answer that is itself the first response (a direct reply, see ./firstResponse.ts) goes
 *   first: it stands for an acknowledgement, and there is one only when few answers wait;
 * - then deferred answers, fairly: users take turns (round robin), so one user's five questions
 *   do not hold up four other users' first ones;
 * - and deferred answers after acknowledgements: while first responses to Discord (deferrals,
 *   replies, autocomplete lists, button updates) are on their way and the loop is busy with
 *   them, deferred answers wait, each at most MAX_ANSWER_PAUSE_MS. Such an answer can wait (its
 *   interaction is deferred, and its token lasts 15 minutes); an acknowledgement cannot. On the
 *   load test, with answers between them, deferrals reached Discord seconds late.
 */
import { performance } from 'node:perf_hooks';

const { eventLoopUtilization } = performance;

/**
 * While acknowledgements are in flight, an answer waits until the event loop has had a moment
 * with nothing to do (this much idle time since it last looked): then the acknowledgements are
 * waiting on the network, not on this process. On loopback, or when a burst keeps the loop busy
 * sending them, they go first.
 */
const IDLE_MS = 0.5;
/** However busy the loop, an answer waits no longer than this for its turn to start. */
export const MAX_ANSWER_PAUSE_MS = 100;

/** Answers that are their interaction's first response, in order. */
const direct: Array<() => void> = [];
/** Deferred answers (and replies to messages), by user. */
const byUser = new Map<string, Array<() => void>>();
/** Users with answers waiting, in the order they take their next turn. */
const rotation: string[] = [];
let waiting = 0;
let scheduled = false;
let acksInFlight = 0;
let pausedSince: number | undefined;
let resume: NodeJS.Timeout | undefined;
let loopMark = eventLoopUtilization();
/**
 * Recent time one answer takes (moving average); it starts at what a question takes over 20,000
 * statements on a 2-core machine, so a first burst is not mistaken for a quick one.
 */
let answerMs = 15;

/**
 * True while the bot is quiet enough to compute an answer before responding: no other direct
 * answer waits, no first response is on its way but perhaps the previous one (its reply still
 * being read), and the deferred answers waiting take less than `withinMs`. In a burst, a direct
 * answer would be computed ahead of the deferrals of everyone else.
 */
export function quietFor(withinMs: number): boolean {
  return direct.length === 0 && acksInFlight <= 1 && waiting * answerMs < withinMs;
}

/**
 * Counts a first response to Discord as in flight until it settles; answers pause meanwhile
 * (bot.ts calls this for every interaction callback request).
 */
export function acknowledging<T>(send: Promise<T>): Promise<T> {
  acksInFlight += 1;
  const settle = () => {
    acksInFlight -= 1;
    if (acksInFlight === 0 && resume) {
      clearTimeout(resume);
      wake();
    }
  };
  send.then(settle, settle);
  return send;
}

function wake(): void {
  resume = undefined;
  if (scheduled || waiting + direct.length === 0) return;
  scheduled = true;
  setImmediate(drain);
}

function nextDeferred(): (() => void) | undefined {
  const user = rotation.shift();
  if (user === undefined) return undefined;
  const jobs = byUser.get(user)!;
  const job = jobs.shift()!;
  if (jobs.length > 0) rotation.push(user);
  else byUser.delete(user);
  waiting -= 1;
  return job;
}

/** True when the loop was idle long enough since the last look (see IDLE_MS). */
function loopWasIdle(): boolean {
  const idle = eventLoopUtilization(loopMark).idle;
  loopMark = eventLoopUtilization();
  return idle >= IDLE_MS;
}

function drain(): void {
  scheduled = false;
  if (direct.length > 0) {
    run(direct.shift()!);
    wake();
    return;
  }
  if (acksInFlight > 0) {
    const now = performance.now();
    const first = pausedSince === undefined;
    pausedSince ??= now;
    // The first look only marks the start: idle time is measured from there.
    const idle = !first && loopWasIdle();
    if (first) loopMark = eventLoopUtilization();
    if (!idle && now - pausedSince < MAX_ANSWER_PAUSE_MS) {
      // Looked at again shortly, or as soon as the last acknowledgement settles.
      resume ??= setTimeout(wake, 1);
      return;
    }
  }
  pausedSince = undefined;
  const job = nextDeferred();
  if (job) run(job);
  wake();
}

function run(job: () => void): void {
  const started = performance.now();
  job();
  answerMs = answerMs * 0.9 + (performance.now() - started) * 0.1;
}

export interface TurnOptions {
  /** The answer is the interaction's first response, which waits for it (see above). */
  direct?: boolean;
}

/** Runs `job` at its turn (see above); `user` is whose question it answers. */
export function inTurn<T>(
  user: string,
  job: () => T | Promise<T>,
  options: TurnOptions = {},
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const run = () => {
      try {
        resolve(job());
      } catch (error) {
        reject(error);
      }
    };
    if (options.direct) {
      direct.push(run);
      // Not held by a pause for acknowledgements: it is one.
      clearTimeout(resume);
      wake();
      return;
    }
    const jobs = byUser.get(user);
    if (jobs) jobs.push(run);
    else {
      byUser.set(user, [run]);
      rotation.push(user);
    }
    waiting += 1;
    if (!resume) wake();
  });
}
