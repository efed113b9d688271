/**
 * The player's settings in the library (`player.get` / `player.save`): the steps and rewind kept,
 * a remapped key kept, and a key map that would take a typing key, an input-method switch or
 * another shortcut's key refused with the reason, leaving what is stored as it was.
 */
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../../../electron/backend/dispatch';
import { writeSetting } from '../../../../electron/backend/settings';
import { keyMapProblem, playerKeys, readPlayerSettings } from '../../../../shared/api/player-settings';
import { libraryPerTest } from '../../../helpers/library-per-test';

const lib = libraryPerTest();
const get = () => dispatch('player.get', {}, lib.ctx);
const save = (settings: unknown) => dispatch('player.save', { settings }, lib.ctx);

describe('player.get / player.save', () => {
  it('starts at 3 s back, 5 s forward, 1 s rewind, then keeps what is saved', async () => {
    expect(await get()).toEqual({ ok: true, value: { settings: { backMs: 3000, forwardMs: 5000, rewindMs: 1000 } } });
    const mine = { backMs: 2000, forwardMs: 10_000, rewindMs: 1500, keys: { playPause: ['F13'], stamp: ['Ctrl+Alt+Y'] } };
    expect(await save(mine)).toEqual({ ok: true, value: { settings: mine } });
    expect(await get()).toEqual({ ok: true, value: { settings: mine } });
  });

  it('refuses steps out of bounds and key maps that clash, storing nothing', async () => {
    await save({ backMs: 2000, forwardMs: 5000, rewindMs: 1000 });
    expect(await save({ backMs: 100, forwardMs: 5000, rewindMs: 1000 })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    for (const key of ['s', '1', 'Shift+A', 'Ctrl+Space', 'Alt+Z', 'CmdOrCtrl+Alt+P', 'F1', 'Ctrl+Alt+J']) {
      // Ctrl+Alt+J is already "back": giving it to play/pause too would make one key do two things.
      expect(await save({ backMs: 2000, forwardMs: 5000, rewindMs: 1000, keys: { playPause: [key] } }), key).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    }
    expect(await get()).toEqual({ ok: true, value: { settings: { backMs: 2000, forwardMs: 5000, rewindMs: 1000 } } });
  });

  it('reads a damaged stored value field by field, falling back to the defaults', async () => {
    writeSetting(lib.ctx.db, 'player.settings', { backMs: 'x', forwardMs: 8000, rewindMs: -1, keys: { playPause: ['a'] } });
    expect(await get()).toEqual({ ok: true, value: { settings: { backMs: 3000, forwardMs: 8000, rewindMs: 1000 } } });
  });
});

describe('keyMapProblem', () => {
  it('names what is wrong with a key, by kind', () => {
    expect(keyMapProblem({ back: ['w'] }, 'other')).toEqual({ action: 'back', key: 'w', problem: 'types' });
    expect(keyMapProblem({ back: ['Ctrl+Space'] }, 'other')).toEqual({ action: 'back', key: 'Ctrl+Space', problem: 'reserved' });
    expect(keyMapProblem({ back: ['Ctrl+Alt+M'] }, 'other')).toEqual({ action: 'back', key: 'Ctrl+Alt+M', problem: 'taken' });
    expect(keyMapProblem({ forward: ['F8'] }, 'other')).toEqual({ action: 'forward', key: 'F8', problem: 'twice' });
    expect(keyMapProblem({ forward: ['Hyper+X'] }, 'other')).toEqual({ action: 'forward', key: 'Hyper+X', problem: 'invalid' });
    expect(keyMapProblem({ forward: ['F13'], back: ['Ctrl+Alt+Y'] }, 'other')).toBeNull();
  });

  it('applies a map over the table’s keys, action by action', () => {
    const keys = playerKeys({ playPause: ['F13'] }, 'other');
    expect(keys.playPause).toEqual(['F13']);
    expect(keys.back).toEqual(['F7', 'Ctrl+Alt+J']);
  });

  it('drops a stored key map the platform refuses, keeping the steps', () => {
    expect(readPlayerSettings({ backMs: 2500, forwardMs: 5000, rewindMs: 0, keys: { stamp: ['F8'] } })).toEqual({ backMs: 2500, forwardMs: 5000, rewindMs: 0 });
  });
});
