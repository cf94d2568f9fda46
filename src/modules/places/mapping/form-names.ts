import type { FieldName } from "../standard/schema";

// Names of the mapping form's inputs, shared by the page ("use client") and the parsing (validation.ts):
// kept apart so that the page's bundle does not carry zod rules or proj4.

/** One select and one fixed value per standard field. */
export const columnInput = (f: FieldName) => `colonne_${f}`;
export const constantInput = (f: FieldName) => `fixe_${f}`;

/** The projection of the longitude/latitude columns: "" = detected from the values at each import. */
export const projectionInput = "projection";

// The « Champs composés » section: one concatenation (field, up to CONCAT_COLUMNS columns, separator)
// and the seven day columns of the hours, as plain selects (no JavaScript needed).
export const CONCAT_COLUMNS = 4;
export const concatFieldInput = "compose_champ";
export const concatColumnInput = (n: number) => `compose_colonne_${n}`;
export const concatSeparatorInput = "compose_separateur";
/** The field whose concatenation the section showed: the post replaces it (or removes it when emptied). */
export const concatShownInput = "compose_affiche";
/** Present when the section was posted: a form without it (an older page) keeps the carried compositions. */
export const composeSectionInput = "compose_section";
export const dayInput = (d: number) => `horaires_jour_${d + 1}`;
