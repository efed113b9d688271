import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../../../electron/backend/serving/security-headers';
import { startWebHost, type WebHost } from '../../../../electron/webhost/server';
import { solidPng, TINY_GIF } from '../../../helpers/images';
import { rawRequest } from '../../../helpers/raw-request';
import { tempLibrary } from '../../../helpers/temp-library';

let lib: Awaited<ReturnType<typeof tempLibrary>>;
let host: WebHost;
let port: number;

beforeAll(async () => {
  lib = await tempLibrary();
  const rendererDir = join(lib.dir, 'renderer');
  mkdirSync(rendererDir, { recursive: true });
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>t</title>');
  writeFileSync(join(lib.dir, 'secret.txt'), 'secret');
  host = await startWebHost({ ctx: lib.ctx, rendererDir, port: 0 });
  port = Number(new URL(host.url).port);
});
afterAll(async () => {
  await host.close();
  lib.close();
});

const raw = (method: string, path: string, headers: Record<string, string> = {}, body?: string) => rawRequest(port, method, path, headers, body);

/** Upload through the HTTP API, as the renderer in browser mode does. */
async function upload(bytes: Buffer): Promise<string> {
  const res = await raw('POST', '/api/asset.put', { 'Content-Type': 'application/json' }, JSON.stringify({ data: bytes.toString('base64') }));
  const result = JSON.parse(res.body.toString('utf8'));
  expect(result.ok).toBe(true);
  return result.value.id;
}

describe('web host: stored images at /asset/<sha-256>', () => {
  it('serves an uploaded image with its stored type, the app CSP and nosniff', async () => {
    const png = solidPng(12, 9);
    const id = await upload(png);
    const res = await raw('GET', `/asset/${id}`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('image/png');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(res.headers['cache-control']).toMatch(/immutable/);
    expect(Buffer.compare(res.body, png)).toBe(0);

    const gifId = await upload(TINY_GIF);
    expect((await raw('GET', `/asset/${gifId}`)).headers['content-type']).toBe('image/gif');
  });

  it('answers HEAD without a body', async () => {
    const id = await upload(solidPng(3, 3));
    const res = await raw('HEAD', `/asset/${id}`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('image/png');
    expect(res.body.length).toBe(0);
  });

  it('answers 404 for unknown and malformed ids, never a renderer file or anything outside', async () => {
    const id = await upload(solidPng(2, 2));
    for (const path of [
      `/asset/${'0'.repeat(64)}`,
      `/asset/${id.toUpperCase()}`,
      `/asset/${id}.png`,
      `/asset/${id}/x`,
      `/asset/${id.slice(1)}`,
      '/asset/',
      '/asset/index.html',
      '/asset/..%2f..%2fsecret.txt',
      '/asset/%2e%2e/secret.txt',
    ]) {
      const res = await raw('GET', path);
      expect(res.status, path).toBe(404);
      expect(res.headers['x-content-type-options'], path).toBe('nosniff');
      expect(res.body.toString('utf8'), path).not.toMatch(/secret|<title>/);
    }
  });

  it('keeps the host checks and methods of the rest of the web host', async () => {
    const id = await upload(solidPng(2, 3));
    expect((await raw('GET', `/asset/${id}`, { Host: `attacker.test:${port}` })).status).toBe(421);
    expect((await raw('POST', `/asset/${id}`)).status).toBe(405);
  });
});
