import MarkdownIt from 'markdown-it';
import sanitizeHtml from 'sanitize-html';

/**
 * Markdown rendering for peer-help posts (questions and replies written by learners).
 *
 * Two layers, on purpose:
 * 1. markdown-it with `html: false`: raw HTML typed by a learner is escaped and shown as text, and
 *    markdown-it's own link validation already refuses javascript:/vbscript:/file:/most data: URLs.
 * 2. sanitize-html with an explicit allowlist, as defence in depth: whatever markdown-it (or a future
 *    plugin, or a bug) emits, only these tags/attributes/schemes can reach the browser.
 *
 * Both parsers' options are built once at module level: rendering is on a hot path (thread lists,
 * notifications, search results) and rebuilding a MarkdownIt instance or re-normalising sanitize
 * options per call would be wasted work.
 */

const DEFAULT_EXCERPT_LENGTH = 240;

/** The only URL schemes a learner's link may point to. Anything else (including relative URLs) is dropped. */
const ALLOWED_LINK_PROTOCOLS: ReadonlySet<string> = new Set(['http:', 'https:', 'mailto:']);

/** rel added to every link: nofollow (user content, no SEO endorsement), noopener/noreferrer (target=_blank). */
const LINK_REL = 'nofollow noopener noreferrer';

/**
 * Headings are shifted down by two levels (h1→h3, h2→h4, h3→h5, h4–h6→h6): a post is rendered inside a
 * page that already owns its h1 (course) and h2 (thread title), so a learner's `# Title` must not compete
 * with them in the document outline (accessibility, screen-reader navigation) nor shout visually.
 * Shifting rather than clamping keeps the relative hierarchy the learner wrote.
 */
const HEADING_SHIFT: Readonly<Record<string, string>> = {
  h1: 'h3',
  h2: 'h4',
  h3: 'h5',
  h4: 'h6',
  h5: 'h6',
  h6: 'h6',
};

/** Escapes the five HTML-significant characters (markdown-it's utils.escapeHtml leaves `'` alone). */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => HTML_ESCAPES[ch] ?? ch);
}

const HTML_ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/**
 * Strict link check, on top of sanitize-html's scheme check: the WHATWG URL parser is what browsers use,
 * so it sees through tabs/newlines/control characters and case tricks (`jav\tascript:`, `JaVaScRiPt:`),
 * and relative or unparsable URLs (e.g. `jav%09ascript:…`) throw and are refused as well.
 */
function safeHref(href: string | undefined): string | undefined {
  if (href === undefined || href.trim() === '') return undefined;
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return undefined;
  }
  return ALLOWED_LINK_PROTOCOLS.has(url.protocol) ? href : undefined;
}

// --- markdown-it -------------------------------------------------------------------------------------

const md = new MarkdownIt('default', {
  html: false, // raw HTML is escaped and displayed as text, never interpreted
  linkify: true, // learners paste bare URLs
  breaks: true, // learners expect a newline to be a line break
  typographer: false, // code-heavy content: keep quotes and dashes exactly as typed
});

// Lower-case the fence language so ```JS still gets `language-js` (the sanitizer only allows lower case).
md.core.ruler.push('fabrique_lowercase_fence_lang', (state) => {
  for (const token of state.tokens) {
    if (token.type === 'fence') token.info = token.info.toLowerCase();
  }
});

/**
 * Images are NOT embedded: an `<img>` fetches its URL as soon as the post is displayed, so any learner
 * could plant a tracking pixel (readers' IPs, read times) or hot-link huge/offensive content in every
 * reader's browser. Restricting to https does not prevent that. Instead an image becomes a plain link to
 * its URL (labelled with the alt text), which the reader can choose to open; it goes through the same
 * link sanitisation as any other link. Inside a link (`[![alt](img)](href)`) only the alt text is kept,
 * to avoid nested anchors.
 */
md.renderer.rules.image = (tokens, idx, options, env, self) => {
  const token = tokens[idx];
  const src = String(token.attrGet('src') ?? '');
  const alt = self.renderInlineAsText(token.children ?? [], options, env).trim();
  const label = escapeHtml(alt || src);
  let linkDepth = 0;
  for (let i = 0; i < idx; i++) {
    if (tokens[i].type === 'link_open') linkDepth++;
    else if (tokens[i].type === 'link_close') linkDepth--;
  }
  return linkDepth > 0 ? label : `<a href="${escapeHtml(src)}">${label}</a>`;
};

// --- sanitize-html -----------------------------------------------------------------------------------

