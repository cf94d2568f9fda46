import type { Metadata } from "next";
import Link from "next/link";
import { forbidden } from "next/navigation";
import { getRuntime } from "@/platform/runtime";
import { requireUser } from "@/platform/web/guard";
import { formatDateTime, formatNumber, plural } from "@/platform/text";
import { ActionForm, Field, Hidden, RadioGroup } from "@/ui/form";
import { Pager, pageParam } from "@/ui/pager";
import { ACCOUNT_PAGE_SIZE, listAccounts, listPendingTerritories, listTerritoriesForAdmin } from "@/modules/accounts/admin";
import { platformPolicy } from "@/modules/territories/policy";
import { perimeterKindShort } from "@/modules/territories/validation";
import { readSingleSearchParams } from "@/platform/web/search-params";
import { setAdminAction } from "@/modules/accounts/actions";
import { reviewTerritoryAction } from "@/modules/territories/actions";
import { Table } from "@/ui/table";

const statusBadges = {
  pending: { label: "À vérifier", className: "fr-badge--new" },
  verified: { label: "Vérifié", className: "fr-badge--success" },
  refused: { label: "Refusé", className: "fr-badge--error" },
  suspended: { label: "Suspendu", className: "fr-badge--warning" },
} as const;

const decided = {
  verify: "est vérifié : sa coordination peut désormais modifier les lieux et les structures de son périmètre.",
  refuse: "est refusé : la raison est montrée à sa coordination.",
  suspend: "est suspendu : sa coordination n'a plus de droit sur les lieux et les structures partagés.",
} as const;

const decisions = [
  { value: "verify", label: "Vérifier", hint: "la coordination pourra modifier les lieux et les structures du périmètre" },
  { value: "refuse", label: "Refuser", hint: "le territoire reste sans droit sur le registre partagé ; indiquez la raison" },
];

export const metadata: Metadata = { title: "Administration de la plateforme" };

