import { EXAMPLE_HOURS, shortLabel } from "@/modules/places";
import { serviceValues } from "../payload";

/** What the pages hand to the form (a client component): plain data, computed on the server. */
export const serviceOptions = serviceValues.map((v) => ({ value: v, label: shortLabel(v) }));
export const hoursExample = EXAMPLE_HOURS;
