import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getRuntime } from "@/platform/runtime";
import { formatDate } from "@/platform/text";
import { publicTags, tagPage } from "@/platform/web/public-cache";
import { findTerritoryBySlug } from "@/modules/territories/queries";
import { commitmentsOf, latestVersionWith } from "@/modules/charter/queries";
import { charterDocument, renderCharterMain } from "@/composition/charter/document";
import { healthLabels, healthOfCommitments } from "@/composition/charter/health";
import { PublicBreadcrumb, territoryCrumbs } from "@/ui/breadcrumbs";
import { Table } from "@/ui/table";

type Props = { params: Promise<{ slug: string }> };

// Cached like the territory's public page (decision 010): kept until an audited write of the territory expires its
// tag (a submission, a signature) or at most 300 s — commitment health follows the plan within that delay.
export const revalidate = 300;
export async function generateStaticParams(): Promise<{ slug: string }[]> {
  return [];
}

export const metadata: Metadata = { title: "Charte d'engagements du territoire" };

/** The latest signed version of the territory's charter, for everyone, with the health of each partner's commitments. */
export default async function PublicCharterPage({ params }: Props) {
  const { slug } = await params;
  const { db } = await getRuntime();
  const territory = await findTerritoryBySlug(db, slug);
  if (!territory) notFound();
  await tagPage(publicTags.territory(territory.id));
  const version = await latestVersionWith(db, territory.id, ["signee"]);
  const crumbs = <PublicBreadcrumb segments={territoryCrumbs(territory)} current="Charte d'engagements" />;
  if (!version) {
    return (
      <>
        {crumbs}
        <h1>Charte d&apos;engagements — {territory.name}</h1>
        <p>Le territoire n&apos;a pas encore de charte d&apos;engagements signée.</p>
      </>
    );
  }
  const doc = await charterDocument(db, territory, version.id);
  const health = await healthOfCommitments(db, territory.id, await commitmentsOf(db, version.id), new Date());
  const textOf = new Map(doc.content.partners.flatMap((p) => p.commitments.map((c) => [c.lineageId, c.text] as const)));
  return (
    <>
      {crumbs}
      <h1>Charte d&apos;engagements — {territory.name}</h1>
      <p className="fr-text--lead">
        Version {version.number}, signée par les partenaires{version.submittedAt ? `, soumise à signature le ${formatDate(version.submittedAt)}` : ""}.
      </p>
      {version.contentSha256 ? (
        <p className="fr-text--sm">
          Empreinte SHA-256 du texte signé : <code style={{ wordBreak: "break-all" }}>{version.contentSha256}</code>
        </p>
      ) : null}
      <section aria-labelledby="suivi-titre" className="fr-mt-4w">
        <h2 id="suivi-titre">Où en sont les engagements</h2>
        {doc.content.partners.map((p) => {
          const rows = health.filter((h) => h.partnerId === p.partnerId);
          return (
            <div key={p.partnerId} className="fr-table">
              <Table>
                <caption>{p.name}</caption>
                <thead>
                  <tr>
                    <th scope="col">Engagement</th>
                    <th scope="col">État</th>
                    <th scope="col">Ce qui le montre</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((h) => (
                    <tr key={h.commitmentLineageId}>
                      <th scope="row">{textOf.get(h.commitmentLineageId)}</th>
                      <td>{healthLabels[h.health]}</td>
                      <td>{h.signals.length ? h.signals.map((s) => `${s.label} : ${s.said.toLowerCase()}`).join(" ; ") : "Relié à aucune action ni aucun indicateur"}</td>
                    </tr>
                  ))}
                </tbody>
              </Table>
            </div>
          );
        })}
      </section>
      <section aria-label="Texte de la charte" className="fr-mt-4w">
        <div dangerouslySetInnerHTML={{ __html: renderCharterMain(doc, 1) }} />
      </section>
    </>
  );
}
