import { doublePrecision, index, integer, pgTable, real, text } from "drizzle-orm/pg-core";

// Reference data (Code officiel géographique + IFN), shared by every territory of the instance.
// `search` holds the lower-cased, unaccented name and codes, computed in TypeScript at load time.

const ifnColumns = {
  ifnTotal: real("ifn_total"),
  ifnNoThd: real("ifn_no_thd"),
  ifnNo4g: real("ifn_no_4g"),
  ifnPoverty: real("ifn_poverty"),
  ifnOlder65: real("ifn_older_65"),
  ifnNoDiploma: real("ifn_no_diploma"),
};

export const regions = pgTable("regions", {
  code: text("code").primaryKey(),
  name: text("name").notNull(),
  population: integer("population").notNull(),
  search: text("search").notNull(),
});

export const departements = pgTable("departements", {
  code: text("code").primaryKey(),
  name: text("name").notNull(),
  region: text("region").notNull(),
  population: integer("population").notNull(),
  search: text("search").notNull(),
});

export const epcis = pgTable("epcis", {
  code: text("code").primaryKey(),
  name: text("name").notNull(),
  type: text("type"),
  population: integer("population").notNull(),
  search: text("search").notNull(),
  ...ifnColumns,
});

export const communes = pgTable(
  "communes",
  {
    code: text("code").primaryKey(),
    name: text("name").notNull(),
    departement: text("departement").notNull(),
    region: text("region").notNull(),
    epci: text("epci"),
    population: integer("population").notNull(),
    postcodes: text("postcodes").notNull(),
    lon: doublePrecision("lon"),
    lat: doublePrecision("lat"),
    search: text("search").notNull(),
    ...ifnColumns,
  },
  (t) => [index("communes_departement_idx").on(t.departement), index("communes_epci_idx").on(t.epci), index("communes_region_idx").on(t.region)],
);

export const referenceMeta = pgTable("reference_meta", {
  key: text("key").primaryKey(),
  value: text("value").notNull(),
});
