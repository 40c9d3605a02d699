import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

// The production build is served by the FastAPI app at `/`, on the same origin
// as the API, so the dev server proxies `/api` to a locally running API.
export default defineConfig({
    base: '/',
    plugins: [react()],
    server: {
        proxy: {
            '/api': 'http://127.0.0.1:8000',
        },
    },
    build: {
        outDir: 'dist',
        emptyOutDir: true,
        // A budget, not a silencer: react-admin, MUI and react-dom alone are
        // about 1.1 MB minified; the flow canvas is already a lazy chunk.
        chunkSizeWarningLimit: 1200,
        // dist/.vite/manifest.json: tests/test_bundle_budget.py sums what the first page loads from it.
        manifest: true,
    },
    test: {
        environment: 'jsdom',
        setupFiles: ['./src/test/setup.ts'],
        include: ['src/**/*.test.{ts,tsx}'],
        css: false,
        // Component tests drive a whole react-admin tree; on a loaded 2-core CI box some take 5 s or more.
        testTimeout: 20_000,
        // One jsdom per worker, shared by its files: importing react-admin and MUI again for each of 40-odd files
        // took most of the run (234 s in one isolated worker, 76 s in two shared ones). Tests must leave no global
        // state behind: each renders its own Admin with its own providers, and setup.ts cleans the DOM after each.
        isolate: false,
        maxWorkers: 2,
    },
});
