// pdf.js runs in a worker, served by this server from the built page (never from a CDN): the alias
// `react-pdf-worker` (vite.config.ts) is react-pdf's own copy, so the versions match.

import workerUrl from "react-pdf-worker?url";
import { pdfjs } from "react-pdf";

pdfjs.GlobalWorkerOptions.workerSrc = workerUrl;
