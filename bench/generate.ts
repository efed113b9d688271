/**
 * Deterministic inputs: interviews of N paragraphs (turns of 1–3 paragraphs, photos between
 * paragraphs), the interviews of the search library, a ~1 MB agency text, and search queries.
 * Everything is a pure function of a seed and the vocabulary (vocabulary.ts).
 */
import { exportAgencyText } from '../shared/export/agency-text';
import { newInterview } from '../shared/model/factory';
import type { Block, Interview, Paragraph, Photo, Turn } from '../shared/model/schema';
import { foldForSearch } from '../shared/text/normalize-text';
import { seededRng, type Rng } from './prng';
import type { Vocabulary } from './vocabulary';

/** Words per paragraph: about 300 characters, the length of a typical agency paragraph. */
const PARAGRAPH_WORDS = [45, 55] as const;

const capitalize = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);

/** Share of words drawn from the synthetic tail (rare words: names, places, terms). */
const RARE_WORDS = 0.15;

function words(rng: Rng, vocabulary: Vocabulary, count: number): string[] {
  return Array.from({ length: count }, () => rng.pick(rng.next() < RARE_WORDS ? vocabulary.synthetic : vocabulary.running));
}

/** Sentences of 8–20 words, capitalised, with the odd comma. */
export function prose(rng: Rng, vocabulary: Vocabulary, wordCount: number): string {
  const all = words(rng, vocabulary, wordCount);
  const out: string[] = [];
  let sentenceLeft = 0;
  all.forEach((word, i) => {
    if (sentenceLeft === 0) {
      sentenceLeft = rng.int(8, 20);
      word = capitalize(word);
    }
    sentenceLeft--;
    const last = i === all.length - 1 || sentenceLeft === 0;
    out.push(last ? `${word}.` : rng.next() < 0.06 ? `${word},` : word);
  });
  return out.join(' ');
}

const paragraph = (text: string): Paragraph => ({ type: 'paragraph', children: [{ text }] });

function name(rng: Rng, vocabulary: Vocabulary, parts: number): string {
  return words(rng, vocabulary, parts).map(capitalize).join(' ');
}

function photo(rng: Rng, vocabulary: Vocabulary, assetId: string | null): Photo {
  return {
    type: 'photo',
    assetId,
    caption: prose(rng, vocabulary, rng.int(12, 24)),
    credit: `${name(rng, vocabulary, 2)}/TTXVN`,
    alt: prose(rng, vocabulary, 8),
    children: [{ text: '' }],
  };
}

export interface InterviewSpec {
  paragraphs: number;
  photos: number;
  /** Asset ids the photos use in turn; empty: photos without images. */
  assetIds: readonly string[];
  seed: number;
}

/**
 * An interview of exactly `paragraphs` paragraphs, all in turns of 1–3 paragraphs alternating
 * between the reporter (p1) and the guest (p2), with `photos` photos spread evenly through the
 * turns (each after a paragraph, as in the seed, where a photo sits inside an answer).
 */
export function generateInterview(vocabulary: Vocabulary, spec: InterviewSpec): Interview {
  const rng = seededRng(spec.seed);
  const doc = newInterview('bench', 'vi');
  doc.meta = {
    ...doc.meta,
    section: name(rng, vocabulary, 2),
    headline: prose(rng, vocabulary, rng.int(10, 16)).replace(/\.$/, ''),
    location: name(rng, vocabulary, 2),
    sapo: prose(rng, vocabulary, rng.int(30, 45)),
    byline: name(rng, vocabulary, 2),
    source: 'TTXVN',
    slug: `bench-${spec.paragraphs}`,
  };
  doc.participants = [
    { id: 'p1', label: 'Phóng viên', fullName: '', title: '', role: 'interviewer' },
    { id: 'p2', label: `Ông ${name(rng, vocabulary, 3)}`, fullName: '', title: '', role: 'interviewee' },
  ];

  // Paragraph indexes after which a photo goes, spread evenly (never after the last one).
  const photoAfter = new Set(Array.from({ length: spec.photos }, (_, i) => Math.floor(((i + 0.5) * spec.paragraphs) / spec.photos)));
  const body: Block[] = [];
  let written = 0;
  let photosPlaced = 0;
  while (written < spec.paragraphs) {
    const size = Math.min(rng.int(1, 3), spec.paragraphs - written);
    const turn: Turn = { type: 'turn', speakerId: body.length % 2 === 0 ? 'p1' : 'p2', children: [] };
    for (let i = 0; i < size; i++) {
      turn.children.push(paragraph(prose(rng, vocabulary, rng.int(...PARAGRAPH_WORDS))));
      if (photoAfter.has(written) && photosPlaced < spec.photos) {
        const assetId = spec.assetIds.length > 0 ? spec.assetIds[photosPlaced % spec.assetIds.length]! : null;
        turn.children.push(photo(rng, vocabulary, assetId));
        photosPlaced++;
      }
      written++;
    }
    body.push(turn);
  }
  doc.body = body;
  return doc;
}

/** Every paragraph's text, in order: what the plain contenteditable baseline shows. */
export function paragraphTexts(doc: Interview): string[] {
  const out: string[] = [];
  for (const block of doc.body) {
    if (block.type === 'paragraph') out.push(block.children.map((l) => l.text).join(''));
    if (block.type === 'turn') for (const child of block.children) if (child.type === 'paragraph') out.push(child.children.map((l) => l.text).join(''));
  }
  return out;
}

/** An agency plain text (the layout shared/import/agency-text.ts reads) of at least `minBytes` UTF-8 bytes. */
export function agencyTextOfSize(vocabulary: Vocabulary, minBytes: number, seed: number): string {
  const sample = exportAgencyText(generateInterview(vocabulary, { paragraphs: 200, photos: 4, assetIds: [], seed }));
  const perParagraph = Buffer.byteLength(sample) / 200;
  let paragraphs = Math.ceil(minBytes / perParagraph);
  for (;;) {
    const text = exportAgencyText(generateInterview(vocabulary, { paragraphs, photos: Math.ceil(paragraphs / 40), assetIds: [], seed }));
    if (Buffer.byteLength(text) >= minBytes) return text;
    paragraphs = Math.ceil(paragraphs * 1.02);
  }
}

export interface SearchQuery {
  text: string;
  kind: 'frequent' | 'uniform';
}

/**
 * Queries of 1–2 words typed without diacritics, as a reporter searches: half drawn by the
 * seed's word frequency (common syllables that match most interviews), half uniformly from the
 * distinct words (rarer ones).
 */
export function searchQueries(vocabulary: Vocabulary, count: number, seed: number): SearchQuery[] {
  const rng = seededRng(seed);
  return Array.from({ length: count }, (_, i) => {
    const kind = i % 2 === 0 ? 'frequent' : 'uniform';
    const source = kind === 'frequent' ? vocabulary.running : vocabulary.distinct;
    const text = Array.from({ length: rng.int(1, 2) }, () => foldForSearch(rng.pick(source))).join(' ');
    return { text, kind };
  });
}

/** The search library's interviews: 20–60 paragraphs (≈1,000–3,000 words) and one photo each. */
export function* libraryInterviews(vocabulary: Vocabulary, count: number, assetIds: readonly string[], seed: number): Generator<Interview> {
  const rng = seededRng(seed);
  for (let i = 0; i < count; i++) yield generateInterview(vocabulary, { paragraphs: rng.int(20, 60), photos: 1, assetIds, seed: seed + 1 + i });
}
