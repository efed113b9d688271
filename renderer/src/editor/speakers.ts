/**
 * Who speaks next. An interview alternates interviewer and interviewee; with more participants
 * the next speaker is the one of the other side who spoke most recently (so a panel keeps its
 * last exchange going), or the first one of that side who has not spoken yet.
 */
import type { Participant } from '../../../shared/model/schema';

export function nextSpeakerId(participants: readonly Participant[], currentId: string | null, earlierSpeakerIds: readonly string[]): string | null {
  if (participants.length === 0) return null;
  const current = participants.find((p) => p.id === currentId);
  if (!current) return (participants.find((p) => p.role === 'interviewer') ?? participants[0]!).id;
  const otherSide = participants.filter((p) => p.role !== current.role);
  if (otherSide.length === 0) {
    // Only one side present: take the next participant in order.
    const i = participants.indexOf(current);
    return participants[(i + 1) % participants.length]!.id;
  }
  for (let i = earlierSpeakerIds.length - 1; i >= 0; i--) {
    const id = earlierSpeakerIds[i];
    if (otherSide.some((p) => p.id === id)) return id!;
  }
  return otherSide[0]!.id;
}
