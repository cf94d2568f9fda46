import type { ReactNode } from "react";
import { formatNumber } from "@/platform/text";
import { Table } from "@/ui/table";

/**
 * The answers to one question, as a DSFR table: each answer, how many gave it, and its share. The results
 * page and the État des lieux show the same table; `share` writes the percentage as each page always has.
 */
export function AnswerTable({ caption, rows, className = "fr-table fr-table--sm", share }: { caption: ReactNode; rows: { key: string; label: string; count: number; percent: number }[]; className?: string; share: (percent: number) => ReactNode }) {
  return (
    <div className={className}>
      <Table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Réponse</th>
            <th scope="col">Nombre</th>
            <th scope="col">Part</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key}>
              <th scope="row">{r.label}</th>
              <td>{formatNumber(r.count)}</td>
              <td>{share(r.percent)}</td>
            </tr>
          ))}
        </tbody>
      </Table>
    </div>
  );
}
