import { writeOdt, type OdtBlock } from "@/platform/odt";
import { documentSubtitle, documentTitle, howText, outline, resourcesText, roleText, signedAtText, type CharterDocument } from "./document";

/** Markdown to plain paragraphs for the ODT (marks dropped, one paragraph per block; list items keep a dash). */
function plainParagraphs(markdown: string): OdtBlock[] {
  return markdown
    .split(/\n{2,}/)
    .map((block) =>
      block
        .split("\n")
        .map((l) => l.replace(/^#{1,6}\s+/, "").replace(/^\s*[-*+]\s+/, "– ").replace(/\*\*|__|\*|_|`/g, "").replace(/\[([^\]]+)\]\(([^)]+)\)/g, "$1 ($2)"))
        .join("\n")
        .trim(),
    )
    .filter((p) => p !== "")
    .map((text) => ({ kind: "paragraph" as const, text }));
}

/** The charter as an OpenDocument text: the same parts, in the same order and words, as the printed HTML. */
export async function charterOdt(doc: CharterDocument): Promise<Buffer> {
  const c = doc.content;
  const heads = outline(doc);
  const title = (id: string) => heads.find((h) => h.id === id)?.title ?? id;
  const intro = (kind: string) => plainParagraphs(c.sections.find((s) => s.kind === kind)?.body ?? "");
  const blocks: OdtBlock[] = [];
  if (doc.contentSha256) blocks.push({ kind: "paragraph", text: `Empreinte SHA-256 du contenu soumis à signature : ${doc.contentSha256}` });
  blocks.push({ kind: "heading", level: 1, text: title("preambule") }, ...intro("preambule"));
  blocks.push({ kind: "heading", level: 1, text: title("diagnostic") }, ...intro("diagnostic"));
  blocks.push({ kind: "paragraph", text: `Le diagnostic partagé compte ${c.diagnostic.strengthCount} atout${c.diagnostic.strengthCount > 1 ? "s" : ""} et ${c.diagnostic.questionCount} questionnement${c.diagnostic.questionCount > 1 ? "s" : ""}.` });
  if (c.diagnostic.strengths.length) blocks.push({ kind: "heading", level: 3, text: "Atouts" }, ...c.diagnostic.strengths.map((s) => ({ kind: "paragraph" as const, text: `– ${s}` })));
  if (c.diagnostic.questions.length) blocks.push({ kind: "heading", level: 3, text: "Questionnements" }, ...c.diagnostic.questions.map((s) => ({ kind: "paragraph" as const, text: `– ${s}` })));
  blocks.push({ kind: "heading", level: 1, text: title("vision") }, ...intro("vision"));
  if (c.strategy.vision) blocks.push({ kind: "heading", level: 3, text: "Vision" }, ...plainParagraphs(c.strategy.vision));
  for (const a of c.strategy.axes) blocks.push({ kind: "heading", level: 3, text: a.title }, ...a.objectives.map((o) => ({ kind: "paragraph" as const, text: `– ${o}` })));
  blocks.push({ kind: "heading", level: 1, text: title("plan") }, ...intro("plan"));
  if (c.plan) blocks.push({ kind: "table", caption: `${c.plan.title} (version ${c.plan.number}) : les actions et leurs porteurs`, header: ["Action", "Porteur"], rows: c.plan.actions.map((a) => [a.title, a.lead ?? "—"]) });
  else blocks.push({ kind: "paragraph", text: "Le territoire n'a pas encore de plan d'action." });
  blocks.push({ kind: "heading", level: 1, text: title("gouvernance") }, ...intro("gouvernance"));
  for (const g of c.governance) {
    blocks.push({ kind: "heading", level: 3, text: g.name }, { kind: "paragraph", text: `${g.kind}${g.rhythm ? ` · rythme ${g.rhythm}` : ""}` });
    for (const m of g.members) blocks.push({ kind: "paragraph", text: `– ${m.name}${m.structure ? ` (${m.structure})` : ""} — ${m.role}` });
  }
  blocks.push({ kind: "heading", level: 1, text: "Engagements des partenaires" });
  for (const p of c.partners) {
    blocks.push({ kind: "heading", level: 2, text: p.name }, { kind: "paragraph", text: `Signataire : ${p.signatory.name || "à nommer"}${p.signatory.title ? `, ${p.signatory.title}` : ""}` });
    if (p.commitments.length === 0) blocks.push({ kind: "paragraph", text: "Aucun engagement écrit." });
    p.commitments.forEach((k, j) => {
      blocks.push({ kind: "heading", level: 3, text: `Engagement ${j + 1}` }, { kind: "paragraph", text: k.text });
      const res = resourcesText(k);
      if (res) blocks.push({ kind: "paragraph", text: `Moyens apportés : ${res}` });
      if (k.actions.length) blocks.push({ kind: "paragraph", text: `Actions du plan : ${k.actions.map((a) => `${a.title} (${roleText(a.role)})`).join(" ; ")}` });
      if (k.indicators.length) blocks.push({ kind: "paragraph", text: `Indicateurs de suivi : ${k.indicators.map((x) => x.name).join(" ; ")}` });
    });
  }
  blocks.push({ kind: "heading", level: 1, text: title("dispositions") }, ...intro("dispositions"));
  blocks.push({ kind: "heading", level: 1, text: "Signatures" });
  blocks.push({ kind: "table", caption: "Signatures des partenaires", header: ["Partenaire", "Signataire", "Qualité", "Signé le", "Mode"], rows: doc.signatures.map((s) => [s.partner, s.signatory || "—", s.title || "—", signedAtText(s.signedAt), howText(s.how)]) });
  if (doc.certificate) {
    blocks.push({ kind: "heading", level: 1, text: "Certificat de signature" }, { kind: "paragraph", text: `Empreinte SHA-256 du contenu signé : ${doc.certificate.contentSha256}` });
    blocks.push({ kind: "table", caption: "Journal des signatures", header: ["N°", "Signataire", "Date", "Empreintes (contenu, consentement, entrée)"], rows: doc.certificate.entries.map((e) => [e.seq, e.signatory, signedAtText(e.signedAt), `${e.contentSha256}\n${e.consentSha256}\n${e.entryHash}`]) });
  }
  return Buffer.from(writeOdt({ title: documentTitle(doc), subtitle: documentSubtitle(doc), tableOfContents: true, blocks }));
}
