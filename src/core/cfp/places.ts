/**
 * Country names, read from the ICU data Node ships (`Intl.DisplayNames`) in the languages calls are written in,
 * with the short forms affiliations use ("USA", "UK", "P.R. China"). A name run followed by a country
 * ("Federal University of Rio Grande do Sul, Porto Alegre, Brazil") is a city, not a person.
 */
const LANGUAGES = ['en', 'fr', 'de', 'es', 'pt', 'it'] as const;
const SHORT_FORMS = ['usa', 'u s a', 'u s', 'uk', 'u k', 'pr china', 'p r china', 'korea', 'south korea', 'the netherlands', 'holland', 'england', 'scotland', 'wales', 'northern ireland', 'russia', 'iran', 'taiwan', 'vietnam', 'turkey'];

const fold = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/&/g, ' and ').replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

function countryNames(): Set<string> {
  const out = new Set(SHORT_FORMS);
  for (const lang of LANGUAGES) {
    let names: Intl.DisplayNames;
    try {
      names = new Intl.DisplayNames([lang], { type: 'region' });
    } catch {
      continue;
    }
    for (let a = 65; a <= 90; a++) {
      for (let b = 65; b <= 90; b++) {
        const code = String.fromCharCode(a, b);
        let name: string | undefined;
        try {
          name = names.of(code);
        } catch {
          name = undefined;
        }
        // An unknown code comes back as itself.
        if (name && name !== code) out.add(fold(name));
      }
    }
  }
  return out;
}

let cached: Set<string> | undefined;

/**
 * Whether the text starts, after a comma or an opening parenthesis, with a country's name that is the whole
 * of its part (", Brazil. He is ..." and " (U.S.A.)" → true; ", Jordan Smith, ..." → false: a person).
 */
export function startsWithCountry(text: string): boolean {
  const part = text.replace(/^[\s,;(–-]+/u, '').slice(0, 60).split(/[,;()\n]|\.(?:\s|$)/)[0] ?? '';
  const key = fold(part);
  if (key.length === 0) return false;
  cached ??= countryNames();
  return cached.has(key);
}
