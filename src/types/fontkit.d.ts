// The small part of fontkit's API this project uses (fontkit ships no type declarations).
declare module "fontkit" {
  export function openSync(path: string): unknown;
}
