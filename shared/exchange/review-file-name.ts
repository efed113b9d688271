/**
 * The name of a file saved for review: what the story is and whose copy it is, so a desk that
 * receives several can tell them apart at a glance — `long-an-ket-nap-dang-vien.editor.interview`.
 * The slug when it is a proper one, else the headline folded to ASCII (Vietnamese tone marks and
 * đ dropped: file names travel through mail and shared folders that mangle them), else the id.
 */
import type { ProfileRole } from '../api/profile';

const EXTENSION = '.interview';
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** Long enough to recognise a headline, short enough for every file system and mail client. */
const MAX_BASE = 60;

/** ASCII words joined by hyphens: "Long An kết nạp đảng viên" → "long-an-ket-nap-dang-vien". */
export function slugify(text: string): string {
  const words = text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  let out = '';
  for (const word of words) {
    const next = out ? `${out}-${word}` : word;
    if (next.length > MAX_BASE) return out || word.slice(0, MAX_BASE);
    out = next;
  }
  return out;
}

export function reviewFileName(doc: { id: string; meta: { slug: string; headline: string } }, role: ProfileRole | undefined): string {
  const slug = doc.meta.slug.trim();
  const base = (SLUG.test(slug) ? slug.slice(0, MAX_BASE).replace(/-+$/, '') : '') || slugify(doc.meta.headline) || `interview-${doc.id}`;
  return `${base}${role ? `.${role}` : ''}${EXTENSION}`;
}
