import type { Metadata } from "next";
import Link from "next/link";
import { getRuntime } from "@/platform/runtime";
import { formatNumber } from "@/platform/text";
import { territoryPage } from "@/modules/territories/web";
import { ActionForm, Field, Hidden } from "@/ui/form";
import { Pager, pageParam } from "@/ui/pager";
import { shortLabel } from "@/modules/places/filters";
import { SERVICES } from "@/modules/diagnostic/coverage";
import { diagnosticAbilities } from "@/modules/diagnostic/policy";
import { formatValue, territoryPortrait, type IndicatorDef, type Portrait, type PortraitRow } from "@/modules/diagnostic/portrait";
import { classify, mapCommunes, NO_VALUE, type MapCommune } from "@/modules/diagnostic/map";
import { PortraitMap } from "@/modules/diagnostic/ui/portrait-map";
import { saveCoverageSettingsAction } from "@/modules/diagnostic/actions";
import { readSearchParams } from "@/platform/web/search-params";
import { FilterSelect } from "@/ui/filter-select";
import { Figure } from "@/modules/diagnostic/ui/figure";
import { Table } from "@/ui/table";
import { servicesNoPlaceOffers } from "@/modules/diagnostic/key-messages";
import { communeTableHtml, mapCommunesTableHtml } from "@/modules/diagnostic/ui/portrait-tables";
import { portraitKeyMessages } from "@/composition/portrait-key-messages";

export const metadata: Metadata = { title: "Portrait du territoire" };

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const PAGE_SIZE = 50;
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
// One formatter for every view (creating one costs tens of microseconds, and the page formats ~20 figures).
const oneDecimal = new Intl.NumberFormat("fr-FR", { maximumFractionDigits: 1 });
const percent = (part: number, whole: number) => (whole > 0 ? `${oneDecimal.format((100 * part) / whole)} %` : "—");
const km = (n: number) => `${oneDecimal.format(n)}\u00a0km`;

const collator = new Intl.Collator("fr");
// The portrait is cached (shared, never mutated): its alphabetical order is computed once per portrait,
// not on every view (4,293 names for a région).
const alphabetical = new WeakMap<Portrait, PortraitRow[]>();
function byName(portrait: Portrait): PortraitRow[] {
  let rows = alphabetical.get(portrait);
  if (!rows) alphabetical.set(portrait, (rows = [...portrait.rows].sort((a, b) => collator.compare(a.name, b.name))));
  return rows;
}

// Classes and missing values of the mapped indicator, once per portrait and indicator (quantiles sort 4,293 values).
const legends = new WeakMap<Portrait, Map<string, { classes: ReturnType<typeof classify>["classes"]; unknown: number }>>();
function legendOf(portrait: Portrait, mapped: IndicatorDef) {
  let perIndicator = legends.get(portrait);
  if (!perIndicator) legends.set(portrait, (perIndicator = new Map()));
  let legend = perIndicator.get(mapped.id);
  if (!legend) {
    perIndicator.set(mapped.id, (legend = { classes: classify(portrait.rows.map(mapped.value), mapped).classes, unknown: portrait.rows.filter((r) => mapped.value(r) === null).length }));
  }
  return legend;
}

// The communes beside the map (name, value, class), once per portrait and indicator; above this many
// communes the list beside the map would outweigh the page: the paged table below and the downloads hold them.
const BESIDE_MAP_LIMIT = 1000;
const besideMap = new WeakMap<Portrait, Map<string, MapCommune[]>>();
function communesOfMap(portrait: Portrait, mapped: IndicatorDef): MapCommune[] {
  let perIndicator = besideMap.get(portrait);
  if (!perIndicator) besideMap.set(portrait, (perIndicator = new Map()));
  let list = perIndicator.get(mapped.id);
  if (!list) {
    const byCode = new Map(portrait.rows.map((r) => [r.code, r]));
    const value = (code: string) => {
      const row = byCode.get(code);
      return row ? mapped.value(row) : null;
    };
    perIndicator.set(mapped.id, (list = mapCommunes(portrait.rows, value, mapped, classify(portrait.rows.map(mapped.value), mapped))));
  }
  return list;
}

// Services no place declares, once per portrait (9 services × 4,293 communes of a région).
const unoffered = new WeakMap<Portrait, Set<(typeof SERVICES)[number]>>();
function unofferedOf(portrait: Portrait) {
  let set = unoffered.get(portrait);
  if (!set) unoffered.set(portrait, (set = new Set(servicesNoPlaceOffers(SERVICES, portrait.rows))));
  return set;
}

