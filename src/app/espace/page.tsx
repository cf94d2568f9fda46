import type { Metadata } from "next";
import Link from "next/link";
import { roleLabels } from "@/platform/auth/principal";
import { getRuntime } from "@/platform/runtime";
import { requireUser } from "@/platform/web/guard";
import { listTerritoriesOfUser } from "@/modules/territories/queries";
import { perimeterKindShort } from "@/modules/territories/validation";
import { signOutAction } from "@/modules/accounts/actions";
import { Table } from "@/ui/table";

export const metadata: Metadata = { title: "Mes territoires" };

export default async function MyTerritoriesPage() {
  const principal = await requireUser("/espace");
  const { db } = await getRuntime();
  const mine = await listTerritoriesOfUser(db, principal.userId);
  return (
    <>
      <h1>Mes territoires</h1>
      {/* Also here, server-rendered: the header's account buttons need JavaScript (they sit on cached pages), and a
          person on a shared computer in a public digital space must be able to sign out without it. */}
      <form action={signOutAction} className="fr-mb-3w">
        <p className="fr-mb-1w">
          Vous êtes connecté·e en tant que <strong>{principal.name}</strong> ({principal.email}).
        </p>
        <button type="submit" className="fr-btn fr-btn--tertiary fr-btn--sm fr-icon-logout-box-r-line fr-btn--icon-left">
          Se déconnecter
        </button>
      </form>
      <p>
        <Link className="fr-btn fr-icon-add-line fr-btn--icon-left" href="/espace/nouveau">
          Ouvrir un territoire
        </Link>
      </p>
      {mine.length === 0 ? (
        <p>Vous ne faites encore partie d&apos;aucun territoire. Ouvrez-en un, ou utilisez le lien d&apos;invitation que l&apos;on vous a transmis.</p>
      ) : (
        <div className="fr-table">
          <Table>
            <caption>Territoires dont vous êtes membre</caption>
            <thead>
              <tr>
                <th scope="col">Territoire</th>
                <th scope="col">Périmètre</th>
                <th scope="col">Votre rôle</th>
              </tr>
            </thead>
            <tbody>
              {mine.map((t) => (
                <tr key={t.id}>
                  <th scope="row">
                    <Link href={`/espace/${t.slug}`}>{t.name}</Link>
                    {t.isDemo ? <span className="fr-badge fr-badge--sm fr-badge--info fr-ml-1w">Démonstration</span> : null}
                  </th>
                  <td>{perimeterKindShort[t.kind]}</td>
                  <td>{roleLabels[t.role]}</td>
                </tr>
              ))}
            </tbody>
          </Table>
        </div>
      )}
    </>
  );
}
