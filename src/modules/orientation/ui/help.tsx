import Link from "next/link";
import { formatDateTime } from "@/platform/text";
import { shortLabel, weeklyTable } from "@/modules/places";
import { accessibilityNeeds, findAccessibilityNeed, findNeed, needs } from "../needs";
import type { HelpAnswer, HelpPlace } from "../nearest";
import type { CommuneChoice } from "../commune";
import { helpHref, type HelpParams } from "../params";
import { formatDistance, formatPhone, hoursLine, nearName, onSiteOnly, telHref } from "../format";

/** How far the help page looks for places (the answer says so when there is none within it). */
export const MAX_KM = 50;
/** Where to look for a place this instance does not hold: the national map of digital-inclusion places. */
export const NATIONAL_MAP = "https://cartographie.societenumerique.gouv.fr";

/** Typos: "Jarnak" offers Jarnac. Plain links, so that it works without JavaScript. */
export function Suggestions({ text, choices, params }: { text: string; choices: CommuneChoice[]; params: HelpParams }) {
  return (
    <section className="fr-mb-6w fr-no-print" aria-labelledby="aide-suggestions">
      <h2 id="aide-suggestions">Aucune commune ne s&apos;appelle « {text} »</h2>
      <p>Vouliez-vous dire :</p>
      <CommuneLinks choices={choices} params={params} />
      <p>Sinon, vérifiez l&apos;orthographe ou indiquez le code postal.</p>
    </section>
  );
}

/** The commune exists but this instance holds no place in its département: say so, and where to look. */
export function NotCovered({ commune }: { commune: CommuneChoice }) {
  return (
    <div className="fr-alert fr-alert--info fr-mb-4w">
      <h2 className="fr-alert__title">Maillage ne contient pas encore les lieux de {commune.name}</h2>
      <p>
        Les lieux d&apos;aide au numérique de ce département n&apos;ont pas encore été ajoutés ici. La carte nationale des lieux d&apos;inclusion numérique les
        recense : <a href={NATIONAL_MAP} rel="noopener noreferrer">cartographie.societenumerique.gouv.fr</a>.
      </p>
    </div>
  );
}

export function UnknownCommune({ text, answer }: { text: string; answer: HelpAnswer | undefined }) {
  const noPosition = answer !== undefined && !answer.ok && answer.reason === "no-position";
  return (
    <div className="fr-alert fr-alert--error fr-mb-4w">
      <h2 className="fr-alert__title">{noPosition ? "Commune sans position connue" : "Commune introuvable"}</h2>
      <p>
        {noPosition
          ? "Nous ne savons pas encore situer cette commune. Essayez avec une commune voisine."
          : `Nous ne trouvons pas de commune${text ? ` « ${text} »` : ""}. Vérifiez l'orthographe, ou essayez avec le code postal (5 chiffres, par exemple 16000).`}
      </p>
    </div>
  );
}

/** One link per commune, that reruns the search for it (suggestions and choices alike). */
function CommuneLinks({ choices, params }: { choices: CommuneChoice[]; params: HelpParams }) {
  return (
    <ul className="fr-btns-group">
      {choices.map((c) => (
        <li key={c.code}>
          <Link className="fr-btn fr-btn--secondary" href={helpHref({ ...params, text: c.name, commune: c.code })}>
            {communeLabel(c)}
          </Link>
        </li>
      ))}
    </ul>
  );
}

function communeLabel(c: CommuneChoice): string {
  const postcodes = c.postcodes.length > 2 ? `${c.postcodes.slice(0, 2).join(", ")}…` : c.postcodes.join(", ");
  return `${c.name} (${postcodes}, département ${c.departement})`;
}

export function Choices({ text, choices, more, params }: { text: string; choices: CommuneChoice[]; more: boolean; params: HelpParams }) {
  return (
    <section className="fr-mb-6w fr-no-print" aria-labelledby="aide-choix">
      <h2 id="aide-choix">Plusieurs communes correspondent à « {text} »</h2>
      <p>Choisissez la vôtre :</p>
      <CommuneLinks choices={choices} params={params} />
      {more ? <p>Votre commune n&apos;est pas dans la liste ? Précisez son nom ou indiquez son code postal.</p> : null}
    </section>
  );
}

/** What was asked, in words: printed above the list so that the sheet makes sense on its own. */
function searchSummary(params: HelpParams): string {
  const parts = [findNeed(params.need)?.label ?? "Tout type d'aide"];
  if (params.openNow) parts.push("ouvert maintenant");
  const adapted = params.accessibility.flatMap((k) => findAccessibilityNeed(k)?.label ?? []);
  if (adapted.length) parts.push(`accueil adapté : ${adapted.join(", ").toLowerCase()}`);
  return parts.join(" · ");
}

