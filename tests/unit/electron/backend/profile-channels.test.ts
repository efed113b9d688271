/** The local profile is kept in the library settings through the backend channels. */
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../../../electron/backend/dispatch';
import { writeSetting } from '../../../../electron/backend/settings';
import { libraryPerTest } from '../../../helpers/library-per-test';

const lib = libraryPerTest();

describe('profile.get / profile.save', () => {
  it('has no profile before the first start asks for one, then keeps what was saved', async () => {
    expect(await dispatch('profile.get', {}, lib.ctx)).toEqual({ ok: true, value: { profile: null } });
    const profile = { id: 'a1b2', name: 'Minh', role: 'editor' };
    expect(await dispatch('profile.save', { profile }, lib.ctx)).toEqual({ ok: true, value: { profile } });
    expect(await dispatch('profile.get', {}, lib.ctx)).toEqual({ ok: true, value: { profile } });
  });

  it('refuses a profile without a name, and reads a damaged stored one as none', async () => {
    expect(await dispatch('profile.save', { profile: { id: 'a1', name: '  ', role: 'editor' } }, lib.ctx)).toMatchObject({ ok: false });
    writeSetting(lib.ctx.db, 'review.profile', { id: 'a1', name: 'X', role: 'chief' });
    expect(await dispatch('profile.get', {}, lib.ctx)).toEqual({ ok: true, value: { profile: null } });
  });
});
