/** The local profile, kept in the library settings (shared/api/profile.ts says what it is for). */
import { profileSchema, type Profile } from '../../shared/api/profile';
import type { HandlerContext } from './context';
import { readSetting, writeSetting } from './settings';

const PROFILE = 'review.profile';

/** The stored profile, or null before the first start has asked for one (or when it is damaged). */
export function getProfile(ctx: HandlerContext): Profile | null {
  const parsed = profileSchema.safeParse(readSetting(ctx.db, PROFILE));
  return parsed.success ? parsed.data : null;
}

export function saveProfile(ctx: HandlerContext, profile: Profile): Profile {
  writeSetting(ctx.db, PROFILE, profile);
  return profile;
}
