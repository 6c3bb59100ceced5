// What a phone number printed on a leaflet may look like (brand files and order overrides alike).
import { z } from "zod";

export const phoneNumber = z
  .string()
  .trim()
  .regex(
    /^\+?[0-9][0-9 ()-]{4,24}[0-9]$/,
    'write a phone number with digits, spaces, "-", "(", ")" and an optional leading "+"',
  );
