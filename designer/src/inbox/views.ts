// Inbox views in the designer: where each opens, which is current, which to land on after login. No React.
import type { InboxView } from './types';

/** The case list filtered by a view: react-admin reads the list's filter from the URL. */
export const viewPath = (view: string): string => `/cases?filter=${encodeURIComponent(JSON.stringify({ view }))}`;

/** The view the case list shows, from the location's search (`?filter={"view":"mine",...}`), if any. */
export const currentView = (pathname: string, search: string): string | null => {
    if (!pathname.startsWith('/cases') || pathname.replace(/\/$/, '') !== '/cases') return null;
    const raw = new URLSearchParams(search).get('filter');
    if (!raw) return null;
    try {
        const filter = JSON.parse(raw) as { view?: unknown };
        return typeof filter.view === 'string' ? filter.view : null;
    } catch {
        return null;
    }
};

/**
 * Where a user lands after login: Mine, or Unassigned when Mine is empty; the plain list (all the cases they may
 * see) when both are empty or they have neither.
 */
export const homeView = (views: InboxView[]): string | null => {
    const waiting = (id: string) => views.some(view => view.id === id && view.count > 0);
    if (waiting('mine')) return 'mine';
    if (waiting('unassigned')) return 'unassigned';
    return null;
};

/** The case list with no view and no filter: react-admin would otherwise reopen the list as it was last left. */
export const ALL_CASES_PATH = `/cases?filter=${encodeURIComponent('{}')}`;

/** A count as a badge shows it: 1,000 and more read "999+". */
export const badgeCount = (count: number): string => (count > 999 ? '999+' : String(count));
