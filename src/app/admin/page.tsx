import type { Metadata } from "next";
import Link from "next/link";
import { forbidden } from "next/navigation";
import { getRuntime } from "@/platform/runtime";
import { requireUser } from "@/platform/web/guard";
import { formatDateTime, formatNumber } from "@/platform/text";
import { ActionForm, Hidden } from "@/ui/form";
import { Pager, pageParam } from "@/ui/pager";
import { ACCOUNT_PAGE_SIZE, listAccounts, listTerritoriesForAdmin } from "@/modules/accounts/admin";
import { platformPolicy } from "@/modules/territories/policy";
import { perimeterKindShort } from "@/modules/territories/validation";
import { setAdminAction } from "../_actions/admin";
import { readSingleSearchParams } from "@/platform/web/search-params";

export const metadata: Metadata = { title: "Administration de la plateforme" };

export default async function AdminPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const actor = await requireUser("/admin");
  if (!platformPolicy.administer(actor)) forbidden();
  const sp = readSingleSearchParams(await searchParams);
  const q = (sp.q ?? "").slice(0, 100);
  const page = pageParam(sp.page);
  const { db } = await getRuntime();
  const [territories, accounts] = [await listTerritoriesForAdmin(db), await listAccounts(db, { q, page })];
  return (
    <>
      <h1>Administration de la plateforme</h1>
      <h2>Territoires ({territories.length})</h2>
      <div className="fr-table">
        <table>
          <caption>Territoires de l&apos;instance</caption>
          <thead>
            <tr>
              <th scope="col">Territoire</th>
              <th scope="col">Périmètre</th>
              <th scope="col" className="fr-cell--right">Communes</th>
              <th scope="col" className="fr-cell--right">Membres</th>
              <th scope="col">Créé le</th>
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
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <h2 className="fr-mt-6w">Comptes ({formatNumber(accounts.total)})</h2>
      <form method="get" className="fr-search-bar fr-mb-3w" role="search" aria-label="Chercher un compte">
        <label className="fr-label" htmlFor="comptes-q">Chercher un compte</label>
        <input className="fr-input" id="comptes-q" name="q" type="search" defaultValue={q} placeholder="Nom ou adresse électronique" />
        <button className="fr-btn" type="submit" title="Chercher">Chercher</button>
      </form>
      <div className="fr-table">
        <table>
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
        </table>
      </div>
      <Pager page={page} total={accounts.total} pageSize={ACCOUNT_PAGE_SIZE} href={(p) => `/admin?${new URLSearchParams({ ...(q ? { q } : {}), page: String(p) })}`} label="Pages des comptes" />
    </>
  );
}
