import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type ProxyOptions } from 'vite';

/**
 * The portal. It calls `/api/...`; the dev server (and `vite preview`) forward that to the
 * local API (osls offline) with the `/api` prefix removed, so the browser never needs CORS.
 * Locally the user pool is an emulator at COGNITO_LOCAL_URL: the portal reaches it as
 * `/cognito` (VITE_COGNITO_ENDPOINT), forwarded the same way.
 */
const port = Number(process.env.PORTAL_PORT ?? 5173);
const apiTarget = `http://127.0.0.1:${process.env.API_PORT ?? 3000}`;
const cognitoTarget = process.env.COGNITO_LOCAL_URL;

const proxy: Record<string, ProxyOptions> = {
  '/api/': {
    target: apiTarget,
    changeOrigin: true,
    rewrite: (path) => path.replace(/^\/api/, ''),
  },
  ...(cognitoTarget
    ? {
        '/cognito': {
          target: cognitoTarget,
          changeOrigin: true,
          rewrite: (path: string) => path.replace(/^\/cognito/, '') || '/',
        },
      }
    : {}),
};

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [react()],
  server: { host: '127.0.0.1', port, strictPort: true, proxy },
  preview: { host: '127.0.0.1', port, strictPort: true, proxy },
  build: { outDir: 'dist', emptyOutDir: true },
});