export function Results({ commune, places, params, now, covered }: { commune: CommuneChoice; places: HelpPlace[]; params: HelpParams; now: Date; covered: boolean }) {
  const near = nearName(commune.name);
  if (places.length === 0) return covered ? <NoResults near={near} params={params} /> : null;
  const count = places.length > 1 ? `Les ${places.length} lieux les plus proches` : "Le lieu le plus proche";
  return (
    <section className="fr-mb-6w" aria-labelledby="aide-resultats">
      <h2 id="aide-resultats">
        {count} {near}
      </h2>
      <p className="fr-mb-1w">
        Pour : {searchSummary(params)}. Recherche du {formatDateTime(now)}.
      </p>
      <p className="fr-text--sm">Distances à vol d&apos;oiseau depuis le centre de la commune : le trajet réel peut être plus long.</p>
      <p className="fr-text--sm fr-no-print">
        <a href="#aide-recherche">Modifier ma recherche</a>. Pour imprimer cette liste : touches Ctrl et P (ou ⌘ et P sur Mac), ou « Imprimer » dans le menu du
        navigateur.
      </p>
      {/* Long e-mail addresses and web links must wrap on a 320 px screen rather than widen the page. */}
      <ol style={{ overflowWrap: "anywhere" }}>
        {places.map((p) => (
          <PlaceItem key={p.id} place={p} now={now} />
        ))}
      </ol>
    </section>
  );
}

