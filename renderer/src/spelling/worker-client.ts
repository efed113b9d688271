/**
 * The editor's side of the spelling worker: requests with ids, answers as promises. One worker
 * per open document; `dispose` ends it.
 */
import type { TextFinding } from '../../../shared/vietnamese/findings';
import type { CheckSettings, SpellChecker, SpellRequest, SpellResponse } from './protocol';

type Unsent = SpellRequest extends infer R ? (R extends unknown ? Omit<R, 'id'> : never) : never;

export function startSpellingWorker(): SpellChecker {
  const worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module', name: 'spelling' });
  const waiting = new Map<number, { resolve(value: SpellResponse): void; reject(error: Error): void }>();
  let nextId = 1;

  worker.onmessage = (event: MessageEvent<SpellResponse>) => {
    const entry = waiting.get(event.data.id);
    waiting.delete(event.data.id);
    if (!entry) return;
    if (event.data.type === 'failed') entry.reject(new Error(event.data.message));
    else entry.resolve(event.data);
  };
  worker.onerror = (event) => {
    const error = new Error(`the spelling worker failed: ${event.message}`);
    for (const entry of waiting.values()) entry.reject(error);
    waiting.clear();
  };

  const send = (request: Unsent): Promise<SpellResponse> =>
    new Promise((resolve, reject) => {
      const id = nextId++;
      waiting.set(id, { resolve, reject });
      worker.postMessage({ ...request, id });
    });

  return {
    async check(settings: CheckSettings, texts: string[]): Promise<TextFinding[][]> {
      const response = await send({ type: 'check', settings, texts });
      return response.type === 'checked' ? response.findings : [];
    },
    async suggest(settings: CheckSettings, word: string): Promise<string[]> {
      const response = await send({ type: 'suggest', settings, word });
      return response.type === 'suggestions' ? response.suggestions : [];
    },
    dispose() {
      worker.terminate();
      for (const entry of waiting.values()) entry.reject(new Error('the spelling worker was stopped'));
      waiting.clear();
    },
  };
}
