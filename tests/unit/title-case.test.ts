import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { refText, type Structure } from '../../src/lib/document/cross-refs.ts';
import { abbreviationsOf, titleCase } from '../../src/lib/document/title-case.ts';
import { checkProject } from '../../src/lib/project.ts';

const ROOT = resolve(import.meta.dirname, '../..');

describe('English title case for cross-references', () => {
  it('keeps common abbreviations in capitals, also inside a hyphenated word', () => {
    expect(titleCase('PRE-IPO INVESTMENTS')).toBe('Pre-IPO Investments');
    expect(titleCase('OUR OPERATIONS IN THE PRC')).toBe('Our Operations in the PRC');
    expect(titleCase('THE COMPANY’S R&D CENTRES')).toBe('The Company’s R&D Centres');
    // Roman numerals, and the parts of a hyphenated word that are not abbreviations, as before.
    expect(titleCase('SERIES II AND SERIES IV PREFERRED SHARES')).toBe('Series II and Series IV Preferred Shares');
    expect(titleCase('SELF-DEVELOPED EDGE NODES')).toBe('Self-developed Edge Nodes');
    expect(titleCase('WAIVERS FROM STRICT COMPLIANCE WITH THE LISTING RULES')).toBe(
      'Waivers from Strict Compliance with the Listing Rules',
    );
    // Words that are also abbreviations elsewhere stay words unless the document defines them.
    expect(titleCase('ABOUT US')).toBe('About Us');
  });

  it('spells a defined abbreviation as data/terms.yaml writes it', () => {
    const abbreviations = abbreviationsOf([
      { en: 'DDoS' },
      { en: 'HKFRSs', aliases: { en: ['HKFRS'] } },
      { en: 'White Form eIPO' },
      { en: 'MIIT' },
      { en: 'AR/VR' },
      { en: 'Directors' },
    ]);
    expect(titleCase('PROTECTION AGAINST DDOS ATTACKS', abbreviations)).toBe('Protection Against DDoS Attacks');
    expect(titleCase('ADOPTION OF HKFRSS', abbreviations)).toBe('Adoption of HKFRSs');
    expect(titleCase('APPLYING THROUGH THE WHITE FORM EIPO SERVICE', abbreviations)).toBe(
      'Applying Through the White Form eIPO Service',
    );
    expect(titleCase('FILINGS WITH THE MIIT', abbreviations)).toBe('Filings with the MIIT');
    expect(titleCase('AR/VR APPLICATIONS', abbreviations)).toBe('AR/VR Applications');
    // A defined term that is a word is no abbreviation: DIRECTORS stays title case.
    expect(titleCase('OUR DIRECTORS', abbreviations)).toBe('Our Directors');
    // Without the document's terms, MIIT is a word.
    expect(titleCase('FILINGS WITH THE MIIT')).toBe('Filings with the Miit');
  });

  it('names a section in capitals with its abbreviations in a reference', () => {
    const structure: Structure = {
      zh: new Map(),
      en: new Map([
        [
          'history',
          {
            id: 'history',
            title: 'HISTORY, REORGANISATION AND CORPORATE STRUCTURE',
            sections: [{ id: 'pre-ipo', text: 'PRE-IPO INVESTMENTS' }],
          },
        ],
      ]),
      abbreviations: abbreviationsOf([{ en: 'Pre-IPO Investors' }]),
    };
    expect(refText(structure, 'en', { chapter: 'history', section: 'pre-ipo' })).toBe(
      '“History, Reorganisation and Corporate Structure — Pre-IPO Investments”',
    );
  });

  it('reads the sample’s references with the sample’s defined terms', () => {
    const check = checkProject(ROOT);
    const refs = check.project?.crossRefs.filter(
      (r) => r.locale === 'en' && r.to === 'history-and-corporate-structure#pre-ipo',
    );
    expect(refs?.length).toBeGreaterThan(0);
    for (const r of refs ?? []) expect(r.text).toContain('— Pre-IPO Investments”');
  });
});
