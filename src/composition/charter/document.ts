import type { Executor } from "@/platform/db/client";
import { renderMarkdown } from "@/platform/markdown";
import { frenchNumber, frenchTypography } from "@/platform/odt";
import { storedContentOf, versionById, versionStatusLabels, charterKindLabels, type CharterVersion } from "@/modules/charter";
import type { TerritoryRef } from "@/modules/territories";
import { contentOfVersion, type CharterContent } from "./canonical";
import type { SignatureCertificate, SignatureRow } from "./signature-types";
import { signaturesOf } from "@/modules/signatures";

/**
 * The charter as a document (decision 026): one model, rendered as the HTML page Chromium prints (PDF) and as the
 * ODT, so that both say the same thing. The content is the version's canonical content (stored at submission, or
 * composed for a draft); signatures come from the signatures module (`signaturesOf`).
 */
export type CharterDocument = {
  territoryName: string;
  versionNumber: number;
  status: CharterVersion["status"];
  statusLabel: string;
  submittedAt: string | null;
  contentSha256: string | null;
  content: CharterContent;
  signatures: SignatureRow[];
  certificate: SignatureCertificate;
};

export async function charterDocument(db: Executor, territory: TerritoryRef & { name: string }, versionId: string): Promise<CharterDocument> {
  const version = await versionById(db, territory.id, versionId);
  if (!version) throw new Error("charter version not found in this territory");
  const content = await contentOfVersion(db, territory, version, await storedContentOf(db, territory.id, version.id));
  const signed = await signaturesOf(db, territory.id, version.id);
  // Every partner of the version has a row: signed (from the journal) or waiting.
  const rows = content.partners.map((p) => signed.rows.find((s) => s.partner === p.name) ?? { partner: p.name, signatory: p.signatory.name, title: p.signatory.title, signedAt: null, how: null });
  return {
    territoryName: territory.name,
    versionNumber: version.number,
    status: version.status,
    statusLabel: versionStatusLabels[version.status],
    submittedAt: version.submittedAt ? version.submittedAt.toISOString() : null,
    contentSha256: version.contentSha256,
    content,
    signatures: [...rows, ...signed.rows.filter((s) => !content.partners.some((p) => p.name === s.partner))],
    certificate: signed.certificate,
  };
}

// ——— Shared wording (HTML and ODT) ———

export const documentTitle = (doc: CharterDocument) => doc.content.charter.title;
export const documentSubtitle = (doc: CharterDocument) =>
  `${charterKindLabels[doc.content.charter.kind]} — ${doc.territoryName} — version ${doc.versionNumber} (${doc.statusLabel.toLowerCase()})`;

const frenchDate = (iso: string) => new Date(iso).toLocaleDateString("fr-FR", { day: "numeric", month: "long", year: "numeric", timeZone: "Europe/Paris" });
const frenchDateTime = (iso: string) => new Date(iso).toLocaleString("fr-FR", { day: "numeric", month: "long", year: "numeric", hour: "2-digit", minute: "2-digit", timeZone: "Europe/Paris" });
export const signedAtText = (iso: string | null) => (iso ? frenchDateTime(iso) : "en attente");
export const howText = (how: "en_ligne" | "manuscrite" | null) => (how === "en_ligne" ? "signature électronique" : how === "manuscrite" ? "signature manuscrite (scan)" : "—");
export const roleText = (role: string) => (role === "pilote" ? "pilote" : "soutien");

/** The resources of a commitment in words: « 12 000 € ; 20 jours ; une salle ». */
export function resourcesText(c: CharterContent["partners"][number]["commitments"][number]): string {
  const parts: string[] = [];
  if (c.moneyEuros !== null) parts.push(`${frenchNumber(c.moneyEuros)} €`);
  if (c.inKindDays !== null) parts.push(`${frenchNumber(c.inKindDays)} jour${c.inKindDays > 1 ? "s" : ""} en nature`);
  if (c.inKindText) parts.push(c.inKindText);
  return parts.join(" ; ");
}

/** The document's parts in order, with their anchors (table of contents). */
export function outline(doc: CharterDocument): { id: string; title: string; level: 1 | 2 }[] {
  const c = doc.content;
  const section = (kind: string) => c.sections.find((s) => s.kind === kind)?.title ?? kind;
  return [
    { id: "preambule", title: section("preambule"), level: 1 },
    { id: "diagnostic", title: section("diagnostic"), level: 1 },
    { id: "vision", title: section("vision"), level: 1 },
    { id: "plan", title: section("plan"), level: 1 },
    { id: "gouvernance", title: section("gouvernance"), level: 1 },
    { id: "engagements", title: "Engagements des partenaires", level: 1 },
    ...c.partners.map((p, i) => ({ id: `partenaire-${i + 1}`, title: p.name, level: 2 as const })),
    { id: "dispositions", title: section("dispositions"), level: 1 },
    { id: "signatures", title: "Signatures", level: 1 },
    ...(doc.certificate ? [{ id: "certificat", title: "Certificat de signature", level: 1 as const }] : []),
  ];
}

