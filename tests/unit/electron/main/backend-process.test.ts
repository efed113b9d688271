/**
 * Main's side of the backend process (electron/main/backend-process.ts), against a fake child:
 * requests made while the library opens wait and go out in order; a library that cannot open
 * answers every request `unavailable` and says why; a crash answers what was in flight
 * `unavailable` (the autosaver keeps such a save and sends it again), restarts the child and sends
 * it what waits, until it crashed too often; quitting closes the library and ends the child, or
 * ends it anyway after the time limit. And, whatever happens in whatever order, every request is
 * answered exactly once.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { BackendRequest } from '../../../../electron/backend-process/protocol';
import { BackendProcess, MAX_CRASHES, type BackendChild } from '../../../../electron/main/backend-process';

class FakeChild implements BackendChild {
  readonly posted: BackendRequest[] = [];
  killed = false;
  private messageListener: (message: unknown) => void = () => undefined;
  private exitListener: (code: number) => void = () => undefined;
  post(message: BackendRequest): void {
    this.posted.push(message);
  }
  onMessage(listener: (message: unknown) => void): void {
    this.messageListener = listener;
  }
  onExit(listener: (code: number) => void): void {
    this.exitListener = listener;
  }
  kill(): void {
    this.killed = true;
  }
  say(message: unknown): void {
    this.messageListener(message);
  }
  die(code = 1): void {
    this.exitListener(code);
  }
  /** The calls posted so far, as [id, channel]. */
  calls(): [number, string][] {
    return this.posted.flatMap((m) => (m.kind === 'call' ? [[m.id, m.channel] as [number, string]] : []));
  }
  answer(id: number, value: unknown): void {
    this.say({ kind: 'reply', id, value });
  }
}

function setUp(options: { now?: () => number } = {}) {
  const children: FakeChild[] = [];
  const events: string[] = [];
  let timeout: (() => void) | null = null;
  const backend = new BackendProcess({
    dataDir: '/library',
    fork: () => {
      const child = new FakeChild();
      children.push(child);
      return child;
    },
    onOpenFailed: (message) => void events.push(`open failed: ${message}`),
    onCrash: (restarting) => void events.push(restarting ? 'crashed, restarting' : 'crashed, given up'),
    now: options.now ?? (() => 0),
    startTimer: (_ms, onTimeout) => {
      timeout = onTimeout;
      return () => (timeout = null);
    },
  });
  backend.start();
  return { backend, children, events, fireTimeout: () => timeout?.() };
}

const flush = () => new Promise((r) => setTimeout(r, 0));

