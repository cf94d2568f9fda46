import { shortLabel } from "@/modules/places/filters";
import { EXAMPLE_HOURS } from "@/modules/places/hours";
import { serviceValues } from "../payload";

/** What the pages hand to the form (a client component): plain data, computed on the server. */
export const serviceOptions = serviceValues.map((v) => ({ value: v, label: shortLabel(v) }));
export const hoursExample = EXAMPLE_HOURS;