export default async function AdminPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const principal = await requireUser("/admin");
  if (!platformPolicy.administer(principal)) forbidden();
  const sp = readSingleSearchParams(await searchParams);
  const q = (sp.q ?? "").slice(0, 100);
  const page = pageParam(sp.page);
  const { db } = await getRuntime();
  const [pending, territories, accounts] = [await listPendingTerritories(db), await listTerritoriesForAdmin(db), await listAccounts(db, { q, page })];
  const decision = sp.decision && sp.decision in decided ? decided[sp.decision as keyof typeof decided] : undefined;
  const decidedTerritory = decision ? territories.find((t) => t.slug === sp.territoire) : undefined;
  return (
    <>
      <h1>Administration de la plateforme</h1>
      {decision && decidedTerritory ? (
        <div className="fr-alert fr-alert--success fr-alert--sm fr-mb-3w" role="status">
          <p>
            Le territoire « {decidedTerritory.name} » {decision}
          </p>
        </div>
      ) : null}
      <h2 id="a-verifier">Territoires à vérifier ({pending.length})</h2>
      <p>
        Tout compte peut ouvrir un territoire. Tant qu&apos;il n&apos;est pas vérifié, ses membres travaillent sur leurs propres contenus
        (questionnaires, constats, indicateurs, membres) mais n&apos;ont aucun droit sur les lieux et les structures partagés avec les autres
        territoires, ni sur les autoévaluations des structures. Vérifiez que la personne qui le demande représente bien ce périmètre.
      </p>
      {pending.length === 0 ? (
        <p data-testid="admin-queue-empty">Aucun territoire n&apos;attend de vérification.</p>
      ) : (
        <ul className="fr-raw-list" data-testid="admin-queue">
          {pending.map((t) => (
            <li key={t.id} className="fr-card fr-card--no-arrow fr-mb-3w">
              <div className="fr-card__body">
                <div className="fr-card__content">
                  <h3 className="fr-card__title">
                    <Link href={`/territoires/${t.slug}`}>{t.name}</Link>
                  </h3>
                  <dl className="fr-card__desc">
                    <dt className="fr-text--bold">Demandé par</dt>
                    <dd className="fr-ml-0">{t.requesterName ? `${t.requesterName} <${t.requesterEmail}>` : "compte supprimé"}</dd>
                    <dt className="fr-text--bold">Le</dt>
                    <dd className="fr-ml-0">{formatDateTime(t.createdAt)}</dd>
                    <dt className="fr-text--bold">Périmètre</dt>
                    <dd className="fr-ml-0">
                      {perimeterKindShort[t.kind]}
                      {t.sourceCode ? ` ${t.sourceCode}` : ""} : {formatNumber(t.communeCount)} {plural(t.communeCount, "commune", "communes")}, {formatNumber(t.population)} {plural(t.population, "habitant", "habitants")}
                    </dd>
                    {t.description ? (
                      <>
                        <dt className="fr-text--bold">Présentation</dt>
                        <dd className="fr-ml-0">{t.description}</dd>
                      </>
                    ) : null}
                  </dl>
                  <ActionForm action={reviewTerritoryAction} submitLabel={`Enregistrer la décision pour ${t.name}`}>
                    <Hidden name="territory" value={t.id} />
                    <RadioGroup name="decision" legend={`Décision pour « ${t.name} »`} options={decisions} defaultValue="verify" />
                    <Field name="reason" label="Raison (obligatoire pour un refus, montrée à la coordination)" textarea rows={2} maxLength={1000} />
                  </ActionForm>
                </div>
              </div>
            </li>
          ))}
        </ul>
      )}

      <h2>Territoires ({territories.length})</h2>
      <div className="fr-table">
        <Table>
          <caption>Territoires de l&apos;instance</caption>
          <thead>
            <tr>
              <th scope="col">Territoire</th>
              <th scope="col">Périmètre</th>
              <th scope="col" className="fr-cell--right">Communes</th>
              <th scope="col" className="fr-cell--right">Membres</th>
              <th scope="col">Créé le</th>
              <th scope="col">État</th>
            </tr>
          </thead>
          <tbody>
            {territories.map((t) => (
              <tr key={t.slug}>
                <th scope="row">
                  <Link href={`/espace/${t.slug}`}>{t.name}</Link>
                  {t.isDemo ? <span className="fr-badge fr-badge--sm fr-badge--info fr-ml-1w">Démonstration</span> : null}
                </th>
                <td>{perimeterKindShort[t.kind]}</td>
                <td className="fr-cell--right">{formatNumber(t.communeCount)}</td>
                <td className="fr-cell--right">{formatNumber(t.memberCount)}</td>
                <td>{formatDateTime(t.createdAt)}</td>
                <td>
                  <span className={`fr-badge fr-badge--sm ${statusBadges[t.status].className}`}>{statusBadges[t.status].label}</span>
                  {t.status === "verified" && !t.isDemo ? (
                    <ActionForm action={reviewTerritoryAction} submitLabel={`Suspendre ${t.name}`}>
                      <Hidden name="territory" value={t.id} />
                      <Hidden name="decision" value="suspend" />
                      <Field name="reason" label="Raison de la suspension" maxLength={1000} />
                    </ActionForm>
                  ) : null}
                  {t.status === "refused" || t.status === "suspended" ? (
                    <ActionForm action={reviewTerritoryAction} submitLabel={`Rétablir ${t.name}`}>
                      <Hidden name="territory" value={t.id} />
                      <Hidden name="decision" value="verify" />
                    </ActionForm>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </Table>
      </div>

      <h2 className="fr-mt-6w">Comptes ({formatNumber(accounts.total)})</h2>
      <form method="get" className="fr-search-bar fr-mb-3w" role="search" aria-label="Chercher un compte">
        <label className="fr-label" htmlFor="comptes-q">Chercher un compte</label>
        <input className="fr-input" id="comptes-q" name="q" type="search" defaultValue={q} placeholder="Nom ou adresse électronique" />
        <button className="fr-btn" type="submit" title="Chercher">Chercher</button>
      </form>
      <div className="fr-table">
        <Table>
          <caption>Comptes, du plus récent au plus ancien</caption>
          <thead>
            <tr>
              <th scope="col">Nom</th>
              <th scope="col">Adresse électronique</th>
              <th scope="col" className="fr-cell--right">Territoires</th>
              <th scope="col">Créé le</th>
              <th scope="col">Administration</th>
            </tr>
          </thead>
          <tbody>
            {accounts.items.map((a) => (
              <tr key={a.id}>
                <th scope="row">{a.name}</th>
                <td>{a.email}</td>
                <td className="fr-cell--right">{a.territoryCount}</td>
                <td>{formatDateTime(a.createdAt)}</td>
                <td>
                  <ActionForm action={setAdminAction} submitLabel={a.isAdmin ? `Retirer l'administration à ${a.name}` : `Nommer ${a.name} administrateur`}>
                    <Hidden name="email" value={a.email} />
                    <Hidden name="grant" value={a.isAdmin ? "0" : "1"} />
                    <p className="fr-text--sm fr-mb-0">{a.isAdmin ? "Administre la plateforme" : "—"}</p>
                  </ActionForm>
                </td>
              </tr>
            ))}
          </tbody>
        </Table>
      </div>
      <Pager page={page} total={accounts.total} pageSize={ACCOUNT_PAGE_SIZE} href={(p) => `/admin?${new URLSearchParams({ ...(q ? { q } : {}), page: String(p) })}`} label="Pages des comptes" />
    </>
  );
}
