import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

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
  // only the pages that draw charts import echarts, so this chunk loads with them
  { name: 'echarts', test: /[\\/]node_modules[\\/](echarts|zrender|echarts-for-react)[\\/]/, priority: 40 },
  { name: 'antd-icons', test: /[\\/]node_modules[\\/]@ant-design[\\/]icons(-svg)?[\\/]/, priority: 35 },
  { name: 'antd', test: /[\\/]node_modules[\\/](antd|@ant-design|@rc-component|rc-[\\w-]+)[\\/]/, priority: 30 },
  { name: 'vendor', test: /[\\/]node_modules[\\/]/, priority: 10 },
];

export default defineConfig({
  root: webRoot,
  plugins: [react()],
  build: {
    outDir,
    emptyOutDir: true,
    rolldownOptions: { output: { codeSplitting: { groups: vendorGroups } } },
  },
  server: { port: 5173, proxy: apiProxy },
  preview: { proxy: apiProxy },
});
