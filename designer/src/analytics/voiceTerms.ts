// Share of voice's terms form: what it holds, what the API would refuse (said before sending), and the body it sends
// (PUT /api/analytics/share-of-voice/terms). Terms are typed separated by commas or lines: a term may be a phrase.
import type { ShareOfVoiceTerms, ShareOfVoiceTermsInput } from '../types';

export const MAX_COMPETITORS = 10;
export const MAX_TERMS = 20;
export const TERM_MAX = 100;
export const NAME_MAX = 80;

export interface VoiceRow {
    name: string;
    terms: string;
}

export interface VoiceForm {
    brand: VoiceRow;
    competitors: VoiceRow[];
}

/** Field keys errors are shown on: `brand.name`, `brand.terms`, `competitors.1.name`, `competitors.1.terms`, `competitors`. */
export type VoiceErrors = Record<string, string>;

export const splitTerms = (text: string): string[] =>
    text
        .split(/[,\n]+/)
        .map(term => term.trim().replace(/\s+/g, ' '))
        .filter(Boolean);

export const joinTerms = (terms: string[]): string => terms.join(', ');

/** The form, filled from what the API answers (one empty competitor row to type into when there are none). */
export const formOf = (terms: ShareOfVoiceTerms | null | undefined): VoiceForm => ({
    brand: { name: terms?.brand?.name ?? '', terms: joinTerms(terms?.brand?.terms ?? []) },
    competitors: terms?.competitors?.length
        ? terms.competitors.map(c => ({ name: c.name, terms: joinTerms(c.terms) }))
        : [{ name: '', terms: '' }],
});

const filled = (row: VoiceRow) => row.name.trim() !== '' || splitTerms(row.terms).length > 0;

/** What the API would refuse, per field: blank names, no terms, too many or too long, a name or term twice. */
export const validateVoice = (form: VoiceForm): VoiceErrors => {
    const errors: VoiceErrors = {};
    const names = new Map<string, string>();
    const terms = new Map<string, string>();
    const rows: [string, VoiceRow][] = [
        ['brand', form.brand],
        ...form.competitors.map((row, n): [string, VoiceRow] => [`competitors.${n}`, row]).filter(([, row]) => filled(row)),
    ];
    for (const [where, row] of rows) {
        const name = row.name.trim();
        if (!name) errors[`${where}.name`] = where === 'brand' ? 'Give the brand a name' : 'Give the competitor a name';
        else if (name.length > NAME_MAX) errors[`${where}.name`] = `At most ${NAME_MAX} characters`;
        else if (names.has(name.toLowerCase())) errors[`${where}.name`] = `${name} is named twice`;
        else names.set(name.toLowerCase(), where);
        const list = splitTerms(row.terms);
        const long = list.find(term => term.length > TERM_MAX);
        const seen = new Set<string>();
        const twice = list.find(term => {
            const key = term.toLowerCase();
            const repeated = terms.has(key) || seen.has(key);
            seen.add(key);
            return repeated;
        });
        if (list.length === 0) errors[`${where}.terms`] = 'At least one term, e.g. acme or @acmehelp';
        else if (list.length > MAX_TERMS) errors[`${where}.terms`] = `At most ${MAX_TERMS} terms`;
        else if (long) errors[`${where}.terms`] = `At most ${TERM_MAX} characters: ${long.slice(0, 20)}...`;
        else if (twice) errors[`${where}.terms`] = `"${twice}" is given twice: a term names one brand or competitor, once`;
        for (const term of list) if (!terms.has(term.toLowerCase())) terms.set(term.toLowerCase(), where);
    }
    if (rows.length - 1 > MAX_COMPETITORS) errors.competitors = `At most ${MAX_COMPETITORS} competitors`;
    return errors;
};

/** The body to PUT: rows left empty are dropped. */
export const voicePayload = (form: VoiceForm): ShareOfVoiceTermsInput => ({
    brand: { name: form.brand.name.trim(), terms: splitTerms(form.brand.terms) },
    competitors: form.competitors.filter(filled).map(row => ({ name: row.name.trim(), terms: splitTerms(row.terms) })),
});

/**
 * The form field an API refusal's path names. The API counts competitors among those sent (empty rows dropped), so
 * `competitors.1` is the second filled row of the form.
 */
export const fieldOfPath = (form: VoiceForm, path: string): string => {
    const [head, index, field] = path.split('.');
    if (head === 'brand') return `brand.${index === 'name' ? 'name' : 'terms'}`;
    if (head === 'competitors' && index !== undefined) {
        const sent = form.competitors.map((row, n) => [row, n] as const).filter(([row]) => filled(row));
        const row = sent[Number(index)]?.[1] ?? 0;
        return `competitors.${row}.${field === 'name' ? 'name' : 'terms'}`;
    }
    return head === 'competitors' ? 'competitors' : 'brand.name';
};
