// The local preview answers only its own page: another origin's POSTs, non-JSON POSTs and foreign Host headers (DNS rebinding) are refused.
import { request } from 'node:http';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startPreview, type Preview } from '../../dev/preview/server';
import { refusal } from '../../dev/preview/guard';

/** A tiny add-on with one function that writes (as saveSettings or runMailMerge would). */
const ADDON = `
function onOpen() {}
function mark(value) {
  SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Clients').getRange('A1').setValue(value);
  return 'marked';
}
`;

interface Answer {
  status: number;
  body: string;
}

function send(
  preview: Preview,
  path: string,
  options: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<Answer> {
  const url = new URL(preview.url);
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: Number(url.port),
        path,
        method: options.method ?? 'GET',
        headers: { host: url.host, ...options.headers },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }),
        );
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

const JSON_TYPE = { 'content-type': 'application/json' };
const RUN = JSON.stringify({ args: ['from a POST'] });

describe('the preview server refuses requests that are not from its own page', () => {
  let preview: Preview;
  let dist: string;
  let origin: string;
  beforeAll(async () => {
    dist = mkdtempSync(join(tmpdir(), 'reconnect-guard-'));
    writeFileSync(join(dist, 'Code.js'), ADDON);
    preview = await startPreview({ port: 0, distDir: dist, clients: [['', '', '']] });
    origin = preview.url.replace(/\/$/, '');
  });
  afterAll(async () => {
    await preview?.close();
    rmSync(dist, { recursive: true, force: true });
  });
  const a1 = () => preview.emulator.sheets.cell('Clients', 'A1').value;

  test('another origin POSTing /run/* is refused, and nothing runs', async () => {
    const hostile = [
      { origin: 'http://evil.example', 'sec-fetch-site': 'cross-site', ...JSON_TYPE },
      { origin: 'http://evil.example', ...JSON_TYPE },
      // Another local server (a dev site on another port) is "same-site", not same-origin.
      { origin: 'http://127.0.0.1:1', 'sec-fetch-site': 'same-site', ...JSON_TYPE },
      { origin: 'null', ...JSON_TYPE },
    ];
    for (const headers of hostile) {
      const answer = await send(preview, '/run/mark', { method: 'POST', headers, body: RUN });
      expect({ headers, status: answer.status }).toEqual({ headers, status: 403 });
    }
    expect(preview.runs).toEqual([]);
    expect(a1()).toBe('');
  });

  test('a form-like POST (text/plain, no Origin check possible in old browsers) is refused', async () => {
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data']) {
      const answer = await send(preview, '/run/mark', {
        method: 'POST',
        headers: { 'content-type': type },
        body: RUN,
      });
      expect({ type, status: answer.status }).toEqual({ type, status: 415 });
    }
    const menu = await send(preview, '/api/menu/mark', { method: 'POST' });
    expect(menu.status).toBe(415);
    expect(preview.runs).toEqual([]);
  });

  test('a foreign Host header (DNS rebinding) gets nothing, not even the state', async () => {
    for (const host of ['evil.example', 'evil.example:80', `127.0.0.1.evil.example`, '127.0.0.1']) {
      const state = await send(preview, '/api/state', { headers: { host } });
      expect({ host, status: state.status }).toEqual({ host, status: 421 });
      expect(state.body).not.toContain('Clients');
      const post = await send(preview, '/run/mark', {
        method: 'POST',
        headers: { host, ...JSON_TYPE },
        body: RUN,
      });
      expect({ host, status: post.status }).toEqual({ host, status: 421 });
    }
    expect(preview.runs).toEqual([]);
  });

  test('its own page still works: same-origin JSON POSTs, and reads at 127.0.0.1 or localhost', async () => {
    const port = new URL(preview.url).port;
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, `LOCALHOST:${port}`]) {
      const state = await send(preview, '/api/state', { headers: { host } });
      expect({ host, status: state.status }).toEqual({ host, status: 200 });
    }
    const page = await send(preview, '/', { headers: { 'sec-fetch-site': 'none' } });
    expect(page.status).toBe(200);
    const answer = await send(preview, '/run/mark', {
      method: 'POST',
      headers: {
        origin,
        'sec-fetch-site': 'same-origin',
        'content-type': 'application/json; charset=utf-8',
      },
      body: RUN,
    });
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body)).toMatchObject({ ok: true, value: 'marked' });
    expect(a1()).toBe('from a POST');
  });
});

describe('refusal()', () => {
  const at = (headers: Record<string, string>, method = 'POST') =>
    refusal({ method, headers }, 8787);
  test('a table of requests', () => {
    const local = { host: '127.0.0.1:8787' };
    const json = { ...local, 'content-type': 'application/json' };
    expect(at(json)).toBeNull();
    expect(at({ ...json, origin: 'http://localhost:8787', host: 'localhost:8787' })).toBeNull();
    expect(at({ ...json, origin: 'http://localhost:8787' })).toBeNull();
    expect(at({ ...json, 'sec-fetch-site': 'none' })?.status).toBe(403);
    expect(at({ ...local, 'sec-fetch-site': 'none' }, 'GET')).toBeNull();
    expect(at({ ...local, 'sec-fetch-site': 'cross-site' }, 'GET')?.status).toBe(403);
    const link = { 'sec-fetch-mode': 'navigate', 'sec-fetch-dest': 'document' };
    expect(at({ ...local, ...link, 'sec-fetch-site': 'cross-site' }, 'GET')).toBeNull();
    expect(
      at({ ...local, ...link, 'sec-fetch-dest': 'iframe', 'sec-fetch-site': 'cross-site' }, 'GET')
        ?.status,
    ).toBe(403);
    expect(at({ ...json, ...link, 'sec-fetch-site': 'cross-site' })?.status).toBe(403);
    expect(at({ ...json, origin: 'http://127.0.0.1:8788' })?.status).toBe(403);
    expect(at({ ...json, origin: 'https://127.0.0.1:8787' })?.status).toBe(403);
    expect(at({ host: '[::1]:8787' }, 'GET')).toBeNull();
    expect(at({ host: 'localhost:8788' }, 'GET')?.status).toBe(421);
    expect(at({}, 'GET')?.status).toBe(421);
    expect(at({ ...json, 'content-type': 'application/jsonp' })?.status).toBe(415);
  });
});
