/**
 * Stored images over HTTP (web host) and app:// (desktop): `GET asset/<sha-256>` answers the bytes
 * with the type recorded when they were stored. One function, so both hosts answer alike.
 *
 * The renderer uses the relative URL `asset/<id>`, which the page (served at the root of either
 * origin) resolves to its own origin, so the CSP's `img-src 'self'` covers it; no file:// path or
 * blob: URL is ever needed for a stored image.
 */
import type { HandlerContext } from '../context';
import { readAsset } from '../assets';
import { SECURITY_HEADERS } from './security-headers';

const ASSET_PREFIX = '/asset/';

export interface AssetResponse {
  status: 200 | 404;
  headers: Record<string, string>;
  body: Buffer<ArrayBuffer> | string;
}

/** True for paths under /asset/, which this module answers (with a 404 when nothing matches). */
export function isAssetPath(urlPath: string): boolean {
  return urlPath.startsWith(ASSET_PREFIX);
}

export function assetResponse(ctx: HandlerContext, urlPath: string): AssetResponse {
  const asset = readAsset(ctx, urlPath.slice(ASSET_PREFIX.length));
  if (!asset) return { status: 404, headers: { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' }, body: 'Not found' };
  return {
    status: 200,
    headers: {
      ...SECURITY_HEADERS, // includes nosniff: the stored type is the only type
      'Content-Type': asset.mime,
      'Content-Length': String(asset.bytes.length),
      // The URL names the content, so it never changes.
      'Cache-Control': 'private, max-age=31536000, immutable',
    },
    body: asset.bytes,
  };
}
