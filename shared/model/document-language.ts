/**
 * What follows a document's language (`meta.language`) rather than the language of the UI: the
 * labels the app gives speakers it names itself, the credit prefix (photo-credit.ts) and the checks
 * (shared/vietnamese/check-text.ts). A journalist with an English UI writes Vietnamese interviews,
 * and the other way round, so none of these may read the UI's language.
 */
import { newInterview } from './factory';
import { UNKNOWN_SPEAKER_LABEL } from './normalize';
import { isDefaultParticipant, speakerIdsInUse } from './participants';
import type { Block, Interview, Language, Participant } from './schema';

/** The printed label of a speaker added by hand, `Người nói 3` / `Speaker 3`, in the document's language. */
export function newSpeakerLabel(language: Language, n: number): string {
  return `${UNKNOWN_SPEAKER_LABEL[language]} ${n}`;
}

/**
 * The participants of a document taking `language`: a default speaker the app put there
 * (`Phóng viên`, `Khách mời`) that nobody has renamed or given a turn yet becomes that language's
 * default (`Reporter`, `Guest`). One already speaking keeps its label, since the turns print it and
 * the writer has seen it there; one renamed or filled in is the writer's and is never touched.
 * Returns the same array when nothing changes.
 */
export function participantsForLanguage(participants: readonly Participant[], body: readonly Block[], language: Language): readonly Participant[] {
  const used = speakerIdsInUse(body);
  const defaults = newInterview('defaults', language).participants;
  let changed = false;
  const next = participants.map((p) => {
    if (used.has(p.id) || !isDefaultParticipant(p)) return p;
    // The same role's default in the new language; the id stays, so nothing that names it changes.
    const counterpart = defaults.find((d) => d.role === p.role);
    if (!counterpart || counterpart.label === p.label) return p;
    changed = true;
    return { ...p, label: counterpart.label };
  });
  return changed ? next : participants;
}

/** The document in another language: its `meta.language` and, where still untouched, its default speakers. */
export function withDocumentLanguage(doc: Interview, language: Language): Interview {
  if (doc.meta.language === language) return doc;
  const participants = participantsForLanguage(doc.participants, doc.body, language);
  return { ...doc, meta: { ...doc.meta, language }, participants: participants === doc.participants ? doc.participants : [...participants] };
}
