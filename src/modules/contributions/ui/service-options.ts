import { FRENCH_EXAMPLE, shortLabel } from "@/modules/places";
import { serviceValues } from "../payload";

/** What the pages hand to the form (a client component): plain data, computed on the server. */
export const serviceOptions = serviceValues.map((v) => ({ value: v, label: shortLabel(v) }));
/** Hours as people write them (the field reads French; OSM is accepted, never asked). */
export const hoursExample = FRENCH_EXAMPLE;
