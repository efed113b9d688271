/**
 * The spelling worker: checks paragraphs off the main thread, so typing never waits for it.
 * Started by worker-client.ts with `new Worker(new URL('./worker.ts', import.meta.url))`.
 *
 * The dictionaries are files of the build, fetched from the app's own origin (the CSP allows
 * connect-src 'self'): the Vietnamese syllable list of @cspell/dict-vi-vn (MIT; gzipped, unzipped
 * here with DecompressionStream) and dictionary-en (MIT AND BSD) for nspell. Neither package
 * exports these files, hence the paths into node_modules. `no-inline` keeps Vite from inlining
 * a small file as a data: URL, which the CSP would refuse to fetch.
 */
import nspell from 'nspell';
import trieUrl from '../../../node_modules/@cspell/dict-vi-vn/vi.trie.gz?url&no-inline';
import affUrl from '../../../node_modules/dictionary-en/index.aff?url&no-inline';
import dicUrl from '../../../node_modules/dictionary-en/index.dic?url&no-inline';
import { readTrieXv3 } from '../../../shared/vietnamese/trie-x-v3';
import type { SpellRequest } from './protocol';
import { SpellingService } from './spelling-service';

async function fetchOk(url: string): Promise<Response> {
  const response = await fetch(url);
  if (!response.ok || !response.body) throw new Error(`${url}: HTTP ${response.status}`);
  return response;
}

async function gunzipText(url: string): Promise<string> {
  const response = await fetchOk(url);
  return new Response(response.body!.pipeThrough(new DecompressionStream('gzip'))).text();
}

const service = new SpellingService(
  {
    vietnamese: async () => readTrieXv3(await gunzipText(trieUrl)),
    english: async () => {
      const [aff, dic] = await Promise.all([fetchOk(affUrl).then((r) => r.text()), fetchOk(dicUrl).then((r) => r.text())]);
      return nspell(aff, dic);
    },
  },
  (what, error) => console.error(`Spelling: the ${what} could not be loaded; only tone marks are checked.`, error),
);

self.onmessage = (event: MessageEvent<SpellRequest>) => {
  void service.handle(event.data).then((response) => self.postMessage(response));
};
