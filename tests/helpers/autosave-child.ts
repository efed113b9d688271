/**
 * A writer that autosaves in a loop, for the crash-safety test: it opens a library the way the
 * app does, then saves revision after revision, printing `ack <n>` only after save n returned
 * (i.e. after its transaction committed). The test kills it with SIGKILL at random moments.
 * Save n stores `Bản n` as the body's first paragraph.
 */
import { dispatch } from '../../electron/backend/dispatch';
import { openLibrarySession } from '../../electron/backend/library-session';
import type { LoadedDocument } from '../../shared/api/contract';
import { changesBetween } from '../../shared/api/document-changes';

const dataDir = process.argv[2]!;
const session = await openLibrarySession(dataDir);
const { ctx } = session;

const list = await dispatch('library.list', {}, ctx);
let loaded: LoadedDocument;
if (list.ok && (list.value as { items: { id: string }[] }).items.length > 0) {
  const id = (list.value as { items: { id: string }[] }).items[0]!.id;
  loaded = ((await dispatch('document.load', { id }, ctx)) as { ok: true; value: LoadedDocument }).value;
} else {
  loaded = ((await dispatch('document.create', { language: 'vi' }, ctx)) as { ok: true; value: LoadedDocument }).value;
}

let revision = loaded.revision;
// The counter is in the first paragraph (every save) and in the headline (whole-document saves).
const counterOf = (doc: LoadedDocument['doc']) => {
  const first = doc.body[0];
  return Number((first?.type === 'paragraph' ? first.children.map((l) => l.text).join('') : doc.meta.headline).replace(/\D/g, '')) || 0;
};
let n = counterOf(loaded.doc);
// A realistic body: ~200 paragraphs, so each save writes a few hundred KB.
const turns = Array.from({ length: 100 }, (_, i) => ({
  type: 'turn' as const,
  speakerId: i % 2 === 0 ? 'p1' : 'p2',
  children: [
    { type: 'paragraph' as const, children: [{ text: `Đoạn ${i}: Đảng bộ tỉnh Long An có 19 đảng bộ trực thuộc, gồm 15 đảng bộ cấp huyện. `.repeat(4) }] },
    { type: 'paragraph' as const, children: [{ text: 'Ngay từ đầu nhiệm kỳ, các cấp ủy đã chủ động xây dựng và triển khai kế hoạch. '.repeat(4) }] },
  ],
}));

// Saves alternate between the whole document (document.save, a new headline) and the changed
// block alone (document.saveChanges, as the editor autosaves), so both are killed mid-write.
let last: LoadedDocument['doc'] | null = null;
for (;;) {
  n++;
  const counter = { type: 'paragraph' as const, children: [{ text: `Bản ${n}` }] };
  const whole = last === null || n % 2 === 0;
  const doc: LoadedDocument['doc'] = whole ? { ...loaded.doc, meta: { ...loaded.doc.meta, headline: `Bản ${n}` }, body: [counter, ...turns] } : { ...last!, body: [counter, ...last!.body.slice(1)] };
  const saved = whole
    ? await dispatch('document.save', { id: loaded.doc.id, baseRevision: revision, doc }, ctx)
    : await dispatch('document.saveChanges', { id: loaded.doc.id, baseRevision: revision, ...changesBetween(last!, doc)! }, ctx);
  if (!saved.ok || !('revision' in (saved.value as object))) {
    console.error(JSON.stringify(saved.ok ? saved.value : saved.error));
    process.exit(2);
  }
  revision = (saved.value as { revision: number }).revision;
  last = doc;
  process.stdout.write(`ack ${n}\n`);
}
