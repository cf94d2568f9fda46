import { z } from "zod";
import { dimensionIds, grid, isLevel, type DimensionId, type Level } from "./grid";

export const MAX_COMMENT_LENGTH = 2000;

/** Form field names, one pair per dimension: `level_support`, `comment_support`… */
export const levelField = (id: DimensionId) => `level_${id}`;
export const commentField = (id: DimensionId) => `comment_${id}`;

/** One level 1–4, required; a radio button sends "1" … "4", code may pass the number itself. */
function levelSchema(title: string) {
  return z.unknown().transform((value, ctx): Level => {
    const text = typeof value === "number" ? String(value) : typeof value === "string" ? value.trim() : "";
    if (text === "") {
      ctx.addIssue({ code: "custom", message: `Choisissez un niveau pour « ${title} ».` });
      return z.NEVER;
    }
    const n = Number(text);
    if (!/^\d+$/.test(text) || !isLevel(n)) {
      ctx.addIssue({ code: "custom", message: `Le niveau de « ${title} » va de 1 à 4 : choisissez l'un des quatre niveaux proposés.` });
      return z.NEVER;
    }
    return n;
  });
}

function commentSchema(title: string) {
  return z
    .string({ error: `Le commentaire sur « ${title} » doit être un texte.` })
    .trim()
    .max(MAX_COMMENT_LENGTH, `Le commentaire sur « ${title} » ne doit pas dépasser 2 000 caractères.`)
    .optional()
    .default("");
}

const shape: Record<string, z.ZodType> = {};
for (const d of grid) {
  shape[levelField(d.id)] = levelSchema(d.title);
  shape[commentField(d.id)] = commentSchema(d.title);
}

export type AnswerValues = { dimension: DimensionId; level: Level; comment: string };
export type AssessmentValues = { answers: AnswerValues[] };

/** The self-assessment form: every dimension of the grid answered, in the grid's order. Shared by the form and the command. */
export const assessmentSchema = z.object(shape).transform(
  (v): AssessmentValues => ({
    answers: dimensionIds.map((id) => ({ dimension: id, level: v[levelField(id)] as Level, comment: v[commentField(id)] as string })),
  }),
);

/** The same input from an answer list (the demo seed and the tests write answers this way). */
export function assessmentInput(answers: Partial<Record<DimensionId, { level: number; comment?: string }>>): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const [id, a] of Object.entries(answers) as [DimensionId, { level: number; comment?: string }][]) {
    out[levelField(id)] = a.level;
    if (a.comment !== undefined) out[commentField(id)] = a.comment;
  }
  return out;
}
