/**
 * Preflight: what must be fixed, and what should be looked at, before a story goes out.
 *
 * Errors block every export and cannot be overridden:
 *   headline.missing                 no headline
 *   review.unresolved-suggestions    tracked changes not yet accepted or rejected (exports are
 *                                    built from the accepted text, shared/review acceptedView)
 *   photo.no-image                   a photo with no image attached (only its caption and credit)
 *   photo.image-missing              a photo whose image is not in the library (when the caller
 *                                    says which images it has)
 * Warnings are listed; the user may export anyway (mayExport with acceptWarnings):
 *   review.open-comments             comment threads still open on the text (comments are never
 *                                    exported; a desk usually wants them settled first)
 *   photo.no-credit                  a photo without a credit
 *   turn.empty                       a turn with no text
 *   turn.same-speaker-twice          a turn by the same speaker as the turn before it
 *   headline.too-long                longer than the house limit (formats.ts, HEADLINE_LIMIT)
 *   text.misplaced-tone              a tone mark on the wrong vowel (`đaọ`); one per paragraph or field
 *   text.house-style                 tone marks of the other house style (`hoà` in a traditional story)
 *   text.spelling                    words not in the dictionary (when one is given)
 *   The text.* checks run only when the caller passes `textChecks` (shared/vietnamese/document-check.ts).
 *   For a newsroom destination (the caller passes `destination`):
 *   subject.unknown-section          the story's section is not in the destination's subject
 *                                    table, so it goes out without an IPTC subject
 *   pictures.not-fetchable           the receiver fetches pictures only over http(s) and the
 *                                    destination has no picture base URL: they would arrive
 *                                    without their images
 *   For subtitles (WebVTT, SRT: formats whose rules say `subtitles`), listed even though those
 *   formats take no other advice, because they are about what the file will hold:
 *   subtitles.no-times (error)       no paragraph has a time in the recording: nothing to subtitle
 *   subtitles.untimed-start          paragraphs before the first time, left out of the subtitles
 *
 * Which of these apply depends on the format (formats.ts, its preflight rules): a plain text for
 * people is blocked only by what cannot be exported (pending suggestions), and the document's
 * own JSON is not checked at all.
 *
 * Each finding has a code and parameters for the UI's translation, an English message, the
 * body path (Slate path) or metadata field it is about, and a key that stays the same while the
 * problem does, so a UI can remember which warnings the user accepted.
 */
import { subtitleCues } from './subtitles/cues';
import type { Block, Interview, Photo } from '../model/schema';
import { cleanLine } from '../text/normalize-text';
import { checkDocument, type CheckedField, type DocumentCheckOptions } from '../vietnamese/document-check';
import { suggestionsOf } from '../vietnamese/findings';
import { countText } from '../text/word-count';
import { openThreadCount } from '../review/comments';
import { FORMATS, HEADLINE_LIMIT, type FormatId, type PreflightRules } from './formats';
import { rulesFor, type Receiver } from './receivers';
import { subjectOf, type SubjectTable } from './subjects';

export type FindingCode =
  | 'headline.missing'
  | 'review.unresolved-suggestions'
  | 'review.open-comments'
  | 'photo.no-image'
  | 'photo.image-missing'
  | 'photo.no-credit'
  | 'turn.empty'
  | 'turn.same-speaker-twice'
  | 'headline.too-long'
  | 'text.misplaced-tone'
  | 'text.house-style'
  | 'text.spelling'
  | 'subject.unknown-section'
  | 'pictures.not-fetchable'
  | 'subtitles.no-times'
  | 'subtitles.untimed-start';

export interface Finding {
  code: FindingCode;
  severity: 'error' | 'warning';
  /** English; the UI translates by `code` with `params`. */
  message: string;
  params: Record<string, string | number>;
  /** Path in the body (Slate path), or null when the finding is about metadata. */
  path: number[] | null;
  /** The metadata field concerned, if any. */
  field: 'headline' | 'section' | CheckedField | null;
  /** `code@path` or `code@field`: stable while the problem stays where it is. */
  key: string;
}

export interface PreflightResult {
  errors: Finding[];
  warnings: Finding[];
}