// ——— HTML (printed by Chromium) ———

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
/** Text for people: French typography, then escaped. */
const t = (s: string) => esc(frenchTypography(s));
const md = (s: string) => renderMarkdown(frenchTypography(s));

const CSS = `
@page { size: A4; margin: 18mm 16mm; }
body { font-family: Marianne, Arial, sans-serif; font-size: 10.5pt; line-height: 1.45; color: #161616; max-width: 48rem; margin: 1.5rem auto; padding: 0 1rem; hyphens: auto; }
h1 { font-size: 20pt; text-align: center; margin: 0 0 .3rem; }
.subtitle { text-align: center; font-size: 12pt; margin: 0 0 1.5rem; }
h2 { font-size: 15pt; margin: 1.6rem 0 .5rem; border-bottom: 1px solid #000091; padding-bottom: .2rem; break-after: avoid; }
h3 { font-size: 12pt; margin: 1.1rem 0 .4rem; break-after: avoid; }
h4, h5, h6 { font-size: 11pt; margin: .8rem 0 .3rem; }
nav ol { padding-left: 1.2rem; } nav ol ol { list-style: disc; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0 1rem; font-size: 9.5pt; }
caption { text-align: left; font-style: italic; margin-bottom: .2rem; }
th, td { border: 1px solid #3a3a3a; padding: .25rem .4rem; text-align: left; vertical-align: top; }
.commitment { break-inside: avoid; border-left: 3px solid #000091; padding: .1rem .7rem; margin: .6rem 0; }
.meta { color: #3a3a3a; font-size: 9.5pt; }
.hash { font-family: monospace; font-size: 8.5pt; word-break: break-all; }
.certificate { break-before: page; }
`;

function sectionIntro(doc: CharterDocument, kind: string): string {
  const s = doc.content.sections.find((x) => x.kind === kind);
  return s && s.body.trim() ? md(s.body) : "";
}

/** A standalone HTML page of the charter (its own CSS), in French, for the print route, the PDF job and the command line. */
export function renderCharterHtml(doc: CharterDocument): string {
  return (
    `<!doctype html><html lang="fr"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${t(`${doc.content.charter.title} — ${doc.territoryName} — version ${doc.versionNumber}`)}</title><style>${CSS}</style></head><body><main>` +
    renderCharterMain(doc) +
    `</main></body></html>`
  );
}

/**
 * The charter's text as HTML (no page around it): for the standalone page (title at level 1), and for the
 * workspace and public pages, whose own headings come first (`shift` lowers every heading, at most to h6).
 */
