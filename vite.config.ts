import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { compression } from 'vite-plugin-compression2';

const webRoot = fileURLToPath(new URL('./src/web', import.meta.url));
const outDir = fileURLToPath(new URL('./dist/web', import.meta.url));
const apiProxy = {
  '/api': {
    target: 'http://localhost:3000',
    // in dev, the modules of src/web/api/ are served under /api/ too: those stay with Vite
    bypass: (req: { url?: string }) => (/^\/api\/[^?]*\.[cm]?[jt]sx?(\?|$)/.test(req.url ?? '') ? req.url : undefined),
  },
};

/**
 * Vendor code in a few long-lived chunks: pages change often, libraries rarely. A group also takes
 * the dependencies of its modules, so React goes first or it would land inside the antd chunk.
 */
const vendorGroups = [
  {
    name: 'react',
    test: /[\\/]node_modules[\\/](react|react-dom|scheduler|react-router|react-router-dom)[\\/]/,
    priority: 50,
  },
];

export default defineConfig({
  root: webRoot,
  // every asset precompressed at build (brotli and gzip beside the file): the server sends the encoding the browser
  // accepts (@fastify/static preCompressed) without compressing per request
  plugins: [
    react(),
    compression({ algorithms: ['brotliCompress', 'gzip'], threshold: 1024, deleteOriginalAssets: false }),
  ],
  build: {
    outDir,
    manifest: true,
    emptyOutDir: true,
    rolldownOptions: { output: { codeSplitting: { groups: vendorGroups } } },
  },
  server: { port: 5173, proxy: apiProxy },
  preview: { proxy: apiProxy },
});
