import type { Metadata } from "next";
import { z } from "zod";
import { getRuntime } from "@/platform/runtime";
import { territoryPage } from "@/modules/territories/web";
import { formatDateTime, formatNumber, plural } from "@/platform/text";
import { actionLabel, describeValues, entityLabel, type LabelContext } from "@/platform/audit/labels";
import { communeNames } from "@/modules/territories";
import { AUDIT_PAGE_SIZE, auditFilterOptions, listAuditEvents } from "@/platform/audit/queries";
import { Pager, pageParam } from "@/ui/pager";
import { readSingleSearchParams } from "@/platform/web/search-params";
import { FilterSelect } from "@/ui/filter-select";
import { Table } from "@/ui/table";

export const metadata: Metadata = { title: "Journal des modifications" };

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional().catch(undefined);
const filtersSchema = z.object({
  entite: z.string().max(50).optional().catch(undefined),
  action: z.string().max(50).optional().catch(undefined),
  auteur: z.string().max(100).optional().catch(undefined),
  du: day,
  au: day,
});

function Values({ record, ctx }: { record: unknown; ctx: LabelContext }) {
  const lines = describeValues(record, ctx);
  if (lines.length === 0) return <>—</>;
  return (
    <ul className="fr-raw-list">
      {lines.map((l, i) => (
        <li key={i}>
          {l.label} : {l.value}
        </li>
      ))}
    </ul>
  );
}

export default async function AuditLogPage({ params, searchParams }: { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | undefined>> }) {
  const { slug } = await params;
  const sp = readSingleSearchParams(await searchParams);
  const { territory } = await territoryPage(slug, "viewAuditLog", `/espace/${slug}/journal`);
  const { db } = await getRuntime();
  const f = filtersSchema.parse(sp);
  const page = pageParam(sp.page);
  const filters = { entityType: f.entite || undefined, action: f.action || undefined, actorUserId: f.auteur || undefined, from: f.du, to: f.au };
  const [{ items, total }, options] = [await listAuditEvents(db, territory.id, filters, page), await auditFilterOptions(db, territory.id)];
  const ctx: LabelContext = { communeNames: await communeNames(db, territory.id) };
  const query = (p: number) => {
    const entries = Object.entries({ entite: f.entite, action: f.action, auteur: f.auteur, du: f.du, au: f.au, page: String(p) }).filter((e): e is [string, string] => Boolean(e[1]));
    return `/espace/${territory.slug}/journal?${new URLSearchParams(entries).toString()}`;
  };
  return (
    <>
      <h2>Journal des modifications</h2>
      <p>Chaque modification du territoire y est inscrite : qui, quand, quoi, avec les valeurs avant et après.</p>
      <form method="get" className="fr-mb-4w" aria-label="Filtrer le journal">
        <div className="fr-grid-row fr-grid-row--gutters">
          <FilterSelect className="fr-col-12 fr-col-md-3" id="f-entite" name="entite" label="Élément" value={f.entite} options={options.entityTypes.map((e) => ({ value: e, label: entityLabel(e) }))} />
          <FilterSelect className="fr-col-12 fr-col-md-3" id="f-action" name="action" label="Opération" value={f.action} empty="Toutes" options={options.actions.map((a) => ({ value: a, label: actionLabel(a) }))} />
          <FilterSelect className="fr-col-12 fr-col-md-3" id="f-auteur" name="auteur" label="Auteur" value={f.auteur} options={options.actors.map((a) => ({ value: a.id, label: a.label }))} />
          <div className="fr-col-6 fr-col-md-3 fr-input-group">
            <label className="fr-label" htmlFor="f-du">Du</label>
            <input className="fr-input" type="date" id="f-du" name="du" defaultValue={f.du ?? ""} />
          </div>
          <div className="fr-col-6 fr-col-md-3 fr-input-group">
            <label className="fr-label" htmlFor="f-au">Au</label>
            <input className="fr-input" type="date" id="f-au" name="au" defaultValue={f.au ?? ""} />
          </div>
        </div>
        <button className="fr-btn fr-btn--secondary" type="submit">Filtrer</button>
      </form>
      <div className="fr-table">
        <Table>
          <caption>{formatNumber(total)} {plural(total, "modification", "modifications")}, de la plus récente à la plus ancienne</caption>
          <thead>
            <tr>
              <th scope="col">Date</th>
              <th scope="col">Auteur</th>
              <th scope="col">Élément</th>
              <th scope="col">Opération</th>
              <th scope="col">Avant</th>
              <th scope="col">Après</th>
            </tr>
          </thead>
          <tbody>
            {items.map((e) => (
              <tr key={e.id}>
                <td className="maillage-nowrap">{formatDateTime(e.at)}</td>
                <td>{e.actorLabel}</td>
                <td>{entityLabel(e.entityType)}</td>
                <td>{actionLabel(e.action)}</td>
                <td><Values record={e.before} ctx={ctx} /></td>
                <td><Values record={e.after} ctx={ctx} /></td>
              </tr>
            ))}
            {items.length === 0 ? (
              <tr>
                <td colSpan={6}>Aucune modification ne correspond à ces filtres.</td>
              </tr>
            ) : null}
          </tbody>
        </Table>
      </div>
      <Pager page={page} total={total} pageSize={AUDIT_PAGE_SIZE} href={query} label="Pages du journal" />
    </>
  );
}
