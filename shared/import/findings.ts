/**
 * What the importer was unsure of, as data: one finding per place in the text, with its line
 * number, so the person importing can go and look. The importer keeps text it doubts and says so
 * here; anything it leaves out (page furniture, a full document) is listed here too, so no word
 * disappears without a line saying where.
 *
 * The CLI and the import preview show the same findings; `describeImportFinding` renders one in
 * either language, so neither needs its own copy of the wording.
 */
import type { Language } from '../model/schema';

export type ImportFindingKind =
  /** The text has no speaker labels: it came in as paragraphs. */
  | 'no-speaker'
  /** Turns whose speaker is printed nowhere (dash-only dialogue, unlabelled questions) were given a placeholder name. */
  | 'placeholder-speaker'
  /** A label printed once, accepted as a speaker from where it stands and how the line is shaped. */
  | 'label-once'
  /** A label read as another form of a speaker's label (`Doe` → `JANE DOE`). */
  | 'label-merged'
  /** A short label that fits several speakers (`Ông Hùng` beside Nguyễn Văn Hùng and Trần Văn Hùng): kept apart. */
  | 'label-ambiguous'
  /** Two turns in a row by the same speaker. */
  | 'same-speaker-twice'
  /** A paragraph without a label that reads as the interviewer's (a question, a closing thank-you). */
  | 'unlabelled-question'
  /** Dash-only dialogue: a turn read against the alternation its question mark suggests. */
  | 'alternation-doubtful'
  /** Page furniture (related links, share buttons, a repeated pull-quote, a date line…) left out. */
  | 'furniture-dropped'
  /** A photo caption inferred without a credit marker to prove it. */
  | 'caption-guessed'
  /** A line shaped like a label, without evidence that it is one: kept as text. */
  | 'unproven-label'
  /** A photo credit with no caption above it. */
  | 'credit-without-caption'
  /** Text that had been decoded with the wrong character set (`PhÃ³ng`), read as UTF-8 again. */
  | 'encoding-repaired'
  /** The document is full: the text from this line on was left out. */
  | 'text-omitted'
  /** Transcript text the file gives no time (a block that is not a cue, text before the first time): kept without one. */
  | 'transcript-untimed'
  /** A time that cannot be read or is beyond 24 hours: the text is kept without a time. */
  | 'transcript-bad-time'
  /** A time earlier than the one before it, or an end before its start (detail: the start): kept, or the end left out. */
  | 'transcript-time-order'
  /** Text holding U+FFFD (bytes that were not UTF-8, as whisper.cpp can write inside a letter): check it against the recording. */
  | 'transcript-garbled'
  /** A segment the recogniser itself doubted (low confidence, maybe no speech, repetitive). */
  | 'transcript-doubtful'
  /** A recogniser's numbered speaker (`SPEAKER_00`, `0`) given a readable name (detail): rename it to the person. */
  | 'transcript-speaker-named'
  /** A speaker beyond the participants a document holds: their words are kept, printed with their name, in the turn before. */
  | 'transcript-speaker-limit'
  /** A segment the recogniser gave no speaker, in a file that names them: kept in the turn before (detail: its speaker). */
  | 'transcript-no-speaker'
  /** The speaker taken as the interviewer, and why (detail: how many questions they ask, '' for none: they speak first). */
  | 'interviewer-guessed'
  /** A file named as a transcript (text: its name) that could not be read as one: imported as plain text. */
  | 'transcript-unreadable'
  /** A Word document held tracked changes (detail: how many): it came in as Word shows it with all of them accepted. */
  | 'docx-revisions'
  /** A picture of a Word document that is not a JPEG, PNG, WebP or GIF, or is too large (text: its name): left out. */
  | 'docx-picture-unsupported';

export interface ImportFinding {
  kind: ImportFindingKind;
  /** 1-based line in the text as given. */
  line: number;
  /** The last line concerned, when a finding covers several (dropped furniture). */
  toLine?: number;
  /** The text concerned: a label as printed, or the start of the line. */
  text: string;
  /**
   * What the importer made of it: the speaker a label was merged into or a paragraph was given to,
   * the placeholder name chosen, 'kept' for a doubtful paragraph left where it was.
   */
  detail?: string;
}

/** Long lines are cut for messages; the line number leads to the rest. */
export function excerpt(text: string, max = 80): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}