/** What a newsroom destination adds to the checks (the destination profile, profile.ts). */
export interface DestinationChecks {
  receiver: Receiver;
  /** The destination's section → subject table. */
  subjects: SubjectTable;
  /** The destination gives pictures an http(s) address (its picture base URL). */
  picturesOverHttp: boolean;
}

export interface PreflightContext {
  /** The format about to be exported; its rules (formats.ts) say what is checked. Default: a wire format's. */
  format?: FormatId;
  /** Asset ids whose image the library holds. Without it, only photos with no asset id are errors. */
  availableAssets?: ReadonlySet<string>;
  /** Unresolved tracked changes, counted by the review feature; 0 until review exists. */
  unresolvedSuggestions?: number;
  /** Override the headline limit, in characters. */
  maxHeadlineLength?: number;
  /** Check tone marks (and spelling, given dictionaries) in the house style; skipped when absent. */
  textChecks?: DocumentCheckOptions;
  /** Sending to a newsroom destination: its own checks. */
  destination?: DestinationChecks;
}

export { HEADLINE_LIMIT };

const WIRE_RULES: PreflightRules = FORMATS.nitf.preflight!;

/** The rules for a format; null when nothing is checked. */
export function preflightRules(format: FormatId | undefined): PreflightRules | null {
  return format === undefined ? WIRE_RULES : FORMATS[format].preflight;
}

export function headlineLimit(format: FormatId | undefined): number {
  return preflightRules(format)?.headlineLimit ?? HEADLINE_LIMIT;
}

type Draft = Omit<Finding, 'key' | 'severity'>;

const hasText = (s: string) => cleanLine(s).trim() !== '';

