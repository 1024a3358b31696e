// scripts/serve.mjs: dependency-free static file server for Wuzha's built site (dist/), bound to 127.0.0.1 only.
//
// Command line:  node scripts/serve.mjs [--port N] [--root DIR]
//   --port 8080 by default; --port 0 picks a free port. Prints `Wuzha: http://127.0.0.1:PORT/`.
//   --root defaults to <repo>/dist.
// From code (the e2e tests):  const { url, port, close } = await startServer({ root, port: 0 });

import { createServer } from 'node:http';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const HOST = '127.0.0.1';

export const MIME_TYPES = Object.freeze({
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.woff2': 'font/woff2',
});

/** The MIME type for a file name, `application/octet-stream` when the extension is unknown. */
export function mimeType(fileName) {
  return MIME_TYPES[path.extname(fileName).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * Maps a request path (`/pkg/x.js?v=1`) to a file under `root`, or returns null when the path is
 * malformed or would leave `root` (directory traversal, NUL bytes, backslashes).
 */
export function resolveRequestPath(root, requestUrl) {
  let pathname;
  try {
    pathname = new URL(requestUrl, 'http://localhost').pathname;
    pathname = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  if (pathname.includes('\0') || pathname.includes('\\')) return null;
  // Refuse any `..` segment outright, even one that would stay inside root once normalised.
  if (pathname.split('/').some((segment) => segment === '..')) return null;
  const absRoot = path.resolve(root);
  const target = path.resolve(absRoot, '.' + path.posix.normalize('/' + pathname));
  if (target !== absRoot && !target.startsWith(absRoot + path.sep)) return null;
  return target;
}

function send(res, status, body, headers = {}) {
  res.writeHead(status, {
    'Content-Type': 'text/plain; charset=utf-8',
    'Content-Length': Buffer.byteLength(body),
    ...headers,
  });
  res.end(res.req.method === 'HEAD' ? undefined : body);
}

async function handle(root, req, res) {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    send(res, 405, 'Method Not Allowed\n', { Allow: 'GET, HEAD' });
    return;
  }
  let file = resolveRequestPath(root, req.url ?? '/');
  if (file === null) {
    send(res, 400, 'Bad Request\n');
    return;
  }
  let info;
  try {
    info = await stat(file);
    if (info.isDirectory()) {
      file = path.join(file, 'index.html');
      info = await stat(file);
    }
  } catch {
    send(res, 404, 'Not Found\n');
    return;
  }
  if (!info.isFile()) {
    send(res, 404, 'Not Found\n');
    return;
  }
  res.writeHead(200, {
    'Content-Type': mimeType(file),
    'Content-Length': info.size,
    'Cache-Control': 'no-cache',
    'X-Content-Type-Options': 'nosniff',
  });
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  const stream = createReadStream(file);
  stream.on('error', () => res.destroy());
  stream.pipe(res);
}

/**
 * Starts serving `root` on 127.0.0.1:`port` (0 = any free port).
 * Resolves to { url, port, server, close } where close() resolves once the server has stopped.
 */
export function startServer({ root, port = 0 } = {}) {
  if (!root) throw new Error('startServer: `root` is required');
  const absRoot = path.resolve(root);
  const server = createServer((req, res) => {
    handle(absRoot, req, res).catch(() => {
      if (!res.headersSent) send(res, 500, 'Internal Server Error\n');
      else res.destroy();
    });
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, HOST, () => {
      server.off('error', reject);
      const actual = server.address().port;
      resolve({
        url: `http://${HOST}:${actual}/`,
        port: actual,
        server,
        close: () =>
          new Promise((done) => {
            server.close(() => done());
            server.closeAllConnections?.();
          }),
      });
    });
  });
}

function parseArgs(argv) {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const opts = { port: 8080, root: path.resolve(here, '..', 'dist') };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const [name, inline] = arg.startsWith('--') && arg.includes('=') ? arg.split(/=(.*)/s, 2) : [arg, undefined];
    const value = () => {
      if (inline !== undefined) return inline;
      i += 1;
      if (i >= argv.length) throw new Error(`${name} needs a value`);
      return argv[i];
    };
    if (name === '--port') {
      const text = value();
      const port = Number(text);
      if (!/^\d+$/.test(text) || port > 65535) throw new Error(`--port: not a port number: ${text}`);
      opts.port = port;
    } else if (name === '--root') {
      opts.root = path.resolve(value());
    } else if (name === '--help' || name === '-h') {
      opts.help = true;
    } else {
      throw new Error(`unknown argument: ${arg}`);
    }
  }
  return opts;
}

async function main() {
  let opts;
  try {
    opts = parseArgs(process.argv.slice(2));
  } catch (err) {
    console.error(`serve.mjs: ${err.message}\nusage: node scripts/serve.mjs [--port N] [--root DIR]`);
    process.exit(2);
  }
  if (opts.help) {
    console.log('usage: node scripts/serve.mjs [--port N] [--root DIR]   (serves DIR, default dist/, on 127.0.0.1)');
    return;
  }
  try {
    const info = await stat(opts.root);
    if (!info.isDirectory()) throw new Error('not a directory');
  } catch {
    console.error(`serve.mjs: ${opts.root} is not a directory; run scripts/build-web first`);
    process.exit(1);
  }
  let served;
  try {
    served = await startServer({ root: opts.root, port: opts.port });
  } catch (err) {
    console.error(`serve.mjs: cannot listen on ${HOST}:${opts.port}: ${err.message}`);
    process.exit(1);
  }
  console.log(`Wuzha: ${served.url}`);
  const stop = () => {
    served.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

const invokedDirectly =
  process.argv[1] !== undefined && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href;
if (invokedDirectly) {
  await main();
}
