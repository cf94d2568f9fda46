/**
 * Test-only: checks objects against the data·inclusion v1 JSON Schemas of ../shared (structure.json,
 * service.json), read from those files. The schemas use a small part of JSON Schema, and that part
 * is checked here by hand (no validator package in the project): required, anyOf, type (string,
 * number, integer, array with uniqueItems and minItems, null), enum through $ref to $defs, pattern, minLength/maxLength, and the
 * formats email, uri and date. Any other keyword makes the check fail loudly rather than pass.
 */
import fs from "node:fs";
import path from "node:path";

type Schema = Record<string, unknown>;
const DIR = path.join("..", "shared", "data", "standard-mediation-numerique", "data-inclusion-schema", "v1");
const load = (name: string) => JSON.parse(fs.readFileSync(path.join(DIR, name), "utf8")) as Schema;
export const structureSchema = load("structure.json");
export const serviceSchema = load("service.json");

const known = new Set(["anyOf", "type", "$ref", "enum", "pattern", "minLength", "maxLength", "format", "items", "uniqueItems", "minItems", "default", "description", "examples", "title"]);

function formatOk(format: string, v: string): boolean {
  if (format === "email") return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v);
  if (format === "uri") return /^[a-z][a-z0-9+.-]*:\/\/\S+$/i.test(v);
  if (format === "date") return /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(v));
  throw new Error(`format non vérifié : ${format}`);
}

function check(root: Schema, schema: Schema, value: unknown, where: string): string[] {
  for (const k of Object.keys(schema)) if (!known.has(k)) throw new Error(`mot-clé non vérifié : ${k} (${where})`);
  if (Array.isArray(schema.anyOf)) {
    const results = (schema.anyOf as Schema[]).map((s) => check(root, s, value, where));
    return results.some((r) => r.length === 0) ? [] : (results[0] ?? [`${where}: invalide`]);
  }
  if (typeof schema.$ref === "string") {
    const name = schema.$ref.replace("#/$defs/", "");
    const def = (root.$defs as Record<string, Schema>)[name];
    if (!def) throw new Error(`$ref inconnue : ${schema.$ref}`);
    return check(root, def, value, where);
  }
  const errors: string[] = [];
  const type = schema.type;
  if (type === "null") return value === null ? [] : [`${where}: null attendu`];
  if (type === "string") {
    if (typeof value !== "string") return [`${where}: texte attendu`];
    const length = Array.from(value).length;
    if (typeof schema.minLength === "number" && length < schema.minLength) errors.push(`${where}: trop court`);
    if (typeof schema.maxLength === "number" && length > schema.maxLength) errors.push(`${where}: trop long`);
    if (typeof schema.pattern === "string" && !new RegExp(schema.pattern, "u").test(value)) errors.push(`${where}: motif ${schema.pattern}`);
    if (typeof schema.format === "string" && !formatOk(schema.format, value)) errors.push(`${where}: format ${schema.format}`);
  } else if (type === "number" || type === "integer") {
    if (typeof value !== "number" || !Number.isFinite(value) || (type === "integer" && !Number.isInteger(value))) return [`${where}: nombre attendu`];
  } else if (type === "array") {
    if (!Array.isArray(value)) return [`${where}: tableau attendu`];
    if (schema.items) value.forEach((v, i) => errors.push(...check(root, schema.items as Schema, v, `${where}[${i}]`)));
    if (typeof schema.minItems === "number" && value.length < schema.minItems) errors.push(`${where}: trop peu de valeurs`);
    if (schema.uniqueItems === true && new Set(value.map((v) => JSON.stringify(v))).size !== value.length) errors.push(`${where}: valeurs répétées`);
  } else if (type !== undefined) throw new Error(`type non vérifié : ${String(type)}`);
  if (Array.isArray(schema.enum) && !schema.enum.includes(value)) errors.push(`${where}: « ${String(value)} » hors de l'énumération`);
  return errors;
}

/** The rules of the schema that the object breaks (empty: valid). Unknown keys are reported too. */
export function schemaErrors(schema: Schema, object: Record<string, unknown>): string[] {
  const properties = schema.properties as Record<string, Schema>;
  const errors: string[] = [];
  for (const r of schema.required as string[]) if (!(r in object)) errors.push(`${r}: obligatoire`);
  for (const [key, value] of Object.entries(object)) {
    const p = properties[key];
    if (!p) errors.push(`${key}: propriété inconnue du schéma`);
    else errors.push(...check(schema, p, value, key));
  }
  return errors;
}
