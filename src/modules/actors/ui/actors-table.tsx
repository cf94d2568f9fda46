import Link from "next/link";
import { legalTypeLabels, statusLabels, worldLabels, type World } from "../validation";
import type { listActors } from "../queries";
import { Table } from "@/ui/table";

type Item = Awaited<ReturnType<typeof listActors>>["items"][number];

/**
 * The table of actors, for the workspace and the public directory. The status ("engagé / à mobiliser")
 * is the coordination's working judgement: shown in the workspace only (`showStatus`).
 */
export function ActorsTable({ items, href, showStatus }: { items: Item[]; href: (id: string) => string; showStatus: boolean }) {
  if (items.length === 0) return null;
  return (
    <div className="fr-table">
      <Table>
        <caption>Acteurs du territoire</caption>
        <thead>
          <tr>
            <th scope="col">Nom</th>
            <th scope="col">Forme juridique</th>
            <th scope="col">Mondes</th>
            <th scope="col">Commune</th>
            {showStatus ? <th scope="col">Statut</th> : null}
          </tr>
        </thead>
        <tbody>
          {items.map((a) => (
            <tr key={a.id}>
              <th scope="row">
                <Link href={href(a.id)}>{a.name}</Link>
              </th>
              <td>{legalTypeLabels[a.legalType]}</td>
              <td>{a.worlds.map((w) => worldLabels[w as World] ?? w).join(", ")}</td>
              <td>{a.communeName ?? "—"}</td>
              {showStatus ? (
                <td>
                  <span className={`fr-badge fr-badge--sm ${a.status === "engaged" ? "fr-badge--success" : "fr-badge--info"}`}>{statusLabels[a.status]}</span>
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </Table>
    </div>
  );
}
