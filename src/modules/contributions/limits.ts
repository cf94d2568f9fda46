/**
 * Constants shared by the server and the form (a client component): no import here, so that the
 * browser bundle does not pull the standard's schema, zod or the opening-hours library.
 */

/**
 * The honeypot: a field hidden from people (off screen, out of the tab order) that robots fill in.
 * Its name looks like something worth filling; a proposal that carries a value is dropped silently.
 */
export const HONEYPOT = "site_internet";

/** Proposals per client address (shared by all processes through rate_limits). */
export const proposalLimit = { limit: 5, windowSeconds: 60 * 60 };

/** Size limits of every field: a flood of megabytes must not reach the database. */
export const maxLengths = {
  nom: 200,
  adresse: 300,
  code_postal: 5,
  commune: 100,
  telephone: 30,
  courriel: 500,
  site_web: 1000,
  horaires: 500,
  // The standard's maxLength for this field (payload.test.ts checks that they agree).
  presentation_resume: 280,
  message: 2000,
  contact_email: 254,
  reason: 1000,
} as const;
