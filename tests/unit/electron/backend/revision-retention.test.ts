import { describe, expect, it } from 'vitest';
import { MAX_AUTO_KEPT, MAX_MODE_KEPT, revisionsToDrop, type RevisionStamp } from '../../../../electron/backend/revision-retention';

const T0 = Date.parse('2026-01-01T00:00:00.000Z');
const MIN = 60_000;

/** One autosave every `everyMs` for `spanMs`, numbered from 1; the last one is the newest. */
function autosaves(spanMs: number, everyMs: number): RevisionStamp[] {
  const rows: RevisionStamp[] = [];
  for (let t = 0, n = 1; t <= spanMs; t += everyMs, n++) rows.push({ revision: n, savedAt: new Date(T0 + t).toISOString(), kind: 'auto', name: '' });
  return rows;
}

/** Apply the policy as the store does: after every save, over the rows kept so far. */
function keptAfterEachSave(all: RevisionStamp[]): RevisionStamp[] {
  let kept: RevisionStamp[] = [];
  for (const row of all) {
    kept.push(row);
    const drop = new Set(revisionsToDrop(kept));
    kept = kept.filter((r) => !drop.has(r.revision));
  }
  return kept;
}

describe('revision retention', () => {
  it('keeps every revision of the last hour', () => {
    const rows = autosaves(60 * MIN, 5_000);
    expect(revisionsToDrop(rows)).toEqual([]);
  });

  it('keeps one revision per 10-minute slot between an hour and a day old, the last in each slot', () => {
    const rows = autosaves(5 * 60 * MIN, MIN);
    const kept = keptAfterEachSave(rows);
    const newest = Date.parse(rows.at(-1)!.savedAt);
    const older = kept.filter((r) => newest - Date.parse(r.savedAt) > 60 * MIN && r.revision !== 1);
    const slots = older.map((r) => Math.floor(Date.parse(r.savedAt) / (10 * MIN)));
    expect(new Set(slots).size).toBe(slots.length); // one per slot
    expect(older.length).toBeGreaterThanOrEqual(23);
    expect(older.length).toBeLessThanOrEqual(25);
    // The one kept is the slot's last: its successor lies in the next slot.
    for (const r of older) expect(Math.floor((Date.parse(r.savedAt) + MIN) / (10 * MIN))).not.toBe(Math.floor(Date.parse(r.savedAt) / (10 * MIN)));
    expect(kept.filter((r) => newest - Date.parse(r.savedAt) <= 60 * MIN)).toHaveLength(61);
  });

  it('thins to one a day, then one per 30 days, and stays bounded over a year of editing', () => {
    const kept = keptAfterEachSave(autosaves(365 * 24 * 60 * MIN, 30 * MIN));
    // 3 in the last hour, ≤ 47 ten-minute slots in the last day, ≤ 89 days, ≤ 10 months, + the first.
    expect(kept.length).toBeLessThanOrEqual(3 + 47 + 89 + 10 + 1);
    expect(kept.length).toBeGreaterThan(100);
    expect(kept[0]!.revision).toBe(1);
  });

  it('always keeps the first and newest revisions, event snapshots and named versions', () => {
    const rows = autosaves(3 * 24 * 60 * MIN, MIN);
    rows[100]!.kind = 'export';
    rows[200]!.name = 'Sent to the desk';
    rows[300]!.kind = 'received';
    const kept = new Set(keptAfterEachSave(rows).map((r) => r.revision));
    for (const r of [1, 101, 201, 301, rows.length]) expect(kept).toContain(r);
  });

  it('keeps the state a restore replaced (the revision right before each restore), also beyond the cap', () => {
    const rows = autosaves(3 * 24 * 60 * MIN, MIN);
    rows[500]!.kind = 'restore';
    rows[501]!.kind = 'restore'; // an undone restore: the first restore is what it replaced
    const kept = new Set(keptAfterEachSave(rows).map((r) => r.revision));
    for (const r of [500, 501, 502]) expect(kept).toContain(r);
    const capped = autosaves(60 * MIN, 1_000).slice(0, MAX_AUTO_KEPT + 50);
    capped[10]!.kind = 'restore';
    expect(revisionsToDrop(capped)).not.toContain(10);
  });

  it('never drops a revision whose time is unreadable or after the newest (a wrong clock)', () => {
    const rows = autosaves(3 * 60 * MIN, MIN);
    rows[10]!.savedAt = 'not a time';
    rows[20]!.savedAt = '2099-01-01T00:00:00.000Z';
    const drop = revisionsToDrop(rows);
    expect(drop).not.toContain(11);
    expect(drop).not.toContain(21);
  });

  it('caps the kept autosaves even when every timestamp is within the hour', () => {
    const rows = autosaves(60 * MIN, 1_000).slice(0, MAX_AUTO_KEPT + 50);
    const drop = revisionsToDrop(rows);
    expect(rows.length - drop.length).toBe(MAX_AUTO_KEPT + 2); // + the first and the newest
    expect(drop[0]).toBe(2); // the oldest go first
  });

  it('keeps mode-change snapshots at any age, up to a cap that drops the oldest unnamed ones', () => {
    const rows = autosaves(400 * 24 * 60 * MIN, 60 * MIN);
    for (let i = 1; i < rows.length - 1; i += 20) rows[i]!.kind = 'mode';
    rows[1]!.name = 'Before the desk';
    const modes = rows.filter((r) => r.kind === 'mode');
    expect(modes.length).toBeGreaterThan(MAX_MODE_KEPT + 50);
    const kept = keptAfterEachSave(rows);
    const keptModes = kept.filter((r) => r.kind === 'mode');
    expect(keptModes).toHaveLength(MAX_MODE_KEPT + 1); // + the named one
    expect(keptModes[0]!.revision).toBe(2); // named: kept
    expect(keptModes.at(-1)!.revision).toBe(modes.at(-1)!.revision); // the newest kept
    // The cap takes the oldest: every kept unnamed one is newer than every dropped one.
    const dropped = modes.filter((m) => !keptModes.includes(m));
    expect(Math.max(...dropped.map((r) => r.revision))).toBeLessThan(keptModes[1]!.revision);
  });
});