type Render = (f: ImportFinding, text: string) => string;

const EN: Record<ImportFindingKind, Render> = {
  'no-speaker': () => 'no speaker labels found: the text comes in as paragraphs',
  'placeholder-speaker': (f) => `turns with no printed speaker were given the placeholder "${f.detail ?? ''}": rename it`,
  'label-once': (_, t) => `"${t}" is printed only once; taken as a speaker from where it stands`,
  'label-merged': (f, t) => `"${t}" read as ${f.detail ?? ''} (another form of the same label)`,
  'label-ambiguous': (f, t) => `"${t}" could be any of ${f.detail ?? ''}; kept as a speaker of its own`,
  'same-speaker-twice': (f) => `${f.detail ?? 'the same speaker'} speaks twice in a row`,
  'unlabelled-question': (f, t) => (f.detail === 'kept' ? `"${t}" reads like a question without a label; kept in the answer` : `"${t}" has no label; given to ${f.detail ?? 'the interviewer'}`),
  'alternation-doubtful': (f, t) => `"${t}" ends with a question mark but is read as ${f.detail ?? 'an answer'} by the alternation of dashes`,
  'furniture-dropped': (_f, t) => `left out as page furniture: "${t}"`,
  'caption-guessed': (_, t) => `"${t}" taken as a photo caption without a credit to confirm it`,
  'unproven-label': (_, t) => `"${t}" looks like a speaker label but nothing confirms it; kept as text`,
  'credit-without-caption': (_, t) => `photo credit "${t}" has no caption above it`,
  'encoding-repaired': (f, t) => `text decoded with the wrong character set was read again as UTF-8${f.toLine !== undefined && f.toLine !== f.line ? ` (to line ${f.toLine})` : ''}: "${t}"`,
  'text-omitted': () => 'the document is full: the text from here on was left out',
  'transcript-untimed': (_, t) => `"${t}" has no time in the file; kept without one`,
  'transcript-bad-time': (_, t) => `the time of "${t}" cannot be read (or is beyond 24 hours); the text is kept without a time`,
  'transcript-time-order': (f, t) => `the time${f.detail ? ` ${f.detail}` : ''} of "${t}" runs backwards (earlier than the text before it, or ending before it starts); check it against the recording`,
  'transcript-garbled': (_, t) => `"${t}" holds characters that could not be read (�); check it against the recording`,
  'transcript-doubtful': (_, t) => `the recogniser was unsure of "${t}"; check it against the recording`,
  'transcript-speaker-named': (f, t) => `speaker "${t}" is named "${f.detail ?? ''}": rename them to the person`,
  'transcript-speaker-limit': (_, t) => `too many speakers: the words of "${t}" are kept, with the name, in the turn before`,
  'transcript-no-speaker': (f, t) => `"${t}" has no speaker in the file; kept in the turn of ${f.detail ?? ''}: check who says it`,
  'interviewer-guessed': (f, t) => (f.detail ? `${t} asks the most questions (${f.detail}): taken as the interviewer` : `no one asks a question: ${t}, who speaks first, is taken as the interviewer`),
  'transcript-unreadable': (_, t) => `${t} could not be read as a transcript; imported as plain text`,
  'docx-revisions': (f) => `the Word document holds ${f.detail ?? ''} tracked changes: it comes in with all of them accepted`,
  'docx-picture-unsupported': (_, t) => `the picture ${t} is not a JPEG, PNG, WebP or GIF image within the size limits: it is left out`,
};