const SANITIZE_OPTIONS: sanitizeHtml.IOptions = {
  // h1/h2 are absent on purpose: they are shifted to h3+ by transformTags (see HEADING_SHIFT).
  // No img (see the image renderer), no div/span/style/iframe/svg/math/form/object/embed.
  allowedTags: [
    'p', 'br', 'hr', 'strong', 'em', 'del', 's', 'code', 'pre', 'blockquote', 'ul', 'ol', 'li',
    'h3', 'h4', 'h5', 'h6', 'a', 'table', 'thead', 'tbody', 'tr', 'th', 'td',
  ],
  // No style, no on*, no id/name (DOM clobbering). `start` keeps "3. foo" lists numbered as written.
  allowedAttributes: {
    a: ['href', 'title', 'rel', 'target'],
    code: ['class'],
    ol: ['start'],
  },
  // Only the language class markdown-it puts on fenced code blocks.
  allowedClasses: { code: [/^language-[a-z0-9+#-]+$/] },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesByTag: {},
  allowedSchemesAppliedToAttributes: ['href', 'src', 'cite'],
  allowProtocolRelative: false,
  // Unknown tags are removed but their text is kept; script/style/textarea content is dropped entirely.
  disallowedTagsMode: 'discard',
  transformTags: {
    ...HEADING_SHIFT,
    a: (_tagName, attribs) => {
      const href = safeHref(attribs.href);
      // A link whose target we refuse becomes its text: `span` is not allowed, so only the text survives.
      if (href === undefined) return { tagName: 'span', attribs: {} };
      const kept: sanitizeHtml.Attributes = { href, rel: LINK_REL, target: '_blank' };
      if (attribs.title) kept.title = attribs.title;
      return { tagName: 'a', attribs: kept };
    },
  },
};

/** Strips every tag (text content kept) for plain-text excerpts. */
const STRIP_ALL_OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: [],
  allowedAttributes: {},
  disallowedTagsMode: 'discard',
};

// --- public API --------------------------------------------------------------------------------------

/** Renders a learner's markdown to HTML that is safe to insert into a page as is. */
export function renderMarkdown(markdown: string): string {
  return sanitizeHtml(md.render(markdown), SANITIZE_OPTIONS);
}

/**
 * Plain-text excerpt of a post (thread lists, notifications). The result is plain text, NOT HTML: the
 * caller must escape it. Whitespace is collapsed and the text is cut on a word boundary, ending with "…",
 * so that it is at most `maxLength` characters long.
 */
export function markdownToPlainText(markdown: string, maxLength: number = DEFAULT_EXCERPT_LENGTH): string {
  if (!Number.isInteger(maxLength) || maxLength < 1) {
    throw new RangeError(`maxLength must be a positive integer, got ${maxLength}`);
  }
  // markdown-it ends every block with a newline, so stripping tags does not glue paragraphs together.
  const stripped = sanitizeHtml(renderMarkdown(markdown), STRIP_ALL_OPTIONS);
  const text = decodeSanitizedText(stripped).replace(/\s+/g, ' ').trim();
  return truncateOnWord(text, maxLength);
}

/**
 * Turns a PostgreSQL ts_headline result whose matches are delimited by the sentinel strings `start` and
 * `stop` into HTML: everything is escaped and the sentinels become `<mark>`/`</mark>`. The output is
 * always well formed: a start while already open and a stop while closed are dropped (no nesting), an
 * unclosed mark is closed at the end, and empty marks are omitted. Sentinels typed by users in their own
 * text are treated by the same rule.
 */
export function highlightToHtml(text: string, start: string, stop: string): string {
  if (start === '' || stop === '' || start === stop) {
    throw new RangeError('highlightToHtml needs two distinct, non-empty markers');
  }
  let out = '';
  let open = false;
  let i = 0;
  while (i < text.length) {
    const s = text.indexOf(start, i);
    const e = text.indexOf(stop, i);
    if (s === -1 && e === -1) break;
    // At the same position, prefer the longer marker (one could be a prefix of the other).
    const isStart = e === -1 || (s !== -1 && (s < e || (s === e && start.length >= stop.length)));
    const at = isStart ? s : e;
    out += escapeHtml(text.slice(i, at));
    if (isStart && !open) {
      out += '<mark>';
      open = true;
    } else if (!isStart && open) {
      out = out.endsWith('<mark>') ? out.slice(0, -'<mark>'.length) : `${out}</mark>`;
      open = false;
    }
    i = at + (isStart ? start.length : stop.length);
  }
  out += escapeHtml(text.slice(i));
  if (open) out = out.endsWith('<mark>') ? out.slice(0, -'<mark>'.length) : `${out}</mark>`;
  return out;
}

// --- helpers -----------------------------------------------------------------------------------------

/**
 * sanitize-html decodes every entity while parsing and, for text, re-encodes only `&`, `<` and `>`, so
 * those three are all that is left to decode (`&amp;` last, so `&amp;lt;` correctly yields `&lt;`).
 */
function decodeSanitizedText(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');
}

function truncateOnWord(text: string, maxLength: number): string {
  if (text.length <= maxLength) return text;
  let cut = text.slice(0, maxLength - 1); // keep room for the ellipsis
  // Never split a surrogate pair (emoji) in half.
  const last = cut.charCodeAt(cut.length - 1);
  if (last >= 0xd800 && last <= 0xdbff) cut = cut.slice(0, -1);
  // Cut on the last word boundary when the cut fell inside a word, unless that would lose most of it.
  if (text[cut.length] !== ' ') {
    const space = cut.lastIndexOf(' ');
    if (space > 0 && space >= cut.length / 2) cut = cut.slice(0, space);
  }
  return `${cut.trimEnd()}…`;
}
