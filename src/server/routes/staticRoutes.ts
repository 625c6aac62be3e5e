import fs from 'node:fs/promises';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { HttpError } from '../http/HttpError.ts';
import { sendFile } from '../http/sendFile.ts';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
  '.pcd': 'application/octet-stream',
  '.bin': 'application/octet-stream',
};

/** How often (ms) a miss may trigger a re-scan of `dist/` (after a rebuild). */
const RESCAN_INTERVAL_MS = 2000;

/**
 * Serves the built app from `distDir`: files by exact URL path from an index of the folder (no path
 * is ever built from the URL), `assets/*` as immutable, and `index.html` for any other GET that is
 * not under `/api/` (client-side routes). Without a build, `/` explains how to make one.
 */
export async function registerStaticRoutes(app: FastifyInstance, distDir: string): Promise<void> {
  let files = await indexFolder(distDir);
  let scannedAt = Date.now();

  app.get('/*', async (request, reply) => {
    const urlPath = decodePath(request.url.split('?')[0]);
    if (urlPath !== null && urlPath.startsWith('/api/')) {
      throw new HttpError(404, 'not_found', `no route for GET ${request.url.slice(0, 200)}`);
    }
    let file = urlPath === null ? undefined : files.get(urlPath);
    if (file === undefined && Date.now() - scannedAt > RESCAN_INTERVAL_MS) {
      files = await indexFolder(distDir);
      scannedAt = Date.now();
      file = urlPath === null ? undefined : files.get(urlPath);
    }
    if (file === undefined) {
      const looksLikeFile = urlPath !== null && path.posix.extname(urlPath) !== '';
      const index = files.get('/index.html');
      if (looksLikeFile || index === undefined) {
        if (index === undefined && (urlPath === '/' || urlPath === '/index.html')) {
          return reply
            .type('text/plain; charset=utf-8')
            .send('Cuboid server is running, but the app is not built: run `npm run build` (or `npm start`).\nThe API is at /api/frames.\n');
        }
        throw new HttpError(404, 'not_found', `no file ${JSON.stringify(request.url.slice(0, 200))}`);
      }
      file = index;
    }
    const ext = path.extname(file).toLowerCase();
    const immutable = urlPath?.startsWith('/assets/') === true && file !== files.get('/index.html');
    return sendFile(request, reply, file, {
      contentType: CONTENT_TYPES[ext] ?? 'application/octet-stream',
      ranges: true,
      cacheControl: immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
    });
  });
}

function decodePath(p: string): string | null {
  try {
    return decodeURIComponent(p);
  } catch {
    return null;
  }
}

/** Every regular file under `root`, keyed by its URL path (`/assets/x.js`); `/` maps to index.html. */
async function indexFolder(root: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const walk = async (dir: string, prefix: string): Promise<void> => {
    let entries: import('node:fs').Dirent[];
    try {
      entries = await fs.readdir(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      const full = path.join(dir, e.name);
      if (e.isDirectory()) await walk(full, `${prefix}${e.name}/`);
      else if (e.isFile()) out.set(`${prefix}${e.name}`, full);
    }
  };
  await walk(path.resolve(root), '/');
  const index = out.get('/index.html');
  if (index !== undefined) out.set('/', index);
  return out;
}
