import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getRuntime } from "@/platform/runtime";
import { readSearchParams, searchInt } from "@/platform/web/search-params";
import { territoryPage } from "@/modules/territories/web";
import { WorkspaceBreadcrumb } from "@/ui/breadcrumbs";
import { consentSha256, consentText } from "@/modules/signatures/consent";
import { signaturePolicy } from "@/modules/signatures/policy";
import { currentSignableVersion, findVersionByNumber, partnerSignatures } from "@/modules/signatures/queries";
import { SignForm } from "@/modules/signatures/ui/sign-form";
import { charterDocument, renderCharterMain } from "@/composition/charter/document";

export const metadata: Metadata = { title: "Signer la charte" };

type Props = { params: Promise<{ slug: string; n: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const when = (d: Date) => new Intl.DateTimeFormat("fr-FR", { dateStyle: "long", timeStyle: "short", timeZone: "Europe/Paris" }).format(d);

/** The consent screen: the exact version, its hash, and for each partner the person signs for, the consent and the tick. */
export default async function SignPage({ params, searchParams }: Props) {
  const { slug, n } = await params;
  const sp = readSearchParams(await searchParams);
  const number = searchInt(n, { min: 1 });
  const { territory, principal } = await territoryPage(slug, "viewWorkspace", `/espace/${slug}/charte/versions/${n}/signer`);
  const { db } = await getRuntime();
  const version = number === undefined ? undefined : await findVersionByNumber(db, territory.id, number);
  if (!version) notFound();
  const base = `/espace/${territory.slug}/charte`;
  const partners = await partnerSignatures(db, territory.id, version);
  const mine = partners.filter((p) => signaturePolicy.sign(principal, { ...territory, signatoryUserId: p.signatoryUserId }));
  const contentSha256 = version.contentSha256;
  const current = version.status === "soumise" ? version : await currentSignableVersion(db, territory.id);
  return (
    <>
      <WorkspaceBreadcrumb territory={territory} module={{ label: "Charte", href: base }} current={`Signer la version ${version.number}`} />
      {sp.changee !== undefined ? (
        <div className="fr-alert fr-alert--warning fr-mb-3w" role="status">
          <h2 className="fr-alert__title">La charte a changé depuis que vous l&apos;avez ouverte</h2>
          <p>Votre signature n&apos;a pas été enregistrée. Voici la version actuelle : relisez-la avant de signer.</p>
        </div>
      ) : null}
      <h2>
        Signer la version {version.number} de « {version.charterTitle} »
      </h2>
      {version.status !== "soumise" ? (
        <div className="fr-alert fr-alert--info fr-mb-3w">
          <p>
            {version.status === "signee"
              ? "Cette version est signée par toutes les structures partenaires."
              : version.status === "brouillon"
                ? "Cette version est encore un brouillon : elle n'est pas soumise à signature."
                : "Cette version a été remplacée par une version plus récente."}{" "}
            {current && current.number !== version.number ? <Link href={`${base}/versions/${current.number}/signer`}>Ouvrir la version {current.number}</Link> : null}
          </p>
        </div>
      ) : null}
      <p>
        Lisez la version en entier ci-dessous. Son empreinte SHA-256 identifie ce texte exact : si un seul caractère changeait, elle changerait.{" "}
        <Link href={`${base}/versions/${version.number}/signatures`}>Voir qui a déjà signé</Link>.
      </p>
      {version.contentSha256 ? (
        <p className="fr-text--sm">
          Empreinte de la version : <code style={{ wordBreak: "break-all" }}>{version.contentSha256}</code>
        </p>
      ) : null}
      <section className="fr-p-3w fr-mb-4w" style={{ border: "1px solid var(--border-default-grey)" }} aria-labelledby="texte-version">
        <h3 id="texte-version">Texte de la version {version.number}</h3>
        {/* The charter's own rendering of this exact version (the frozen content, read back from storage). */}
        <div dangerouslySetInnerHTML={{ __html: renderCharterMain(await charterDocument(db, territory, version.id), 2) }} />
      </section>
      {version.status === "soumise" && contentSha256 ? (
        mine.length ? (
          mine.map((p) => {
            if (p.entry) {
              return (
                <div key={p.partnerId} className="fr-alert fr-alert--success fr-mb-3w">
                  <p>
                    Vous avez signé au nom de {p.partnerName} le {when(p.entry.signedAt)} (entrée n° {p.entry.seq} du journal).
                  </p>
                </div>
              );
            }
            const facts = {
              signatoryName: p.signatoryName || (principal.kind === "user" ? principal.name || principal.email : ""),
              signatoryTitle: p.signatoryTitle,
              partnerName: p.partnerName,
              charterTitle: version.charterTitle,
              charterKind: version.charterKind,
              versionNumber: version.number,
              contentSha256,
            };
            return (
              <section key={p.partnerId} aria-label={`Signature au nom de ${p.partnerName}`}>
                <SignForm territory={territory.slug} version={version.number} partnerId={p.partnerId} partnerName={p.partnerName} contentSha256={contentSha256} consentText={consentText(facts)} consentSha256={consentSha256(facts)} />
              </section>
            );
          })
        ) : (
          <div className="fr-alert fr-alert--info fr-mb-3w">
            <p>Seule la personne désignée par chaque structure partenaire signe en son nom. Vous n&apos;êtes la personne signataire d&apos;aucune structure de cette charte.</p>
          </div>
        )
      ) : null}
    </>
  );
}
