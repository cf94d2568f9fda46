const dayFormat = new Intl.DateTimeFormat("fr-FR", { dateStyle: "long", timeZone: "Europe/Paris" });

/** "12 mars 2027", in Paris. */
export function formatDay(d: Date): string {
  return dayFormat.format(d);
}

/** The last day a campaign is open (its closing instant is the next midnight in Paris). */
export function lastOpenDay(closesAt: Date): string {
  return formatDay(new Date(closesAt.getTime() - 1000));
}

const percentFormat = new Intl.NumberFormat("fr-FR", { maximumFractionDigits: 1 });
export function formatPercent(p: number): string {
  return `${percentFormat.format(p)} %`;
}

const decimalFormat = new Intl.NumberFormat("fr-FR", { maximumFractionDigits: 2 });
export function formatDecimal(n: number): string {
  return decimalFormat.format(n);
}
