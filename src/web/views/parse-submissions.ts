/**
 * Parse the submissions an editor pastes or uploads: JSON Lines, a JSON
 * array, CSV with a header row (title, abstract, keywords, id), or plain
 * blocks separated by a line of `---` (first line the title, the rest the
 * abstract). Used by the server (no-JavaScript form posts) and the page bundle alike.
 */
export interface Submission { id?: string; title: string; abstract: string; keywords?: string[] }

/**
 * Why an uploaded submissions file cannot be read as text, or undefined when it can: a PDF, or
 * bytes with a NUL near the start (ZIP-based .xlsx/.docx, images, old Office files, UTF-16).
 * Decoded as text they would be triaged as one garbage submission.
 *
 * @example
 * notTextFile('subs.xlsx', new Uint8Array([0x50, 0x4b, 3, 4, 0])) // 'subs.xlsx is not a text file: upload CSV ...'
 */
export function notTextFile(name: string, bytes: Uint8Array): string | undefined {
  const pdf = String.fromCharCode(...bytes.subarray(0, 5)) === '%PDF-';
  if (!pdf && !bytes.subarray(0, 4096).includes(0)) return undefined;
  return `${name} is not a text file: upload CSV (save a spreadsheet as CSV UTF-8), JSON Lines, JSON or plain text.`;
}

/**
 * @example
 * parseSubmissions('title,abstract\nA,"We study x, y."').submissions // [{ title: 'A', abstract: 'We study x, y.' }]
 */
export function parseSubmissions(text: string): { submissions: Submission[]; errors: string[] } {
  const errors: string[] = [];
  const out: Submission[] = [];
  const kw = (v: unknown): string[] | undefined =>
    Array.isArray(v) ? v.map(String) : typeof v === 'string' && v.trim() ? v.split(/[;,]/).map((s) => s.trim()).filter(Boolean) : undefined;
  const add = (o: Record<string, unknown>, where: string) => {
    const abstract = typeof o.abstract === 'string' ? o.abstract : '';
    if (!abstract.trim()) { errors.push(`${where}: no abstract`); return; }
    const keywords = kw(o.keywords);
    out.push({
      ...(o.id !== undefined && String(o.id) ? { id: String(o.id) } : {}),
      title: typeof o.title === 'string' ? o.title : '',
      abstract,
      ...(keywords ? { keywords } : {}),
    });
  };
  const body = text.replace(/^\uFEFF/, '').trim();
  if (!body) return { submissions: out, errors };

  if (body.startsWith('[')) {
    try {
      const arr = JSON.parse(body) as unknown;
      if (!Array.isArray(arr)) throw new Error('not an array');
      arr.forEach((o, i) => (typeof o === 'object' && o ? add(o as Record<string, unknown>, `item ${i + 1}`) : errors.push(`item ${i + 1}: not an object`)));
    } catch {
      errors.push('the JSON array is not valid JSON');
    }
    return { submissions: out, errors };
  }
  if (body.startsWith('{')) {
    body.split('\n').forEach((line, i) => {
      if (!line.trim()) return;
      try {
        const o = JSON.parse(line) as unknown;
        if (typeof o === 'object' && o && !Array.isArray(o)) add(o as Record<string, unknown>, `line ${i + 1}`);
        else errors.push(`line ${i + 1}: not a JSON object`);
      } catch {
        errors.push(`line ${i + 1}: not valid JSON`);
      }
    });
    return { submissions: out, errors };
  }
  const firstLine = (body.split('\n')[0] ?? '').toLowerCase();
  if (firstLine.includes(',') && /(^|,)\s*"?abstract"?\s*(,|$)/.test(firstLine)) {
    // RFC 4180: quoted fields may hold commas, doubled quotes and newlines.
    const rows: Array<{ cells: string[]; line: number }> = [];
    let cells: string[] = [];
    let cell = '';
    let quoted = false;
    let line = 1;
    let rowLine = 1;
    for (let i = 0; i < body.length; i++) {
      const ch = body[i];
      if (quoted) {
        if (ch === '"' && body[i + 1] === '"') { cell += '"'; i++; }
        else if (ch === '"') quoted = false;
        else { if (ch === '\n') line++; cell += ch; }
      } else if (ch === '"') quoted = true;
      else if (ch === ',') { cells.push(cell); cell = ''; }
      else if (ch === '\n') { cells.push(cell); rows.push({ cells, line: rowLine }); cells = []; cell = ''; line++; rowLine = line; }
      else if (ch !== '\r') cell += ch;
    }
    cells.push(cell);
    rows.push({ cells, line: rowLine });
    const header = (rows.shift()?.cells ?? []).map((h) => h.trim().toLowerCase());
    for (const r of rows) {
      if (r.cells.every((c) => !c.trim())) continue;
      const o: Record<string, unknown> = {};
      header.forEach((h, i) => { o[h] = r.cells[i] ?? ''; });
      add(o, `line ${r.line}`);
    }
    return { submissions: out, errors };
  }
  body.split(/\n\s*-{3,}\s*\n/).forEach((block, i) => {
    const [first = '', ...rest] = block.trim().split('\n');
    add(rest.length ? { title: first.trim(), abstract: rest.join('\n').trim() } : { title: '', abstract: first }, `block ${i + 1}`);
  });
  return { submissions: out, errors };
}
