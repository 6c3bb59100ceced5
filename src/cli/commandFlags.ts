// The options each command takes, as commander hands them to its action: shared by src/cli/commands/ (which
// declares them) and src/cli/actions/ (which does the work), so neither imports the other for them.
import type { FhirCliFlags } from "./commands/fhirOptions.ts";

export interface BatchFlags {
  out: string;
  workers?: string;
  merge?: boolean;
  resume?: boolean;
  json?: boolean;
  kinds: string;
  paper: string;
  pdfa?: boolean;
  /** `--no-tags`: false (untagged PDFs, for measuring what tagging costs). */
  tags?: boolean;
  format?: string;
  timeout?: string;
  data?: string;
  queue?: string;
  reportFormat: string;
}

export interface GenerateFlags extends FhirCliFlags {
  demo?: boolean;
  patient?: string;
  lang?: string;
  secondLang?: string;
  largePrint?: boolean;
  out: string;
  paper: string;
  kinds: string;
  cardFormat: string;
  bleed?: string;
  pdfa?: boolean;
  /** `--no-tags`: false (untagged PDFs, for measuring what tagging costs). */
  tags?: boolean;
  duplex?: boolean;
  json?: boolean;
  ics?: boolean;
  timeout?: string;
  data?: string;
}

export interface ServeFlags {
  port: string;
  host: string;
  timeout?: string;
  data: string;
  trustProxy?: string[];
  userHeader?: string;
  queue?: string;
}

export interface WorkerFlags {
  queue?: string;
  concurrency?: string;
  out?: string;
}
