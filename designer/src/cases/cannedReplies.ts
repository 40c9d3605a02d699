/** Canned replies: a small built-in list, with variables filled in when one is inserted. */
export interface CannedReply {
    id: string;
    title: string;
    text: string;
}

export const CANNED_REPLIES: readonly CannedReply[] = [
    {
        id: 'greeting',
        title: 'Greeting',
        text: 'Hi {{customer.name}}, thanks for reaching out. I am {{agent.name}} and I will look into this for you.',
    },
    {
        id: 'dm',
        title: 'Move to DM',
        text: 'Hi {{customer.name}}, could you send us a direct message with your order number? Reference: {{case.id}}.',
    },
    {
        id: 'refund',
        title: 'Refund on its way',
        text: 'Hi {{customer.name}}, your refund is on its way: it shows on your statement within 5 working days. {{agent.name}}',
    },
    {
        id: 'follow-up',
        title: 'Follow-up',
        text: 'Hi {{customer.name}}, just checking in on case {{case.id}}: is everything sorted now? {{agent.name}}',
    },
];

export interface CannedVariables {
    'customer.name': string;
    'agent.name': string;
    'case.id': string;
}

/** The text with each known `{{variable}}` replaced; unknown ones are left as they are, to be seen and fixed. */
export const fillCanned = (text: string, variables: CannedVariables): string =>
    text.replace(/\{\{\s*([a-z]+\.[a-z]+)\s*\}\}/g, (whole, name: string) =>
        name in variables ? variables[name as keyof CannedVariables] : whole,
    );
