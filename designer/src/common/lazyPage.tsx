import { lazy, useState } from 'react';
import type { ComponentType } from 'react';

const loaders: (() => Promise<unknown>)[] = [];

/**
 * A resource's page (list, show, edit, create) loaded when it is first opened, not with the first page: the
 * login page and the app's shell stay under the 1 MB of JavaScript tests/test_bundle_budget.py allows.
 * react-admin's Layout shows its Loading in a Suspense while the page's code arrives; once it has, the page
 * renders at once.
 *
 *     const CaseList = lazyPage(() => import('./CaseList'), m => m.CaseList);
 */
export const lazyPage = <M, P extends object>(
    load: () => Promise<M>,
    pick: (module: M) => ComponentType<P>,
): ComponentType<P> => {
    let loaded: ComponentType<P> | undefined;
    let loading: Promise<ComponentType<P>> | undefined;
    const fetchPage = () => (loading ??= load().then(module => (loaded = pick(module))));
    const Lazy = lazy(async () => ({ default: await fetchPage() }));
    loaders.push(fetchPage);
    const Page = (props: P) => {
        // Chosen once per mount: switching from Lazy to the loaded page on a later render would remount it.
        const [Component] = useState<ComponentType<P>>(() => loaded ?? Lazy);
        return <Component {...props} />;
    };
    return Page;
};

/** Loads every lazy page now: component tests do (src/test/setup.ts), so a page's first render is not a wait. */
export const preloadPages = () => Promise.all(loaders.map(load => load()));
