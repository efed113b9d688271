/**
 * A pasted interview's speakers joined to a document's participants (shared/model/participants.ts
 * `adoptIncomingSpeakers`): the default participants nobody speaks as give way, in order; nobody a
 * turn names ever goes.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { newInterview } from '../../../../shared/model/factory';
import { adoptIncomingSpeakers, isDefaultParticipant, speakerIdsInUse } from '../../../../shared/model/participants';
import type { Participant } from '../../../../shared/model/schema';

const person = (id: string, label: string, role: Participant['role'] = 'interviewee'): Participant => ({ id, label, fullName: '', title: '', role });
const defaults = newInterview('d', 'vi').participants;
const pasted = [person('p1', 'PV', 'interviewer'), person('p2', 'Ông Hải')];

describe('adoptIncomingSpeakers', () => {
  it('unused defaults are replaced by the pasted speakers, in their order', () => {
    const { participants, idMap } = adoptIncomingSpeakers(defaults, pasted, new Set());
    expect(participants).toEqual([person('p1', 'PV', 'interviewer'), person('p2', 'Ông Hải')]);
    expect(idMap).toEqual({ p1: 'p1', p2: 'p2' });
  });

  it('a default a turn names stays, and keeps its place', () => {
    const { participants, idMap } = adoptIncomingSpeakers(defaults, pasted, new Set(['p1']));
    expect(participants.map((p) => [p.id, p.label])).toEqual([
      ['p1', 'Phóng viên'],
      ['p2', 'PV'],
      ['p3', 'Ông Hải'],
    ]);
    expect(idMap).toEqual({ p1: 'p2', p2: 'p3' });
  });

  it('a renamed or filled-in participant is not a default: it stays, and a speaker of its label is it', () => {
    const own = [{ ...defaults[0]!, label: 'PV' }, { ...defaults[1]!, fullName: 'Nguyễn Văn Hải' }];
    expect(own.map(isDefaultParticipant)).toEqual([false, false]);
    const { participants, idMap } = adoptIncomingSpeakers(own, pasted, new Set());
    expect(participants.map((p) => [p.id, p.label])).toEqual([
      ['p1', 'PV'],
      ['p2', 'Khách mời'],
      ['p3', 'Ông Hải'],
    ]);
    expect(idMap).toEqual({ p1: 'p1', p2: 'p3' });
  });

  it('English defaults too; nothing pasted changes nothing', () => {
    expect(newInterview('d', 'en').participants.every(isDefaultParticipant)).toBe(true);
    expect(adoptIncomingSpeakers(defaults, [], new Set()).participants).toEqual(defaults);
  });

  it('the speakers turns name, pending speaker changes included, are in use', () => {
    const ids = speakerIdsInUse([
      { type: 'paragraph', children: [{ text: '' }] },
      { type: 'turn', speakerId: 'p3', changes: [{ id: 's1', field: 'speakerId', from: 'p1' }], children: [{ type: 'paragraph', children: [{ text: 'x' }] }] },
    ]);
    expect([...ids].sort()).toEqual(['p1', 'p3']);
  });

  it('as a property: no participant in use is lost, ids stay unique, every incoming speaker maps to a participant', () => {
    const label = fc.constantFrom('Phóng viên', 'Khách mời', 'Reporter', 'Guest', 'PV', 'Ông Hải', 'Bà Lan');
    const people = (prefix: string) =>
      fc.array(fc.record({ label, role: fc.constantFrom('interviewer' as const, 'interviewee' as const) }), { maxLength: 5 }).map((xs) => xs.map((x, i) => person(`${prefix}${i + 1}`, x.label, x.role)));
    fc.assert(
      fc.property(people('p'), people('q'), fc.array(fc.nat({ max: 6 })), (existing, incoming, used) => {
        const inUse = new Set(used.map((n) => `p${n}`));
        const { participants, idMap } = adoptIncomingSpeakers(existing, incoming, inUse);
        const ids = participants.map((p) => p.id);
        expect(new Set(ids).size).toBe(ids.length);
        for (const p of existing) if (inUse.has(p.id) || !isDefaultParticipant(p)) expect(participants).toContainEqual(p);
        for (const q of incoming) expect(ids).toContain(idMap[q.id]);
      }),
    );
  });
});
