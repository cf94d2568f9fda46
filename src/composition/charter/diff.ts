import type { CharterContent } from "./canonical";

/**
 * What changed from one version of the charter to the next, for people: the common parts' text line by line, and
 * each partner's commitments compared by lineage (added, removed, changed with the fields that changed). Pure.
 */
export type LineChange = { op: "same" | "added" | "removed"; text: string };
export type SectionDiff = { kind: string; title: string; titleBefore: string | null; lines: LineChange[] };
export type CommitmentChange =
  | { op: "added"; partner: string; lineageId: string; text: string }
  | { op: "removed"; partner: string; lineageId: string; text: string }
  | { op: "changed"; partner: string; lineageId: string; text: string; fields: { label: string; before: string; after: string }[] };
export type CharterDiff = { sections: SectionDiff[]; partnersAdded: string[]; partnersRemoved: string[]; commitments: CommitmentChange[]; unchanged: boolean };

/** Line diff by longest common subsequence (charter sections are a few dozen lines: quadratic is fine). */
export function diffLines(before: string, after: string): LineChange[] {
  const a = before === "" ? [] : before.split(/\r?\n/);
  const b = after === "" ? [] : after.split(/\r?\n/);
  const width = b.length + 1;
  // lcs[i * width + j]: length of the longest common subsequence of a[i..] and b[j..].
  const lcs = new Int32Array((a.length + 1) * width);
  const at = (i: number, j: number) => lcs[i * width + j] ?? 0;
  for (let i = a.length - 1; i >= 0; i--) for (let j = b.length - 1; j >= 0; j--) lcs[i * width + j] = a[i] === b[j] ? at(i + 1, j + 1) + 1 : Math.max(at(i + 1, j), at(i, j + 1));
  const out: LineChange[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    const x = a[i];
    const y = b[j];
    if (x !== undefined && y !== undefined && x === y) {
      out.push({ op: "same", text: x });
      i++;
      j++;
    } else if (x !== undefined && (y === undefined || at(i + 1, j) >= at(i, j + 1))) {
      out.push({ op: "removed", text: x });
      i++;
    } else if (y !== undefined) {
      out.push({ op: "added", text: y });
      j++;
    }
  }
  return out;
}

const euros = (n: number | null) => (n === null ? "—" : `${new Intl.NumberFormat("fr-FR").format(n)} €`);
const days = (n: number | null) => (n === null ? "—" : `${new Intl.NumberFormat("fr-FR").format(n)} jour${n > 1 ? "s" : ""}`);
type Commitment = CharterContent["partners"][number]["commitments"][number];
const actionsText = (c: Commitment) => c.actions.map((a) => `${a.title} (${a.role})`).join(", ") || "—";
const indicatorsText = (c: Commitment) => c.indicators.map((i) => i.name).join(", ") || "—";

function commitmentFields(before: Commitment, after: Commitment): { label: string; before: string; after: string }[] {
  const pairs: [string, string, string][] = [
    ["Texte", before.text, after.text],
    ["Apport financier", euros(before.moneyEuros), euros(after.moneyEuros)],
    ["Apport en jours", days(before.inKindDays), days(after.inKindDays)],
    ["Apports en nature", before.inKindText || "—", after.inKindText || "—"],
    ["Actions du plan", actionsText(before), actionsText(after)],
    ["Indicateurs", indicatorsText(before), indicatorsText(after)],
  ];
  return pairs.filter(([, b, a]) => b !== a).map(([label, b, a]) => ({ label, before: b, after: a }));
}

export function diffCharter(before: CharterContent, after: CharterContent): CharterDiff {
  const sections: SectionDiff[] = [];
  for (const s of after.sections) {
    const old = before.sections.find((o) => o.kind === s.kind);
    const lines = diffLines(old?.body ?? "", s.body);
    const titleBefore = old && old.title !== s.title ? old.title : null;
    if (titleBefore !== null || lines.some((l) => l.op !== "same") || !old) sections.push({ kind: s.kind, title: s.title, titleBefore, lines });
  }
  const beforePartners = new Map(before.partners.map((p) => [p.partnerId, p]));
  const afterPartners = new Map(after.partners.map((p) => [p.partnerId, p]));
  const partnersAdded = after.partners.filter((p) => !beforePartners.has(p.partnerId)).map((p) => p.name);
  const partnersRemoved = before.partners.filter((p) => !afterPartners.has(p.partnerId)).map((p) => p.name);
  const commitments: CommitmentChange[] = [];
  const oldByLineage = new Map(before.partners.flatMap((p) => p.commitments.map((c) => [c.lineageId, { partner: p.name, c }] as const)));
  const newLineages = new Set(after.partners.flatMap((p) => p.commitments.map((c) => c.lineageId)));
  for (const p of after.partners) {
    for (const c of p.commitments) {
      const old = oldByLineage.get(c.lineageId);
      if (!old) commitments.push({ op: "added", partner: p.name, lineageId: c.lineageId, text: c.text });
      else {
        const fields = commitmentFields(old.c, c);
        if (fields.length > 0) commitments.push({ op: "changed", partner: p.name, lineageId: c.lineageId, text: c.text, fields });
      }
    }
  }
  for (const [lineageId, { partner, c }] of oldByLineage) if (!newLineages.has(lineageId)) commitments.push({ op: "removed", partner, lineageId, text: c.text });
  return { sections, partnersAdded, partnersRemoved, commitments, unchanged: sections.length === 0 && partnersAdded.length === 0 && partnersRemoved.length === 0 && commitments.length === 0 };
}
