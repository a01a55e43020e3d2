// Emulated HtmlService: HtmlOutput from built files in dist/ or from strings (templates deliberately not emulated).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gasError, makeEnum, type Kernel } from './kernel';

const SandboxMode = makeEnum('SandboxMode', ['EMULATED', 'IFRAME', 'NATIVE']);
const XFrameOptionsMode = makeEnum('XFrameOptionsMode', ['ALLOWALL', 'DEFAULT']);

/** What Ui.showSidebar/showModalDialog read from an HtmlOutput without counting calls. */
export interface HtmlOutputState {
  title: string;
  content: string;
  width: number;
  height: number;
  faviconUrl: string | null;
  metaTags: Array<{ name: string; content: string }>;
  xFrameOptionsMode: string;
}

const STATE = Symbol.for('reconnect.emulator.htmlOutput');

/** The state behind an HtmlOutput made by this emulator, or null for anything else. */
export function htmlOutputState(value: unknown): HtmlOutputState | null {
  if (typeof value !== 'object' || value === null) return null;
  return ((value as Record<symbol, unknown>)[STATE] as HtmlOutputState | undefined) ?? null;
}

export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

export function createHtmlService(kernel: Kernel, options: { dir: string }) {
  function makeOutput(content: string): GoogleAppsScript.HTML.HtmlOutput {
    // Dialog defaults; sidebars ignore width (always 300 px).
    const state: HtmlOutputState = {
      title: '',
      content,
      width: 600,
      height: 400,
      faviconUrl: null,
      metaTags: [],
      xFrameOptionsMode: 'DEFAULT',
    };
    const output: GoogleAppsScript.HTML.HtmlOutput = kernel.wrap('HtmlService', 'HtmlOutput', {
      [STATE]: state,
      setTitle(title: string) {
        state.title = String(title);
        return output;
      },
      getTitle: () => state.title,
      getContent: () => state.content,
      setContent(html: string) {
        state.content = String(html);
        return output;
      },
      append(html: string) {
        state.content += String(html);
        return output;
      },
      appendUntrusted(text: string) {
        state.content += escapeHtml(String(text));
        return output;
      },
      clear() {
        state.content = '';
        return output;
      },
      setWidth(width: number) {
        state.width = Number(width);
        return output;
      },
      getWidth: () => state.width,
      setHeight(height: number) {
        state.height = Number(height);
        return output;
      },
      getHeight: () => state.height,
      // "setSandboxMode() now has no effect" (sandbox-mode reference): only IFRAME remains.
      setSandboxMode(_mode: unknown) {
        return output;
      },
      getSandboxMode: () => SandboxMode.IFRAME,
      setFaviconUrl(url: string) {
        state.faviconUrl = String(url);
        return output;
      },
      getFaviconUrl: () => state.faviconUrl,
      addMetaTag(name: string, content: string) {
        state.metaTags.push({ name: String(name), content: String(content) });
        return output;
      },
      getMetaTags: () =>
        state.metaTags.map((tag) =>
          kernel.wrap('HtmlService', 'HtmlOutputMetaTag', {
            getName: () => tag.name,
            getContent: () => tag.content,
          }),
        ),
      setXFrameOptionsMode(mode: { name?: string }) {
        state.xFrameOptionsMode = String(mode?.name ?? mode);
        return output;
      },
    });
    return output;
  }

  const HtmlService = kernel.wrap<GoogleAppsScript.HTML.HtmlService>('HtmlService', 'HtmlService', {
    SandboxMode,
    XFrameOptionsMode,
    createHtmlOutput(html?: unknown) {
      return makeOutput(html === undefined || html === null ? '' : String(html));
    },
    createHtmlOutputFromFile(filename: string) {
      const name = String(filename).replace(/\.html$/, '');
      const path = join(options.dir, `${name}.html`);
      // Real message when the project has no such file (RayBB/easy-gmail-scheduler#4).
      if (!existsSync(path)) throw gasError(`No HTML file named ${name} was found.`);
      return makeOutput(readFileSync(path, 'utf8'));
    },
  });
  return { HtmlService };
}
