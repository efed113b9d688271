/**
 * A view of a Word document written in our styles (docs/wordprocessingml.md) made back into an
 * interview: header paragraphs into the story's fields, a paragraph opening with a `Speaker` run
 * into a new turn of the participant with that label, the paragraphs after it into the same turn,
 * `Photo`/`Caption`/`Credit` paragraphs into photos, the rest into paragraphs outside the turns.
 *
 * What the file does not carry (participants' full names, story details other than the header,
 * times, alt texts) comes from `template` when one is given (the version the file was made from),
 * so a file read back unchanged gives that version's text, speakers, photos and metadata again.
 */
import { stripCreditPrefix } from '../../model/photo-credit';
import { normalizeInterview } from '../../model/normalize';
import type { Block, Interview, Paragraph, Participant, ParticipantRole, Photo, TextLeaf, Turn } from '../../model/schema';
import { wordText } from '../../export/docx/text';
import type { ViewParagraph } from './docx-views';

export interface DocxInterviewOptions {
  /** The interview the text is read onto: its id, metadata, participants, and photos by place. */
  template: Interview;
  /** The asset id of an embedded picture (the sha-256 of its bytes), or null. */
  assetOf: (part: string | null) => string | null;
}

const HEADER = { Headline: 'headline', Subheadline: 'subheadline', Sapo: 'sapo', Byline: 'byline' } as const;
const LABEL_END = /[:：]\s*$/u;

const textOfRuns = (p: ViewParagraph) => p.runs.map((r) => r.text).join('');

/** Whether a view is written in our styles: some paragraph opens with a Speaker run, or uses our turn or header styles. */
export function usesOurStyles(paragraphs: readonly ViewParagraph[]): boolean {
  return paragraphs.some((p) => p.runs[0]?.style === 'Speaker' || p.style === 'Question' || p.style === 'Answer' || p.style === 'Headline');
}

function leavesOf(runs: ViewParagraph['runs']): TextLeaf[] {
  const leaves: TextLeaf[] = runs
    .filter((r) => r.text !== '')
    .map((r) => ({ text: wordText(r.text), ...(r.bold ? { bold: true } : {}), ...(r.italic ? { italic: true } : {}) }));
  return leaves.length === 0 ? [{ text: '' }] : leaves;
}

/** Photos of the template in order, to give a photo read back its image, alt text and place. */
function templatePhotos(doc: Interview): { photo: Photo; lastInTurn: boolean }[] {
  const out: { photo: Photo; lastInTurn: boolean }[] = [];
  for (const b of doc.body) {
    if (b.type === 'photo') out.push({ photo: b, lastInTurn: false });
    else if (b.type === 'turn') b.children.forEach((c, i) => c.type === 'photo' && out.push({ photo: c, lastInTurn: i === b.children.length - 1 }));
  }
  return out;
}

