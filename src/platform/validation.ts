import type { z } from "zod";
import { AppError, type FieldErrors } from "@/platform/errors";

/** Largest text we accept in any single form field (a name, a description…). */
export const MAX_FIELD_BYTES = 10_000;

/** Collects zod issues as French messages per field (the schemas carry the French text). */
export function fieldErrorsOf(error: z.ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.join(".") || "_form";
    (out[key] ??= []).push(issue.message);
  }
  return out;
}

/** Parses input with a schema or throws a 400 AppError carrying field errors. */
export function parseOrThrow<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const result = schema.safeParse(input);
  if (!result.success) throw new AppError("validation", { fieldErrors: fieldErrorsOf(result.error) });
  return result.data;
}

/** FormData as a plain object; repeated keys become arrays; oversized values are cut to fail validation. */
export function formToObject(form: FormData): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [key, value] of form.entries()) {
    if (key.startsWith("$ACTION")) continue;
    const text = typeof value === "string" ? value : "";
    const existing = out[key];
    if (existing === undefined) out[key] = text;
    else out[key] = Array.isArray(existing) ? [...existing, text] : [existing, text];
  }
  return out;
}
