// Issue #12, bug 4: redaction in validator packets swallowed the closing quote after a URL
// (`segno.make('https://…', error='h')` → `segno.make('[url], error='h')`). Whatever closes the
// syntax around a URL (quotes, brackets, backticks, sentence punctuation) stays in the text.
import { describe, expect, it } from 'vitest';
import { redactText } from '../../src-main/engine/validate/packet';

describe('redactText: a URL ends before what closes the syntax around it', () => {
  it('keeps the closing quote of a string argument (the reported case)', () => {
    expect(redactText("segno.make('https://example.com/qr?id=7&x=1', error='h')")).toBe("segno.make('[url]', error='h')");
    expect(redactText("segno.make('https://…', error='h')")).toBe("segno.make('[url]', error='h')");
  });

  it('keeps the quote when the text carries it as an HTML entity (scraped corpora do)', () => {
    // The reported output exactly: the entity after the URL was taken as part of it.
    expect(redactText('segno.make(&#39;https://example.com/qr&#39;, error=&#39;h&#39;)')).toBe(
      'segno.make(&#39;[url]&#39;, error=&#39;h&#39;)',
    );
    expect(redactText('href=&quot;https://a.b/c?d=1&amp;e=2&quot;>')).toBe('href=&quot;[url]&quot;>');
    expect(redactText('&lt;https://x.y&gt;')).toBe('&lt;[url]&gt;');
  });

  it('keeps double quotes, parentheses, angle and square brackets', () => {
    expect(redactText('"https://a.b/c"')).toBe('"[url]"');
    expect(redactText('(https://x.y)')).toBe('([url])');
    expect(redactText('<https://x.y>')).toBe('<[url]>');
    expect(redactText('[https://x.y/a]')).toBe('[[url]]');
    expect(redactText('{"u": "https://x.y/a"}')).toBe('{"u": "[url]"}');
  });

  it('keeps backticks and typographic quotes', () => {
    expect(redactText('run `curl https://x.y/a` now')).toBe('run `curl [url]` now');
    expect(redactText('‘https://x.y/a’ and “https://x.y/b” and «www.x.y»')).toBe('‘[url]’ and “[url]” and «[url]»');
  });

  it('leaves sentence punctuation after a URL in the text', () => {
    expect(redactText('See https://x.y/z.')).toBe('See [url].');
    expect(redactText('Try https://x.y/z, then www.x.y/a; or https://x.y?')).toBe('Try [url], then [url]; or [url]?');
    expect(redactText('(see https://x.y/a).')).toBe('(see [url]).');
  });

  it('takes balanced parentheses inside a URL as part of it, so nothing of the URL leaks', () => {
    expect(redactText('[wiki](https://en.wikipedia.org/wiki/Mercury_(planet))')).toBe('[wiki]([url])');
  });

  it('still redacts the whole URL, query and fragment included', () => {
    expect(redactText('go to https://x.y/a/b?c=1&d=2#top now')).toBe('go to [url] now');
    expect(redactText('HTTPS://X.Y/A')).toBe('[url]');
  });
});
