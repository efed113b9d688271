/**
 * Pending changes to one value: a turn's speaker, a photo's caption, credit or alt text, a metadata
 * field, or the break after a paragraph. Several reviewers can stack changes on the same value, so it
 * is kept as a history: `base` (the value once every pending change is rejected) and `steps` (the
 * changes in the order they were made, each with the value it set).
 *
 * The rule that makes deciding one at a time agree with deciding all at once: the final value is the
 * one set by the LAST accepted change, or `base` when none is accepted. It depends only on which
 * changes are accepted, never on the order of the decisions. Accepting a change settles the ones
 * before it (whatever is decided about them, they can no longer matter), so they leave the history.
 */
import type { Decide } from './decisions';

export interface Step<V> {
  id: string;
  to: V;
}

export interface History<V> {
  base: V;
  steps: Step<V>[];
}

export type Same<V> = (a: V, b: V) => boolean;

export const sameValue: Same<unknown> = (a, b) => a === b || JSON.stringify(a) === JSON.stringify(b);

/** The value as it reads with every pending change accepted. */
export function currentValue<V>(h: History<V>): V {
  return h.steps.length > 0 ? h.steps[h.steps.length - 1]!.to : h.base;
}

/**
 * Apply decisions to a history. Leading steps that set the value it already has are dropped: no
 * combination of later decisions could make them matter. (A no-op step further along is kept: it
 * matters if a change before it is rejected.)
 */
export function resolveHistory<V>(h: History<V>, decide: Decide, same: Same<V> = sameValue): History<V> {
  let base = h.base;
  let steps: Step<V>[] = [];
  for (const step of h.steps) {
    const decision = decide(step.id);
    if (decision === 'accept') {
      base = step.to;
      steps = [];
    } else if (decision === undefined) {
      steps.push(step);
    }
  }
  while (steps.length > 0 && same(steps[0]!.to, base)) steps.shift();
  return { base, steps };
}

export interface ChangeRules {
  /** Whether a step was made by the author now editing (their pending change is theirs to amend). */
  isOwn(id: string): boolean;
  /** The value sits inside the author's own pending insertion: an edit there is not a suggestion. */
  plain: boolean;
  /** Open a new suggestion and return its id. */
  open(): string;
}

/**
 * Record that the value was set to `to` by the current author:
 * - no change, nothing recorded;
 * - the last pending change is the author's own: it is amended, and dropped if it is undone;
 * - nothing pending and the value belongs to the author's own insertion: set plainly;
 * - otherwise a new pending change.
 */
export function changeValue<V>(h: History<V>, to: V, rules: ChangeRules, same: Same<V> = sameValue): History<V> {
  if (same(currentValue(h), to)) return h;
  const last = h.steps[h.steps.length - 1];
  if (last && rules.isOwn(last.id)) {
    const before = h.steps.length > 1 ? h.steps[h.steps.length - 2]!.to : h.base;
    const kept = h.steps.slice(0, -1);
    return { base: h.base, steps: same(before, to) ? kept : [...kept, { id: last.id, to }] };
  }
  if (!last && rules.plain) return { base: to, steps: [] };
  return { base: h.base, steps: [...h.steps, { id: rules.open(), to }] };
}

/** A change as the document stores it: the suggestion id and the value it replaced (schema.ts `changes`). */
export interface StoredChange<V> {
  id: string;
  from: V;
}

/** Read a stored list of changes (oldest first) and the value now in the document as a history. */
export function historyOf<V>(changes: readonly StoredChange<V>[], current: V): History<V> {
  if (changes.length === 0) return { base: current, steps: [] };
  return {
    base: changes[0]!.from,
    steps: changes.map((c, i) => ({ id: c.id, to: i + 1 < changes.length ? changes[i + 1]!.from : current })),
  };
}

/** The stored form of a history: its changes with the values they replaced, and the current value. */
export function storedOf<V>(h: History<V>): { changes: StoredChange<V>[]; current: V } {
  return {
    changes: h.steps.map((s, i) => ({ id: s.id, from: i === 0 ? h.base : h.steps[i - 1]!.to })),
    current: currentValue(h),
  };
}
