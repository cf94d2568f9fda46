import { describe, expect, it } from "vitest";
import { AppError } from "@/platform/errors";
import { parseOrThrow } from "@/platform/validation";
import { coverageSettingsSchema } from "./validation";

const parse = (input: unknown) => parseOrThrow(coverageSettingsSchema, input);
const errorsOf = (input: unknown): Record<string, string[]> => {
  try {
    parse(input);
  } catch (e) {
    if (e instanceof AppError) return e.fieldErrors ?? {};
    throw e;
  }
  throw new Error("accepted");
};

describe("coverage settings", () => {
  it("defaults to 10 km and an IFN threshold of 6.5 when nothing is given", () => {
    expect(parse({})).toEqual({ distanceKm: 10, ifnThreshold: 6.5 });
    expect(parse({ distanceKm: "", ifnThreshold: "  " })).toEqual({ distanceKm: 10, ifnThreshold: 6.5 });
  });

  it("reads numbers as typed in a French form", () => {
    expect(parse({ distanceKm: "7,5", ifnThreshold: "7" })).toEqual({ distanceKm: 7.5, ifnThreshold: 7 });
    expect(parse({ distanceKm: 15, ifnThreshold: 0 })).toEqual({ distanceKm: 15, ifnThreshold: 0 });
  });

  it("refuses distances and thresholds out of range, or not numbers, with a message per field", () => {
    expect(errorsOf({ distanceKm: "0" }).distanceKm).toEqual(["La distance doit être supérieure à 0 km."]);
    expect(errorsOf({ distanceKm: "150" }).distanceKm).toEqual(["La distance ne doit pas dépasser 100 km."]);
    expect(errorsOf({ distanceKm: "dix" }).distanceKm).toEqual(["Indiquez une distance en kilomètres (ex. : 10 ou 7,5)."]);
    expect(errorsOf({ ifnThreshold: "11" }).ifnThreshold).toEqual(["Le seuil de fragilité va de 0 à 10."]);
    expect(errorsOf({ ifnThreshold: "-1" }).ifnThreshold).toEqual(["Le seuil de fragilité va de 0 à 10."]);
  });
});
