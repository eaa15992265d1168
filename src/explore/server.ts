// The explorer's web server: listens on 127.0.0.1 only, answers GET and HEAD
// for a fixed set of in-memory files, and POST for a fixed set of actions (the
// page's runs). Nothing is read from disk per request, so no request path can
// reach any other file.

import { type IncomingMessage, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { InputError } from '../errors.js';

export interface ServedFile {
  type: string;
  body: string;
}

/** Served files by exact request path, e.g. "/app.js". */
export type Routes = ReadonlyMap<string, ServedFile>;

/** What an action answers. */
export interface Reply {
  status: number;
  type: string;
  body: string | Uint8Array;
}

/** Something the page asks the server to do: a JSON body of at most `maxBytes` in, a reply out. */
export interface Action {
  maxBytes: number;
  run: (body: Buffer) => Reply;
}

/** Actions by exact request path, e.g. "/run"; only POST reaches them. */
export type Actions = ReadonlyMap<string, Action>;

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
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cache-Control': 'no-store',
};

/**
 * Starts serving `routes` and `actions` on 127.0.0.1:`port` (0 picks a free port). Rejects with
 * an InputError when the port is taken.
 */
export function serve(routes: Routes, port: number, actions: Actions = new Map()): Promise<RunningServer> {
  const server = createServer((request, response) => answer(routes, actions, request, response));
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

/**
 * Answers one request from `routes` or `actions`: 421 for a foreign Host, 405 for a method the
 * path does not take, 404 for any other path.
 */
export function answer(routes: Routes, actions: Actions, request: IncomingMessage, response: ServerResponse): void {
  const method = request.method ?? 'GET';
  // A page on another site must not reach this server through a name that resolves here.
  const host = request.headers.host ?? '';
  const local = (request.socket.address() as AddressInfo).port;
  if (host !== `${HOST}:${local}` && host !== `localhost:${local}`) {
    plain(response, 421, 'wrong host');
    return;
  }
  const path = (request.url ?? '').split('?')[0];
  const action = actions.get(path);
  if (action !== undefined) {
    if (method === 'POST') act(action, host, request, response);
    else plain(response, 405, 'only POST', { Allow: 'POST' });
    return;
  }
  if (method !== 'GET' && method !== 'HEAD') {
    plain(response, 405, 'only GET and HEAD', { Allow: 'GET, HEAD' });
    return;
  }
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

/**
 * Runs `action` on the request's body. Only the server's own page may ask: another site's page
 * sends its Origin, and cannot send a JSON body without the browser first asking (a preflight,
 * which this server refuses).
 */
function act(action: Action, host: string, request: IncomingMessage, response: ServerResponse): void {
  const origin = request.headers.origin;
  if (origin !== undefined && origin !== `http://${host}`) {
    plain(response, 403, 'only the explorer page may ask');
    return;
  }
  if (!/^application\/json(;|$)/i.test(request.headers['content-type'] ?? '')) {
    plain(response, 415, 'the body must be JSON (Content-Type: application/json)');
    return;
  }
  const chunks: Buffer[] = [];
  let size = 0;
  request.on('data', (chunk: Buffer) => {
    size += chunk.length;
    if (size <= action.maxBytes) chunks.push(chunk);
  });
  request.on('end', () => {
    if (size > action.maxBytes) {
      plain(response, 413, `the body is over ${action.maxBytes} bytes`);
      return;
    }
    let reply: Reply;
    try {
      reply = action.run(Buffer.concat(chunks));
    } catch (error) {
      // A bug in an action fails its request, not the server.
      plain(response, 500, `the server failed: ${error instanceof Error ? error.message : String(error)}`);
      return;
    }
    response.writeHead(reply.status, {
      ...SECURITY_HEADERS,
      'Content-Type': reply.type,
      'Content-Length': typeof reply.body === 'string' ? Buffer.byteLength(reply.body) : reply.body.byteLength,
    });
    response.end(reply.body);
  });
}

function plain(response: ServerResponse, status: number, message: string, headers: Record<string, string> = {}): void {
  const body = `${message}\n`;
  response.writeHead(status, {
    ...SECURITY_HEADERS, ...headers, 'Content-Type': 'text/plain; charset=utf-8', 'Content-Length': Buffer.byteLength(body),
  });
  response.end(body);
}
