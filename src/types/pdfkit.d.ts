// pdfkit ships no types; renderLaidOut.ts only constructs a document with react-pdf's options.
declare module "pdfkit" {
  const PDFDocument: new (options: Record<string, unknown>) => unknown;
  export default PDFDocument;
}
