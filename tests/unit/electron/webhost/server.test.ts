import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../../../electron/backend/serving/security-headers';
import { startWebHost, type WebHost } from '../../../../electron/webhost/server';
import { rawRequest } from '../../../helpers/raw-request';
import { tempLibrary } from '../../../helpers/temp-library';

let lib: Awaited<ReturnType<typeof tempLibrary>>;
let host: WebHost;
let port: number;

beforeAll(async () => {
  lib = await tempLibrary();
  const rendererDir = join(lib.dir, 'renderer');
  mkdirSync(join(rendererDir, 'assets'), { recursive: true });
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>t</title>');
  writeFileSync(join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(join(lib.dir, 'secret.txt'), 'secret');
  host = await startWebHost({ ctx: lib.ctx, rendererDir, port: 0, maxBodyBytes: 1024 * 1024 });
  port = Number(new URL(host.url).port);
});
afterAll(async () => {
  await host.close();
  lib.close();
});

/** A raw request, so Host and Origin headers can be set as an attacker would. */
async function raw(method: string, path: string, headers: Record<string, string> = {}, body?: string): Promise<{ status: number; headers: Record<string, unknown>; body: string }> {
  const res = await rawRequest(port, method, path, headers, body);
  return { ...res, body: res.body.toString('utf8') };
}
const api = (channel: string, body: string, headers: Record<string, string> = {}) => raw('POST', `/api/${channel}`, { 'Content-Type': 'application/json', ...headers }, body);

describe('web host', () => {
  it('listens on 127.0.0.1 and serves the renderer with the app CSP', async () => {
    expect(host.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const res = await raw('GET', '/');
    expect(res.status).toBe(200);
    expect(res.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.body).toContain('<title>t</title>');
    expect((await raw('GET', '/assets/app.js')).headers['content-type']).toMatch(/^text\/javascript/);
  });

  it('does not serve files outside the renderer folder', async () => {
    for (const path of ['/../secret.txt', '/..%2fsecret.txt', '/assets/..%2f..%2fsecret.txt', '/%2e%2e/secret.txt']) {
      const res = await raw('GET', path);
      expect(res.body, path).not.toContain('secret');
    }
  });

  it('runs API calls through the same handlers', async () => {
    const created = JSON.parse((await api('document.create', JSON.stringify({ language: 'en' }))).body);
    expect(created).toMatchObject({ ok: true, value: { revision: 1, doc: { meta: { language: 'en' } } } });
    const list = JSON.parse((await api('library.list', '{}')).body);
    expect(list.value.items).toHaveLength(1);
  });

  it('answers malformed and oversized bodies with typed errors', async () => {
    expect(JSON.parse((await api('library.list', '{not json')).body)).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(JSON.parse((await api('document.load', JSON.stringify({ id: 5 }))).body)).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(JSON.parse((await api('nope', '{}')).body)).toMatchObject({ ok: false, error: { code: 'unknown_channel' } });
    const big = JSON.stringify({ id: 'x', pad: 'y'.repeat(2 * 1024 * 1024) });
    expect(JSON.parse((await api('document.load', big)).body)).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringMatching(/larger than/) } });
  });

  it('refuses requests from other sites and rebound host names', async () => {
    expect((await api('library.list', '{}', { Host: 'evil.example:80' })).status).toBe(421);
    expect((await raw('GET', '/', { Host: `attacker.test:${port}` })).status).toBe(421);
    expect((await api('library.list', '{}', { Origin: 'https://evil.example' })).status).toBe(403);
    expect((await api('library.list', '{}', { 'Content-Type': 'text/plain' })).status).toBe(415);
    expect((await raw('GET', '/api/library.list')).status).toBe(405);
    expect((await api('library.list', '{}', { Origin: `http://127.0.0.1:${port}` })).status).toBe(200);
  });

  it('answers malformed %-escapes with a typed error, logging no stack trace', async () => {
    const logged: unknown[][] = [];
    const spy = vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => void logged.push(args));
    try {
      for (const channel of ['%E0%A4%A', 'library.list%', '%ZZ']) {
        const res = await api(channel, '{}');
        expect(res.status, channel).toBe(200);
        expect(JSON.parse(res.body), channel).toEqual({ ok: false, error: { code: 'invalid_input', message: 'The request names no valid API channel.' } });
      }
      // Static paths with a bad escape are simply not found.
      expect((await raw('GET', '/assets/%E0%A4%A.js')).status).toBe(404);
    } finally {
      spy.mockRestore();
    }
    expect(logged.flat().some((a) => a instanceof Error || (typeof a === 'string' && a.includes('    at ')))).toBe(false);
  });
});
