/**
 * The close/quit handshake (electron/main/quit-guard.ts): the window closes only after the
 * renderer confirms its edits are stored, or after the user chose to quit without saving.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { QuitGuard, type QuitGuardEffects, type UnsavedProblem } from '../../../../electron/main/quit-guard';

function setup(answer: (problem: UnsavedProblem) => Promise<boolean> = async () => false) {
  const log: string[] = [];
  const fx: QuitGuardEffects = {
    requestFlush: (id) => void log.push(`flush ${id}`),
    startTimer: (ms, onTimeout) => {
      const timer = setTimeout(onTimeout, ms);
      return () => clearTimeout(timer);
    },
    askQuitWithoutSaving: (problem) => {
      log.push(`ask ${problem.kind === 'timeout' ? `timeout ${problem.seconds}s` : `failed: ${problem.message}`}`);
      return answer(problem);
    },
    close: () => void log.push('close'),
    cancelled: () => void log.push('cancelled'),
  };
  return { guard: new QuitGuard(fx, 5000), log };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('quit guard', () => {
  it('holds the close, asks for a flush, and closes when the renderer confirms in time', () => {
    const { guard, log } = setup();
    expect(guard.closeRequested()).toBe(false);
    expect(log).toEqual(['flush 1']);
    vi.advanceTimersByTime(4000);
    guard.flushDone(1, { ok: true });
    expect(log).toEqual(['flush 1', 'close']);
    // The close that follows goes through, and the timer is gone.
    expect(guard.closeRequested()).toBe(true);
    vi.advanceTimersByTime(10_000);
    expect(log).toEqual(['flush 1', 'close']);
  });

  it('a second close request while flushing changes nothing', () => {
    const { guard, log } = setup();
    guard.closeRequested();
    expect(guard.closeRequested()).toBe(false);
    expect(log).toEqual(['flush 1']);
  });

  it('no answer in time: asks whether to quit without saving; "quit" closes', async () => {
    const { guard, log } = setup(async () => true);
    guard.closeRequested();
    vi.advanceTimersByTime(5000);
    await vi.runAllTimersAsync();
    expect(log).toEqual(['flush 1', 'ask timeout 5s', 'close']);
  });

  it('no answer in time, user keeps the app open: the close is called off, and a late answer is ignored', async () => {
    const { guard, log } = setup(async () => false);
    guard.closeRequested();
    vi.advanceTimersByTime(5000);
    await vi.runAllTimersAsync();
    expect(log).toEqual(['flush 1', 'ask timeout 5s', 'cancelled']);
    guard.flushDone(1, { ok: true });
    expect(log).not.toContain('close');
    // The next close starts a new round with a new request id.
    expect(guard.closeRequested()).toBe(false);
    expect(log.at(-1)).toBe('flush 2');
    guard.flushDone(1, { ok: true }); // the old id still does nothing
    expect(log.at(-1)).toBe('flush 2');
    guard.flushDone(2, { ok: true });
    expect(log.at(-1)).toBe('close');
  });

  it('while the question is up, further close requests wait for the answer', async () => {
    let answer!: (quit: boolean) => void;
    const { guard, log } = setup(() => new Promise((resolve) => (answer = resolve)));
    guard.closeRequested();
    vi.advanceTimersByTime(5000);
    expect(guard.closeRequested()).toBe(false);
    answer(true);
    await vi.runAllTimersAsync();
    expect(log).toEqual(['flush 1', 'ask timeout 5s', 'close']);
  });

  it('the renderer reports that saving failed: the user is asked, with the reason', async () => {
    const { guard, log } = setup(async () => false);
    guard.closeRequested();
    guard.flushDone(1, { ok: false, message: 'The disk is full.' });
    await vi.runAllTimersAsync();
    expect(log).toEqual(['flush 1', 'ask failed: The disk is full.', 'cancelled']);
    expect(guard.stateKind).toBe('open');
  });

  it('a dialog that fails keeps the app open (the safe side)', async () => {
    const { guard, log } = setup(async () => {
      throw new Error('no dialog');
    });
    guard.closeRequested();
    vi.advanceTimersByTime(5000);
    await vi.runAllTimersAsync();
    expect(log).toEqual(['flush 1', 'ask timeout 5s', 'cancelled']);
  });

  it('renderer crashed while flushing: closes at once, without a question', async () => {
    const { guard, log } = setup();
    guard.closeRequested();
    guard.rendererGone();
    expect(log).toEqual(['flush 1', 'close']);
    vi.advanceTimersByTime(10_000);
    await vi.runAllTimersAsync();
    expect(log).toEqual(['flush 1', 'close']);
  });

  it('renderer crashed earlier: the close goes through without a flush', () => {
    const { guard, log } = setup();
    guard.rendererGone();
    expect(guard.closeRequested()).toBe(true);
    expect(log).toEqual([]);
  });

  it('renderer crashed while the question was up and the user kept the app: the next close needs no flush', async () => {
    const { guard, log } = setup(async () => false);
    guard.closeRequested();
    vi.advanceTimersByTime(5000);
    guard.rendererGone();
    await vi.runAllTimersAsync();
    expect(log).toEqual(['flush 1', 'ask timeout 5s', 'cancelled']);
    expect(guard.closeRequested()).toBe(true);
  });
});
