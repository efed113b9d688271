/**
 * The peaks of long recordings, kept in the browser's IndexedDB (per app origin, beside the
 * window's other state; not in the library, since they are derived from the recording and can be
 * computed again): a long recording's waveform is read once, then drawn at once on every opening.
 * Keyed by the recording's hash, so a changed file is a different entry. Where IndexedDB is not
 * available or fails, nothing is cached and the peaks are computed again; the waveform is never
 * wrong for it.
 */
const DB = 'interview-desk-peaks';
const STORE = 'peaks';

function open(): Promise<IDBDatabase | null> {
  return new Promise((resolve) => {
    if (typeof indexedDB === 'undefined') return resolve(null);
    const req = indexedDB.open(DB, 1);
    req.onupgradeneeded = () => req.result.createObjectStore(STORE);
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => resolve(null);
  });
}

export async function cachedPeaks(id: string, columns: number): Promise<Float32Array | null> {
  const db = await open();
  if (!db) return null;
  return new Promise((resolve) => {
    const req = db.transaction(STORE, 'readonly').objectStore(STORE).get(id);
    req.onsuccess = () => {
      const v: unknown = req.result;
      db.close();
      resolve(v instanceof Float32Array && v.length === columns ? v : null);
    };
    req.onerror = () => {
      db.close();
      resolve(null);
    };
  });
}

export async function cachePeaks(id: string, peaks: Float32Array): Promise<void> {
  const db = await open();
  if (!db) return;
  await new Promise<void>((resolve) => {
    const tx = db.transaction(STORE, 'readwrite');
    tx.objectStore(STORE).put(peaks, id);
    tx.oncomplete = tx.onerror = tx.onabort = () => {
      db.close();
      resolve();
    };
  });
}
