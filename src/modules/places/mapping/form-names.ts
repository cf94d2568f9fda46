import type { FieldName } from "../standard/schema";

// Names of the mapping form's inputs, shared by the page ("use client") and the parsing (validation.ts):
// kept apart so that the page's bundle does not carry zod rules or proj4.

/** One select and one fixed value per standard field. */
export const columnInput = (f: FieldName) => `colonne_${f}`;
export const constantInput = (f: FieldName) => `fixe_${f}`;

/** The projection of the longitude/latitude columns: "" = detected from the values at each import. */
export const projectionInput = "projection";

// The « Champs composés » section: as many concatenations as the mapping has (each: field, columns,
// separator), one more row on « Ajouter un champ composé », and the seven day columns of the hours,
// as plain selects and submit buttons (no JavaScript needed).
/** Column selects shown at least per concatenation; a row always has one spare select, up to MAX_CONCAT_COLUMNS. */
export const CONCAT_COLUMNS = 4;
export const MAX_CONCAT_COLUMNS = 10;
/** More than the text fields a concatenation may fill: every row of a mapping is shown and parsed. */
export const MAX_CONCAT_ROWS = 30;
/** How many concatenation rows the page posted. */
export const concatRowsInput = "compose_lignes";
export const concatFieldInput = (k: number) => `compose_${k}_champ`;
/** How many column selects row k posted. */
export const concatColumnsInput = (k: number) => `compose_${k}_colonnes`;
export const concatColumnInput = (k: number, n: number) => `compose_${k}_colonne_${n}`;
export const concatSeparatorInput = (k: number) => `compose_${k}_separateur`;
/** The field whose concatenation row k showed: the post replaces it (or removes it when emptied). */
export const concatShownInput = (k: number) => `compose_${k}_affiche`;
/** The submit button's intent that adds an empty concatenation row. */
export const addConcatIntent = "ajouter_compose";
/** Present when the section was posted: a form without it (an older page) keeps the carried compositions. */
export const composeSectionInput = "compose_section";
export const dayInput = (d: number) => `horaires_jour_${d + 1}`;
