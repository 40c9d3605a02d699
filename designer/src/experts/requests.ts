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

/** The designer route of the page where the expert reads the question and answers it. */
export const expertRequestPath = (requestId: string): string => `/expert-requests/${encodeURIComponent(requestId)}`;

/** The full link to send to the expert: the designer is served at `/`, with hash routes. */
export const expertRequestUrl = (
    requestId: string,
    location: { origin: string; pathname: string } = window.location,
): string => `${location.origin}${location.pathname}#${expertRequestPath(requestId)}`;
