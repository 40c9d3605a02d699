import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { afterEach, beforeAll } from 'vitest';
import { preloadPages } from '../common/lazyPage';

// The pages the test file's App loads lazily (src/common/lazyPage.tsx), loaded before its tests, as a static import
// would have: a test's findBy waits for the page to render, not for vite to transform its modules.
beforeAll(() => preloadPages());

afterEach(() => {
    cleanup();
});
