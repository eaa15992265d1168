import { createServer } from 'node:net';
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { type Action, type RunningServer, serve } from '../../src/explore/server.js';

const routes = new Map([
  ['/', { type: 'text/html; charset=utf-8', body: '<!doctype html><p>page</p>' }],
  ['/app.js', { type: 'text/javascript; charset=utf-8', body: 'console.log(1)' }],
]);

/** An action that answers with the length and first character of what it was sent. */
const echo: Action = {
  maxBytes: 100,
  run: (body) => ({ status: 200, type: 'text/plain', body: `${body.length} ${body.toString('utf8').slice(0, 1)}` }),
};

/** An action with a bug. */
const broken: Action = {
  maxBytes: 100,
  run: () => {
    throw new Error('a bug');
  },
};

interface RequestOptions {
  method?: string;
  host?: string;
  headers?: Record<string, string>;
  body?: string;
}

/** Sends one raw HTTP/1.1 request (no client-side path clean-up) and returns status line and body. */
function request(port: number, target: string, { method = 'GET', host = `127.0.0.1:${port}`, headers = {}, body = '' }: RequestOptions = {}): Promise<{ status: number; body: string; head: string }> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let data = '';
    socket.on('data', (chunk) => (data += chunk.toString('utf8')));
    socket.on('error', reject);
    socket.on('end', () => {
      const [head, ...rest] = data.split('\r\n\r\n');
      resolve({ status: Number(head.split(' ')[1]), head, body: rest.join('\r\n\r\n') });
    });
    const extra = Object.entries({ ...headers, ...(body === '' ? {} : { 'Content-Length': String(Buffer.byteLength(body)) }) })
      .map(([name, value]) => `${name}: ${value}\r\n`).join('');
    socket.write(`${method} ${target} HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n${extra}\r\n${body}`);
  });
}

describe('the explorer server', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await serve(routes, 0, new Map([['/echo', echo], ['/broken', broken]]));
  });
  afterAll(() => server.close());

  it('listens on 127.0.0.1 and says where', () => {
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/`);
  });

  it('serves its own files with their type and a strict content policy', async () => {
    const page = await request(server.port, '/');
    expect(page.status).toBe(200);
    expect(page.body).toContain('<p>page</p>');
    expect(page.head).toMatch(/content-type: text\/html; charset=utf-8/i);
    expect(page.head).toMatch(/content-security-policy: default-src 'none'; script-src 'self'/i);
    expect(page.head).toMatch(/x-content-type-options: nosniff/i);
    expect((await request(server.port, '/index.html')).status).toBe(200);
    expect((await request(server.port, '/app.js?v=2')).body).toBe('console.log(1)');
  });

  it('refuses path traversal and any path it does not serve', async () => {
    const attempts = [
      '/../package.json',
      '/../../../../etc/passwd',
      '/%2e%2e/%2e%2e/etc/passwd',
      '/..%2f..%2fetc%2fpasswd',
      '/app.js/../../package.json',
      '/./app.js/..%5c..%5cpackage.json',
      '//etc/passwd',
      '/src/index.ts',
      '/scenarios/kursk-2024.json',
      '/%00',
      'http://127.0.0.1/../etc/passwd',
    ];
    for (const target of attempts) {
      const answer = await request(server.port, target);
      expect(answer.status, target).toBe(404);
      expect(answer.body).toBe('not found\n');
    }
  });

  it('answers only GET and HEAD', async () => {
    const post = await request(server.port, '/', { method: 'POST' });
    expect(post.status).toBe(405);
    expect(post.head).toMatch(/allow: GET, HEAD/i);
    const head = await request(server.port, '/', { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.body).toBe('');
  });

  it('runs an action on a JSON body from its own page', async () => {
    const json = { 'Content-Type': 'application/json' };
    const own = await request(server.port, '/echo', { method: 'POST', headers: { ...json, Origin: `http://127.0.0.1:${server.port}` }, body: '{"a":1}' });
    expect(own.status).toBe(200);
    expect(own.body).toBe('7 {');
    // Scripts and tools send no Origin.
    expect((await request(server.port, '/echo', { method: 'POST', headers: json, body: '{}' })).body).toBe('2 {');
  });

  it('answers 500 when an action fails, and goes on serving', async () => {
    const failed = await request(server.port, '/broken', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' });
    expect(failed.status).toBe(500);
    expect(failed.body).toBe('the server failed: a bug\n');
    expect((await request(server.port, '/')).status).toBe(200);
  });

  it('refuses an action to other sites, other methods, other content types and long bodies', async () => {
    const json = { 'Content-Type': 'application/json' };
    const foreign = await request(server.port, '/echo', { method: 'POST', headers: { ...json, Origin: 'http://evil.example' }, body: '{}' });
    expect(foreign.status).toBe(403);
    // What a form or a "simple" cross-site request can send without a preflight.
    const form = await request(server.port, '/echo', { method: 'POST', headers: { 'Content-Type': 'text/plain' }, body: '{}' });
    expect(form.status).toBe(415);
    const get = await request(server.port, '/echo');
    expect(get.status).toBe(405);
    expect(get.head).toMatch(/allow: POST/i);
    // The preflight a cross-site JSON request needs first is refused.
    expect((await request(server.port, '/echo', { method: 'OPTIONS' })).status).toBe(405);
    const long = await request(server.port, '/echo', { method: 'POST', headers: json, body: `"${'x'.repeat(200)}"` });
    expect(long.status).toBe(413);
    expect(long.body).toBe('the body is over 100 bytes\n');
    expect((await request(server.port, '/echo', { method: 'POST', headers: json, body: '{}', host: 'evil.example:80' })).status).toBe(421);
  });

  it('refuses a request addressed to another host name (DNS rebinding)', async () => {
    expect((await request(server.port, '/', { host: 'evil.example:80' })).status).toBe(421);
    expect((await request(server.port, '/', { host: `localhost:${server.port}` })).status).toBe(200);
  });
});

describe('serve', () => {
  it('says the port is taken with a usage error', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as { port: number }).port;
    await expect(serve(routes, port)).rejects.toThrow(InputError);
    await expect(serve(routes, port)).rejects.toThrow(`port ${port} is in use; choose another with --port`);
    await new Promise((resolve) => blocker.close(resolve));
  });
});
