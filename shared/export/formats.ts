/**
 * The export-format registry: every format the app, the command line, the desktop menu and the
 * newsroom destinations can produce, once. Each of them reads this table and nothing else, so a
 * format cannot be offered in one place and special-cased in another (agency text and the
 * document's JSON used to be: the CLI's text export then skipped the accepted view and printed
 * pending suggestions as text).
 *
 * Per format: its id (as the API, settings and the delivery log spell it), its name on the command
 * line, its label in both UI languages, the file's extension and media type, which state of the
 * document it exports, the preflight rules that apply, whether picture files go with it, which
 * receiving systems ingest it whole (receivers.ts), and where it is offered.
 */
import type { Receiver } from './receivers';

/** Formats built from the story (story.ts): the wire formats and HTML. */
export const EXPORT_FORMATS = ['nitf', 'nitf-no-namespace', 'newsml-g2', 'ninjs-3.1', 'ninjs-2.2', 'ninjs-superdesk', 'iptc7901', 'html'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** Every format in the registry, in the order menus and help list them. */
export const FORMAT_IDS = ['agency-text', ...EXPORT_FORMATS, 'docx', 'docx-clean', 'webvtt', 'srt', 'json'] as const;
export type FormatId = (typeof FORMAT_IDS)[number];

/**
 * What preflight checks for a format (preflight.ts). Pending suggestions block every format that
 * exports the accepted view, whatever these say: that view does not exist while any is undecided.
 */
export interface PreflightRules {
  /** No headline is an error (every wire format needs one; a plain text for people does not). */
  headline: boolean;
  /** A photo must have its image in the library (formats that deliver picture files). */
  images: boolean;
  /** Advice is listed as warnings to accept: credits, empty turns, open comments, tone marks, spelling. */
  advice: boolean;
  /** Longest advised headline, in characters. */
  headlineLimit: number;
  /** Subtitles from the paragraphs' times: what the file will hold is checked (preflight.ts, subtitles.*). */
  subtitles?: true;
}

export interface FormatSpec {
  id: FormatId;
  /** The name `interview-desk convert --to` and `export --format` take (the id is accepted too). */
  cliName: string;
  label: { en: string; vi: string };
  /** Extension of the main file, without the dot. */
  extension: string;
  mime: string;
  /**
   * `accepted`: the text as if every suggestion were accepted, refused while any is pending (what
   * leaves the app for readers). `stored`: the document as stored, suggestions and comments
   * included (a lossless copy that `interview-desk import` reads back). `review`: the stored
   * document for a person who reviews it elsewhere, its pending suggestions shown as tracked
   * changes and its comments as comments (Word: shared/export/docx/); nothing waits on a decision,
   * so pending suggestions do not block it.
   */
  view: 'accepted' | 'stored' | 'review';
  /** null: nothing is checked (the stored document is copied as it is). */
  preflight: PreflightRules | null;
  /** Picture files are delivered with the main file (the format refers to them). */
  pictures: boolean;
  /** The images go inside the file (Word): the caller gives their bytes (options.ts `pictureBytes`). */
  embedsPictures: boolean;
  /** Receiving systems that ingest it whole; empty for files meant for people. */
  readBy: readonly Receiver[];
  /** Offered in the Export dialog and the desktop menu's Export submenu. */
  inDialog: boolean;
  /** May be a newsroom destination's format (for a receiver in readBy). */
  forDestinations: boolean;
}

/** House limit for headlines, in characters as a reader counts them. */
export const HEADLINE_LIMIT = 100;

const WIRE: PreflightRules = { headline: true, images: true, advice: true, headlineLimit: HEADLINE_LIMIT };
/**
 * Agency text is the copy desk's working text, read back by the importer: it has no pictures to
 * deliver and goes to people, not to an ingest parser, so only what cannot be exported blocks it.
 */
const PEOPLE: PreflightRules = { headline: false, images: false, advice: false, headlineLimit: HEADLINE_LIMIT };
/** Subtitles are for people too; what they check is whether the recording's times give a file. */
const SUBTITLES: PreflightRules = { ...PEOPLE, subtitles: true };

const spec = (s: Omit<FormatSpec, 'pictures' | 'embedsPictures' | 'inDialog' | 'forDestinations' | 'view' | 'preflight'> & Partial<FormatSpec>): FormatSpec => ({
  view: 'accepted',
  preflight: WIRE,
  pictures: true,
  embedsPictures: false,
  inDialog: true,
  forDestinations: true,
  ...s,
});

export const FORMATS: Readonly<Record<FormatId, FormatSpec>> = {
  'agency-text': spec({
    id: 'agency-text',
    cliName: 'text',
    label: { en: 'Agency plain text', vi: 'Văn bản thuần kiểu TTXVN' },
    extension: 'txt',
    mime: 'text/plain',
    preflight: PEOPLE,
    pictures: false,
    readBy: [],
    forDestinations: false,
  }),
  nitf: spec({
    id: 'nitf',
    cliName: 'nitf',
    label: { en: 'NITF 3.6 (namespaced)', vi: 'NITF 3.6 (có namespace)' },
    extension: 'xml',
    mime: 'application/nitf+xml',
    // Superdesk's NITF parser reads only the no-namespace form.
    readBy: ['generic'],
  }),
  'nitf-no-namespace': spec({
    id: 'nitf-no-namespace',
    cliName: 'nitf-nons',
    label: { en: 'NITF 3.6 without namespace', vi: 'NITF 3.6 không namespace' },
    extension: 'xml',
    mime: 'application/nitf+xml',
    readBy: ['superdesk', 'generic'],
  }),
  'newsml-g2': spec({
    id: 'newsml-g2',
    cliName: 'newsml',
    label: { en: 'NewsML-G2 2.35 (text, pictures, package)', vi: 'NewsML-G2 2.35 (bài, ảnh, gói)' },
    extension: 'xml',
    mime: 'application/vnd.iptc.g2.newsmessage+xml',
    readBy: ['superdesk', 'generic'],
  }),
  'ninjs-3.1': spec({
    id: 'ninjs-3.1',
    cliName: 'ninjs',
    label: { en: 'IPTC ninjs 3.1 (JSON)', vi: 'IPTC ninjs 3.1 (JSON)' },
    extension: 'json',
    mime: 'application/json',
    // Superdesk reads its own ninjs dialect only (ninjs-superdesk): IPTC associations crash its parser.
    readBy: ['generic'],
  }),
  'ninjs-2.2': spec({
    id: 'ninjs-2.2',
    cliName: 'ninjs2',
    label: { en: 'IPTC ninjs 2.2 (JSON)', vi: 'IPTC ninjs 2.2 (JSON)' },
    extension: 'json',
    mime: 'application/json',
    readBy: ['generic'],
  }),
  'ninjs-superdesk': spec({
    id: 'ninjs-superdesk',
    cliName: 'ninjs-superdesk',
    label: { en: 'Superdesk ninjs (JSON)', vi: 'ninjs của Superdesk (JSON)' },
    extension: 'json',
    mime: 'application/json',
    readBy: ['superdesk'],
  }),
  iptc7901: spec({
    id: 'iptc7901',
    cliName: 'iptc7901',
    label: { en: 'IPTC 7901 wire text', vi: 'Điện văn IPTC 7901' },
    extension: 'txt',
    mime: 'text/plain',
    // A 7901 message carries captions as text lines, never picture files.
    pictures: false,
    readBy: ['superdesk', 'generic'],
  }),
  html: spec({
    id: 'html',
    cliName: 'html',
    label: { en: 'HTML page', vi: 'Trang HTML' },
    extension: 'html',
    mime: 'text/html',
    // A web CMS's drop folder, or a preview: any "other" system.
    readBy: ['generic'],
  }),
  // Word, for a reviewer without Interview Desk (shared/export/docx/, docs/wordprocessingml.md).
  docx: spec({
    id: 'docx',
    cliName: 'docx',
    label: { en: 'Word document with tracked changes and comments', vi: 'Tài liệu Word kèm theo dõi thay đổi và bình luận' },
    extension: 'docx',
    mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    view: 'review',
    preflight: PEOPLE,
    pictures: false,
    embedsPictures: true,
    readBy: [],
    forDestinations: false,
  }),
  // The clean copy is the accepted view, refused while suggestions are pending as every accepted
  // view is: exporting it then would send undecided changes out as if they had been accepted.
  'docx-clean': spec({
    id: 'docx-clean',
    cliName: 'docx-clean',
    label: { en: 'Word document, clean (accepted text only)', vi: 'Tài liệu Word, bản sạch (chỉ văn bản đã chấp nhận)' },
    extension: 'docx',
    mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    preflight: PEOPLE,
    pictures: false,
    embedsPictures: true,
    readBy: [],
    forDestinations: false,
  }),
  // Subtitles of the turns, from the paragraphs' times (subtitles/): for a video of the interview,
  // made for people and video tools, never for a newsroom's ingest; the only formats with times.
  webvtt: spec({
    id: 'webvtt',
    cliName: 'vtt',
    label: { en: 'WebVTT subtitles (from the recording times)', vi: 'Phụ đề WebVTT (theo mốc thời gian ghi âm)' },
    extension: 'vtt',
    mime: 'text/vtt',
    preflight: SUBTITLES,
    pictures: false,
    readBy: [],
    forDestinations: false,
  }),
  srt: spec({
    id: 'srt',
    cliName: 'srt',
    label: { en: 'SRT subtitles (from the recording times)', vi: 'Phụ đề SRT (theo mốc thời gian ghi âm)' },
    extension: 'srt',
    mime: 'application/x-subrip',
    preflight: SUBTITLES,
    pictures: false,
    readBy: [],
    forDestinations: false,
  }),
  json: spec({
    id: 'json',
    cliName: 'json',
    label: { en: 'Interview Desk JSON (the document itself)', vi: 'JSON của Interview Desk (chính tài liệu)' },
    extension: 'json',
    mime: 'application/json',
    view: 'stored',
    preflight: null,
    pictures: false,
    readBy: [],
    inDialog: false,
    forDestinations: false,
  }),
};

/** The formats of the Export dialog and of the desktop menu's Export submenu, in order. */
export const DIALOG_FORMATS = FORMAT_IDS.filter((f) => FORMATS[f].inDialog);

/** Formats a newsroom destination may use. */
export const DESTINATION_FORMATS = ['nitf', 'nitf-no-namespace', 'newsml-g2', 'ninjs-3.1', 'ninjs-2.2', 'ninjs-superdesk', 'iptc7901', 'html'] as const satisfies readonly FormatId[];
export type DestinationFormat = (typeof DESTINATION_FORMATS)[number];

/** Whether a receiving system ingests a format whole (a destination for it may use the format). */
export function receiverReads(receiver: Receiver, format: FormatId): boolean {
  return FORMATS[format].readBy.includes(receiver);
}

/** The format a command-line name or a format id stands for, or undefined. */
export function formatByName(name: string): FormatId | undefined {
  return FORMAT_IDS.find((f) => FORMATS[f].cliName === name) ?? FORMAT_IDS.find((f) => f === name);
}

export const isExportFormat = (format: FormatId): format is ExportFormat => (EXPORT_FORMATS as readonly string[]).includes(format);