export function renderCharterMain(doc: CharterDocument, shift = 0): string {
  const L = (level: number) => Math.min(6, level + shift);
  const c = doc.content;
  const heads = outline(doc);
  const title = (id: string) => t(heads.find((h) => h.id === id)?.title ?? id);
  const toc = `<nav aria-labelledby="sommaire"><h${L(2)} id="sommaire">Table des matières</h${L(2)}><ol>${heads
    .filter((h) => h.level === 1)
    .map((h) => {
      const subs = h.id === "engagements" ? heads.filter((x) => x.level === 2) : [];
      return `<li><a href="#${h.id}">${t(h.title)}</a>${subs.length ? `<ol>${subs.map((s) => `<li><a href="#${s.id}">${t(s.title)}</a></li>`).join("")}</ol>` : ""}</li>`;
    })
    .join("")}</ol></nav>`;
  const diagnostic =
    sectionIntro(doc, "diagnostic") +
    `<p>Le diagnostic partagé compte ${c.diagnostic.strengthCount} atout${c.diagnostic.strengthCount > 1 ? "s" : ""} et ${c.diagnostic.questionCount} questionnement${c.diagnostic.questionCount > 1 ? "s" : ""}.</p>` +
    (c.diagnostic.strengths.length ? `<h${L(3)}>Atouts</h${L(3)}><ul>${c.diagnostic.strengths.map((s) => `<li>${t(s)}</li>`).join("")}</ul>` : "") +
    (c.diagnostic.questions.length ? `<h${L(3)}>Questionnements</h${L(3)}><ul>${c.diagnostic.questions.map((s) => `<li>${t(s)}</li>`).join("")}</ul>` : "");
  const vision =
    sectionIntro(doc, "vision") +
    (c.strategy.vision ? `<h${L(3)}>Vision</h${L(3)}>${md(c.strategy.vision)}` : "") +
    c.strategy.axes.map((a) => `<h${L(3)}>${t(a.title)}</h${L(3)}>${a.objectives.length ? `<ul>${a.objectives.map((o) => `<li>${t(o)}</li>`).join("")}</ul>` : "<p>Aucun objectif sur cet axe.</p>"}`).join("");
  const plan =
    sectionIntro(doc, "plan") +
    (c.plan
      ? `<table><caption>${t(`${c.plan.title} (version ${c.plan.number}) : les actions et leurs porteurs`)}</caption><thead><tr><th scope="col">Action</th><th scope="col">Porteur</th></tr></thead><tbody>${c.plan.actions.map((a) => `<tr><td>${t(a.title)}</td><td>${t(a.lead ?? "—")}</td></tr>`).join("")}</tbody></table>`
      : "<p>Le territoire n'a pas encore de plan d'action.</p>");
  const governance =
    sectionIntro(doc, "gouvernance") +
    (c.governance.length
      ? c.governance
          .map(
            (g) =>
              `<h${L(3)}>${t(g.name)}</h${L(3)}><p class="meta">${t(g.kind)}${g.rhythm ? ` · rythme ${t(g.rhythm)}` : ""}</p>` +
              (g.members.length ? `<ul>${g.members.map((m) => `<li>${t(m.name)}${m.structure ? ` (${t(m.structure)})` : ""} — ${t(m.role)}</li>`).join("")}</ul>` : ""),
          )
          .join("")
      : "<p>Aucune instance de gouvernance n'est encore décrite.</p>");
  const partners = c.partners
    .map((p, i) => {
      const items = p.commitments
        .map((k, j) => {
          const res = resourcesText(k);
          return (
            `<div class="commitment"><h${L(4)}>Engagement ${j + 1}</h${L(4)}><p>${t(k.text)}</p>` +
            (res ? `<p><strong>Moyens apportés\u00a0:</strong> ${t(res)}</p>` : "") +
            (k.actions.length ? `<p><strong>Actions du plan\u00a0:</strong> ${k.actions.map((a) => `${t(a.title)} (${roleText(a.role)})`).join(" ; ")}</p>` : "") +
            (k.indicators.length ? `<p><strong>Indicateurs de suivi\u00a0:</strong> ${k.indicators.map((x) => t(x.name)).join(" ; ")}</p>` : "") +
            `</div>`
          );
        })
        .join("");
      return `<h${L(3)} id="partenaire-${i + 1}">${t(p.name)}</h${L(3)}><p class="meta">Signataire\u00a0: ${t(p.signatory.name || "à nommer")}${p.signatory.title ? `, ${t(p.signatory.title)}` : ""}</p>${items || "<p>Aucun engagement écrit.</p>"}`;
    })
    .join("");
  const signatures = `<table><caption>Signatures des partenaires</caption><thead><tr><th scope="col">Partenaire</th><th scope="col">Signataire</th><th scope="col">Qualité</th><th scope="col">Signé le</th><th scope="col">Mode</th></tr></thead><tbody>${doc.signatures
    .map((s) => `<tr><td>${t(s.partner)}</td><td>${t(s.signatory || "—")}</td><td>${t(s.title || "—")}</td><td>${t(signedAtText(s.signedAt))}</td><td>${t(howText(s.how))}</td></tr>`)
    .join("")}</tbody></table>`;
  const certificate = doc.certificate
    ? `<section class="certificate"><h${L(2)} id="certificat">Certificat de signature</h${L(2)}><p>Empreinte SHA-256 du contenu signé\u00a0: <span class="hash">${esc(doc.certificate.contentSha256)}</span></p><table><caption>Journal des signatures</caption><thead><tr><th scope="col">N°</th><th scope="col">Signataire</th><th scope="col">Date</th><th scope="col">Empreintes (contenu, consentement, entrée)</th></tr></thead><tbody>${doc.certificate.entries
        .map((e) => `<tr><td>${e.seq}</td><td>${t(e.signatory)}</td><td>${t(frenchDateTime(e.signedAt))}</td><td class="hash">${esc(e.contentSha256)}<br>${esc(e.consentSha256)}<br>${esc(e.entryHash)}</td></tr>`)
        .join("")}</tbody></table></section>`
    : "";
  const frozen = doc.contentSha256 ? `<p class="meta">Version soumise à signature${doc.submittedAt ? ` le ${t(frenchDate(doc.submittedAt))}` : ""}. Empreinte SHA-256 du contenu\u00a0: <span class="hash">${esc(doc.contentSha256)}</span></p>` : `<p class="meta">Version de travail : son texte peut encore changer.</p>`;
  return (
    `<h${L(1)}>${t(c.charter.title)}</h${L(1)}><p class="subtitle">${t(documentSubtitle(doc))}</p>${frozen}${toc}` +
    `<h${L(2)} id="preambule">${title("preambule")}</h${L(2)}>${sectionIntro(doc, "preambule") || "<p>—</p>"}` +
    `<h${L(2)} id="diagnostic">${title("diagnostic")}</h${L(2)}>${diagnostic}` +
    `<h${L(2)} id="vision">${title("vision")}</h${L(2)}>${vision}` +
    `<h${L(2)} id="plan">${title("plan")}</h${L(2)}>${plan}` +
    `<h${L(2)} id="gouvernance">${title("gouvernance")}</h${L(2)}>${governance}` +
    `<h${L(2)} id="engagements">Engagements des partenaires</h${L(2)}>${partners || "<p>Aucune structure partenaire.</p>"}` +
    `<h${L(2)} id="dispositions">${title("dispositions")}</h${L(2)}>${sectionIntro(doc, "dispositions") || "<p>—</p>"}` +
    `<h${L(2)} id="signatures">Signatures</h${L(2)}>${signatures}${certificate}`
  );
}
