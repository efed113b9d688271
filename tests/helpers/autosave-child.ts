/**
 * A writer that autosaves in a loop, for the crash-safety test: it opens a library the way the
 * app does, then saves revision after revision, printing `ack <n>` only after save n returned
 * (i.e. after its transaction committed). The test kills it with SIGKILL at random moments.
 */
import { dispatch } from '../../electron/backend/dispatch';
import { openLibrarySession } from '../../electron/backend/library-session';
import type { LoadedDocument } from '../../shared/api/contract';

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
let n = Number(loaded.doc.meta.headline.replace(/\D/g, '')) || 0;
// A realistic body: ~200 paragraphs, so each save writes a few hundred KB.
const body = Array.from({ length: 100 }, (_, i) => ({
  type: 'turn' as const,
  speakerId: i % 2 === 0 ? 'p1' : 'p2',
  children: [
    { type: 'paragraph' as const, children: [{ text: `Đoạn ${i}: Đảng bộ tỉnh Long An có 19 đảng bộ trực thuộc, gồm 15 đảng bộ cấp huyện. `.repeat(4) }] },
    { type: 'paragraph' as const, children: [{ text: 'Ngay từ đầu nhiệm kỳ, các cấp ủy đã chủ động xây dựng và triển khai kế hoạch. '.repeat(4) }] },
  ],
}));

for (;;) {
  n++;
  const doc = { ...loaded.doc, meta: { ...loaded.doc.meta, headline: `Bản ${n}` }, body };
  const saved = await dispatch('document.save', { id: loaded.doc.id, baseRevision: revision, doc }, ctx);
  if (!saved.ok) {
    console.error(JSON.stringify(saved.error));
    process.exit(2);
  }
  revision = (saved.value as { revision: number }).revision;
  process.stdout.write(`ack ${n}\n`);
}
