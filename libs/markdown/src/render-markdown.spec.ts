import { Parser } from 'htmlparser2';
import { escapeHtml, highlightToHtml, markdownToPlainText, renderMarkdown } from './index.js';

/**
 * Parses rendered HTML with a real HTML parser (htmlparser2, the one sanitize-html is built on) so the
 * assertions look at what a browser would see — tags, attributes and decoded text — instead of at
 * substrings of the markup (escaped text like `&lt;img onerror=…&gt;` legitimately contains "onerror=").
 */
interface ParsedHtml {
  tags: string[];
  attributes: Array<{ tag: string; name: string; value: string }>;
  text: string;
  comments: string[];
}

function parse(html: string): ParsedHtml {
  const parsed: ParsedHtml = { tags: [], attributes: [], text: '', comments: [] };
  const parser = new Parser(
    {
      onopentag(name, attribs) {
        parsed.tags.push(name);
        for (const [attr, value] of Object.entries(attribs)) parsed.attributes.push({ tag: name, name: attr, value });
      },
      ontext(text) {
        parsed.text += text;
      },
      oncomment(comment) {
        parsed.comments.push(comment);
      },
      onprocessinginstruction(name) {
        parsed.tags.push(name);
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.write(html);
  parser.end();
  return parsed;
}

const ALLOWED_TAGS = new Set([
  'p', 'br', 'hr', 'strong', 'em', 'del', 's', 'code', 'pre', 'blockquote', 'ul', 'ol', 'li',
  'h3', 'h4', 'h5', 'h6', 'a', 'table', 'thead', 'tbody', 'tr', 'th', 'td',
]);
const ALLOWED_ATTRIBUTES: Record<string, string[]> = {
  a: ['href', 'title', 'rel', 'target'],
  code: ['class'],
  ol: ['start'],
};

/** Removes what browsers ignore in a URL scheme (whitespace and C0 controls) before checking it. */
function schemeOf(url: string): string | undefined {
  const match = /^([a-z][a-z0-9+.-]*):/i.exec(url.replace(/[\u0000-\u0020\u007f-\u009f\u200b-\u200f\ufeff]/g, ''));
  return match?.[1].toLowerCase();
}

function expectSafe(html: string): ParsedHtml {
  const parsed = parse(html);
  expect(html).not.toMatch(/<\s*\/?\s*(script|style|iframe|svg|math|form|object|embed|img|details|div|span|input|button)\b/i);
  expect(parsed.comments).toEqual([]);
  for (const tag of parsed.tags) expect(ALLOWED_TAGS).toContain(tag);
  for (const { tag, name, value } of parsed.attributes) {
    expect(name).not.toMatch(/^on/i);
    expect(name).not.toBe('style');
    expect(ALLOWED_ATTRIBUTES[tag] ?? []).toContain(name);
    if (name === 'href' || name === 'src') {
      expect(['http', 'https', 'mailto']).toContain(schemeOf(value));
      expect(value).not.toMatch(/(java|vb)script\s*:|data\s*:/i);
    }
    if (name === 'class') expect(value).toMatch(/^language-[a-z0-9+#-]+$/);
  }
  return parsed;
}

describe('renderMarkdown — hostile input', () => {
  // [input, text that must still be visible (as text, escaped in the markup)]
  const hostile: Array<[string, string]> = [
    ['<script>alert(1)</script>', '<script>alert(1)</script>'],
    ['<SCRIPT SRC=//evil.example/x.js></SCRIPT>', '<SCRIPT SRC=//evil.example/x.js></SCRIPT>'],
    ['<img src=x onerror=alert(1)>', '<img src=x onerror=alert(1)>'],
    ['[x](javascript:alert(1))', 'alert(1)'],
    ['[x](JaVaScRiPt:alert(1))', 'alert(1)'],
    ['[x](jav&#x09;ascript:alert(1))', 'x'],
    ['[x](&#106;avascript:alert(1))', 'x'],
    ['[x](javascript&colon;alert(1))', 'x'],
    ['[x](%6A%61vascript:alert(1))', 'x'],
    ['[x](\u200Bjavascript:alert(1))', 'x'],
    ['[x](<javascript:alert(1)>)', 'x'],
    ['[x](vbscript:msgbox(1))', 'x'],
    ['[x](data:text/html;base64,PHNjcmlwdD4=)', 'x'],
    ['[x](data:image/png;base64,iVBORw0KGgo=)', 'x'],
    ['<a href="javascript:alert(1)">click</a>', '<a href="javascript:alert(1)">click</a>'],
    ['<a href="jav&#x09;ascript:alert(1)">click</a>', 'click'],
    ['<svg onload=alert(1)><circle/></svg>', '<svg onload=alert(1)>'],
    ['<iframe src="https://evil.example"></iframe>', '<iframe src="https://evil.example"></iframe>'],
    ['<style>body { display: none }</style>', 'body { display: none }'],
    ['<div style="position:fixed;inset:0">covered</div>', 'covered'],
    ['<javascript:alert(1)>', '<javascript:alert(1)>'],
    ['<JAVASCRIPT:alert(1)>', '<JAVASCRIPT:alert(1)>'],
    ['<data:text/html,<script>alert(1)</script>>', 'alert(1)'],
    ['![x](javascript:alert(1))', 'alert(1)'],
    ['![x](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)', 'x'],
    ['![x](https://ok.example/i.png" onerror="alert(1))', 'x'],
    ['[x][evil]\n\n[evil]: javascript:alert(1)', 'x'],
    ['[x][evil]\n\n[evil]: data:text/html,hi "t"', 'x'],
    ['<details open ontoggle=alert(1)>hi</details>', '<details open ontoggle=alert(1)>'],
    ['<!-- <script>alert(1)</script> -->', '<!-- <script>alert(1)</script> -->'],
    ['[x](https://ok.example "\\"><script>alert(1)</script>")', 'x'],
    ['[<img src=x onerror=alert(1)>](https://ok.example)', '<img src=x onerror=alert(1)>'],
    ['<math><mi xlink:href="javascript:alert(1)">x</mi></math>', 'x'],
    ['<form action="javascript:alert(1)"><button>go</button></form>', 'go'],
    ['<object data="javascript:alert(1)"></object><embed src="javascript:alert(1)">', '<object'],
    ['<input autofocus onfocus=alert(1)>', '<input autofocus onfocus=alert(1)>'],
    ['&lt;script&gt;alert(1)&lt;/script&gt;', '<script>alert(1)</script>'],
    ['\uFF1Cscript\uFF1Ealert(1)\uFF1C/script\uFF1E', '\uFF1Cscript\uFF1E'],
    ['`<script>alert(1)</script>`', '<script>alert(1)</script>'],
    ['```html\n<script>alert(1)</script>\n```', '<script>alert(1)</script>'],
    ['    <img src=x onerror=alert(1)>', '<img src=x onerror=alert(1)>'],
    ['```js" onmouseover="alert(1)\ncode\n```', 'code'],
    ['javascript:alert(1) and data:text/html,x as bare text', 'javascript:alert(1)'],
    ['[x](//evil.example/path)', 'x'],
  ];

  it.each(hostile)('neutralises %j', (input, visible) => {
    const html = renderMarkdown(input);
    const parsed = expectSafe(html);
    expect(parsed.text).toContain(visible);
  });

  it('escapes raw HTML as visible text rather than dropping it', () => {
    expect(renderMarkdown('<script>alert(1)</script>')).toBe('<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>\n');
  });

  it('turns refused links into plain text (no anchor at all)', () => {
    for (const input of ['[x](javascript:alert(1))', '[x](jav&#x09;ascript:alert(1))', '[x](/relative)', '[x](#frag)']) {
      expect(parse(renderMarkdown(input)).tags).not.toContain('a');
    }
  });

  it('keeps a link title but escapes a quote-breaking payload in it', () => {
    const html = renderMarkdown('[x](https://ok.example "\\"><script>alert(1)</script>")');
    const parsed = parse(html);
    expect(parsed.tags).toEqual(['p', 'a']);
    expect(parsed.attributes).toContainEqual({ tag: 'a', name: 'title', value: '"><script>alert(1)</script>' });
  });

  it('keeps code blocks with escaped content and the language class', () => {
    const html = renderMarkdown('```html\n<script>alert(1)</script>\n```');
    expect(html).toBe('<pre><code class="language-html">&lt;script&gt;alert(1)&lt;/script&gt;\n</code></pre>\n');
  });

  it('drops a code class that does not match the language pattern', () => {
    const parsed = parse(renderMarkdown('```js" onmouseover="alert(1)\ncode\n```'));
    expect(parsed.attributes.filter((a) => a.name === 'class')).toEqual([]);
    expect(parsed.tags).toEqual(['pre', 'code']);
  });

  it('does not interpret markdown inside code', () => {
    const html = renderMarkdown('```\n**not bold** [x](javascript:alert(1))\n```\n\n`*not em*`');
    const parsed = expectSafe(html);
    expect(parsed.tags).not.toContain('strong');
    expect(parsed.tags).not.toContain('em');
    expect(parsed.tags).not.toContain('a');
    expect(parsed.text).toContain('**not bold** [x](javascript:alert(1))');
    expect(parsed.text).toContain('*not em*');
  });
});

describe('renderMarkdown — regular content', () => {
  it('renders headings shifted down two levels (the page owns h1/h2)', () => {
    expect(renderMarkdown('# One\n## Two\n### Three\n#### Four\n###### Six')).toBe(
      '<h3>One</h3>\n<h4>Two</h4>\n<h5>Three</h5>\n<h6>Four</h6>\n<h6>Six</h6>\n',
    );
  });

  it('renders lists, emphasis, strikethrough, blockquotes and rules', () => {
    const html = renderMarkdown('- a\n- b\n\n3. c\n4. d\n\n*em* **strong** ~~gone~~\n\n> quoted\n\n---');
    expect(html).toContain('<ul>\n<li>a</li>\n<li>b</li>\n</ul>');
    expect(html).toContain('<ol start="3">\n<li>c</li>\n<li>d</li>\n</ol>');
    expect(html).toContain('<em>em</em> <strong>strong</strong> <s>gone</s>');
    expect(html).toContain('<blockquote>\n<p>quoted</p>\n</blockquote>');
    expect(html).toContain('<hr />');
    expectSafe(html);
  });

  it('adds rel and target to links', () => {
    expect(renderMarkdown('[docs](https://developer.mozilla.org/fr/)')).toBe(
      '<p><a href="https://developer.mozilla.org/fr/" rel="nofollow noopener noreferrer" target="_blank">docs</a></p>\n',
    );
  });

  it('linkifies bare URLs and e-mail addresses', () => {
    const parsed = expectSafe(renderMarkdown('voir https://example.com/a?b=1&c=2 ou écrire à prof@example.com'));
    expect(parsed.attributes.filter((a) => a.name === 'href').map((a) => a.value)).toEqual([
      'https://example.com/a?b=1&c=2',
      'mailto:prof@example.com',
    ]);
    expect(parsed.attributes.filter((a) => a.name === 'target').map((a) => a.value)).toEqual(['_blank', '_blank']);
  });

  it('keeps the language class and escapes fenced code', () => {
    expect(renderMarkdown('```js\nif (a < b && c > d) {}\n```')).toBe(
      '<pre><code class="language-js">if (a &lt; b &amp;&amp; c &gt; d) {}\n</code></pre>\n',
    );
    expect(renderMarkdown('```TypeScript\nx\n```')).toContain('<code class="language-typescript">');
    expect(renderMarkdown('```c#\nx\n```')).toContain('<code class="language-c#">');
  });

  it('keeps indented code blocks and inline code', () => {
    expect(renderMarkdown('    const x = 1;')).toBe('<pre><code>const x = 1;\n</code></pre>\n');
    expect(renderMarkdown('use `Array.prototype.map()` here')).toBe(
      '<p>use <code>Array.prototype.map()</code> here</p>\n',
    );
  });

  it('renders tables (without inline alignment styles)', () => {
    const html = renderMarkdown('| a | b |\n|:-|--:|\n| 1 | 2 |');
    expect(html).toBe(
      '<table>\n<thead>\n<tr>\n<th>a</th>\n<th>b</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>1</td>\n<td>2</td>\n</tr>\n</tbody>\n</table>\n',
    );
  });

  it('turns single newlines into line breaks', () => {
    expect(renderMarkdown('ligne 1\nligne 2')).toBe('<p>ligne 1<br />\nligne 2</p>\n');
  });

  it('leaves French accents and other Unicode untouched', () => {
    expect(renderMarkdown('Ça marche déjà, même à Noël ! « très » — œuvre 🎉')).toBe(
      '<p>Ça marche déjà, même à Noël ! « très » — œuvre 🎉</p>\n',
    );
  });

  it('renders images as links to the image instead of embedding them', () => {
    expect(renderMarkdown('![capture](https://ok.example/shot.png)')).toBe(
      '<p><a href="https://ok.example/shot.png" rel="nofollow noopener noreferrer" target="_blank">capture</a></p>\n',
    );
    expect(renderMarkdown('[![logo](https://ok.example/l.png)](https://ok.example)')).toBe(
      '<p><a href="https://ok.example" rel="nofollow noopener noreferrer" target="_blank">logo</a></p>\n',
    );
  });

  it('returns an empty string for empty input', () => {
    expect(renderMarkdown('')).toBe('');
  });
});

describe('markdownToPlainText', () => {
  it('strips markdown and HTML, keeping the text', () => {
    expect(markdownToPlainText('# Titre\n\nUn **paragraphe** avec [un lien](https://ok.example) et `du code`.\n\n- un\n- deux')).toBe(
      'Titre Un paragraphe avec un lien et du code. un deux',
    );
  });

  it('does not glue blocks or table cells together', () => {
    expect(markdownToPlainText('a\n\nb\nc\n\n| x | y |\n|-|-|\n| 1 | 2 |')).toBe('a b c x y 1 2');
  });

  it('decodes entities so the result is plain text', () => {
    expect(markdownToPlainText('Tom &amp; Jerry, a < b && c > d, &quot;q&quot; &copy; &#233;')).toBe(
      'Tom & Jerry, a < b && c > d, "q" © é',
    );
    expect(markdownToPlainText('<script>alert(1)</script>')).toBe('<script>alert(1)</script>');
    expect(markdownToPlainText('`&lt;` means <')).toBe('&lt; means <');
  });

  it('collapses whitespace', () => {
    expect(markdownToPlainText('  a\t\tb  \n\n\n   c  ')).toBe('a b c');
  });

  it('returns short text unchanged', () => {
    expect(markdownToPlainText('court')).toBe('court');
    expect(markdownToPlainText('x'.repeat(240))).toBe('x'.repeat(240));
  });

  it('cuts on a word boundary with an ellipsis, within maxLength', () => {
    const excerpt = markdownToPlainText('the quick brown fox jumps over the lazy dog', 20);
    expect(excerpt).toBe('the quick brown fox…');
    expect(excerpt.length).toBeLessThanOrEqual(20);
    expect(markdownToPlainText('the quick brown fox jumps over the lazy dog', 18)).toBe('the quick brown…');
  });

  it('defaults to 240 characters', () => {
    const excerpt = markdownToPlainText('mot '.repeat(200));
    expect(excerpt.length).toBeLessThanOrEqual(240);
    expect(excerpt.endsWith('mot…')).toBe(true);
  });

  it('hard-cuts a single very long word, never splitting an emoji', () => {
    expect(markdownToPlainText('a'.repeat(50), 10)).toBe(`${'a'.repeat(9)}…`);
    expect(markdownToPlainText(`${'a'.repeat(8)}🎉🎉🎉`, 10)).toBe(`${'a'.repeat(8)}…`);
  });

  it('rejects a non-positive maxLength', () => {
    expect(() => markdownToPlainText('x', 0)).toThrow(RangeError);
    expect(() => markdownToPlainText('x', 1.5)).toThrow(RangeError);
  });
});

describe('highlightToHtml', () => {
  const S = '\uE000';
  const E = '\uE001';

  it('escapes text and turns markers into <mark>', () => {
    expect(highlightToHtml(`a <b> & ${S}"c"${E} 'd'`, S, E)).toBe(
      `a &lt;b&gt; &amp; <mark>&quot;c&quot;</mark> &#39;d&#39;`,
    );
    expect(highlightToHtml(`${S}one${E} and ${S}two${E}`, S, E)).toBe('<mark>one</mark> and <mark>two</mark>');
  });

  it('returns escaped text when there are no markers', () => {
    expect(highlightToHtml('<script>alert(1)</script>', S, E)).toBe('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(highlightToHtml('', S, E)).toBe('');
  });

  it('drops a stray stop marker', () => {
    expect(highlightToHtml(`a${E}b ${S}c${E}${E}`, S, E)).toBe('ab <mark>c</mark>');
  });

  it('closes an unclosed mark at the end', () => {
    expect(highlightToHtml(`a ${S}b<c`, S, E)).toBe('a <mark>b&lt;c</mark>');
  });

  it('flattens nested start markers', () => {
    expect(highlightToHtml(`${S}a ${S}b${E} c${E}`, S, E)).toBe('<mark>a b</mark> c');
  });

  it('omits empty marks', () => {
    expect(highlightToHtml(`a${S}${E}b${S}`, S, E)).toBe('ab');
  });

  it('always produces balanced marks, whatever the markers', () => {
    const pieces = [S, E, 'x', '<', '&'];
    let seed = 42;
    const next = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) >>> 16; // deterministic LCG
    for (let n = 0; n < 500; n++) {
      let text = '';
      for (let i = 0; i < 10; i++) text += pieces[next() % pieces.length];
      const html = highlightToHtml(text, S, E);
      expect(html.replace(/<\/?mark>/g, '')).not.toMatch(/[<>]/);
      let depth = 0;
      for (const tag of html.match(/<\/?mark>/g) ?? []) {
        depth += tag === '<mark>' ? 1 : -1;
        expect([0, 1]).toContain(depth);
      }
      expect(depth).toBe(0);
      expect(html).not.toContain(S);
      expect(html).not.toContain(E);
    }
  });

  it('works with multi-character markers', () => {
    expect(highlightToHtml('x [[b]] y', '[[', ']]')).toBe('x <mark>b</mark> y');
  });

  it('rejects identical or empty markers', () => {
    expect(() => highlightToHtml('x', S, S)).toThrow(RangeError);
    expect(() => highlightToHtml('x', '', E)).toThrow(RangeError);
  });
});

describe('escapeHtml', () => {
  it('escapes the five HTML-significant characters', () => {
    expect(escapeHtml(`<a href="x" title='y'>&amp;</a>`)).toBe(
      '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;amp;&lt;/a&gt;',
    );
    expect(escapeHtml('déjà vu')).toBe('déjà vu');
  });
});
