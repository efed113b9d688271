/**
 * The story's IPTC subject, from its section: a table the desk edits per destination (Settings),
 * with defaults for the usual Vietnamese and English section names.
 *
 * A section is free text in the document (`Kinh tế`, `Politics`), and no wire format or receiver
 * reads free text as a subject: NITF's `tobject.subject`, NewsML-G2's `subject qcode="subj:…"`
 * and Superdesk's ninjs `subject` all want an 8-digit IPTC Subject Code (the only scheme
 * Superdesk ingests; Media Topics `medtop:` are dropped). The table gives that code.
 *
 * Sections match whatever way they are typed: case, tone-mark placement (`Văn hóa`/`Văn hoá`),
 * missing marks, the kind of dash (`Khoa học – Công nghệ`, `Khoa học - Công nghệ`) and spacing.
 */
import { toAscii } from './ascii';

export interface SubjectRow {
  /** The section as the desk writes it. */
  section: string;
  /** An 8-digit IPTC Subject Code. */
  code: string;
}

export type SubjectTable = readonly SubjectRow[];

/** A subject as the exports write it: the code, and the section that gave it as its name. */
export interface Subject {
  code: string;
  name: string;
}

export const SUBJECT_CODE = /^\d{8}$/;

/**
 * Top-level IPTC Subject Codes (IPTC NewsCodes "subjectcode", English names), for the name NITF's
 * `tobject.subject.type` gives the broad subject a code belongs to.
 */
export const IPTC_SUBJECT_NAMES: Readonly<Record<string, string>> = {
  '01': 'arts, culture and entertainment',
  '02': 'crime, law and justice',
  '03': 'disaster and accident',
  '04': 'economy, business and finance',
  '05': 'education',
  '06': 'environmental issue',
  '07': 'health',
  '08': 'human interest',
  '09': 'labour',
  '10': 'lifestyle and leisure',
  '11': 'politics',
  '12': 'religion and belief',
  '13': 'science and technology',
  '14': 'social issue',
  '15': 'sport',
  '16': 'unrest, conflicts and war',
  '17': 'weather',
};

/** The name of the broad subject a code belongs to (`04001000` → economy, business and finance), or null. */
export function broadSubjectName(code: string): string | null {
  return IPTC_SUBJECT_NAMES[code.slice(0, 2)] ?? null;
}

/** The table a new destination starts with (and plain exports use). */
export const DEFAULT_SUBJECT_TABLE: SubjectTable = [
  { section: 'Chính trị', code: '11000000' },
  { section: 'Politics', code: '11000000' },
  { section: 'Xây dựng Đảng', code: '11000000' },
  { section: 'Kinh tế', code: '04000000' },
  { section: 'Economy', code: '04000000' },
  { section: 'Business', code: '04000000' },
  { section: 'Nông nghiệp - Nông thôn', code: '04001000' },
  { section: 'Agriculture', code: '04001000' },
  { section: 'Xã hội', code: '14000000' },
  { section: 'Society', code: '14000000' },
  { section: 'Văn hóa', code: '01000000' },
  { section: 'Culture', code: '01000000' },
  { section: 'Thể thao', code: '15000000' },
  { section: 'Sport', code: '15000000' },
  { section: 'Sports', code: '15000000' },
  { section: 'Giáo dục', code: '05000000' },
  { section: 'Education', code: '05000000' },
  { section: 'Y tế', code: '07000000' },
  { section: 'Health', code: '07000000' },
  { section: 'Khoa học – Công nghệ', code: '13000000' },
  { section: 'Science and Technology', code: '13000000' },
  { section: 'Môi trường', code: '06000000' },
  { section: 'Environment', code: '06000000' },
  { section: 'Pháp luật', code: '02000000' },
  { section: 'Law', code: '02000000' },
  { section: 'Quốc tế', code: '11000000' },
  { section: 'World', code: '11000000' },
  { section: 'International', code: '11000000' },
];

/** A section reduced to what tells sections apart: ASCII letters and digits in lower case, words joined by one space. */
export function sectionKey(section: string): string {
  return toAscii(section.normalize('NFC'))
    .toLowerCase()
    .replace(/&/g, ' and ')
    .split(/[^a-z0-9]+/)
    .filter((w) => w !== '')
    .join(' ');
}

/** The subject of a section by the table (the first row that matches), or null: no section, or one the table does not know. */
export function subjectOf(section: string, table: SubjectTable): Subject | null {
  const key = sectionKey(section);
  if (key === '') return null;
  const row = table.find((r) => sectionKey(r.section) === key && SUBJECT_CODE.test(r.code));
  return row ? { code: row.code, name: section.trim() } : null;
}
