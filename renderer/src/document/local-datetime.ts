/**
 * The embargo is stored as ISO 8601 with the writer's UTC offset (`2026-11-28T08:00:00+07:00`),
 * edited in a `datetime-local` field, which has no offset. These convert between the two.
 */
const pad = (n: number) => String(Math.abs(n)).padStart(2, '0');

/** `2026-11-28T08:00` (local) → `2026-11-28T08:00:00+07:00`, or null for an empty/invalid field. */
export function localInputToIso(value: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(value);
  if (!m) return null;
  const date = new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]));
  if (Number.isNaN(date.getTime())) return null;
  const offset = -date.getTimezoneOffset();
  const sign = offset >= 0 ? '+' : '-';
  return `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:00${sign}${pad(Math.trunc(offset / 60))}:${pad(offset % 60)}`;
}

/** ISO date-time (any offset) → the same instant as a local `datetime-local` value. */
export function isoToLocalInput(iso: string | null): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}
