// Which requests the local preview answers: its own page only (a local Host header; POSTs same-origin and JSON), never another web page.
import type { IncomingHttpHeaders } from 'node:http';

/**
 * The preview runs the add-on with the emulator's Gmail and the user's demo sheet, on 127.0.0.1. A
 * page on any other origin that the same browser has open can send requests to it:
 * - a cross-site POST (a form, or fetch in no-cors mode with text/plain) reaches the server even
 *   though the page cannot read the answer: it would run /run/* (emails, settings). Browsers send
 *   Origin on every POST and Sec-Fetch-Site on every request (Fetch Metadata), so a POST must come
 *   from the preview's own origin, and carry `application/json` (which no form can send, and which
 *   makes a cross-origin fetch ask a CORS preflight that the preview never grants);
 * - DNS rebinding: a hostile name re-pointed at 127.0.0.1 makes the preview same-origin with that
 *   site, but its requests carry the hostile name in Host. Every request must name the preview
 *   itself: 127.0.0.1, localhost or [::1], with the preview's port.
 * A client that is not a browser (curl, the tests) sends neither Origin nor Sec-Fetch-Site; it is
 * not a web page, so it is answered (the Host and content-type checks still apply).
 * Sources: https://developer.mozilla.org/en-US/docs/Web/HTTP/Headers/Sec-Fetch-Site,
 * https://fetch.spec.whatwg.org/#origin-header, https://en.wikipedia.org/wiki/DNS_rebinding.
 */
export interface RequestLike {
  method?: string;
  headers: IncomingHttpHeaders;
}

const LOCAL_HOSTS = ['127.0.0.1', 'localhost', '[::1]'];

function header(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** The Host values that name this preview: 127.0.0.1, localhost or [::1], with its port. */
export function localHosts(port: number): string[] {
  return LOCAL_HOSTS.map((h) => `${h}:${port}`);
}

/**
 * A GET that opens the preview as the page itself: the address typed or bookmarked ("none"), or a
 * link followed from another site to a top-level page (which shows the preview to the person,
 * never to that site). Not a frame (clickjacking), not a fetch.
 */
function opensPage(headers: IncomingHttpHeaders, site: string): boolean {
  if (site === 'none') return true;
  return (
    header(headers, 'sec-fetch-mode') === 'navigate' &&
    header(headers, 'sec-fetch-dest') === 'document'
  );
}

/** Why the request is refused (status and text), or null to answer it. */
export function refusal(req: RequestLike, port: number): { status: number; text: string } | null {
  const hosts = localHosts(port);
  const host = (header(req.headers, 'host') ?? '').toLowerCase();
  if (!hosts.includes(host)) {
    return { status: 421, text: `The preview answers only at ${hosts.join(', ')}.` };
  }
  const method = (req.method ?? 'GET').toUpperCase();
  const site = header(req.headers, 'sec-fetch-site')?.toLowerCase();
  const reading = method === 'GET' || method === 'HEAD';
  if (site && site !== 'same-origin' && !(reading && opensPage(req.headers, site))) {
    return { status: 403, text: 'The preview answers only its own page.' };
  }
  if (reading) return null;
  const origin = header(req.headers, 'origin');
  if (origin !== undefined && !hosts.some((h) => origin.toLowerCase() === `http://${h}`)) {
    return { status: 403, text: 'The preview answers only its own page.' };
  }
  const type = (header(req.headers, 'content-type') ?? '').split(';')[0].trim().toLowerCase();
  if (type !== 'application/json') {
    return { status: 415, text: 'The preview takes only JSON (Content-Type: application/json).' };
  }
  return null;
}
