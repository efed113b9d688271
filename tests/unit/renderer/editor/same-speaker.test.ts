import type { Descendant } from 'slate';
import { describe, expect, it } from 'vitest';
import { turnsRepeatingSpeaker } from '../../../../renderer/src/editor/same-speaker';
import '../../../../renderer/src/editor/slate-types';

const p = (text: string) => ({ type: 'paragraph' as const, children: [{ text }] });
const turn = (speakerId: string) => ({ type: 'turn' as const, speakerId, children: [p('x')] });

describe('turns repeating the previous speaker', () => {
  it('marks a turn only when the block right before it is a turn of the same speaker', () => {
    const a = turn('p1');
    const b = turn('p1');
    const c = turn('p2');
    const d = turn('p2');
    const e = turn('p2');
    const children: Descendant[] = [a, b, c, p('intro in between'), d, e];
    const set = turnsRepeatingSpeaker(children);
    expect([a, b, c, d, e].map((t) => set.has(t))).toEqual([false, true, false, false, true]);
  });

  it('is computed once per document state', () => {
    const children: Descendant[] = [turn('p1'), turn('p1')];
    expect(turnsRepeatingSpeaker(children)).toBe(turnsRepeatingSpeaker(children));
    expect(turnsRepeatingSpeaker([...children])).not.toBe(turnsRepeatingSpeaker(children));
  });
});
