import { formatDate, formatNumber } from "@/platform/text";
import { AnswerTable } from "@/ui/answer-table";
import type { ReportData, ReportFinding } from "../report";
import { Table } from "@/ui/table";

const pct = (part: number, whole: number) => (whole > 0 ? `${new Intl.NumberFormat("fr-FR", { maximumFractionDigits: 1 }).format((100 * part) / whole)}\u00a0%` : "—");
const dec = (n: number | null, digits = 1) => (n === null ? "—" : new Intl.NumberFormat("fr-FR", { maximumFractionDigits: digits }).format(n));
const longDate = (iso: string) => formatDate(new Date(iso));

function Findings({ list, empty }: { list: ReportFinding[]; empty: string }) {
  if (list.length === 0) return <p>{empty}</p>;
  return (
    <ol>
      {list.map((f, i) => (
        <li key={i} className="fr-mb-1w">
          {f.text}
          <br />
          <span className="fr-text--sm">
            {f.themes.length ? `Thèmes : ${f.themes.join(", ")}. ` : ""}
            {f.votes ? `${f.votes} soutien${f.votes > 1 ? "s" : ""}. ` : ""}
            {f.origin ? `Source : ${f.origin}.` : ""}
          </span>
        </li>
      ))}
    </ol>
  );
}

/**
 * The État des lieux as a document: French typography (non-breaking spaces, long dates), figures, maps
 * drawn on the server, tables beside every map. The same markup prints to PDF (print styles in global.css).
 */
