/**
 * The History's line for a merged review file: "received from Hoa, merged with your changes since
 * 27 Nov 2026, 10:00". The backend stores who and since when as JSON in the revision's note
 * (electron/backend/exchange.ts); a note that does not read as such is shown as it is.
 */
import type { TFunction } from 'i18next';
import { mergeNoteSchema } from '../../../shared/api/contract';

export function mergeNoteText(t: TFunction, note: string, language: string): string {
  let raw: unknown;
  try {
    raw = JSON.parse(note);
  } catch {
    return note;
  }
  const parsed = mergeNoteSchema.safeParse(raw);
  if (!parsed.success) return note;
  const since = new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(parsed.data.since));
  return t('history.mergedFrom', { from: parsed.data.from, since });
}
