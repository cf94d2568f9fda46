import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getRuntime } from "@/platform/runtime";
import { renderMarkdown } from "@/platform/markdown";
import { formatDate } from "@/platform/text";
import { readSingleSearchParams } from "@/platform/web/search-params";
import { territoryPage } from "@/modules/territories/web";
import { charterAbilities } from "@/modules/charter/policy";
import { actorChoices, commentsOf, commitmentsOf, findCharter, listCharterVersions, partnersOf, partnersSpokenBy, sectionsOf, signatoryCandidates } from "@/modules/charter/queries";
import { charterKindLabels, versionStatusLabels } from "@/modules/charter/validation";
import { createCharterAction, removePartnerAction, saveSectionAction, savePartnerAction, startNewVersionAction } from "@/modules/charter/actions";
import { SectionComments } from "@/modules/charter/ui/comments";
import { submitCharterAction } from "@/composition/charter/actions";
import { ActionErrorNotice } from "@/ui/action-error";
import { ActionForm, Field, Hidden, RadioGroup, SelectField } from "@/ui/form";
import { Table } from "@/ui/table";

export const metadata: Metadata = { title: "Charte d'engagements" };

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

function notice(sp: Record<string, string | undefined>): string | undefined {
  if (sp.cree) return "La charte est créée avec sa première version en brouillon. Écrivez les parties communes et ajoutez les structures partenaires.";
  if (sp.partie) return "La partie est enregistrée.";
  if (sp.partenaire === "ajoute") return "La structure est ajoutée. Nommez son ou sa signataire ; ses porte-parole écrivent ses engagements.";
  if (sp.partenaire === "modifie") return "Le ou la signataire est enregistré·e.";
  if (sp.partenaire === "retire") return "La structure est retirée de la charte.";
  if (sp.soumise) return "La version est soumise à signature : son texte est figé. Toute modification passera par une nouvelle version.";
  if (sp.nouvelle) return `La version ${sp.nouvelle} est ouverte en brouillon, copiée de la précédente.`;
  if (sp.commentaire) return "Le commentaire est publié.";
  return undefined;
}

