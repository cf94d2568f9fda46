import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getRuntime } from "@/platform/runtime";
import { formatDate } from "@/platform/text";
import { searchInt } from "@/platform/web/search-params";
import { territoryPage } from "@/modules/territories/web";
import { findCharterVersion, storedContentOf } from "@/modules/charter/queries";
import { versionStatusLabels } from "@/modules/charter/validation";
import { contentOfVersion } from "@/composition/charter/canonical";
import { diffCharter } from "@/composition/charter/diff";
import { charterDocument, renderCharterMain } from "@/composition/charter/document";
import { DiffView } from "@/composition/charter/diff-view";
import { WorkspaceBreadcrumb } from "@/ui/breadcrumbs";

export const metadata: Metadata = { title: "Version de la charte" };

type Props = { params: Promise<{ slug: string; n: string }> };

/** One version of the charter: what changed since the previous one, its printed forms, and its whole text. */
export default async function CharterVersionPage({ params }: Props) {
  const { slug, n } = await params;
  const number = searchInt(n, { min: 1 });
  const here = `/espace/${slug}/charte/versions/${n}`;
  const { territory } = await territoryPage(slug, "viewWorkspace", here);
  const { db } = await getRuntime();
  const version = number === undefined ? undefined : await findCharterVersion(db, territory.id, number);
  if (!version) notFound();
  const doc = await charterDocument(db, territory, version.id);
  const previous = version.number > 1 ? await findCharterVersion(db, territory.id, version.number - 1) : undefined;
  const diff = previous ? diffCharter(await contentOfVersion(db, territory, previous, await storedContentOf(db, territory.id, previous.id)), doc.content) : undefined;
  const base = `/espace/${territory.slug}/charte`;
  return (
    <>
      <WorkspaceBreadcrumb territory={territory} module={{ label: "Charte d'engagements", href: base }} current={`Version ${version.number}`} />
      <h2>
        Version {version.number} : {versionStatusLabels[version.status].toLowerCase()}
      </h2>
      {version.submittedAt ? (
        <p>
          Soumise à signature le {formatDate(version.submittedAt)}. Empreinte SHA-256 du contenu : <code className="fr-text--sm" style={{ wordBreak: "break-all" }}>{version.contentSha256}</code>
        </p>
      ) : (
        <p>Version de travail : son texte peut encore changer jusqu&apos;à sa soumission à signature.</p>
      )}
      <ul className="fr-btns-group fr-btns-group--inline-md fr-btns-group--icon-left">
        <li>
          <a className="fr-btn fr-btn--secondary fr-icon-download-line" href={`${base}/versions/${version.number}/pdf`}>
            Télécharger en PDF
          </a>
        </li>
        <li>
          <a className="fr-btn fr-btn--secondary fr-icon-download-line" href={`${base}/versions/${version.number}/odt`}>
            Télécharger en ODT
          </a>
        </li>
        <li>
          <a className="fr-btn fr-btn--tertiary fr-icon-printer-line" href={`${base}/versions/${version.number}/impression`}>
            Version imprimable
          </a>
        </li>
      </ul>
      {diff && previous ? (
        <section aria-labelledby="differences-titre" className="fr-mt-4w" id="differences">
          <h3 id="differences-titre">Ce qui a changé depuis la version {previous.number}</h3>
          <DiffView diff={diff} />
        </section>
      ) : null}
      <section aria-label={`Texte de la version ${version.number}`} className="fr-mt-4w">
        <div dangerouslySetInnerHTML={{ __html: renderCharterMain(doc, 1) }} />
      </section>
    </>
  );
}
