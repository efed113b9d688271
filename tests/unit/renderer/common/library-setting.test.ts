/**
 * A setting kept in the library (renderer/src/common/library-setting.ts), over a stand-in library
 * whose answers the test gives one at a time: one save at a time, the latest value stored, a failed
 * save going back to what the library holds, a failed read tried again.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Result } from '../../../../shared/api/result';
import { LibrarySetting } from '../../../../renderer/src/common/library-setting';

/** Lets every pending promise callback run (the store's chain is a few awaits long). */
const flush = () => new Promise((resolve) => setImmediate(resolve));

/** A library holding one string, whose writes wait until the test answers them. */
function standInLibrary(held: string) {
  const library = { held, writes: [] as string[], inFlight: 0, mostInFlight: 0 };
  const pending: ((ok: boolean) => void)[] = [];
  const channel = {
    read: async (): Promise<Result<string>> => ({ ok: true, value: library.held }),
    write: (value: string): Promise<Result<unknown>> => {
      library.writes.push(value);
      library.mostInFlight = Math.max(library.mostInFlight, ++library.inFlight);
      return new Promise((resolve) =>
        pending.push((ok) => {
          library.inFlight--;
          if (ok) library.held = value;
          resolve(ok ? { ok: true, value: null } : { ok: false, error: { code: 'write_failed', message: 'disk full' } });
        }),
      );
    },
  };
  /** Answers the oldest write; false when none waits. */
  const answer = async (ok: boolean) => {
    const next = pending.shift();
    if (!next) return false;
    next(ok);
    await flush();
    return true;
  };
  return { library, channel, answer };
}

type Step = { kind: 'set'; value: string } | { kind: 'answer'; ok: boolean };

const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ kind: fc.constant('set' as const), value: fc.constantFrom('a', 'b', 'c', 'd') }),
  fc.record({ kind: fc.constant('answer' as const), ok: fc.boolean() }),
);

describe('LibrarySetting', () => {
  it('shows a value at once, stores it, and a new store reads it back', async () => {
    const { library, channel, answer } = standInLibrary('en');
    const setting = new LibrarySetting(channel, 'system');
    expect(await setting.load()).toBe(true);
    expect(setting.get()).toBe('en');
    setting.show('vi');
    void setting.save();
    expect(setting.get()).toBe('vi'); // before the library answered
    await answer(true);
    expect(library.held).toBe('vi');
    const restarted = new LibrarySetting(channel, 'system');
    await restarted.load();
    expect(restarted.get()).toBe('vi');
  });

  it('goes back to what the library holds when a save fails, and keeps the problem until dismissed', async () => {
    const { channel, answer } = standInLibrary('en');
    const reverted: string[] = [];
    const setting = new LibrarySetting(channel, 'system', { reverted: (before) => reverted.push(before) });
    await setting.load();
    setting.show('vi');
    void setting.save();
    await answer(false);
    expect(setting.get()).toBe('en');
    expect(reverted).toEqual(['vi']);
    expect(setting.problem()).toEqual({ action: 'save', message: 'disk full' });
    setting.show('fr');
    void setting.save();
    await answer(true);
    expect(setting.problem()).toEqual({ action: 'save', message: 'disk full' });
    setting.dismissProblem();
    expect(setting.problem()).toBeNull();
  });

  it('keeps its first value when the library cannot be read, says so, and reads again on the next load', async () => {
    let reachable = false;
    const setting = new LibrarySetting<string>(
      {
        read: () => (reachable ? Promise.resolve({ ok: true, value: 'vi' }) : Promise.reject(new Error('connection reset'))),
        write: () => Promise.resolve({ ok: true, value: null }),
      },
      'system',
    );
    expect(await setting.load()).toBe(false);
    expect(setting.get()).toBe('system');
    expect(setting.problem()).toEqual({ action: 'load', message: 'connection reset' });
    reachable = true;
    expect(await setting.load()).toBe(true);
    expect(setting.get()).toBe('vi');
    expect(setting.problem()).toBeNull();
  });

  it('saves one at a time; once the library has answered, it holds what is shown, and the latest value when no save failed after it', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { maxLength: 20 }), async (steps) => {
        const { library, channel, answer } = standInLibrary('start');
        const setting = new LibrarySetting(channel, 'start');
        let last = 'start';
        let failedSinceLast = false;
        for (const s of steps) {
          if (s.kind === 'set') {
            setting.show(s.value);
            void setting.save();
            last = s.value;
            failedSinceLast = false;
          } else if ((await answer(s.ok)) && !s.ok) {
            failedSinceLast = true;
          }
          await flush();
        }
        while (await answer(true));
        expect(library.mostInFlight).toBeLessThanOrEqual(1);
        expect(setting.get()).toBe(library.held);
        if (!failedSinceLast) expect(library.held).toBe(last);
      }),
      { numRuns: 200 },
    );
  });
});