describe('the backend process, seen from main', () => {
  it('tells the child which library to open, and holds requests until it is open, then sends them in order', async () => {
    const { backend, children } = setUp();
    const child = children[0]!;
    expect(child.posted).toEqual([{ kind: 'open', dataDir: '/library' }]);
    const first = backend.call('library.list', {});
    const second = backend.call('profile.get', {});
    expect(child.calls()).toEqual([]);
    child.say({ kind: 'ready' });
    expect(child.calls().map(([, channel]) => channel)).toEqual(['library.list', 'profile.get']);
    const [id1, id2] = child.calls().map(([id]) => id);
    child.answer(id2!, { ok: true, value: 'profile' });
    child.answer(id1!, { ok: true, value: 'list' });
    expect(await first).toEqual({ ok: true, value: 'list' });
    expect(await second).toEqual({ ok: true, value: 'profile' });
  });

  it('a library that cannot be opened: waiting and later requests are answered unavailable with the reason, and the user is told once', async () => {
    const { backend, children, events } = setUp();
    const waiting = backend.call('library.list', {});
    children[0]!.say({ kind: 'failed', message: 'The library in /library is already open in another Interview Desk process (pid 42). Close it first.' });
    const reason = 'The library in /library is already open in another Interview Desk process (pid 42). Close it first.';
    expect(await waiting).toEqual({ ok: false, error: { code: 'unavailable', message: reason } });
    expect(await backend.call('library.list', {})).toEqual({ ok: false, error: { code: 'unavailable', message: reason } });
    expect(events).toEqual([`open failed: ${reason}`]);
    expect(children).toHaveLength(1);
  });

  it('a crash answers what was in flight unavailable, restarts the child on the same library, and sends it what waits', async () => {
    const { backend, children, events } = setUp();
    children[0]!.say({ kind: 'ready' });
    const inFlight = backend.call('document.saveChanges', { id: 'd1' });
    children[0]!.die(134);
    expect(await inFlight).toEqual({ ok: false, error: { code: 'unavailable', message: expect.stringContaining('stopped unexpectedly') } });
    expect(events).toEqual(['crashed, restarting']);
    expect(children).toHaveLength(2);
    expect(children[1]!.posted).toEqual([{ kind: 'open', dataDir: '/library' }]);

    const retried = backend.call('document.saveChanges', { id: 'd1' });
    children[1]!.say({ kind: 'ready' });
    const id = children[1]!.calls()[0]?.[0];
    children[1]!.answer(id!, { ok: true, value: { revision: 2 } });
    expect(await retried).toEqual({ ok: true, value: { revision: 2 } });
  });

  it('a late reply from a dead child is not taken for the new child’s answer', async () => {
    const { backend, children } = setUp();
    children[0]!.say({ kind: 'ready' });
    void backend.call('library.list', {});
    const oldId = children[0]!.calls()[0]?.[0];
    children[0]!.die();
    children[1]!.say({ kind: 'ready' });
    const next = backend.call('library.list', {});
    children[0]!.answer(oldId!, { ok: true, value: 'from the dead child' });
    children[0]!.answer(oldId! + 1, { ok: true, value: 'from the dead child' });
    const id = children[1]!.calls()[0]?.[0];
    children[1]!.answer(id!, { ok: true, value: 'from the new child' });
    expect(await next).toEqual({ ok: true, value: 'from the new child' });
  });

  it(`after ${MAX_CRASHES} crashes within a minute it stops restarting and says so; crashes further apart are each restarted`, async () => {
    let now = 0;
    const { children, events } = setUp({ now: () => now });
    for (let i = 0; i < MAX_CRASHES + 2; i++) {
      children.at(-1)!.say({ kind: 'ready' });
      children.at(-1)!.die();
      now += 61_000;
    }
    expect(events).toEqual(Array(MAX_CRASHES + 2).fill('crashed, restarting'));

    now = 0;
    const fast = setUp({ now: () => now });
    for (let i = 0; i < MAX_CRASHES; i++) {
      fast.children.at(-1)!.say({ kind: 'ready' });
      fast.children.at(-1)!.die();
      now += 1_000;
    }
    expect(fast.events).toEqual([...Array(MAX_CRASHES - 1).fill('crashed, restarting'), 'crashed, given up']);
    expect(fast.children).toHaveLength(MAX_CRASHES);
    expect(await fast.backend.call('library.list', {})).toEqual({ ok: false, error: { code: 'unavailable', message: expect.stringContaining('could not be reopened') } });
  });

  it('closing asks the child to close the library, waits for it, then ends the child; later requests are refused', async () => {
    const { backend, children } = setUp();
    const child = children[0]!;
    child.say({ kind: 'ready' });
    let closed = false;
    const closing = backend.close().then(() => (closed = true));
    const close = child.posted.find((m) => m.kind === 'close');
    expect(close).toBeDefined();
    await flush();
    expect(closed).toBe(false);
    expect(child.killed).toBe(false);
    // A second quit meanwhile waits for the same close: it does not let the app go first.
    let secondDone = false;
    const second = backend.close().then(() => (secondDone = true));
    await flush();
    expect(secondDone).toBe(false);
    expect(child.posted.filter((m) => m.kind === 'close')).toHaveLength(1);
    child.answer((close as { id: number }).id, null);
    await Promise.all([closing, second]);
    expect(child.killed).toBe(true);
    expect(await backend.call('library.list', {})).toEqual({ ok: false, error: { code: 'unavailable', message: expect.stringContaining('quitting') } });
  });

  it('a child that does not answer the close in time is ended anyway; one that dies while closing is not restarted', async () => {
    const slow = setUp();
    slow.children[0]!.say({ kind: 'ready' });
    const closing = slow.backend.close();
    slow.fireTimeout();
    await closing;
    expect(slow.children[0]!.killed).toBe(true);

    const dying = setUp();
    dying.children[0]!.say({ kind: 'ready' });
    const closing2 = dying.backend.close();
    dying.children[0]!.die();
    await closing2;
    expect(dying.children).toHaveLength(1);
    expect(dying.events).toEqual([]);
  });

  it('stored images wait like calls, and a crash answers them “not found” rather than never', async () => {
    const { backend, children } = setUp();
    const image = backend.asset('/asset/abc');
    children[0]!.say({ kind: 'ready' });
    children[0]!.die();
    expect((await image).status).toBe(404);
  });

  it('property: whatever the child does, in whatever order, every request is answered exactly once', async () => {
    type Step = { kind: 'call' } | { kind: 'ready' } | { kind: 'answer'; pick: number } | { kind: 'crash' } | { kind: 'fail' } | { kind: 'close' } | { kind: 'garbage' };
    const step: fc.Arbitrary<Step> = fc.oneof(
      fc.constant({ kind: 'call' as const }),
      fc.constant({ kind: 'ready' as const }),
      fc.nat(20).map((pick) => ({ kind: 'answer' as const, pick })),
      fc.constant({ kind: 'crash' as const }),
      fc.constant({ kind: 'fail' as const }),
      fc.constant({ kind: 'close' as const }),
      fc.constant({ kind: 'garbage' as const }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(step, { maxLength: 40 }), async (steps) => {
        let now = 0;
        const { backend, children, fireTimeout } = setUp({ now: () => (now += 7_000) });
        const answers = new Map<number, number>();
        const promises: Promise<void>[] = [];
        let asked = 0;
        for (const s of steps) {
          const child = children.at(-1)!;
          if (s.kind === 'call') {
            const n = asked++;
            answers.set(n, 0);
            promises.push(backend.call('library.list', { n }).then(() => void answers.set(n, answers.get(n)! + 1)));
          } else if (s.kind === 'ready') child.say({ kind: 'ready' });
          else if (s.kind === 'fail') child.say({ kind: 'failed', message: 'no' });
          else if (s.kind === 'answer') {
            const ids = child.posted.flatMap((m) => (m.kind === 'open' ? [] : [m.id]));
            if (ids.length > 0) child.answer(ids[s.pick % ids.length]!, { ok: true, value: null });
          } else if (s.kind === 'crash') child.die();
          else if (s.kind === 'close') promises.push(backend.close());
          else child.say({ kind: 'reply', id: 'x' });
        }
        // The end: the app quits (the child never answers the close, the time limit passes).
        const last = backend.close();
        fireTimeout();
        await last;
        await Promise.all(promises);
        expect([...answers.values()].every((count) => count === 1)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
