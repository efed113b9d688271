/** Pure edits of the participant list and of the turns that refer to participants. */
import { Editor, Element, Transforms } from 'slate';
import { freeParticipantId } from '../../../shared/model/participants';
import type { Participant, ParticipantRole } from '../../../shared/model/schema';

export function addParticipant(list: readonly Participant[], label: string, role: ParticipantRole): Participant[] {
  return [...list, { id: freeParticipantId(list), label, fullName: '', title: '', role }];
}

export function moveParticipant(list: readonly Participant[], index: number, delta: -1 | 1): Participant[] {
  const target = index + delta;
  if (target < 0 || target >= list.length) return [...list];
  const next = [...list];
  [next[index], next[target]] = [next[target]!, next[index]!];
  return next;
}

export function updateParticipant(list: readonly Participant[], id: string, patch: Partial<Omit<Participant, 'id'>>): Participant[] {
  return list.map((p) => (p.id === id ? { ...p, ...patch } : p));
}

/** Top-level paths of the turns a participant speaks, last first (safe to remove in order). */
function turnPathsOf(editor: Editor, speakerId: string): number[] {
  const paths: number[] = [];
  editor.children.forEach((block, i) => {
    if (Element.isElement(block) && block.type === 'turn' && block.speakerId === speakerId) paths.push(i);
  });
  return paths.reverse();
}

export function countTurns(editor: Editor, speakerId: string): number {
  return turnPathsOf(editor, speakerId).length;
}

/** Give every turn of one speaker to another. */
export function reassignTurns(editor: Editor, fromId: string, toId: string): void {
  for (const i of turnPathsOf(editor, fromId)) Transforms.setNodes(editor, { speakerId: toId }, { at: [i] });
}

/** Delete every turn of one speaker (with their paragraphs and photos). */
export function deleteTurns(editor: Editor, speakerId: string): void {
  Editor.withoutNormalizing(editor, () => {
    for (const i of turnPathsOf(editor, speakerId)) Transforms.removeNodes(editor, { at: [i] });
  });
}
