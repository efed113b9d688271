/**
 * The renderer's spelling settings store on a real library (the backend handlers through
 * `dispatch`, as the web host runs them): changes show at once and are stored; a failed save goes
 * back to what the library holds and says so; a change made before loading never wipes the dictionary.
 */
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../../../electron/backend/dispatch';
import type { Result } from '../../../../shared/api/result';
import { LibrarySpellingSettings, type SpellingApi } from '../../../../renderer/src/spelling/library-spelling-settings';
import { libraryPerTest } from '../../../helpers/library-per-test';

const lib = libraryPerTest();

type Save = SpellingApi['save'];

/** The API over the library, with a hook to delay or fail saves. */
function libraryApi(interceptSave?: (input: Parameters<Save>[0], pass: () => ReturnType<Save>) => ReturnType<Save>) {
  const saves: unknown[] = [];
  const api: SpellingApi = {
    get: (input) => dispatch('spelling.get', input, lib.ctx) as ReturnType<SpellingApi['get']>,
    save: (input) => {
      saves.push(input.settings);
      const pass = () => dispatch('spelling.save', input, lib.ctx) as ReturnType<Save>;
      return interceptSave ? interceptSave(input, pass) : pass();
    },
  };
  return { api, saves };
}

const stored = async () => ((await dispatch('spelling.get', {}, lib.ctx)) as Result<{ settings: unknown }> & { ok: true }).value.settings;
const settle = () => new Promise((r) => setTimeout(r, 20));

function watch(store: LibrarySpellingSettings) {
  let changes = 0;
  store.subscribe(() => changes++);
  return () => changes;
}

describe('LibrarySpellingSettings', () => {
  it('reads the library’s settings and stores every change, as a new store (the next start) reads them', async () => {
    await dispatch('spelling.save', { settings: { houseStyle: 'modern', personalDictionary: ['TTXVN'] } }, lib.ctx);
    const { api } = libraryApi();
    const store = new LibrarySpellingSettings(api);
    watch(store);
    await store.ready();
    expect(store.get()).toEqual({ houseStyle: 'modern', personalDictionary: ['TTXVN'] });

    store.setHouseStyle('traditional');
    store.addWord(' nghành ');
    store.addWord('Hà Nội'); // two words: never an entry
    store.removeWord('TTXVN');
    await settle();
    expect(store.get()).toEqual({ houseStyle: 'traditional', personalDictionary: ['nghành'] });
    expect(await stored()).toEqual({ houseStyle: 'traditional', personalDictionary: ['nghành'] });

    const restarted = new LibrarySpellingSettings(libraryApi().api);
    await restarted.ready();
    expect(restarted.get()).toEqual({ houseStyle: 'traditional', personalDictionary: ['nghành'] });
  });

  it('shows a change at once, saves one at a time, and the last state wins', async () => {
    const pending: (() => void)[] = [];
    const { api, saves } = libraryApi((_input, pass) => new Promise((resolve) => pending.push(() => void pass().then(resolve))));
    const store = new LibrarySpellingSettings(api);
    watch(store);
    await store.ready();
    store.addWord('một');
    await settle();
    expect(store.get().personalDictionary).toEqual(['một']); // before the library answered
    store.addWord('hai');
    store.setHouseStyle('modern');
    await settle();
    expect(saves).toHaveLength(1); // the second waits for the first
    pending.shift()!();
    await settle();
    expect(saves).toEqual([
      { houseStyle: 'traditional', personalDictionary: ['một'] },
      { houseStyle: 'modern', personalDictionary: ['một', 'hai'] },
    ]);
    pending.shift()!();
    await settle();
    expect(await stored()).toEqual({ houseStyle: 'modern', personalDictionary: ['một', 'hai'] });
    expect(store.problem()).toBeNull();
  });

  it('goes back to what the library holds when a save fails, and says so until dismissed', async () => {
    let fail = false;
    const { api } = libraryApi((input, pass) => (fail ? Promise.resolve({ ok: false, error: { code: 'write_failed', message: 'disk full' } }) : pass()));
    const store = new LibrarySpellingSettings(api);
    const changes = watch(store);
    await store.ready();
    store.addWord('TTXVN');
    await settle();
    fail = true;
    store.setHouseStyle('modern');
    store.addWord('nghành');
    await settle();
    expect(store.get()).toEqual({ houseStyle: 'traditional', personalDictionary: ['TTXVN'] });
    expect(store.problem()).toEqual({ action: 'save', message: 'disk full' });
    expect(await stored()).toEqual({ houseStyle: 'traditional', personalDictionary: ['TTXVN'] });
    const before = changes();
    store.dismissProblem();
    expect(store.problem()).toBeNull();
    expect(changes()).toBe(before + 1);

    // A transport that throws is a failure like any other.
    const throwing = new LibrarySpellingSettings({ get: api.get, save: () => Promise.reject(new Error('connection reset')) });
    await throwing.ready();
    throwing.addWord('x');
    await settle();
    expect(throwing.get().personalDictionary).toEqual(['TTXVN']);
    expect(throwing.problem()).toEqual({ action: 'save', message: 'connection reset' });
  });

  it('applies a word added before the settings loaded to the stored ones, never to the empty defaults', async () => {
    await dispatch('spelling.save', { settings: { houseStyle: 'modern', personalDictionary: ['TTXVN'] } }, lib.ctx);
    const store = new LibrarySpellingSettings(libraryApi().api);
    store.addWord('nghành'); // from the editor's menu, before anyone subscribed
    await settle();
    expect(store.get()).toEqual({ houseStyle: 'modern', personalDictionary: ['TTXVN', 'nghành'] });
    expect(await stored()).toEqual({ houseStyle: 'modern', personalDictionary: ['TTXVN', 'nghành'] });
  });

  it('when the settings cannot be read, keeps changes for the session without overwriting the library, and tries again', async () => {
    await dispatch('spelling.save', { settings: { houseStyle: 'modern', personalDictionary: ['TTXVN'] } }, lib.ctx);
    let reachable = false;
    const { api, saves } = libraryApi();
    const flaky: SpellingApi = { get: (input) => (reachable ? api.get(input) : Promise.resolve({ ok: false, error: { code: 'unavailable', message: 'not reachable' } })), save: api.save };
    const store = new LibrarySpellingSettings(flaky);
    watch(store);
    expect(await store.ready()).toBe(false);
    expect(store.problem()).toEqual({ action: 'load', message: 'not reachable' });
    store.addWord('nghành');
    await settle();
    expect(store.get().personalDictionary).toEqual(['nghành']);
    expect(saves).toEqual([]);

    reachable = true;
    store.addWord('Thuỷ');
    await settle();
    expect(store.problem()).toBeNull();
    expect(store.get()).toEqual({ houseStyle: 'modern', personalDictionary: ['TTXVN', 'Thuỷ'] });
    expect(await stored()).toEqual({ houseStyle: 'modern', personalDictionary: ['TTXVN', 'Thuỷ'] });
  });
});
