// Pure helpers for expert requests: no React, so they are tested directly.
import type { ExpertRequest } from '../types';

export type RequestState = 'answered' | 'overdue' | 'waiting';

/** Answered, or past its due time (the API's flag, or the clock if the flag is not set yet), or waiting. */
export const requestState = (
    request: Pick<ExpertRequest, 'answered_at' | 'overdue' | 'due_at'>,
    now: number = Date.now(),
): RequestState => {
    if (request.answered_at) return 'answered';
    const due = Date.parse(request.due_at);
    return request.overdue || (!Number.isNaN(due) && due < now) ? 'overdue' : 'waiting';
};

/**
 * The full link to send to the expert, from the API's (`/#/expert-requests/{id}?token=...`, relative to the
 * designer's origin): the designer is served at `/`, with hash routes.
 */
export const expertLinkUrl = (url: string, origin: string = window.location.origin): string =>
    /^https?:\/\//.test(url) ? url : `${origin}${url.startsWith('/') ? '' : '/'}${url}`;

/** The link's token, from the query of the page's (hash) route: `?token=...`; empty when the link has none. */
export const expertLinkToken = (search: string): string => new URLSearchParams(search).get('token')?.trim() ?? '';

/** What went wrong with an expert's link, by the API's code; null for other errors (its message says). */
export const linkProblemTitle = (code: string | undefined): string | null => {
    switch (code) {
        case 'link_missing':
            return 'This link is incomplete';
        case 'link_invalid':
            return 'This link does not work';
        case 'link_expired':
            return 'This link has expired';
        default:
            return null;
    }
};

/** When an expert's link stops working, in the reader's locale and time zone, e.g. "17 Dec 2026, 08:05". */
export const formatLinkExpiry = (iso: string, locale?: string): string => {
    const when = new Date(iso);
    if (Number.isNaN(when.getTime())) return iso;
    return when.toLocaleString(locale, { dateStyle: 'medium', timeStyle: 'short' });
};
