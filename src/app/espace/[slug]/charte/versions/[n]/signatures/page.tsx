import type { Metadata } from "next";
import Link from "next/link";
import { forbidden, notFound } from "next/navigation";
import { getRuntime } from "@/platform/runtime";
import { parisToday } from "@/platform/dates";
import { readSearchParams, searchInt } from "@/platform/web/search-params";
import { territoryPage } from "@/modules/territories/web";
import { ActionErrorNotice } from "@/ui/action-error";
import { WorkspaceBreadcrumb } from "@/ui/breadcrumbs";
import { Table } from "@/ui/table";
import { printSignedPdfAction } from "@/modules/signatures/actions";
import { journalPolicy, scanPolicy, signaturePolicy } from "@/modules/signatures/policy";
import { findVersionByNumber, partnerSignatures, signedPdfInfo, signedPdfJobOf, speakersOf } from "@/modules/signatures/queries";
import { HandwrittenForm } from "@/modules/signatures/ui/handwritten-form";

export const metadata: Metadata = { title: "Signatures de la charte" };

type Props = { params: Promise<{ slug: string; n: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const when = (d: Date) => new Intl.DateTimeFormat("fr-FR", { dateStyle: "long", timeStyle: "short", timeZone: "Europe/Paris" }).format(d);
const day = (d: Date) => new Intl.DateTimeFormat("fr-FR", { dateStyle: "long", timeZone: "Europe/Paris" }).format(d);

/** Who signed a version, how and when; the signed PDF; the coordinator records handwritten signatures here. */
export default async function SignaturesPage({ params, searchParams }: Props) {
  const { slug, n } = await params;
  const sp = readSearchParams(await searchParams);
  const number = searchInt(n, { min: 1 });
  const { territory, principal } = await territoryPage(slug, "viewWorkspace", `/espace/${slug}/charte/versions/${n}/signatures`);
  if (!journalPolicy.view(principal, territory)) forbidden();
  const { db } = await getRuntime();
  const version = number === undefined ? undefined : await findVersionByNumber(db, territory.id, number);
  if (!version) notFound();
  const base = `/espace/${territory.slug}/charte`;
  const here = `${base}/versions/${version.number}/signatures`;
  const partners = await partnerSignatures(db, territory.id, version);
  const pdf = version.status === "signee" ? await signedPdfInfo(db, territory.id, version.id) : undefined;
  // Without the PDF yet: where its print stands (waiting, running, failed and why, or never asked).
  const printing = version.status === "signee" && !pdf ? await signedPdfJobOf(db, territory.id, version.id) : undefined;
  // The scanned pages this person may open (the coordination, the partner concerned).
  const scans = new Set<string>();
  for (const p of partners) {
    if (p.entry?.kind !== "manuscrite") continue;
    if (scanPolicy.view(principal, { ...territory, signatoryUserId: p.signatoryUserId, speakerIds: await speakersOf(db, p.actorId) })) scans.add(p.partnerId);
  }
  const unsigned = partners.filter((p) => !p.entry && signaturePolicy.recordHandwritten(principal, { ...territory, signatoryUserId: p.signatoryUserId }));
  const signed = partners.filter((p) => p.entry).length;
  return (
    <>
      <WorkspaceBreadcrumb territory={territory} module={{ label: "Charte", href: base }} current={`Signatures de la version ${version.number}`} />
      <ActionErrorNotice code={sp.erreur} />
      {sp.signee !== undefined ? (
        <div className="fr-alert fr-alert--success fr-mb-3w" role="status">
          <p>Votre signature est inscrite au journal des signatures.{version.status === "signee" ? " Toutes les structures ont signé : la version est signée." : ""}</p>
        </div>
      ) : null}
      {sp.manuscrite !== undefined ? (
        <div className="fr-alert fr-alert--success fr-mb-3w" role="status">
          <p>
            La signature manuscrite est inscrite au journal
            {searchInt(sp.manuscrite, { min: 1 }) ? ` (entrée n° ${searchInt(sp.manuscrite, { min: 1 })})` : ""}.
            {version.status === "signee" ? " Toutes les structures ont signé : la version est signée." : ""}
          </p>
        </div>
      ) : null}
      {sp.pdf === "demande" || sp.pdf === "existe" ? (
        <div className="fr-alert fr-alert--info fr-mb-3w" role="status">
          <p>{sp.pdf === "existe" ? "Le PDF signé est déjà produit : il ne l'est qu'une fois." : "L'impression du PDF signé est demandée : rechargez cette page dans un instant."}</p>
        </div>
      ) : null}
      <h2>
        Signatures de la version {version.number} de « {version.charterTitle} »
      </h2>
      <p>
        {signed} structure(s) sur {partners.length} ont signé.{" "}
        {version.status === "soumise" ? <Link href={`${base}/versions/${version.number}/signer`}>Lire la version et signer</Link> : null}{" "}
        <Link href={`${base}/journal`}>Journal des signatures</Link>
      </p>
      <div className="fr-table fr-mb-3w">
        <div className="fr-table__wrapper">
          <div className="fr-table__container">
            <div className="fr-table__content">
              <Table>
                <caption>Signataires de la version {version.number}</caption>
                <thead>
                  <tr>
                    <th scope="col">Structure</th>
                    <th scope="col">Signataire</th>
                    <th scope="col">Signature</th>
                    <th scope="col">Entrée du journal</th>
                  </tr>
                </thead>
                <tbody>
                  {partners.map((p) => (
                    <tr key={p.partnerId}>
                      <td>{p.partnerName}</td>
                      <td>
                        {p.entry?.signatoryName ?? (p.signatoryName || "non désigné·e")}
                        {(p.entry?.signatoryTitle ?? p.signatoryTitle) ? `, ${p.entry?.signatoryTitle ?? p.signatoryTitle}` : ""}
                      </td>
                      <td>
                        {p.entry ? (
                          p.entry.kind === "en_ligne" ? (
                            `En ligne, le ${when(p.entry.signedAt)}`
                          ) : (
                            <>
                              Manuscrite, le {day(p.entry.signedAt)}{" "}
                              {scans.has(p.partnerId) ? (
                                <>
                                  (
                                  <Link href={`${here}/manuscrites/${p.partnerId}`}>
                                    voir la page numérisée<span className="fr-sr-only"> de {p.partnerName}</span>
                                  </Link>
                                  )
                                </>
                              ) : (
                                "(page numérisée)"
                              )}
                            </>
                          )
                        ) : (
                          "En attente"
                        )}
                      </td>
                      <td>{p.entry ? `n° ${p.entry.seq}` : "—"}</td>
                    </tr>
                  ))}
                </tbody>
              </Table>
            </div>
          </div>
        </div>
      </div>
      {version.status === "signee" ? (
        <section aria-labelledby="pdf-signe">
          <h3 id="pdf-signe">PDF signé</h3>
          {pdf ? (
            <p>
              <a className="fr-link fr-link--download" href={`${here}/pdf`} download>
                Télécharger le PDF signé <span className="fr-link__detail">PDF – {Math.max(1, Math.round(pdf.size / 1024))} Ko</span>
              </a>
              <br />
              <span className="fr-text--sm">
                Produit le {when(pdf.createdAt)}. Empreinte SHA-256 : <code style={{ wordBreak: "break-all" }}>{pdf.sha256}</code>. Chacun peut la vérifier sur{" "}
                <Link href="/verifier-une-signature">la page publique de vérification</Link>.
              </span>
            </p>
          ) : printing?.state === "failed" ? (
            <div className="fr-alert fr-alert--error fr-alert--sm fr-mb-2w">
              <p>L&apos;impression du PDF signé a échoué : {printing.error ?? "erreur inconnue"}</p>
            </div>
          ) : printing ? (
            <p>{printing.state === "running" ? "Le PDF signé est en cours d'impression" : "Le PDF signé attend son tour d'impression"} : rechargez cette page dans un instant.</p>
          ) : (
            <p>L&apos;impression du PDF signé n&apos;a pas pu être demandée. La coordination peut la lancer ci-dessous.</p>
          )}
          {journalPolicy.print(principal, territory) ? (
            <form action={printSignedPdfAction}>
              <input type="hidden" name="territory" value={territory.slug} />
              <input type="hidden" name="version" value={String(version.number)} />
              <button type="submit" className="fr-btn fr-btn--secondary fr-btn--sm">
                Relancer l&apos;impression du PDF signé
              </button>
            </form>
          ) : null}
        </section>
      ) : null}
      {version.status === "soumise" && unsigned.length ? (
        <section aria-labelledby="manuscrite" className="fr-mt-4w">
          <h3 id="manuscrite">Inscrire une signature manuscrite</h3>
          <p>
            Une structure a signé la version imprimée à la main ? Déposez la page signée numérisée : la signature est inscrite au journal, marquée « manuscrite », avec
            l&apos;empreinte du fichier. La page numérisée seule n&apos;est pas une signature électronique : elle garde la trace de la signature sur papier.
          </p>
          <HandwrittenForm territory={territory.slug} version={version.number} partners={unsigned.map((p) => ({ value: p.partnerId, label: p.partnerName }))} today={parisToday()} />
        </section>
      ) : null}
    </>
  );
}