const VI: Record<ImportFindingKind, Render> = {
  'no-speaker': () => 'không tìm thấy nhãn người nói: văn bản được nhập thành các đoạn văn',
  'placeholder-speaker': (f) => `các lượt lời không ghi người nói được đặt tên tạm "${f.detail ?? ''}": hãy đổi tên`,
  'label-once': (_, t) => `"${t}" chỉ xuất hiện một lần; được coi là người nói dựa vào vị trí của dòng`,
  'label-merged': (f, t) => `"${t}" được hiểu là ${f.detail ?? ''} (một cách ghi khác của cùng nhãn)`,
  'label-ambiguous': (f, t) => `"${t}" có thể là ${f.detail ?? ''}; được giữ là một người nói riêng`,
  'same-speaker-twice': (f) => `${f.detail ?? 'cùng một người'} nói hai lượt liền nhau`,
  'unlabelled-question': (f, t) => (f.detail === 'kept' ? `"${t}" giống một câu hỏi không có nhãn; vẫn để trong câu trả lời` : `"${t}" không có nhãn; được gán cho ${f.detail ?? 'người phỏng vấn'}`),
  'alternation-doubtful': (f, t) => `"${t}" kết thúc bằng dấu hỏi nhưng theo thứ tự gạch đầu dòng được coi là lời của ${f.detail ?? 'người trả lời'}`,
  'furniture-dropped': (_f, t) => `bỏ qua vì là thành phần trang web: "${t}"`,
  'caption-guessed': (_, t) => `"${t}" được đoán là chú thích ảnh, không có dòng tác giả ảnh để xác nhận`,
  'unproven-label': (_, t) => `"${t}" trông như nhãn người nói nhưng không có gì xác nhận; giữ nguyên là văn bản`,
  'credit-without-caption': (_, t) => `tác giả ảnh "${t}" không có chú thích phía trên`,
  'encoding-repaired': (f, t) => `văn bản bị giải mã sai bảng mã đã được đọc lại theo UTF-8${f.toLine !== undefined && f.toLine !== f.line ? ` (đến dòng ${f.toLine})` : ''}: "${t}"`,
  'text-omitted': () => 'tài liệu đã đầy: phần văn bản từ đây trở đi bị bỏ lại',
  'transcript-untimed': (_, t) => `"${t}" không có mốc thời gian trong tệp; được giữ lại không kèm thời gian`,
  'transcript-bad-time': (_, t) => `không đọc được thời gian của "${t}" (hoặc quá 24 giờ); văn bản được giữ lại không kèm thời gian`,
  'transcript-time-order': (f, t) => `thời gian${f.detail ? ` ${f.detail}` : ''} của "${t}" bị ngược (sớm hơn đoạn trước, hoặc kết thúc trước khi bắt đầu); hãy đối chiếu với bản ghi âm`,
  'transcript-garbled': (_, t) => `"${t}" có ký tự không đọc được (�); hãy đối chiếu với bản ghi âm`,
  'transcript-doubtful': (_, t) => `phần mềm nhận dạng không chắc về "${t}"; hãy đối chiếu với bản ghi âm`,
  'transcript-speaker-named': (f, t) => `người nói "${t}" được đặt tên "${f.detail ?? ''}": hãy đổi thành tên người thật`,
  'transcript-speaker-limit': (_, t) => `quá nhiều người nói: lời của "${t}" được giữ lại, kèm tên, trong lượt lời trước đó`,
  'transcript-no-speaker': (f, t) => `"${t}" không có người nói trong tệp; được giữ trong lượt lời của ${f.detail ?? ''}: hãy kiểm tra ai nói câu này`,
  'interviewer-guessed': (f, t) => (f.detail ? `${t} hỏi nhiều câu nhất (${f.detail}): được coi là người phỏng vấn` : `không ai đặt câu hỏi: ${t}, người nói đầu tiên, được coi là người phỏng vấn`),
  'transcript-unreadable': (_, t) => `không đọc được ${t} như một bản chép lời; đã nhập như văn bản thường`,
  'docx-revisions': (f) => `tài liệu Word có ${f.detail ?? ''} thay đổi được theo dõi: được nhập như khi chấp nhận tất cả`,
  'docx-picture-unsupported': (_, t) => `ảnh ${t} không phải ảnh JPEG, PNG, WebP hay GIF trong giới hạn dung lượng: không được nhập`,
};

/** One finding as a sentence in the given language: `Line 12: "Doe" read as JANE DOE (…)`. */
export function describeImportFinding(finding: ImportFinding, language: Language): string {
  const text = excerpt(finding.text);
  // A finding over several lines (dropped furniture) names them all: `Lines 50–52: …`.
  const span = finding.toLine !== undefined && finding.toLine !== finding.line ? `${finding.line}–${finding.toLine}` : null;
  if (language === 'vi') return `Dòng ${span ?? finding.line}: ${VI[finding.kind](finding, text)}`;
  return `${span ? `Lines ${span}` : `Line ${finding.line}`}: ${EN[finding.kind](finding, text)}`;
}

/** Every kind, for callers that list or filter them (and for the tests that check each has both languages). */
export const IMPORT_FINDING_KINDS = Object.keys(EN) as ImportFindingKind[];