/** The quantitative portrait: key figures, choropleth with its legend, priority communes, sortable table, exports. */
export default async function DiagnosticPage({ params, searchParams }: Props) {
  const { slug } = await params;
  const sp = readSearchParams(await searchParams);
  const { territory, principal } = await territoryPage(slug, "viewWorkspace", `/espace/${slug}/diagnostic`);
  const can = diagnosticAbilities(principal, territory);
  const { db } = await getRuntime();
  // One portrait for the page and its key messages (each read checks four versions).
  const portrait = await territoryPortrait(db, territory.id);
  const keyMessages = await portraitKeyMessages(db, territory, portrait);
  const { totals, settings } = portrait;
  const byId = new Map(portrait.indicators.map((i) => [i.id, i]));
  const mapped = byId.get(one(sp.indicateur) ?? "") ?? (byId.get("ifn_total") as IndicatorDef);
  const { classes, unknown } = legendOf(portrait, mapped);

  const columns: IndicatorDef[] = ["population", "ifn_total", "places", "places_per_10k", "nearest_place_km", "white_zone"].flatMap((id) => byId.get(id) ?? []);
  if (!columns.includes(mapped)) columns.push(mapped);
  const sortBy = byId.get(one(sp.tri) ?? "") ?? null;
  const descending = one(sp.ordre) !== "asc";
  // Sorted only when this order and page are not kept yet (4,293 rows for a région).
  const sorted = () =>
    !sortBy
      ? byName(portrait)
      : [...portrait.rows].sort((a: PortraitRow, b: PortraitRow) => {
          const va = sortBy.value(a);
          const vb = sortBy.value(b);
          if (va === null) return vb === null ? 0 : 1;
          if (vb === null) return -1;
          return descending ? vb - va : va - vb;
        });
  const page = pageParam(sp.page);
  const base = `/espace/${territory.slug}/diagnostic`;
  // The two long tables as markup kept with the portrait (src/modules/diagnostic/ui/portrait-tables.ts).
  const communeTable = communeTableHtml(portrait, { base, mapped, columns, sortBy, descending, page, pageSize: PAGE_SIZE, sorted });
  const query = (extra: Record<string, string>) => {
    const q = new URLSearchParams({ indicateur: mapped.id, ...(sortBy ? { tri: sortBy.id, ordre: descending ? "desc" : "asc" } : {}), ...extra });
    return `${base}?${q.toString()}`;
  };
  const groups = [...new Set(portrait.indicators.map((i) => i.group))];
  // A service no place declares puts everybody "far" (100 %): said in words rather than left to puzzle.
  const unoffered = unofferedOf(portrait);
  return (
    <>
      <h2>Portrait du territoire</h2>
      <section aria-labelledby="a-retenir-titre" className="fr-callout fr-mb-4w">
        <h3 id="a-retenir-titre" className="fr-callout__title">À retenir</h3>
        <ul className="fr-callout__text">
          {keyMessages.map((m) => (
            <li key={m}>{m}</li>
          ))}
        </ul>
      </section>
      <p>
        Pour chaque commune : population, indice de fragilité numérique, lieux de médiation numérique et distance au lieu le plus proche
        — y compris hors du territoire : une aide de l&apos;autre côté d&apos;une limite reste une aide. Les chiffres se recalculent dès
        qu&apos;un lieu change.
      </p>
      <dl className="fr-text--sm">
        <dt>
          <strong>
            Indice de fragilité numérique (<abbr title="indice de fragilité numérique">IFN</abbr>)
          </strong>
        </dt>
        <dd>
          Une note de 0 à 10 par commune, publiée par La Mednum : plus elle est haute, plus les habitants risquent d&apos;être en difficulté
          avec le numérique. Elle combine l&apos;accès aux réseaux (très haut débit, 4G), la pauvreté, la part des 65 ans et plus et celle des
          personnes sans diplôme.
        </dd>
        <dt>
          <strong>À vol d&apos;oiseau</strong>
        </dt>
        <dd>
          En ligne droite, du centre de la commune au lieu, sans suivre les routes : le trajet réel est plus long.
        </dd>
      </dl>

      <p>
        <Link className="fr-link fr-icon-file-text-line fr-link--icon-left" href={`${base}/etat-des-lieux`}>
          Lire l&apos;état des lieux (document à partager, en PDF)
        </Link>
      </p>

      <section aria-labelledby="chiffres-titre">
        <h3 id="chiffres-titre">Chiffres clés</h3>
        <ul className="fr-grid-row fr-grid-row--gutters fr-raw-list">
          <Figure label="communes" value={formatNumber(totals.communes)} />
          <Figure label="habitants" value={formatNumber(totals.population)} />
          <Figure label="lieux de médiation dans le territoire" value={formatNumber(totals.places)} detail={totals.placesPer10k === null ? undefined : `${formatValue({ decimals: 1 }, totals.placesPer10k)} pour 10 000 habitants`} />
          <Figure label={`habitants à plus de ${km(settings.distanceKm)} d'un lieu, à vol d'oiseau`} value={formatNumber(totals.far.population)} detail={`${percent(totals.far.population, totals.population)} de la population, ${formatNumber(totals.far.communes)} commune${totals.far.communes > 1 ? "s" : ""}`} />
          <Figure label="communes en zone blanche" value={formatNumber(totals.whiteZones.communes)} detail={`${formatNumber(totals.whiteZones.population)} habitants`} />
        </ul>
        <p className="fr-text--sm">
          Zone blanche : aucun lieu à moins de {km(settings.distanceKm)} et un <abbr title="indice de fragilité numérique">IFN</abbr> supérieur à {formatValue({ decimals: 2 }, settings.ifnThreshold)}.
          {totals.noPosition.communes > 0 ? ` ${formatNumber(totals.noPosition.communes)} ${totals.noPosition.communes > 1 ? "communes sans point de référence ne sont pas comptées" : "commune sans point de référence n'est pas comptée"} dans les distances.` : ""}
        </p>
        <div className="fr-table fr-table--sm">
          <Table>
            <caption>Habitants à plus de {km(settings.distanceKm)} (à vol d&apos;oiseau) d&apos;un lieu offrant chaque service</caption>
            <thead>
              <tr>
                <th scope="col">Service</th>
                <th scope="col">Habitants</th>
                <th scope="col">Part de la population</th>
                <th scope="col">Communes</th>
              </tr>
            </thead>
            <tbody>
              {SERVICES.map((s) => (
                <tr key={s}>
                  <th scope="row">{shortLabel(s)}</th>
                  <td>{formatNumber(totals.farByService[s].population)}</td>
                  <td>
                    {percent(totals.farByService[s].population, totals.population)}
                    {unoffered.has(s) ? (
                      <> : aucun lieu ne déclare ce service</>
                    ) : totals.population > 0 && totals.farByService[s].population === totals.population ? (
                      <> : aucun habitant n&apos;a un tel lieu à moins de {km(settings.distanceKm)}</>
                    ) : null}
                  </td>
                  <td>{formatNumber(totals.farByService[s].communes)}</td>
                </tr>
              ))}
            </tbody>
          </Table>
        </div>
        <p className="fr-text--sm">
          Chaque ligne compte les habitants dont le lieu le plus proche offrant ce service est à plus de {km(settings.distanceKm)}.
          {unoffered.size > 0
            ? ` ${[...unoffered].map((s) => `« ${shortLabel(s)} »`).join(", ")} : aucun lieu, dans le territoire ni autour, ne déclare ${unoffered.size > 1 ? "ces services" : "ce service"} dans ses données ; tous les habitants en sont donc comptés loin. Cela peut venir de fiches incomplètes plutôt que d'une absence réelle : les fiches des lieux se complètent dans Maillage.`
            : ""}
        </p>
      </section>

      <section aria-labelledby="carte-titre" className="fr-mt-4w">
        <h3 id="carte-titre">Carte : {mapped.label}</h3>
        <form method="get" action={base} aria-label="Choisir l'indicateur de la carte" className="fr-mb-2w">
          <FilterSelect id="indicateur" name="indicateur" label="Indicateur affiché" value={mapped.id}>
              {groups.map((g) => (
                <optgroup key={g} label={g}>
                  {portrait.indicators
                    .filter((i) => i.group === g)
                    .map((i) => (
                      <option key={i.id} value={i.id}>
                        {i.label}
                      </option>
                    ))}
                </optgroup>
              ))}
          </FilterSelect>
          <button className="fr-btn fr-btn--secondary" type="submit">
            Afficher
          </button>
        </form>
        <div className="fr-grid-row fr-grid-row--gutters">
          <div className="fr-col-12 fr-col-lg-8">
            <PortraitMap
              imageSrc={`${base}/carte.svg?indicateur=${encodeURIComponent(mapped.id)}&v=${encodeURIComponent(portrait.placesVersion)}`}
              dataSrc={`${base}/carte.json?indicateur=${encodeURIComponent(mapped.id)}&v=${encodeURIComponent(portrait.placesVersion)}`}
              alt={`Carte des communes de ${territory.name} colorées selon : ${mapped.label}. Les valeurs sont dans le tableau des communes à côté de la carte.`}
              label={`Carte des communes de ${territory.name} colorées selon : ${mapped.label}`}
            />
          </div>
          <div className="fr-col-12 fr-col-lg-4">
            <h4 className="fr-h6">Légende</h4>
            <ul className="fr-raw-list">
              {classes.map((c) => (
                <li key={c.label} className="fr-mb-1w">
                  <span aria-hidden="true" style={{ display: "inline-block", width: "1.5rem", height: "1rem", background: c.color, border: "1px solid #666", verticalAlign: "middle", marginRight: "0.5rem" }} />
                  {c.label} ({formatNumber(c.communes)} commune{c.communes > 1 ? "s" : ""})
                </li>
              ))}
              {unknown > 0 ? (
                <li>
                  <span aria-hidden="true" style={{ display: "inline-block", width: "1.5rem", height: "1rem", background: `repeating-linear-gradient(45deg, ${NO_VALUE}, ${NO_VALUE} 3px, #bbb 3px, #bbb 5px)`, border: "1px solid #666", verticalAlign: "middle", marginRight: "0.5rem" }} />
                  pas de valeur ({formatNumber(unknown)} commune{unknown > 1 ? "s" : ""})
                </li>
              ) : null}
            </ul>
            <p className="fr-text--sm">Classes de taille égale (quantiles) calculées sur les communes du territoire.</p>
            {portrait.rows.length <= BESIDE_MAP_LIMIT ? (
              <div className="fr-table fr-table--sm maillage-map-table" dangerouslySetInnerHTML={mapCommunesTableHtml(portrait, mapped, () => communesOfMap(portrait, mapped))} />
            ) : (
              <p className="fr-text--sm">
                Les {formatNumber(portrait.rows.length)} communes et leurs valeurs sont dans le <a href="#communes-titre">tableau des communes</a> ci-dessous et dans ses téléchargements.
              </p>
            )}
            <p className="fr-text--sm">
              <a href="#communes-titre">Aller au tableau des communes</a>
            </p>
          </div>
        </div>
      </section>

      <section aria-labelledby="priorites-titre" className="fr-mt-4w">
        <h3 id="priorites-titre">Communes prioritaires</h3>
        <p>Les zones blanches d&apos;abord, puis les communes où la population multipliée par la fragilité est la plus forte.</p>
        <ol>
          {portrait.priorities.slice(0, 10).map((p) => (
            <li key={p.commune.code}>
              <strong>{p.commune.name}</strong>
              {p.commune.whiteZone ? <span className="fr-badge fr-badge--sm fr-badge--error fr-ml-1w">zone blanche</span> : null} — {p.explanation}
            </li>
          ))}
        </ol>
      </section>

      <section aria-labelledby="communes-titre" className="fr-mt-4w">
        <h3 id="communes-titre">Tableau des communes</h3>
        <p className="fr-text--sm">Cliquez sur un titre de colonne pour trier. Télécharger le tableau complet (toutes les colonnes, toutes les communes) :{" "}
          <a href={`${base}/export/csv`} download>CSV</a>, <a href={`${base}/export/xlsx`} download>XLSX (Excel)</a>, <a href={`${base}/export/ods`} download>ODS (LibreOffice)</a>.
        </p>
        <div className="fr-table fr-table--sm" dangerouslySetInnerHTML={communeTable} />
        <Pager page={page} total={portrait.rows.length} pageSize={PAGE_SIZE} href={(n) => `${query({ page: String(n) })}#communes-titre`} label="Pages du tableau des communes" />
      </section>

      <section aria-labelledby="reglages-titre" className="fr-mt-4w">
        <h3 id="reglages-titre">Réglages et indicateurs du territoire</h3>
        <p>
          Distance retenue : {km(settings.distanceKm)} ; seuil de fragilité : <abbr title="indice de fragilité numérique">IFN</abbr> supérieur à {formatValue({ decimals: 2 }, settings.ifnThreshold)}.{" "}
          {portrait.custom.length ? `Indicateurs du territoire : ${portrait.custom.map((c) => c.label).join(", ")}.` : ""}
        </p>
        {can.importIndicators ? (
          <p>
            <Link href={`${base}/indicateurs`}>Importer vos propres indicateurs par commune</Link>
          </p>
        ) : null}
        {can.configure ? (
          <div className="fr-grid-row">
            <div className="fr-col-12 fr-col-md-6">
              <ActionForm action={saveCoverageSettingsAction} submitLabel="Enregistrer les réglages">
                <Hidden name="territory" value={territory.slug} />
                <Field name="distanceKm" label="Distance au-delà de laquelle l'aide est « loin » (km)" defaultValue={String(settings.distanceKm).replace(".", ",")} hint="Par exemple 10 ; 7,5. Entre 0 et 100 km." />
                <Field name="ifnThreshold" label="Seuil de fragilité (IFN, de 0 à 10)" defaultValue={String(settings.ifnThreshold).replace(".", ",")} hint="Une commune dont l'IFN dépasse ce seuil et loin de tout lieu est une zone blanche. 6,5 : le quart des communes les plus fragiles de France." />
              </ActionForm>
            </div>
          </div>
        ) : null}
      </section>
    </>
  );
}

