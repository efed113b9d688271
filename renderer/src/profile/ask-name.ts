/**
 * "Who are you?" before a first suggestion or comment. Someone who put the first-start profile off
 * ("Later") is asked for a name at the moment it is needed, once: the answer becomes the profile,
 * so every suggestion and comment is attributed to a person, never to "?". One request at a time;
 * whoever asks while the question is open waits for the same answer. AskNameDialog shows it.
 */
import { currentProfile } from './profile-store';

type Waiter = (named: boolean) => void;

let waiters: Waiter[] = [];
const listeners = new Set<() => void>();
const notify = () => {
  for (const l of listeners) l();
};

/** Resolves true once there is a profile (at once if there is one), false if the user declined. */
export function ensureNamed(): Promise<boolean> {
  if (currentProfile()) return Promise.resolve(true);
  return new Promise((resolve) => {
    waiters.push(resolve);
    if (waiters.length === 1) notify();
  });
}

/** Run `action` once the user has a name; nothing happens if they decline. */
export function whenNamed(action: () => void): void {
  if (currentProfile()) return action();
  void ensureNamed().then((named) => {
    if (named) action();
  });
}

export function nameAsked(): boolean {
  return waiters.length > 0;
}

/** The dialog's answer: the profile was saved (true) or the question dismissed (false). */
export function answerNameRequest(named: boolean): void {
  const answered = waiters;
  waiters = [];
  notify();
  for (const w of answered) w(named);
}

export function subscribeNameRequest(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
