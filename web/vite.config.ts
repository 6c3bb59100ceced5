// Builds the nurses' page (React) into web/dist; `leaflets serve` serves it. Everything the page loads is
// bundled here, the pdf.js worker too, so nothing comes from another site at run time.
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

// react-pdf pins its own pdfjs-dist, which may differ from the one the tests use: the worker must be that
// copy, or pdf.js refuses it ("The API version does not match the Worker version").
const require = createRequire(import.meta.url);
const reactPdfRoot = dirname(require.resolve("react-pdf/package.json"));
const pdfjsRoot = dirname(createRequire(join(reactPdfRoot, "package.json")).resolve("pdfjs-dist/package.json"));

export default defineConfig({
  plugins: [react()],
  resolve: {
    alias: [{ find: /^react-pdf-worker(?=\?|$)/, replacement: join(pdfjsRoot, "build", "pdf.worker.min.mjs") }],
  },
  build: { target: "es2022", chunkSizeWarningLimit: 2500, reportCompressedSize: false },
});
