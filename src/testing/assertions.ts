import { expect } from "vitest";
import { AppError } from "@/platform/errors";

/** Awaits a promise that must fail with the given typed error (and, if named, a message on that field). */
export async function expectAppError(promise: Promise<unknown>, id: string, field?: string): Promise<AppError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).id).toBe(id);
  if (field) expect((error as AppError).fieldErrors?.[field]?.[0]).toMatch(/\S/);
  return error as AppError;
}
