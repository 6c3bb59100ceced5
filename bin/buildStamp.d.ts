// Types of buildStamp.js (plain JavaScript, so that the bins can check the build before anything loads).
export declare const ROOT: string;
export declare const SRC_DIR: string;
export declare const DIST_DIR: string;
export declare const STAMP_FILE: string;
export declare function sourceStamp(dir?: string): { newestMs: number; paths: string };
export declare function buildState(): "fresh" | "stale" | "missing";
