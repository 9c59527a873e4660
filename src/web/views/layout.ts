/** The page shell every server-rendered page shares: navigation, main landmark, one script and one stylesheet from this origin. */
import { html, type Html } from './html.js';

export type PageName = 'author' | 'editor' | 'calls' | 'call' | 'error';

const NAV: Array<[string, string, PageName[]]> = [
  ['/', 'Authors', ['author']],
  ['/editor', 'Editors', ['editor']],
  ['/calls', 'Calls', ['calls', 'call']],
  ['/docs', 'API', []],
];

/**
 * @example
 * String(layout({ title: 'cfpmatch', page: 'author', body: html`<h1>Hi</h1>` }))
 */
export function layout(p: { title: string; page: PageName; body: Html }): Html {
  const nav = NAV.map(([href, label, pages]) => {
    const current = pages.includes(p.page);
    const text = href === '/' ? html`<strong>cfpmatch</strong> · ${label}` : label;
    return html`<li><a href="${href}"${current ? html` aria-current="page"` : ''}>${text}</a></li>`;
  });
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${p.title}</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/assets/app.css">
<script src="/assets/app.js" defer></script>
</head>
<body data-page="${p.page}">
<a class="skip-link" href="#main">Skip to content</a>
<header><nav aria-label="Main"><ul>${nav}</ul></nav></header>
<main id="main" tabindex="-1">
${p.body}
</main>
</body>
</html>
`;
}
