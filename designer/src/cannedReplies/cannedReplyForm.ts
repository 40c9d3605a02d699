// The canned reply forms' values and the API bodies made from them (POST /api/canned_replies, PATCH .../{id}).
import type { CannedReplyChangePayload, CannedReplyCreatePayload } from '../types';
import { CANNED_VARIABLES, unknownVariables } from '../cases/cannedReplies';

export const TITLE_MAX = 80;
export const TEXT_MAX = 2000;

export interface CannedReplyFormValues {
    title?: string;
    text?: string;
    /** '' or null: everyone. */
    team_id?: string | null;
    channels?: string[];
}

const KNOWN = CANNED_VARIABLES.map(variable => `{{${variable.name}}}`).join(', ');

/** What the API would refuse, said the same way before the form is sent. */
export const validateCannedReply = (values: CannedReplyFormValues): Record<string, string> => {
    const errors: Record<string, string> = {};
    const title = values.title?.trim() ?? '';
    if (!title) errors.title = 'Give the reply a title agents pick it by';
    else if (title.length > TITLE_MAX) errors.title = `At most ${TITLE_MAX} characters`;
    const text = values.text ?? '';
    const unknown = unknownVariables(text);
    if (!text.trim()) errors.text = 'Write the reply';
    else if (text.length > TEXT_MAX) errors.text = `At most ${TEXT_MAX} characters (${text.length} now)`;
    else if (unknown.length) errors.text = `${unknown.join(', ')}: not a variable. Use ${KNOWN}`;
    return errors;
};

/** `POST /api/canned_replies`. */
export const createCannedPayload = (values: CannedReplyFormValues): CannedReplyCreatePayload => ({
    title: values.title?.trim() ?? '',
    text: values.text ?? '',
    team_id: values.team_id || null,
    channels: [...(values.channels ?? [])],
});

/** `PATCH /api/canned_replies/{id}`: every field, an empty team meaning everyone. */
export const changeCannedPayload = (values: CannedReplyFormValues): CannedReplyChangePayload => createCannedPayload(values);
