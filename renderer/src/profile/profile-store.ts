/**
 * The local profile as the renderer knows it: loaded once from the library settings (backend
 * channel `profile.get`), shared by the first-start prompt, the top bar and the review features.
 */
import { useSyncExternalStore } from 'react';
import type { Profile } from '../../../shared/api/profile';
import { api } from '../api';

/** undefined while loading; null when no profile has been set yet. */
let current: Profile | null | undefined;
let loading: Promise<void> | undefined;
const listeners = new Set<() => void>();

function set(p: Profile | null): void {
  current = p;
  for (const l of listeners) l();
}

function load(): Promise<void> {
  loading ??= api.profile.get({}).then((r) => set(r.ok ? r.value.profile : null));
  return loading;
}

/**
 * Resolves once the profile is known. The app waits for it before opening a screen: a document
 * chooses its starting mode from the role (an editor's opens in Suggesting), once, as it mounts.
 */
export function profileLoaded(): Promise<void> {
  return load();
}

export function currentProfile(): Profile | null | undefined {
  return current;
}

export async function saveProfile(profile: Profile): Promise<string | null> {
  const r = await api.profile.save({ profile });
  if (!r.ok) return r.error.message;
  set(r.value.profile);
  return null;
}

/** A new author id: random, kept in the profile for good (renaming keeps one's suggestions one's own). */
export const newAuthorId = (): string => crypto.randomUUID();

export function useProfile(): Profile | null | undefined {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      load();
      return () => listeners.delete(l);
    },
    () => current,
  );
}
