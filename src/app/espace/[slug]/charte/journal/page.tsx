import type { Metadata } from "next";
import { forbidden } from "next/navigation";
import { getRuntime } from "@/platform/runtime";
import { territoryPage } from "@/modules/territories/web";
import { WorkspaceBreadcrumb } from "@/ui/breadcrumbs";
import { Table } from "@/ui/table";
import { checkChain, journalEntries } from "@/modules/signatures/journal";
import { journalPolicy } from "@/modules/signatures/policy";

export const metadata: Metadata = { title: "Journal des signatures" };

const when = (d: Date) => new Intl.DateTimeFormat("fr-FR", { dateStyle: "short", timeStyle: "medium", timeZone: "Europe/Paris" }).format(d);
const kinds = { en_ligne: "Signature en ligne", manuscrite: "Signature manuscrite", pdf_signe: "PDF signé" } as const;
const short = (hash: string) => (hash ? `${hash.slice(0, 12)}…` : "—");

/** The territory's signature journal, entry by entry, and whether its chain of hashes verifies. */
export default async function JournalPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const { territory, principal } = await territoryPage(slug, "viewWorkspace", `/espace/${slug}/charte/journal`);
  if (!journalPolicy.view(principal, territory)) forbidden();
  const { db } = await getRuntime();
  const entries = await journalEntries(db, territory.id);
  const check = checkChain(entries);
  const base = `/espace/${territory.slug}/charte`;
  return (
    <>
      <WorkspaceBreadcrumb territory={territory} module={{ label: "Charte", href: base }} current="Journal des signatures" />
      <h2>Journal des signatures</h2>
      <p>
        Chaque signature, chaque page manuscrite numérisée et chaque PDF signé y est inscrit une fois pour toutes : la base de données refuse toute modification ou suppression.
        Chaque entrée contient l&apos;empreinte de la précédente ; si une entrée était modifiée, la vérification ci-dessous le montrerait.
      </p>
      {check.ok ? (
        <div className="fr-alert fr-alert--success fr-mb-3w">
          <h3 className="fr-alert__title">La chaîne du journal est vérifiée</h3>
          <p>
            {check.count} entrée(s) ; toutes les empreintes ont été recalculées et se suivent.
            {check.count ? (
              <>
                {" "}
                Dernière empreinte : <code style={{ wordBreak: "break-all" }}>{check.lastHash}</code>
              </>
            ) : null}
          </p>
        </div>
      ) : (
        <div className="fr-alert fr-alert--error fr-mb-3w">
          <h3 className="fr-alert__title">La chaîne du journal est rompue</h3>
          <p>À partir de l&apos;entrée n° {check.brokenAt} : {check.reason}. Prévenez l&apos;administration de la plateforme.</p>
        </div>
      )}
      {entries.length ? (
        <div className="fr-table fr-mb-3w">
          <div className="fr-table__wrapper">
            <div className="fr-table__container">
              <div className="fr-table__content">
                <Table>
                  <caption>Entrées du journal des signatures</caption>
                  <thead>
                    <tr>
                      <th scope="col">N°</th>
                      <th scope="col">Date</th>
                      <th scope="col">Nature</th>
                      <th scope="col">Version</th>
                      <th scope="col">Structure et signataire</th>
                      <th scope="col">Empreintes</th>
                    </tr>
                  </thead>
                  <tbody>
                    {entries.map((e) => (
                      <tr key={e.id}>
                        <td>{e.seq}</td>
                        <td>{when(e.signedAt)}</td>
                        <td>{kinds[e.kind]}</td>
                        <td>
                          {e.charterTitle}, version {e.versionNumber}
                        </td>
                        <td>{e.kind === "pdf_signe" ? "—" : `${e.partnerName} : ${e.signatoryName}${e.signatoryTitle ? `, ${e.signatoryTitle}` : ""}`}</td>
                        <td className="fr-text--xs">
                          <span title={e.contentSha256}>contenu {short(e.contentSha256)}</span>
                          {e.consentSha256 ? <><br /><span title={e.consentSha256}>consentement {short(e.consentSha256)}</span></> : null}
                          {e.documentSha256 ? <><br /><span title={e.documentSha256}>{e.kind === "pdf_signe" ? "PDF" : "page numérisée"} {short(e.documentSha256)}</span></> : null}
                          <br />
                          <span title={e.entryHash}>entrée {short(e.entryHash)}</span>
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </Table>
              </div>
            </div>
          </div>
        </div>
      ) : (
        <p>Aucune signature n&apos;est encore inscrite.</p>
      )}
    </>
  );
}
