import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterEach, beforeAll } from 'vitest';
import { preloadPages } from '../common/lazyPage';

// The pages the test file's App loads lazily (src/common/lazyPage.tsx), loaded before its tests, as a static import
// would have: a test's findBy waits for the page to render, not for vite to transform its modules.
beforeAll(() => preloadPages());

// findBy and waitFor wait 1 s by default: on a loaded 2-core CI box a whole react-admin page can take longer to
// fetch from the fake data provider and render. A test that waits for something that never comes still fails.
configure({ asyncUtilTimeout: 5_000 });

afterEach(() => {
    cleanup();
});
