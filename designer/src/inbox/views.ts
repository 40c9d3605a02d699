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

/** Where a user lands after login: Mine, or Unassigned when Mine is empty; the plain list for those with neither. */
export const homeView = (views: InboxView[]): string | null => {
    const mine = views.find(view => view.id === 'mine');
    const unassigned = views.find(view => view.id === 'unassigned');
    if (mine && (mine.count > 0 || !unassigned)) return 'mine';
    if (unassigned) return 'unassigned';
    return null;
};

/** A count as a badge shows it: 1,000 and more read "999+". */
export const badgeCount = (count: number): string => (count > 999 ? '999+' : String(count));
