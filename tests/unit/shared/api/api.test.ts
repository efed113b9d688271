import { describe, expect, it } from 'vitest';
import { CHANNELS } from '../../../../shared/api/channels';
import { createApi } from '../../../../shared/api/client';
import { contract } from '../../../../shared/api/contract';

describe('API contract', () => {
  it('has a schema for exactly the channels the preload exposes', () => {
    expect(Object.keys(contract).sort()).toEqual([...CHANNELS].sort());
  });

  it('builds one named function per channel, grouped by prefix, routed to the transport', async () => {
    const calls: [string, unknown][] = [];
    const api = createApi(async (channel, input) => {
      calls.push([channel, input]);
      return { ok: true, value: channel };
    });
    expect(Object.keys(api).sort()).toEqual(['asset', 'backup', 'document', 'exchange', 'history', 'library', 'newsroom', 'player', 'profile', 'settings', 'spelling', 'trash', 'ui']);
    expect(Object.keys(api.document).sort()).toEqual(['create', 'createFrom', 'duplicate', 'export', 'load', 'save', 'saveChanges']);
    await api.document.load({ id: 'abc' });
    await api.library.list({});
    expect(calls).toEqual([
      ['document.load', { id: 'abc' }],
      ['library.list', {}],
    ]);
  });
});
