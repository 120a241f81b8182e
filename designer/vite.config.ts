/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import path from 'node:path';

// Component tests write JUnit XML where scripts/test.sh counts it, when it asks for that.
const results = process.env.ORCHESTRATOR_TEST_RESULTS;

export default defineConfig({
  plugins: [react()],
  server: {
    // `npm run dev` talks to a server you run yourself (dotnet run --project src/Orchestrator.Server).
    proxy: { '/api': process.env.ORCHESTRATOR_URL ?? 'http://127.0.0.1:5080' },
  },
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 1500 },
  test: {
    environment: 'jsdom',
    globals: true,
    include: ['src/**/*.test.{ts,tsx}'],
    setupFiles: ['src/test/setup.ts'],
    reporters: results ? ['default', 'junit'] : ['default'],
    outputFile: results ? { junit: path.join(results, 'designer-vitest.junit.xml') } : undefined,
  },
});
