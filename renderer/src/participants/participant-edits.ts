/**
 * Pure edits of the participant list, and the turns that refer to participants. The turns change
 * through the editor's commands (editor/slate-types.ts), so in Suggesting mode a participant's
 * removal becomes suggestions on their turns, like any other structural change.
 */
import { Element, type Editor } from 'slate';
import { freeParticipantId } from '../../../shared/model/participants';
import type { Participant, ParticipantRole } from '../../../shared/model/schema';
import { turnIndexesOf } from '../editor/commands';

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

/** How many turns a participant speaks in (struck ones, pending removal, included). */
export function countTurns(editor: Editor, speakerId: string): number {
  return turnIndexesOf(editor, speakerId).length;
}

/**
 * Whether a pending speaker change of another's turn would, rejected, give the turn back to this
 * participant. Such a participant must stay in the list, or the rejection would give it to a stranger.
 */
export function hasPendingChangeFrom(editor: Editor, speakerId: string): boolean {
  return editor.children.some((b) => Element.isElement(b) && b.type === 'turn' && b.speakerId !== speakerId && (b.changes ?? []).some((c) => c.from === speakerId));
}

/** Give every turn of one speaker to another: the editor's command (Suggesting records it). */
export function reassignTurns(editor: Editor, fromId: string, toId: string): void {
  editor.reassignTurns(fromId, toId);
}

/** Delete every turn of one speaker (with their paragraphs and photos): the editor's command (Suggesting strikes them). */
export function deleteTurns(editor: Editor, speakerId: string): void {
  editor.removeTurnsOf(speakerId);
}
