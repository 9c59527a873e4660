/**
 * One CSV line's fields: quoted fields with doubled quotes inside, any of `separators` between.
 * Shared by the scripts that rebuild the parser's shipped lists (journal-names.mjs, person-names.mjs).
 *
 * @example
 * fields('a,"b ""c""",d') // ['a', 'b "c"', 'd']
 */
export function fields(line, separators = ',') {
  const out = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') { cur += '"'; i++; } else if (c === '"') quoted = false; else cur += c;
    } else if (c === '"') quoted = true;
    else if (separators.includes(c)) { out.push(cur); cur = ''; } else cur += c;
  }
  out.push(cur);
  return out;
}
