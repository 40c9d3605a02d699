import { describe, expect, it } from 'vitest';
import { badgeCount, currentView, homeView, viewPath } from './views';

describe('inbox views', () => {
    it('opens a view as the case list filtered by it, and knows which one is open', () => {
        const path = viewPath('team:support');
        expect(path).toBe('/cases?filter=%7B%22view%22%3A%22team%3Asupport%22%7D');
        const [pathname, search] = path.split('?');
        expect(currentView(pathname, `?${search}`)).toBe('team:support');
        expect(currentView('/cases/c1/show', `?${search}`)).toBeNull();
        expect(currentView('/cases', '?filter=not-json')).toBeNull();
    });

    it('lands on Mine, or Unassigned when Mine is empty, or the plain list when both are or for those who work no cases', () => {
        const views = (mine: number, unassigned = 4) => [
            { id: 'mine', label: 'Mine', count: mine },
            { id: 'unassigned', label: 'Unassigned', count: unassigned },
        ];
        expect(homeView(views(2))).toBe('mine');
        expect(homeView(views(0))).toBe('unassigned');
        expect(homeView(views(0, 0))).toBeNull();
        expect(homeView([{ id: 'overdue', label: 'Overdue', count: 1 }])).toBeNull();
        expect(badgeCount(1200)).toBe('999+');
    });
});
