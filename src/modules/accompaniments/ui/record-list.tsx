import Link from "next/link";
import { formatDate } from "@/platform/text";
import { Table } from "@/ui/table";
import type { PlaceChoice, RecentRecord, StoredRecord } from "../queries";
import { kindLabels, themeLabels } from "../validation";

export function durationText(minutes: number): string {
  if (minutes < 60) return `${minutes} min`;
  const rest = minutes % 60;
  return `${Math.floor(minutes / 60)} h${rest ? ` ${String(rest).padStart(2, "0")}` : ""}`;
}

const peopleText = (n: number) => `${n} personne${n > 1 ? "s" : ""}`;

/** One line saying what a record was, for « Dupliquer le dernier ». */
export function recordSummary(r: StoredRecord, places: PlaceChoice[]): string {
  const place = places.find((p) => p.id === r.placeId)?.name ?? "un lieu";
  return [formatDate(r.occurredOn), place, kindLabels[r.kind].toLowerCase(), peopleText(r.people), durationText(r.durationMinutes), r.themes.map((t) => themeLabels[t] ?? t).join(", ")].join(" · ");
}

/** The recent records, newest day first, each with its edit link. */
export function RecentRecords({ records, base }: { records: RecentRecord[]; base: string }) {
  if (records.length === 0) return <p>Aucun accompagnement enregistré pour l&apos;instant.</p>;
  return (
    <div className="fr-table fr-table--no-caption">
      <Table>
        <caption>Derniers accompagnements</caption>
        <thead>
          <tr>
            <th scope="col">Date</th>
            <th scope="col">Lieu</th>
            <th scope="col">Accompagnement</th>
            <th scope="col">Thématiques</th>
            <th scope="col">
              <span className="fr-sr-only">Modifier</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {records.map((r) => (
            <tr key={r.id}>
              <td>{formatDate(r.occurredOn)}</td>
              <td>{r.placeName}</td>
              <td>
                {kindLabels[r.kind]}, {peopleText(r.people)}, {durationText(r.durationMinutes)}
                {r.title ? ` — ${r.title}` : ""}
              </td>
              <td>{r.themes.map((t) => themeLabels[t] ?? t).join(", ")}</td>
              <td>
                <Link href={`${base}/${r.id}`}>
                  Modifier<span className="fr-sr-only"> l&apos;accompagnement du {formatDate(r.occurredOn)} à {r.placeName}</span>
                </Link>
              </td>
            </tr>
          ))}
        </tbody>
      </Table>
    </div>
  );
}
