import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentTypeFor, resolveStaticPath } from '../../../../../electron/backend/serving/static-files';

const root = resolve('/srv/app/renderer');

describe('resolveStaticPath (app:// protocol and web host)', () => {
  it('maps paths inside the renderer folder', () => {
    expect(resolveStaticPath(root, '/')).toBe(join(root, 'index.html'));
    expect(resolveStaticPath(root, '/index.html')).toBe(join(root, 'index.html'));
    expect(resolveStaticPath(root, '/assets/index-abc.js')).toBe(join(root, 'assets', 'index-abc.js'));
    expect(resolveStaticPath(root, '/assets/a%20b.css?v=1#x')).toBe(join(root, 'assets', 'a b.css'));
    expect(resolveStaticPath(root, '/doc/123')).toBe(join(root, 'index.html')); // client-side route
  });

  it('refuses every way out of the folder', () => {
    for (const evil of [
      '/../secret.txt',
      '/assets/../../secret.txt',
      '/%2e%2e/secret.txt',
      '/%2e%2e%2fsecret.txt',
      '/..%2f..%2fetc%2fpasswd',
      '/assets/..%5c..%5csecret.txt',
      '/assets\\..\\..\\secret.txt',
      '/%00.html',
      '/bad%zzencoding.js',
      '//etc/passwd.txt',
    ]) {
      const out = resolveStaticPath(root, evil);
      if (out !== null) expect(out.startsWith(root + '/'), evil).toBe(true);
    }
    expect(resolveStaticPath(root, '/../secret.txt')).toBeNull();
    expect(resolveStaticPath(root, '/..%2f..%2fetc%2fpasswd')).toBeNull();
    expect(resolveStaticPath(root, '/%00.html')).toBeNull();
  });

  it('names content types so browsers do not sniff', () => {
    expect(contentTypeFor('a/index.html')).toBe('text/html; charset=utf-8');
    expect(contentTypeFor('a/x.JS')).toBe('text/javascript; charset=utf-8');
    expect(contentTypeFor('a/x.unknown')).toBe('application/octet-stream');
  });
});
