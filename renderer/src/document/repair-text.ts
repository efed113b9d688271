/**
 * What opening changed in a stored interview (shared/model/repair.ts), one sentence per change in
 * the UI language, for the notice in the editor (RepairNotice.tsx). Numbers are written as the
 * language writes them (1,234 / 1.234).
 */
import type { TFunction } from 'i18next';
import type { Repair } from '../../../shared/model/repair';
import { formatNumber } from '../i18n/format-number';

export function repairText(t: TFunction, r: Repair, language: string): string {
  const n = (x: number) => formatNumber(x, language);
  switch (r.kind) {
    case 'paragraphSplit':
      return t('repair.paragraphSplit', { length: n(r.length), excerpt: r.excerpt, parts: n(r.parts) });
    case 'turnSplit':
      return t('repair.turnSplit', { speaker: r.speaker, parts: n(r.parts) });
    case 'textMoved':
      if (r.field === 'keywords') return t('repair.keywordsMoved');
      return t(r.to === 'afterPhoto' ? 'repair.textMovedAfterPhoto' : 'repair.textMovedStart', { field: t(`repair.fields.${r.field}`), length: n(r.length) });
    case 'speakerAdded':
      return t('repair.speakerAdded', { label: r.label });
    case 'participantRemoved':
      return t('repair.participantRemoved', { label: r.label });
    case 'speakersMerged':
      return t('repair.speakersMerged', { count: r.count, label: r.label });
    case 'blocksJoined':
      return t('repair.blocksJoined', { count: r.count });
    case 'blocksLeftOut':
      return t('repair.blocksLeftOut', { count: r.count });
    case 'commentSplit':
      return t('repair.commentSplit', { parts: n(r.parts) });
    case 'commentsLeftOut':
      return t('repair.commentsLeftOut', { count: r.count });
    case 'anchorsLeftOut':
      return t('repair.anchorsLeftOut', { count: r.count });
    case 'quoteShortened':
      return t('repair.quoteShortened', { length: n(r.length) });
    case 'urgencyAdjusted':
      return t('repair.urgencyAdjusted', { from: r.from, to: r.to });
    case 'timeEndsDropped':
      return t('repair.timeEndsDropped', { count: r.count });
  }
}

/** The sentences for a list of repairs: the first `max`, then "And N more." */
export function repairLines(t: TFunction, repairs: readonly Repair[], language: string, max = 8): string[] {
  const lines = repairs.slice(0, max).map((r) => repairText(t, r, language));
  if (repairs.length > max) lines.push(t('repair.more', { count: repairs.length - max }));
  return lines;
}
