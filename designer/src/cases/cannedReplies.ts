/**
 * Canned replies' `{{variables}}`, filled in when an agent inserts one. The replies themselves come from the API
 * (`GET /api/canned_replies`, kept by ops leads in the canned_replies pages); the API refuses a text naming any
 * variable but these (store/canned_replies.py's VARIABLES).
 */
export interface CannedVariables {
    'customer.name': string;
    'agent.name': string;
    'case.id': string;
}

export const CANNED_VARIABLES: readonly { name: keyof CannedVariables; help: string }[] = [
    { name: 'customer.name', help: "The customer's name, else their handle without the @" },
    { name: 'agent.name', help: 'The name of the agent who inserts the reply' },
    { name: 'case.id', help: "The case's id, e.g. for a reference" },
];

/** What the editor's preview fills the variables with. */
export const SAMPLE_VARIABLES: CannedVariables = {
    'customer.name': 'Jane Doe',
    'agent.name': 'Ada Lovelace',
    'case.id': 'case-1042',
};

/** The text with each known `{{variable}}` replaced; unknown ones are left as they are, to be seen and fixed. */
export const fillCanned = (text: string, variables: CannedVariables): string =>
    text.replace(/\{\{\s*([a-z]+\.[a-z]+)\s*\}\}/g, (whole, name: string) =>
        name in variables ? variables[name as keyof CannedVariables] : whole,
    );

/** What follows each `{{` that opens no known variable (as the API refuses them), once each. */
export const unknownVariables = (text: string): string[] => {
    const unknown: string[] = [];
    for (const opening of text.matchAll(/\{\{/g)) {
        const at = opening.index ?? 0;
        const known = /^\{\{ *([a-z]+\.[a-z]+) *\}\}/.exec(text.slice(at));
        if (known && CANNED_VARIABLES.some(variable => variable.name === known[1])) continue;
        const end = text.indexOf('}}', at);
        const shown = end >= 0 && end < at + 40 ? text.slice(at, end + 2) : text.slice(at, at + 20);
        if (!unknown.includes(shown)) unknown.push(shown);
    }
    return unknown;
};