function PlaceItem({ place: p, now }: { place: HelpPlace; now: Date }) {
  const week = p.hours ? weeklyTable(p.hours, now) : null;
  const c = p.contact;
  return (
    <li className="fr-mb-5w">
      <h3 className="fr-h5 fr-mb-1v">{p.name}</h3>
      <p className="fr-mb-1v">
        <strong>{formatDistance(p.distanceKm)}</strong> — {p.address.street}
        {p.address.complement ? `, ${p.address.complement}` : ""}, {p.address.postcode} {p.address.commune}
      </p>
      <p className="fr-mb-1v">{hoursLine(p.status, week !== null)}</p>
      {week ? (
        <>
          {/* Collapsed on screen; on paper a closed <details> would print only its summary, so the week is printed in full below. */}
          <details className="fr-mb-1v fr-no-print">
            <summary>Horaires de la semaine</summary>
            <WeekList days={week.days} />
          </details>
          <div className="maillage-print-only">
            <p className="fr-mb-0">Horaires de la semaine :</p>
            <WeekList days={week.days} />
          </div>
        </>
      ) : null}
      {p.services.length ? <p className="fr-text--sm fr-mb-1v">On y aide pour : {p.services.map(shortLabel).join(" · ")}.</p> : null}
      {p.support.length ? <p className="fr-text--sm fr-mb-1v">Accueil adapté : {p.support.join(" · ")}.</p> : null}
      {/* Always said, so that the printed sheet answers "how do I get in?" for every place, even when nobody told us. */}
      <p className="fr-text--sm fr-mb-1v">Pour y aller : {p.access.length ? p.access.join(" · ") : "conditions d'accès non renseignées"}.</p>
      <ul className="fr-raw-list fr-mt-1w">
        {c.phone ? (
          // The "Appeler" button below sits in a button group, which print hides: the number is printed as text.
          <li className="maillage-print-only">Téléphone : {formatPhone(c.phone)}</li>
        ) : null}
        {c.emails.map((e) => (
          <li key={e}>
            Courriel : <a href={`mailto:${e}`}>{e}</a>
          </li>
        ))}
        {c.websites.map((w) => (
          <li key={w}>
            Site : <a href={w} rel="noopener noreferrer">{w.replace(/^https?:\/\//, "")}</a>
          </li>
        ))}
      </ul>
      <ul className="fr-btns-group fr-btns-group--inline-md fr-mt-1w">
        {c.phone ? (
          <li>
            <a className="fr-btn fr-btn--secondary" href={telHref(c.phone)}>
              Appeler le {formatPhone(c.phone)}
            </a>
          </li>
        ) : null}
        {c.appointment ? (
          <li>
            <a className="fr-btn fr-btn--secondary fr-no-print" href={c.appointment} rel="noopener noreferrer">
              Prendre rendez-vous en ligne<span className="fr-sr-only"> avec {p.name}</span>
            </a>
          </li>
        ) : null}
        {p.territorySlug ? (
          <li className="fr-no-print">
            <Link className="fr-btn fr-btn--tertiary" href={`/territoires/${p.territorySlug}/lieux/${p.id}`}>
              Voir le détail<span className="fr-sr-only"> de {p.name}</span>
            </Link>
          </li>
        ) : null}
      </ul>
      {onSiteOnly(p) ? <p className="fr-text--sm">Aucun contact renseigné : présentez-vous sur place.</p> : null}
    </li>
  );
}

function WeekList({ days }: { days: readonly { date: string; day: string; text: string }[] }) {
  return (
    <ul>
      {days.map((d) => (
        <li key={d.date}>
          {d.day} : {d.text}
        </li>
      ))}
    </ul>
  );
}

function NoResults({ near, params }: { near: string; params: HelpParams }) {
  // Each suggestion is the same search with one constraint dropped, as a plain link.
  const wider = [
    params.openNow ? { label: "Voir aussi les lieux fermés en ce moment", href: helpHref({ ...params, openNow: false }) } : undefined,
    params.accessibility.length ? { label: "Voir les lieux sans tenir compte de l'accueil adapté", href: helpHref({ ...params, accessibility: [] }) } : undefined,
    params.need ? { label: "Voir les lieux pour tout type d'aide", href: helpHref({ ...params, need: undefined }) } : undefined,
  ].flatMap((s) => (s ? [s] : []));
  return (
    <section className="fr-mb-6w" aria-labelledby="aide-aucun">
      <div className="fr-alert fr-alert--info fr-mb-3w">
        <h2 id="aide-aucun" className="fr-alert__title">
          Aucun lieu trouvé à moins de {MAX_KM} km {near}
        </h2>
        <p>Pour : {searchSummary(params)}.</p>
      </div>
      {wider.length ? (
        <>
          <p>Vous pouvez élargir la recherche :</p>
          <ul>
            {wider.map((s) => (
              <li key={s.href}>
                <Link href={s.href}>{s.label}</Link>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <p>Votre mairie, ou son centre communal d&apos;action sociale (CCAS), peut aussi vous orienter.</p>
    </section>
  );
}

export function SearchForm({ params, commune, unknown, searched }: { params: HelpParams; commune: CommuneChoice | undefined; unknown: boolean; searched: boolean }) {
  const chosenNeed = params.need ?? "tout";
  const adapted = new Set<string>(params.accessibility);
  return (
    <section id="aide-recherche" className="fr-no-print" aria-labelledby="aide-recherche-titre">
      <h2 id="aide-recherche-titre">{searched ? "Modifier ma recherche" : "Votre recherche"}</h2>
      <form method="get" action="/aide">
        {/* The chosen commune is kept while the text still names it (see resolveCommuneInput). */}
        {commune ? <input type="hidden" name="commune" value={commune.code} /> : null}
        <div className={`fr-input-group${unknown ? " fr-input-group--error" : ""}`}>
          <label className="fr-label" htmlFor="aide-lieu">
            Votre commune ou votre code postal
            <span className="fr-hint-text">Par exemple : Angoulême, ou 16000</span>
          </label>
          <input
            className={`fr-input${unknown ? " fr-input--error" : ""}`}
            id="aide-lieu"
            name="lieu"
            type="text"
            autoComplete="address-level2"
            spellCheck={false}
            required
            maxLength={100}
            defaultValue={commune?.name ?? params.text}
            aria-describedby={unknown ? "aide-lieu-erreur" : undefined}
          />
          {unknown ? (
            <p className="fr-error-text" id="aide-lieu-erreur">
              Commune introuvable : vérifiez l&apos;orthographe ou indiquez le code postal.
            </p>
          ) : null}
        </div>
        <fieldset className="fr-fieldset" aria-labelledby="aide-besoin-legende">
          <legend className="fr-fieldset__legend" id="aide-besoin-legende">
            De quelle aide avez-vous besoin ?
          </legend>
          {[...needs, { key: "tout", label: "Tout type d'aide", hint: "Je ne sais pas, ou plusieurs choses à la fois" }].map((n) => (
            <div className="fr-fieldset__element" key={n.key}>
              <div className="fr-radio-group">
                <input type="radio" id={`aide-besoin-${n.key}`} name="besoin" value={n.key} defaultChecked={chosenNeed === n.key} />
                <label className="fr-label" htmlFor={`aide-besoin-${n.key}`}>
                  {n.label}
                  <span className="fr-hint-text">{n.hint}</span>
                </label>
              </div>
            </div>
          ))}
        </fieldset>
        <div className="fr-checkbox-group fr-mb-3w">
          <input type="checkbox" id="aide-ouvert" name="ouvert" value="1" defaultChecked={params.openNow} />
          <label className="fr-label" htmlFor="aide-ouvert">
            Ouvert maintenant
            <span className="fr-hint-text">Seulement les lieux ouverts en ce moment, d&apos;après leurs horaires</span>
          </label>
        </div>
        <fieldset className="fr-fieldset" aria-labelledby="aide-acces-legende">
          <legend className="fr-fieldset__legend" id="aide-acces-legende">
            Besoin d&apos;un accueil adapté ? (facultatif)
            <span className="fr-hint-text">Seuls les lieux qui savent accompagner ces situations seront affichés</span>
          </legend>
          {accessibilityNeeds.map((a) => (
            <div className="fr-fieldset__element" key={a.key}>
              <div className="fr-checkbox-group">
                <input type="checkbox" id={`aide-acces-${a.key}`} name="acces" value={a.key} defaultChecked={adapted.has(a.key)} />
                <label className="fr-label" htmlFor={`aide-acces-${a.key}`}>
                  {a.label}
                </label>
              </div>
            </div>
          ))}
        </fieldset>
        <button className="fr-btn fr-btn--lg" type="submit">
          Chercher de l&apos;aide
        </button>
      </form>
    </section>
  );
}
