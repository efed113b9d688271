/**
 * The importer's reading of the text before it becomes a document: paragraphs, photos and turn
 * starts, in order, each with the line it came from. The passes that recover what labels do not
 * say (dash-dialogue.ts, questions.ts) rewrite this list.
 */
import type { Speaker } from './speakers';

export type Item =
  | { kind: 'text'; line: number; text: string }
  | { kind: 'photo'; line: number; caption: string; credit: string; guessed?: boolean }
  | {
      kind: 'turn';
      line: number;
      speaker: Speaker;
      /** The label as matched, bullet and separator included (`* Phóng viên:`); '' for an unlabelled turn. */
      matched: string;
      /** The label as printed (`CS` for a turn whose speaker is `CYNTHIA SMITH`). */
      label: string;
      /** The turn's first paragraph, without its label. */
      text: string;
    };

export type TurnItem = Extract<Item, { kind: 'turn' }>;
export type TextItem = Extract<Item, { kind: 'text' }>;
