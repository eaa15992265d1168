import { createServer } from 'node:net';
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { type RunningServer, serve } from '../../src/explore/server.js';

const routes = new Map([
  ['/', { type: 'text/html; charset=utf-8', body: '<!doctype html><p>page</p>' }],
  ['/app.js', { type: 'text/javascript; charset=utf-8', body: 'console.log(1)' }],
]);

/** Sends one raw HTTP/1.1 request (no client-side path clean-up) and returns status line and body. */
function request(port: number, target: string, { method = 'GET', host = `127.0.0.1:${port}` } = {}): Promise<{ status: number; body: string; head: string }> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let data = '';
    socket.on('data', (chunk) => (data += chunk.toString('utf8')));
    socket.on('error', reject);
    socket.on('end', () => {
      const [head, ...rest] = data.split('\r\n\r\n');
      resolve({ status: Number(head.split(' ')[1]), head, body: rest.join('\r\n\r\n') });
    });
    socket.write(`${method} ${target} HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n\r\n`);
  });
}

describe('the explorer server', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await serve(routes, 0);
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
