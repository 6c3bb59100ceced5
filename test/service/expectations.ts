// The security headers every answer of the service carries (checked by the API and page tests).
export const LOOPBACK_SECURITY: Record<string, RegExp> = {
  "content-security-policy": /frame-ancestors 'none'/,
  "x-content-type-options": /^nosniff$/,
  "referrer-policy": /^no-referrer$/,
  "x-frame-options": /^DENY$/,
};
