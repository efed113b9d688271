/**
 * What a pending suggestion is about, for the review margin's excerpt: "Speaker: Phóng viên → Ông
 * Hải", "Headline: old → new", "Caption: …", "Photo: its caption", "Turn (Ông Hải): its text". The
 * excerpt text itself comes from the algebra (shared/review/pending.ts `listPending`).
 */
import type { Interview, Turn } from '../../../shared/model/schema';
import type { PendingSuggestion } from '../../../shared/review';

/** An i18n key and its values; `value` says the excerpt is an old value and a new one (shown with →). */
export interface ChangeLabel {
  key: string;
  values?: Record<string, string>;
  value: boolean;
}

function nodeAt(doc: Interview, path: readonly number[]) {
  const top = doc.body[path[0]!];
  if (path.length <= 2 || top?.type !== 'turn') return top; // a block, or a leaf's paragraph
  return top.children[path[1]!];
}

export function changeLabel(doc: Interview, item: PendingSuggestion): ChangeLabel | undefined {
  if ('field' in item.at) return { key: `meta.${item.at.field}`, value: true };
  const node = nodeAt(doc, item.at.path);
  switch (item.kind) {
    case 'setSpeaker':
      return { key: 'review.labels.speaker', value: true };
    case 'setPhotoText': {
      const field = node?.type === 'photo' ? node.changes?.find((c) => c.id === item.id)?.field : undefined;
      return { key: field ? `photo.${field}` : 'review.labels.photo', value: true };
    }
    case 'insertPhoto':
    case 'removePhoto':
    case 'movePhoto':
      return { key: 'review.labels.photo', value: false };
    case 'insertTurn':
    case 'removeTurn': {
      const speakerId = (node as Turn | undefined)?.speakerId;
      const speaker = doc.participants.find((p) => p.id === speakerId)?.label ?? speakerId ?? '';
      return { key: 'review.labels.turn', values: { speaker }, value: false };
    }
    default:
      return undefined;
  }
}