export function ReportView({ data, version, standalone }: { data: ReportData; version: { number: number; publishedAt: Date; by: string } | null; standalone: boolean }) {
  const f = data.figures;
  // Printed alone, the document's title is the page's h1; inside the workspace, the territory's name is.
  const Title = standalone ? "h1" : "h2";
  return (
    <article className="maillage-report">
      {/* The title page when printed (a div, not a header: print styles hide the site's headers). */}
      <div className="maillage-report__cover fr-mb-4w">
        <p className="fr-text--lead fr-mb-1w">État des lieux de l&apos;inclusion numérique</p>
        <Title>{data.territory.name}</Title>
        <p>
          {version
            ? `Version ${version.number}, publiée le ${longDate(version.publishedAt.toISOString())}${version.by ? ` par ${version.by}` : ""}.`
            : `Version de travail, chiffres du ${longDate(data.generatedAt)} (non publiée).`}
        </p>
        <p>Éditeur : la coordination du territoire {data.territory.name}.</p>
        {data.territory.isDemo ? <p>Territoire de démonstration : structures, réponses et constats sont fictifs.</p> : null}
        <p className="fr-text--sm">Document produit avec Maillage, outil de la stratégie territoriale d&apos;inclusion numérique.</p>
      </div>

      <section aria-labelledby="rapport-territoire">
        <h2 id="rapport-territoire">1. Le territoire et sa fragilité numérique</h2>
        <p>
          Le territoire compte {formatNumber(f.communes)} commune{f.communes > 1 ? "s" : ""} et {formatNumber(f.population)} habitants. L&apos;indice de
          fragilité numérique (IFN, de 0 à 10, 10 étant le plus fragile) y vaut {dec(f.ifnMedian, 2)} pour la commune médiane ;{" "}
          {formatNumber(f.fragileCommunes)} commune{f.fragileCommunes > 1 ? "s" : ""} dépasse{f.fragileCommunes > 1 ? "nt" : ""} le seuil retenu de {dec(data.settings.ifnThreshold, 2)}.
        </p>
      </section>

      <section aria-labelledby="rapport-couverture">
        <h2 id="rapport-couverture">2. Les lieux de médiation et la couverture</h2>
        <p>
          {formatNumber(f.places)} lieux de médiation numérique sont situés dans le territoire{f.placesPer10k !== null ? `, soit ${dec(f.placesPer10k)} pour 10\u00a0000 habitants` : ""}.{" "}
          {formatNumber(f.far.population)} habitants ({pct(f.far.population, f.population)}) vivent à plus de {dec(data.settings.distanceKm)}&nbsp;km du lieu le plus proche, en
          comptant aussi les lieux des territoires voisins. {formatNumber(f.whiteZones.communes)} commune{f.whiteZones.communes > 1 ? "s" : ""} ({formatNumber(f.whiteZones.population)} habitants) {f.whiteZones.communes > 1 ? "sont des zones blanches" : "est une zone blanche"} : loin de tout lieu et plus fragile que le seuil.
        </p>
        {data.maps.map((m) => (
          <figure key={m.title} className="fr-mb-4w">
            <div dangerouslySetInnerHTML={{ __html: m.svg }} />
            <figcaption>
              <strong>{m.title}</strong> par commune. Légende :{" "}
              {m.legend.map((l, i) => (
                <span key={i} className="fr-mr-2w">
                  <span className="maillage-swatch" aria-hidden="true" style={{ background: l.color }} />
                  {l.label} ({formatNumber(l.communes)})
                </span>
              ))}
              {m.unknown ? <span>hachuré : pas de valeur ({formatNumber(m.unknown)})</span> : null}
            </figcaption>
          </figure>
        ))}
        <div className="fr-table fr-table--sm">
          <Table>
            <caption>Habitants à plus de {dec(data.settings.distanceKm)} km d&apos;un lieu offrant chaque service</caption>
            <thead>
              <tr>
                <th scope="col">Service</th>
                <th scope="col">Habitants</th>
                <th scope="col">Part</th>
                <th scope="col">Communes</th>
              </tr>
            </thead>
            <tbody>
              {data.farByService.map((s) => (
                <tr key={s.service}>
                  <th scope="row">{s.service}</th>
                  <td>{formatNumber(s.population)}</td>
                  <td>{pct(s.population, f.population)}</td>
                  <td>{formatNumber(s.communes)}</td>
                </tr>
              ))}
            </tbody>
          </Table>
        </div>
        <h3>Communes prioritaires</h3>
        {data.priorities.length ? (
          <ol>
            {data.priorities.map((p) => (
              <li key={p.code}>
                <strong>{p.name}</strong>
                {p.whiteZone ? " (zone blanche)" : ""} : {p.explanation}
              </li>
            ))}
          </ol>
        ) : (
          <p>Aucune commune habitée.</p>
        )}
      </section>

      <section aria-labelledby="rapport-acteurs">
        <h2 id="rapport-acteurs">3. Les acteurs et leur maturité</h2>
        <p>
          {formatNumber(data.actors.total)} structures agissent ou pourraient agir dans le territoire : {formatNumber(data.actors.engaged)} engagées,{" "}
          {formatNumber(data.actors.toMobilise)} à mobiliser.
        </p>
        {data.actors.byWorld.length ? (
          <div className="fr-table fr-table--sm">
            <Table>
              <caption>Structures par monde (une structure peut appartenir à plusieurs)</caption>
              <thead>
                <tr>
                  <th scope="col">Monde</th>
                  <th scope="col">Structures</th>
                </tr>
              </thead>
              <tbody>
                {data.actors.byWorld.map((w) => (
                  <tr key={w.label}>
                    <th scope="row">{w.label}</th>
                    <td>{formatNumber(w.count)}</td>
                  </tr>
                ))}
              </tbody>
            </Table>
          </div>
        ) : null}
        {data.maturity.assessed ? (
          <>
            <p>
              {formatNumber(data.maturity.assessed)} structures se sont autoévaluées sur la grille de bonnes pratiques (niveaux de 1 à 4, la bonne pratique étant le niveau 3).
              Dimensions les plus fragiles : {data.maturity.weakest.join(" ; ")}.{" "}
              {data.maturity.strongest.length
                ? `Points forts (médiane au niveau de bonne pratique ou au-dessus) : ${data.maturity.strongest.join(" ; ")}.`
                : "Aucune dimension n'atteint encore la bonne pratique : pas de point fort à signaler."}
            </p>
            <div className="fr-table fr-table--sm">
              <Table>
                <caption>Maturité des structures par dimension</caption>
                <thead>
                  <tr>
                    <th scope="col">Dimension</th>
                    <th scope="col">Niveau médian</th>
                    <th scope="col">Sous la bonne pratique</th>
                  </tr>
                </thead>
                <tbody>
                  {data.maturity.dimensions.map((d) => (
                    <tr key={d.title}>
                      <th scope="row">{d.title}</th>
                      <td>{dec(d.median)}</td>
                      <td>{d.belowShare === null ? "—" : pct(d.belowShare, 1)}</td>
                    </tr>
                  ))}
                </tbody>
              </Table>
            </div>
          </>
        ) : (
          <p>Aucune structure ne s&apos;est encore autoévaluée sur la grille de maturité.</p>
        )}
      </section>

      <section aria-labelledby="rapport-paroles">
        <h2 id="rapport-paroles">4. Ce que disent les habitants et les acteurs</h2>
        {data.surveys.length === 0 ? <p>Aucun questionnaire n&apos;a encore reçu de réponse.</p> : null}
        {data.surveys.map((s) => (
          <div key={s.title} className="fr-mb-3w">
            <h3>{s.title}</h3>
            <p>
              {s.audience} — {formatNumber(s.responses)} réponse{s.responses > 1 ? "s" : ""}.
            </p>
            {s.highlights.map((h) => (
              <AnswerTable key={h.question} caption={h.question} rows={h.rows.map((r) => ({ key: r.label, ...r }))} share={(p) => <>{dec(p)}&nbsp;%</>} />
            ))}
          </div>
        ))}
      </section>

      <section aria-labelledby="rapport-constats">
        <h2 id="rapport-constats">5. Atouts et questionnements</h2>
        <h3>Atouts</h3>
        <Findings list={data.findings.strengths} empty="Aucun atout n'a encore été relevé." />
        <h3>Questionnements</h3>
        <Findings list={data.findings.questions} empty="Aucun questionnement n'a encore été relevé." />
        {data.findings.byTheme.length ? (
          <div className="fr-table fr-table--sm">
            <Table>
              <caption>Constats par thème</caption>
              <thead>
                <tr>
                  <th scope="col">Thème</th>
                  <th scope="col">Atouts</th>
                  <th scope="col">Questionnements</th>
                </tr>
              </thead>
              <tbody>
                {data.findings.byTheme.map((t) => (
                  <tr key={t.theme}>
                    <th scope="row">{t.theme}</th>
                    <td>{t.strengths}</td>
                    <td>{t.questions}</td>
                  </tr>
                ))}
              </tbody>
            </Table>
          </div>
        ) : null}
      </section>

      <section aria-labelledby="rapport-methode">
        <h2 id="rapport-methode">6. Méthode et sources</h2>
        <ul>
          <li>Communes et populations : Code officiel géographique (INSEE), via le paquet @etalab/decoupage-administratif.</li>
          <li>Indice de fragilité numérique : La Mednum, Licence Ouverte 2.0.</li>
          <li>Lieux de médiation numérique : standard national v1.0.2 (données ouvertes importées et fiches tenues à jour dans Maillage).</li>
          <li>
            Distances : à vol d&apos;oiseau, du point de référence de chaque commune au lieu le plus proche, y compris hors du territoire. Zone blanche : aucun lieu
            à moins de {dec(data.settings.distanceKm)}&nbsp;km et IFN supérieur à {dec(data.settings.ifnThreshold, 2)}.
          </li>
          <li>Questionnaires : réponses anonymes ; les réponses saisies par un médiateur pour une personne sont comptées comme les autres.</li>
        </ul>
      </section>
    </article>
  );
}
