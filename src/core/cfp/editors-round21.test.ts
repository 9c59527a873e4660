/**
 * Editors as round 21's calls named them: a sentence whose every editor opens with an honorific
 * and is parted from the next by a semicolon, each with a comma and an affiliation after the name.
 */
import { describe, expect, it } from 'vitest';
import { parseCfp } from './parse.js';

const names = (text: string) => parseCfp(text).guest_editors.map((e) => e.name);

describe('editors, round 21', () => {
  it('reads "Guest Editors are Dr A, Org; Prof. B, Org; and Prof. C, Org" as three people, not a name and an organisation', () => {
    const text = 'Special Issue: Soil Crusts of the High Arctic\n\nWe invite papers on soil crusts in the Arctic.\n\nGuest Editors are Dr Mia Lund, SOILNET Norway; Prof. Kenji Arai, NIPR Japan; and Prof. Rosa Vidal, CSIC Spain.\n';
    expect(names(text)).toEqual(['Mia Lund', 'Kenji Arai', 'Rosa Vidal']);
  });
});
