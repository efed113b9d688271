/** The local profile is kept in the library settings through the backend channels. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { HandlerContext } from '../../../../electron/backend/context';
import { dispatch } from '../../../../electron/backend/dispatch';
import { writeSetting } from '../../../../electron/backend/settings';
import { tempLibrary } from '../../../helpers/temp-library';

let lib: Awaited<ReturnType<typeof tempLibrary>>;
let ctx: HandlerContext;
beforeEach(async () => {
  lib = await tempLibrary();
  ctx = lib.ctx;
});
afterEach(() => lib.close());

describe('profile.get / profile.save', () => {
  it('has no profile before the first start asks for one, then keeps what was saved', async () => {
    expect(await dispatch('profile.get', {}, ctx)).toEqual({ ok: true, value: { profile: null } });
    const profile = { id: 'a1b2', name: 'Minh', role: 'editor' };
    expect(await dispatch('profile.save', { profile }, ctx)).toEqual({ ok: true, value: { profile } });
    expect(await dispatch('profile.get', {}, ctx)).toEqual({ ok: true, value: { profile } });
  });

  it('refuses a profile without a name, and reads a damaged stored one as none', async () => {
    expect(await dispatch('profile.save', { profile: { id: 'a1', name: '  ', role: 'editor' } }, ctx)).toMatchObject({ ok: false });
    writeSetting(ctx.db, 'review.profile', { id: 'a1', name: 'X', role: 'chief' });
    expect(await dispatch('profile.get', {}, ctx)).toEqual({ ok: true, value: { profile: null } });
  });
});
