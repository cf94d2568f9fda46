import type { Metadata } from "next";
import Link from "next/link";
import { forbidden, notFound } from "next/navigation";
import { getRuntime } from "@/platform/runtime";
import { searchInt } from "@/platform/web/search-params";
import { territoryPage } from "@/modules/territories/web";
import { WorkspaceBreadcrumb } from "@/ui/breadcrumbs";
import { scanPolicy } from "@/modules/signatures/policy";
import { handwrittenSignatureOf } from "@/modules/signatures/queries";

export const metadata: Metadata = { title: "Page signée numérisée" };

type Props = { params: Promise<{ slug: string; n: string; partner: string }> };

const when = (d: Date) => new Intl.DateTimeFormat("fr-FR", { dateStyle: "long", timeStyle: "short", timeZone: "Europe/Paris" }).format(d);
const day = (d: Date) => new Intl.DateTimeFormat("fr-FR", { dateStyle: "long", timeZone: "Europe/Paris" }).format(d);
const kinds: Record<string, string> = { "application/pdf": "PDF", "image/png": "image PNG", "image/jpeg": "image JPEG" };

/** The scanned signed page of a handwritten signature, for the coordination and the partner concerned (scanPolicy). */
export default async function HandwrittenScanPage({ params }: Props) {
  const { slug, n, partner: partnerId } = await params;
  const { territory, principal } = await territoryPage(slug, "viewWorkspace", `/espace/${slug}/charte/versions/${n}/signatures/manuscrites/${partnerId}`);
  const number = searchInt(n, { min: 1 });
  const { db } = await getRuntime();
  const found = number === undefined ? undefined : await handwrittenSignatureOf(db, territory.id, number, partnerId);
  if (!found) notFound();
  const { version, partner, entry, scan, speakerIds } = found;
  if (!scanPolicy.view(principal, { ...territory, signatoryUserId: partner.signatoryUserId, speakerIds })) forbidden();
  const base = `/espace/${territory.slug}/charte`;
  const list = `${base}/versions/${version.number}/signatures`;
  const file = `${list}/manuscrites/${partner.partnerId}/fichier`;
  const kb = Math.max(1, Math.round(scan.size / 1024));
  const matches = scan.sha256 === entry.documentSha256;
  return (
    <>
      <WorkspaceBreadcrumb
        territory={territory}
        module={{ label: "Charte", href: base }}
        segments={[{ label: `Signatures de la version ${version.number}`, href: list }]}
        current={`Page signée de ${partner.partnerName}`}
      />
      <h2>
        Signature manuscrite de {partner.partnerName}, version {version.number}
      </h2>
      <p>
        La page numérisée garde la trace de la signature sur papier de la version {version.number} de « {version.charterTitle} ». Seules la coordination et la structure
        concernée la voient.
      </p>
      <dl className="fr-mb-3w">
        <dt className="fr-text--bold fr-mb-0">Signataire</dt>
        <dd className="fr-ml-0 fr-mb-1w">
          {entry.signatoryName || "non précisé·e"}
          {entry.signatoryTitle ? `, ${entry.signatoryTitle}` : ""}
        </dd>
        <dt className="fr-text--bold fr-mb-0">Date écrite sur la page</dt>
        <dd className="fr-ml-0 fr-mb-1w">{day(entry.signedAt)}</dd>
        <dt className="fr-text--bold fr-mb-0">Inscrite au journal</dt>
        <dd className="fr-ml-0 fr-mb-1w">
          Entrée n° {entry.seq}, le {when(entry.recordedAt)}, par {entry.recordedBy}
        </dd>
        <dt className="fr-text--bold fr-mb-0">Fichier déposé</dt>
        <dd className="fr-ml-0 fr-mb-1w">
          « {scan.filename} », {kinds[scan.contentType] ?? scan.contentType}, {kb} Ko
        </dd>
        <dt className="fr-text--bold fr-mb-0">Empreinte SHA-256 du fichier</dt>
        <dd className="fr-ml-0 fr-mb-1w">
          <code style={{ wordBreak: "break-all" }}>{scan.sha256}</code>
        </dd>
      </dl>
      {matches ? (
        <div className="fr-alert fr-alert--success fr-alert--sm fr-mb-3w">
          <p>Le fichier conservé est bien celui inscrit au journal : son empreinte est celle de l&apos;entrée n° {entry.seq}.</p>
        </div>
      ) : (
        <div className="fr-alert fr-alert--error fr-alert--sm fr-mb-3w">
          <p>Le fichier conservé ne correspond pas à l&apos;empreinte inscrite au journal (entrée n° {entry.seq}) : il ne peut pas servir de preuve. Prévenez l&apos;administration de la plateforme.</p>
        </div>
      )}
      <p>
        <a className="fr-link fr-link--download" href={`${file}?telecharger=1`} download>
          Télécharger la page signée <span className="fr-link__detail">{kinds[scan.contentType] ?? scan.contentType} – {kb} Ko</span>
        </a>
      </p>
      {scan.contentType.startsWith("image/") ? (
        <figure className="fr-content-media fr-mx-0">
          {/* A stored scan served by our own route: next/image would copy it into its cache. */}
          {/* eslint-disable-next-line @next/next/no-img-element */}
          <img src={file} alt={`Page signée par ${entry.signatoryName || partner.partnerName} pour ${partner.partnerName}, version ${version.number}`} style={{ maxWidth: "100%", height: "auto", border: "1px solid var(--border-default-grey)" }} />
          <figcaption className="fr-content-media__caption">Page numérisée déposée le {when(scan.createdAt)}.</figcaption>
        </figure>
      ) : (
        <p>
          <a className="fr-link" href={file} target="_blank" rel="noopener" title={`Ouvrir la page signée de ${partner.partnerName} (PDF) — nouvelle fenêtre`}>
            Ouvrir la page signée (PDF)
          </a>
        </p>
      )}
      <p>
        <Link href={list}>Revenir aux signatures de la version {version.number}</Link>
      </p>
    </>
  );
}
