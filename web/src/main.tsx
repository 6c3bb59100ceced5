// The nurses' page: starts i18next (Dutch and English UI) and the pdf.js worker, then renders the app.
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import "./i18n/setup.ts";
import "./preview/pdfWorker.ts";
import { App } from "./App.tsx";
import "./styles.css";

const root = document.getElementById("root");
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