export function docxInterview(view: readonly ViewParagraph[], options: DocxInterviewOptions): Interview {
  const { template } = options;
  const meta = { ...template.meta };
  const header: Partial<Record<'headline' | 'subheadline' | 'sapo' | 'byline', string[]>> = {};
  const participants: Participant[] = template.participants.map((p) => ({ ...p }));
  const byLabel = new Map(participants.map((p) => [p.label, p.id]));
  const photosLeft = templatePhotos(template);
  const body: Block[] = [];
  let turn: Turn | null = null;
  /** The photo the next Caption or Credit belongs to, while nothing else came between. */
  let photo: Photo | null = null;

  const speaker = (label: string, role: ParticipantRole): string => {
    const known = byLabel.get(label);
    if (known !== undefined) return known;
    let n = participants.length + 1;
    while (participants.some((p) => p.id === `w${n}`)) n++;
    const id = `w${n}`;
    participants.push({ id, label, fullName: '', title: '', role });
    byLabel.set(label, id);
    return id;
  };
  /** The template's photo this one is: the same image, else the next one with the same caption, else null. */
  const match = (assetId: string | null, caption: string) => {
    // Compared as the file carries text (XML-clean, NFC): the template may hold it as typed.
    const i = photosLeft.findIndex((t) => (assetId !== null ? t.photo.assetId === assetId : wordText(t.photo.caption).trim() === caption.trim()));
    return i < 0 ? null : photosLeft.splice(i, 1)[0]!;
  };
  /** The template photo this one would be matched with, without taking it. */
  const templateOf = (p: Photo) => photosLeft.find((t) => (p.assetId !== null ? t.photo.assetId === p.assetId : wordText(t.photo.caption).trim() === p.caption.trim()))?.photo;
  const matched = new Map<Photo, { photo: Photo; lastInTurn: boolean }>();
  const place = (p: Photo) => {
    if (turn) turn.children.push(p);
    else body.push(p);
  };
  const newPhoto = (assetId: string | null, alt: string): Photo => {
    const p: Photo = { type: 'photo', assetId, caption: '', credit: '', alt, children: [{ text: '' }] };
    place(p);
    return p;
  };
  /** A turn ends: photos left at its end stood between turns, unless the template had them there. */
  const endTurn = () => {
    if (!turn) return;
    const moved: Photo[] = [];
    while (turn.children.length > 0) {
      const last = turn.children[turn.children.length - 1]!;
      if (last.type !== 'photo' || matched.get(last)?.lastInTurn) break;
      moved.unshift(turn.children.pop() as Photo);
    }
    if (turn.children.length === 0) turn.children.push({ type: 'paragraph', children: [{ text: '' }] });
    body.push(...moved);
    turn = null;
  };
  const settle = (p: Photo | null) => {
    if (!p) return;
    const t = match(p.assetId, p.caption);
    if (t) {
      matched.set(p, t);
      if (p.assetId === null) p.assetId = t.photo.assetId;
      if (p.alt === '' || p.alt === p.caption) p.alt = t.photo.alt;
    } else if (p.alt === p.caption) p.alt = '';
  };

  for (const p of view) {
    const style = p.style ?? '';
    if (style in HEADER) {
      settle(photo);
      photo = null;
      const field = HEADER[style as keyof typeof HEADER];
      (header[field] ??= []).push(wordText(textOfRuns(p)));
      continue;
    }
    if (style === 'StoryDetails') continue;
    if (p.pictures.length > 0 && textOfRuns(p).trim() === '') {
      for (const picture of p.pictures) {
        settle(photo);
        photo = newPhoto(options.assetOf(picture.part), wordText(picture.descr));
      }
      continue;
    }
    if (style === 'Caption' || style === 'Credit') {
      const field = style === 'Caption' ? 'caption' : 'credit';
      const value = wordText(textOfRuns(p));
      const text = field === 'credit' ? stripCreditPrefix(value) : value;
      // A caption-only photo followed by a credit-only one (or a picture without a caption followed
      // by a caption-only photo) reads, in the file, as one photo: the template (the version the
      // file was made from) tells them apart.
      const apart = photo !== null && text !== '' && (photo.assetId !== null || photo.caption !== '') && templateOf(photo)?.[field] === '';
      if (!photo || photo[field] !== '' || (field === 'caption' && photo.credit !== '') || apart) {
        settle(photo);
        photo = newPhoto(null, '');
      }
      photo[field] = text;
      continue;
    }
    settle(photo);
    photo = null;
    const opensTurn = p.runs[0]?.style === 'Speaker' && (style === 'Question' || style === 'Answer' || style === '');
    if (opensTurn) {
      endTurn();
      const labelRuns = p.runs.filter((r, i) => r.style === 'Speaker' && p.runs.slice(0, i).every((x) => x.style === 'Speaker'));
      const label = wordText(labelRuns.map((r) => r.text).join('')).replace(LABEL_END, '').trim();
      const rest = p.runs.slice(labelRuns.length);
      const role: ParticipantRole = style === 'Question' ? 'interviewer' : 'interviewee';
      turn = { type: 'turn', speakerId: speaker(label, role), children: [] };
      body.push(turn);
      // The label alone (no space run after it) opens a turn whose first child is a photo.
      if (rest.length === 0) continue;
      const first = rest[0]!;
      const words = first.text.startsWith(' ') ? [{ ...first, text: first.text.slice(1) }, ...rest.slice(1)] : rest;
      turn.children.push({ type: 'paragraph', children: leavesOf(words) });
      continue;
    }
    const paragraph: Paragraph = { type: 'paragraph', children: leavesOf(p.runs) };
    if (turn && (style === 'Question' || style === 'Answer')) turn.children.push(paragraph);
    else {
      endTurn();
      body.push(paragraph);
    }
  }
  settle(photo);
  endTurn();

  for (const [field, values] of Object.entries(header)) meta[field as keyof typeof header] = values.join(' ');
  const doc: Interview = { ...template, meta, participants, body: body.length > 0 ? body : [{ type: 'paragraph', children: [{ text: '' }] }] };
  delete doc.review;
  delete doc.comments;
  return normalizeInterview(withTimes(doc, template));
}

/**
 * Times are not in the file: a paragraph gets the template's time when its text is exactly that
 * of one template paragraph and of no other, so a time never lands on another paragraph.
 */
function withTimes(doc: Interview, template: Interview): Interview {
  const counts = new Map<string, number>();
  const times = new Map<string, Paragraph['time']>();
  const text = (p: Paragraph) => p.children.map((l) => l.text).join('');
  const each = (d: Interview, f: (p: Paragraph) => void) => {
    for (const b of d.body) {
      if (b.type === 'paragraph') f(b);
      else if (b.type === 'turn') for (const c of b.children) if (c.type === 'paragraph') f(c);
    }
  };
  each(template, (p) => {
    const t = text(p);
    counts.set(t, (counts.get(t) ?? 0) + 1);
    if (p.time) times.set(t, p.time);
  });
  if (times.size === 0) return doc;
  each(doc, (p) => {
    const t = text(p);
    const time = times.get(t);
    if (time && counts.get(t) === 1) p.time = time;
  });
  return doc;
}
