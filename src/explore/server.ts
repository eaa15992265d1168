// The explorer's web server: listens on 127.0.0.1 only and answers GET and
// HEAD for a fixed set of in-memory files. Nothing is read from disk per
// request, so no request path can reach any other file.

import { type IncomingMessage, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { InputError } from '../errors.js';

export interface ServedFile {
  type: string;
  body: string;
}

/** Served files by exact request path, e.g. "/app.js". */
export type Routes = ReadonlyMap<string, ServedFile>;

export interface RunningServer {
  /** "http://127.0.0.1:PORT/". */
  url: string;
  port: number;
  /** Stops listening and ends open connections. */
  close: () => Promise<void>;
}

export const HOST = '127.0.0.1';

const SECURITY_HEADERS = {
  'Content-Security-Policy':
    "default-src 'none'; script-src 'self'; worker-src 'self'; style-src 'self'; img-src 'self' data: blob:; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cache-Control': 'no-store',
};

/** Starts serving `routes` on 127.0.0.1:`port` (0 picks a free port). Rejects with a InputError when the port is taken. */
export function serve(routes: Routes, port: number): Promise<RunningServer> {
  const server = createServer((request, response) => answer(routes, request, response));
  return new Promise((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      reject(error.code === 'EADDRINUSE'
        ? new InputError(`port ${port} is in use; choose another with --port`)
        : error.code === 'EACCES'
          ? new InputError(`port ${port} cannot be used without more rights; choose one above 1023 with --port`)
          : error);
    });
    server.listen(port, HOST, () => {
      const actual = (server.address() as AddressInfo).port;
      resolve({
        url: `http://${HOST}:${actual}/`,
        port: actual,
        close: () => new Promise((done) => {
          server.close(() => done());
          server.closeAllConnections();
        }),
      });
    });
  });
}

/** Answers one request from `routes`: 405 for other methods, 404 for any other path, 421 for a foreign Host. */
export function answer(routes: Routes, request: IncomingMessage, response: ServerResponse): void {
  const method = request.method ?? 'GET';
  if (method !== 'GET' && method !== 'HEAD') {
    plain(response, 405, 'only GET and HEAD', { Allow: 'GET, HEAD' });
    return;
  }
  // A page on another site must not reach this server through a name that resolves here.
  const host = request.headers.host ?? '';
  const local = (request.socket.address() as AddressInfo).port;
  if (host !== `${HOST}:${local}` && host !== `localhost:${local}`) {
    plain(response, 421, 'wrong host');
    return;
  }
  const path = (request.url ?? '').split('?')[0];
  const file = routes.get(path === '/index.html' ? '/' : path);
  if (file === undefined) {
    plain(response, 404, 'not found');
    return;
  }
  response.writeHead(200, {
    ...SECURITY_HEADERS,
    'Content-Type': file.type,
    'Content-Length': Buffer.byteLength(file.body),
  });
  response.end(method === 'HEAD' ? undefined : file.body);
}

function plain(response: ServerResponse, status: number, message: string, headers: Record<string, string> = {}): void {
  const body = `${message}\n`;
  response.writeHead(status, {
    ...SECURITY_HEADERS, ...headers, 'Content-Type': 'text/plain; charset=utf-8', 'Content-Length': Buffer.byteLength(body),
  });
  response.end(body);
}
