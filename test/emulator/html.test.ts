// Pins HtmlService: HtmlOutput from dist/ files (with the real missing-file message) and from strings.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Clock, Kernel, NotEmulatedError } from '../../dev/emulator/kernel';
import { createHtmlService } from '../../dev/emulator/html';

function setup() {
  const dir = mkdtempSync(join(tmpdir(), 'html-'));
  writeFileSync(join(dir, 'Sidebar.html'), '<!DOCTYPE html><p>Hello</p>');
  const kernel = new Kernel(new Clock());
  const { HtmlService } = createHtmlService(kernel, { dir });
  kernel.beginExecution('FULL');
  return { kernel, HtmlService };
}

describe('HtmlService', () => {
  it('reads a file by name, with or without .html', () => {
    const { HtmlService } = setup();
    expect(HtmlService.createHtmlOutputFromFile('Sidebar').getContent()).toBe(
      '<!DOCTYPE html><p>Hello</p>',
    );
    expect(HtmlService.createHtmlOutputFromFile('Sidebar.html').getContent()).toContain('Hello');
  });

  it('names the missing file as Apps Script does (RayBB/easy-gmail-scheduler#4)', () => {
    const { HtmlService } = setup();
    expect(() => HtmlService.createHtmlOutputFromFile('Index')).toThrow(
      'No HTML file named Index was found.',
    );
  });

  it('HtmlOutput setters chain and getters read back', () => {
    const { HtmlService } = setup();
    const out = HtmlService.createHtmlOutput('<p>a</p>')
      .setTitle('Reconnect')
      .append('<p>b</p>')
      .appendUntrusted('<img onerror=x>')
      .setWidth(500)
      .setHeight(300)
      .setSandboxMode(HtmlService.SandboxMode.IFRAME)
      .setFaviconUrl('https://example.com/f.png')
      .addMetaTag('viewport', 'width=device-width')
      .setXFrameOptionsMode(HtmlService.XFrameOptionsMode.DEFAULT);
    expect(out.getTitle()).toBe('Reconnect');
    expect(out.getContent()).toBe('<p>a</p><p>b</p>&lt;img onerror=x&gt;');
    expect([out.getWidth(), out.getHeight()]).toEqual([500, 300]);
    expect(out.setContent('x').getContent()).toBe('x');
    expect(HtmlService.createHtmlOutput().getContent()).toBe('');
  });

  it('templates are deliberately not emulated (the add-on serves plain HTML)', () => {
    const { HtmlService } = setup();
    expect(() => HtmlService.createTemplateFromFile('Sidebar')).toThrow(NotEmulatedError);
    expect(() => HtmlService.createTemplateFromFile('Sidebar')).toThrow(
      'HtmlService.createTemplateFromFile',
    );
  });
});