export function preflight(doc: Interview, context: PreflightContext = {}): PreflightResult {
  const errors: Finding[] = [];
  const warnings: Finding[] = [];
  const rules = preflightRules(context.format);
  if (rules === null) return { errors, warnings };
  const add = (severity: Finding['severity'], draft: Draft) => {
    // A format for people lists no advice: only what stops the export.
    if (severity === 'warning' && !rules.advice) return;
    const where = draft.path !== null ? draft.path.join('.') : (draft.field ?? '');
    (severity === 'error' ? errors : warnings).push({ ...draft, severity, key: `${draft.code}@${where}` });
  };

  if (rules.subtitles) {
    const { cues, leftOut } = subtitleCues(doc);
    if (cues.length === 0) {
      add('error', { code: 'subtitles.no-times', message: 'No paragraph has a time in the recording: there is nothing to put in subtitles.', params: {}, path: null, field: null });
    } else if (leftOut > 0) {
      // Not advice: the file will lack this text, which the user must know before saving it.
      warnings.push({ code: 'subtitles.untimed-start', severity: 'warning', message: `${leftOut} paragraph(s) before the first time are not in the subtitles.`, params: { count: leftOut }, path: null, field: null, key: 'subtitles.untimed-start@' });
    }
  }

  const headline = cleanLine(doc.meta.headline).trim();
  if (headline === '') {
    if (rules.headline) add('error', { code: 'headline.missing', message: 'The story has no headline.', params: {}, path: null, field: 'headline' });
  } else {
    const limit = context.maxHeadlineLength ?? headlineLimit(context.format);
    const length = countText(headline).characters;
    if (length > limit) {
      add('warning', {
        code: 'headline.too-long',
        message: `The headline has ${length} characters; at most ${limit} are advised.`,
        params: { length, limit },
        path: null,
        field: 'headline',
      });
    }
  }

  const pending = context.unresolvedSuggestions ?? 0;
  if (pending > 0) {
    add('error', {
      code: 'review.unresolved-suggestions',
      message: `${pending} suggested change(s) are not accepted or rejected yet.`,
      params: { count: pending },
      path: null,
      field: null,
    });
  }

  const openComments = openThreadCount(doc);
  if (openComments > 0) {
    add('warning', {
      code: 'review.open-comments',
      message: `${openComments} comment thread(s) are still open.`,
      params: { count: openComments },
      path: null,
      field: null,
    });
  }

  let photoNumber = 0;
  let pictures = 0;
  const checkPhoto = (photo: Photo, path: number[]) => {
    photoNumber++;
    const params = { photo: photoNumber };
    if (photo.assetId !== null) pictures++;
    if (!rules.images) {
      // no picture files go with this format: an image cannot be missing from it
    } else if (photo.assetId === null) {
      add('error', { code: 'photo.no-image', message: `Photo ${photoNumber} has no image attached.`, params, path, field: null });
    } else if (context.availableAssets && !context.availableAssets.has(photo.assetId)) {
      add('error', { code: 'photo.image-missing', message: `The image of photo ${photoNumber} is not in the library.`, params, path, field: null });
    }
    if (!hasText(photo.credit)) {
      add('warning', { code: 'photo.no-credit', message: `Photo ${photoNumber} has no credit.`, params, path, field: null });
    }
  };

  const labels = new Map(doc.participants.map((p) => [p.id, p.label]));
  let turnNumber = 0;
  let previousSpeaker: string | null = null;
  doc.body.forEach((block: Block, i) => {
    if (block.type === 'photo') checkPhoto(block, [i]);
    if (block.type !== 'turn') return;
    turnNumber++;
    const speaker = labels.get(block.speakerId) ?? block.speakerId;
    const params = { turn: turnNumber, speaker };
    block.children.forEach((child, j) => {
      if (child.type === 'photo') checkPhoto(child, [i, j]);
    });
    const empty = !block.children.some((c) => c.type === 'paragraph' && c.children.some((leaf) => hasText(leaf.text)));
    if (empty) {
      add('warning', { code: 'turn.empty', message: `Turn ${turnNumber} (${speaker}) has no text.`, params, path: [i], field: null });
    }
    if (block.speakerId === previousSpeaker) {
      add('warning', {
        code: 'turn.same-speaker-twice',
        message: `Turn ${turnNumber} is by ${speaker} again, like the turn before it.`,
        params,
        path: [i],
        field: null,
      });
    }
    previousSpeaker = block.speakerId;
  });

  if (context.textChecks) {
    for (const place of checkDocument(doc, context.textChecks)) {
      for (const kind of ['misplaced-tone', 'house-style', 'spelling'] as const) {
        const found = place.findings.filter((f) => f.kind === kind);
        if (found.length === 0) continue;
        const words = [...new Set(found.map((f) => (kind === 'spelling' ? f.found : `${f.found} → ${suggestionsOf(f)![0]}`)))];
        const params = { words: words.slice(0, 5).join(', ') + (words.length > 5 ? ', …' : ''), count: found.length, style: context.textChecks.style };
        const what = { 'misplaced-tone': 'Tone mark on the wrong vowel', 'house-style': `Tone marks not in the ${params.style} style`, spelling: 'Possible misspelling' }[kind];
        add('warning', { code: `text.${kind}`, message: `${what}: ${params.words}.`, params, path: place.path, field: place.field });
      }
    }
  }

  if (context.destination) checkDestination(doc, context.destination, pictures, add);

  return { errors, warnings };
}

function checkDestination(doc: Interview, destination: DestinationChecks, pictures: number, add: (severity: Finding['severity'], draft: Draft) => void): void {
  const section = cleanLine(doc.meta.section).trim();
  // No section at all is left alone: there is nothing to look up, and many stories have none.
  if (section !== '' && subjectOf(section, destination.subjects) === null) {
    add('warning', {
      code: 'subject.unknown-section',
      message: `The section “${section}” is not in this destination's subject table: the story goes out without an IPTC subject.`,
      params: { section },
      path: null,
      field: 'section',
    });
  }
  if (pictures > 0 && rulesFor(destination.receiver).picturesOverHttp && !destination.picturesOverHttp) {
    add('warning', {
      code: 'pictures.not-fetchable',
      message: `The receiving system fetches pictures only from an http(s) address, and this destination has no picture base URL: ${pictures} picture(s) would arrive without their image.`,
      params: { count: pictures },
      path: null,
      field: null,
    });
  }
}

/**
 * Whether an export may go ahead: never with errors; with warnings only when the user accepted
 * them (all of them, or the ones whose keys are given).
 */
export function mayExport(result: PreflightResult, accepted: boolean | ReadonlySet<string>): boolean {
  if (result.errors.length > 0) return false;
  if (accepted === true) return true;
  if (accepted === false) return result.warnings.length === 0;
  return result.warnings.every((w) => accepted.has(w.key));
}