/** The charter of commitments: its versions, the draft's common parts and partners, and the submission to signature. */
export default async function CharterPage({ params, searchParams }: Props) {
  const { slug } = await params;
  const sp = readSingleSearchParams(await searchParams);
  const here = `/espace/${slug}/charte`;
  const { territory, principal } = await territoryPage(slug, "viewWorkspace", here);
  const { db } = await getRuntime();
  const can = charterAbilities(principal, territory);
  const charter = await findCharter(db, territory.id);
  const message = notice(sp);
  const top = (
    <>
      <ActionErrorNotice code={sp.erreur} />
      {message ? (
        <div className="fr-alert fr-alert--success fr-alert--sm fr-mb-3w" role="status">
          <p>{message}</p>
        </div>
      ) : null}
    </>
  );
  if (!charter) {
    return (
      <>
        {top}
        <h2>Charte d&apos;engagements</h2>
        <p>
          La charte (ou le contrat territorial) réunit le diagnostic, la vision, le plan et la gouvernance du territoire, et les engagements que chaque structure
          partenaire écrit elle-même. Une fois soumise à signature, une version ne change plus.
        </p>
        {can.manage ? (
          <div className="fr-grid-row">
            <div className="fr-col-12 fr-col-lg-8">
              <ActionForm action={createCharterAction} submitLabel="Créer la charte">
                <Hidden name="territory" value={territory.slug} />
                <Field name="title" label="Titre" defaultValue={`Charte pour l'inclusion numérique — ${territory.name}`} maxLength={200} />
                <RadioGroup name="kind" legend="Nature du document" inline defaultValue="charte" options={Object.entries(charterKindLabels).map(([value, label]) => ({ value, label }))} />
              </ActionForm>
            </div>
          </div>
        ) : (
          <p>La coordination du territoire n&apos;a pas encore ouvert de charte.</p>
        )}
      </>
    );
  }
  const versions = await listCharterVersions(db, territory.id, charter.id);
  const current = versions[0];
  if (!current) notFound();
  const draft = current.status === "brouillon";
  const partners = await partnersOf(db, territory.id, charter.id);
  const commitments = await commitmentsOf(db, current.id);
  const countBy = (partnerId: string) => commitments.filter((c) => c.partnerId === partnerId).length;
  const mine = principal.kind === "user" ? await partnersSpokenBy(db, territory.id, charter.id, principal.userId) : [];
  const sections = await sectionsOf(db, current.id);
  const comments = draft ? await commentsOf(db, current.id) : [];
  const structures = can.manage && draft ? await actorChoices(db, territory.id) : [];
  const candidates = can.manage && draft ? new Map(await Promise.all(partners.map(async (p) => [p.id, await signatoryCandidates(db, territory.id, p.actorId)] as const))) : new Map();
  const missing = [
    ...(partners.length === 0 ? ["aucune structure partenaire n'est encore nommée"] : []),
    ...partners.filter((p) => !p.signatoryUserId).map((p) => `${p.name} n'a pas de signataire nommé`),
    ...partners.filter((p) => countBy(p.id) === 0).map((p) => `${p.name} n'a écrit aucun engagement`),
  ];
  return (
    <>
      {top}
      <h2>{charter.title}</h2>
      <p>
        <span className="fr-badge fr-badge--sm fr-badge--blue-ecume">{charterKindLabels[charter.kind]}</span>{" "}
        <span className={`fr-badge fr-badge--sm ${draft ? "fr-badge--new" : "fr-badge--success"}`}>
          Version {current.number} : {versionStatusLabels[current.status].toLowerCase()}
        </span>
      </p>

      <section aria-labelledby="versions-titre" className="fr-mt-4w" id="versions">
        <h3 id="versions-titre">Versions</h3>
        <div className="fr-table">
          <Table>
            <caption>Versions de la charte, la plus récente en premier</caption>
            <thead>
              <tr>
                <th scope="col">Version</th>
                <th scope="col">État</th>
                <th scope="col">Soumise le</th>
                <th scope="col">Empreinte SHA-256</th>
              </tr>
            </thead>
            <tbody>
              {versions.map((v) => (
                <tr key={v.id}>
                  <th scope="row">
                    <Link href={`${here}/versions/${v.number}`} prefetch={false}>
                      Version {v.number}
                    </Link>
                  </th>
                  <td>{versionStatusLabels[v.status]}</td>
                  <td>{v.submittedAt ? formatDate(v.submittedAt) : "—"}</td>
                  <td>{v.contentSha256 ? <code title={v.contentSha256}>{v.contentSha256.slice(0, 16)}…</code> : "—"}</td>
                </tr>
              ))}
            </tbody>
          </Table>
        </div>
        {!draft && can.manage ? (
          <form action={startNewVersionAction}>
            <Hidden name="territory" value={territory.slug} />
            <Hidden name="back" value={here} />
            <p className="fr-text--sm">La version {current.number} est figée. Pour changer le texte ou les engagements, ouvrez une nouvelle version : elle part de celle-ci, et la différence sera montrée.</p>
            <button type="submit" className="fr-btn fr-btn--secondary">
              Ouvrir la version {current.number + 1}
            </button>
          </form>
        ) : null}
      </section>

      <section aria-labelledby="partenaires-titre" className="fr-mt-6w" id="partenaires">
        <h3 id="partenaires-titre">Structures partenaires ({partners.length})</h3>
        <p className="fr-text--sm">Chaque structure écrit ses propres engagements ; ses porte-parole sur la plateforme sont seuls à pouvoir les modifier.</p>
        {partners.length === 0 ? (
          <p>Aucune structure partenaire pour l&apos;instant.</p>
        ) : (
          <div className="fr-table">
            <Table>
              <caption>Partenaires de la version {current.number}, leur signataire et leurs engagements</caption>
              <thead>
                <tr>
                  <th scope="col">Structure</th>
                  <th scope="col">Signataire</th>
                  <th scope="col">Engagements</th>
                  {can.manage && draft ? <th scope="col">Gérer</th> : null}
                </tr>
              </thead>
              <tbody>
                {partners.map((p) => (
                  <tr key={p.id}>
                    <th scope="row">
                      <Link href={`${here}/partenaires/${p.id}`} prefetch={false}>
                        {p.name}
                      </Link>
                      {mine.includes(p.id) ? <span className="fr-hint-text">Votre structure</span> : null}
                    </th>
                    <td>
                      {p.signatoryName || p.signatoryAccount || "À nommer"}
                      {p.signatoryTitle ? `, ${p.signatoryTitle}` : ""}
                    </td>
                    <td>{countBy(p.id)}</td>
                    {can.manage && draft ? (
                      <td>
                        <details>
                          <summary>
                            Signataire<span className="fr-sr-only"> de {p.name}</span>
                          </summary>
                          <ActionForm action={savePartnerAction} submitLabel="Enregistrer le ou la signataire">
                            <Hidden name="territory" value={territory.slug} />
                            <Hidden name="partner" value={p.id} />
                            <Hidden name="actorId" value={p.actorId} />
                            <SelectField
                              name="signatoryUserId"
                              label={`Compte qui signera pour ${p.name}`}
                              hint="Parmi les porte-parole de la structure sur le territoire."
                              defaultValue={p.signatoryUserId ?? ""}
                              options={[{ value: "", label: "— À nommer —" }, ...((candidates.get(p.id) ?? []) as { userId: string; name: string; email: string }[]).map((c) => ({ value: c.userId, label: `${c.name} (${c.email})` }))]}
                            />
                            <Field name="signatoryName" label="Nom imprimé (facultatif : le nom du compte sinon)" maxLength={150} defaultValue={p.signatoryName} />
                            <Field name="signatoryTitle" label="Qualité (directrice, président…)" maxLength={150} defaultValue={p.signatoryTitle} />
                          </ActionForm>
                        </details>
                        <form action={removePartnerAction} className="fr-mt-1w">
                          <Hidden name="territory" value={territory.slug} />
                          <Hidden name="partner" value={p.id} />
                          <Hidden name="back" value={here} />
                          <button type="submit" className="fr-btn fr-btn--sm fr-btn--tertiary">
                            Retirer<span className="fr-sr-only"> {p.name} de la charte</span>
                          </button>
                        </form>
                      </td>
                    ) : null}
                  </tr>
                ))}
              </tbody>
            </Table>
          </div>
        )}
        {can.manage && draft ? (
          <div className="fr-grid-row">
            <div className="fr-col-12 fr-col-lg-8">
              <h4>Ajouter une structure partenaire</h4>
              <ActionForm action={savePartnerAction} submitLabel="Ajouter à la charte">
                <Hidden name="territory" value={territory.slug} />
                <SelectField name="actorId" label="Structure" options={[{ value: "", label: "— Choisir une structure du territoire —" }, ...structures.map((s) => ({ value: s.id, label: s.name }))]} />
              </ActionForm>
            </div>
          </div>
        ) : null}
      </section>

      <section aria-labelledby="parties-titre" className="fr-mt-6w">
        <h3 id="parties-titre">Parties communes</h3>
        <p className="fr-text--sm">
          La coordination écrit l&apos;introduction de chaque partie ; le diagnostic, la vision, le plan et la gouvernance sont repris des modules du territoire
          (voir <Link href={`${here}/versions/${current.number}`}>la version {current.number} en entier</Link>).
        </p>
        {sections.map((s) => (
          <div key={s.kind} id={`partie-${s.kind}`} className="fr-mb-4w">
            <h4>{s.title}</h4>
            {s.body.trim() ? <div dangerouslySetInnerHTML={{ __html: renderMarkdown(s.body) }} /> : <p className="fr-text--sm">Pas encore d&apos;introduction.</p>}
            {draft && can.manage ? (
              <details>
                <summary>
                  Modifier<span className="fr-sr-only"> la partie « {s.title} »</span>
                </summary>
                <ActionForm action={saveSectionAction} submitLabel="Enregistrer la partie">
                  <Hidden name="territory" value={territory.slug} />
                  <Hidden name="version" value={current.id} />
                  <Hidden name="kind" value={s.kind} />
                  <Field name="title" label="Titre de la partie" maxLength={200} defaultValue={s.title} />
                  <Field name="body" label="Texte (Markdown)" textarea rows={8} defaultValue={s.body} />
                </ActionForm>
              </details>
            ) : null}
            {draft ? <SectionComments slug={territory.slug} versionId={current.id} section={s.kind} label={s.title} comments={comments} canComment={can.comment} back={here} /> : null}
          </div>
        ))}
      </section>

      {draft && can.manage ? (
        <section aria-labelledby="soumettre-titre" className="fr-mt-6w" id="soumettre">
          <h3 id="soumettre-titre">Soumettre à signature</h3>
          <p>
            Soumettre fige la version {current.number} : son contenu et son empreinte SHA-256 sont enregistrés une fois pour toutes, et les signataires signent ce
            texte-là. Une modification ultérieure passera par une nouvelle version.
          </p>
          {missing.length ? (
            <div className="fr-alert fr-alert--info fr-alert--sm fr-mb-2w">
              <p>Avant de soumettre : {missing.join(" ; ")}.</p>
            </div>
          ) : null}
          <form action={submitCharterAction}>
            <Hidden name="territory" value={territory.slug} />
            <Hidden name="version" value={current.id} />
            <Hidden name="revision" value={String(current.revision)} />
            <button type="submit" className="fr-btn">
              Soumettre la version {current.number} à signature
            </button>
          </form>
        </section>
      ) : null}
    </>
  );
}
