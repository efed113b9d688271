import { DOCUMENT_FORMAT, type Interview, type Language, type Paragraph, type Participant } from './schema';

export function emptyParagraph(): Paragraph {
  return { type: 'paragraph', children: [{ text: '' }] };
}

/** Default speakers of a new interview, in the document's language. */
const DEFAULT_PARTICIPANTS: Record<Language, Participant[]> = {
  vi: [
    { id: 'p1', label: 'Phóng viên', fullName: '', title: '', role: 'interviewer' },
    { id: 'p2', label: 'Khách mời', fullName: '', title: '', role: 'interviewee' },
  ],
  en: [
    { id: 'p1', label: 'Reporter', fullName: '', title: '', role: 'interviewer' },
    { id: 'p2', label: 'Guest', fullName: '', title: '', role: 'interviewee' },
  ],
};

/** A new, empty interview: an intro paragraph to type into, and the two usual speakers. */
export function newInterview(id: string, language: Language): Interview {
  return {
    format: DOCUMENT_FORMAT,
    id,
    meta: {
      section: '',
      headline: '',
      subheadline: '',
      location: '',
      sapo: '',
      byline: '',
      source: '',
      language,
      slug: '',
      urgency: 5,
      genre: 'Interview',
      embargo: null,
      editorialNote: '',
      keywords: [],
      status: 'draft',
    },
    participants: DEFAULT_PARTICIPANTS[language].map((p) => ({ ...p })),
    body: [emptyParagraph()],
  };
}
