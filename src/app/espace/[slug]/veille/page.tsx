import type { Metadata } from "next";
import Link from "next/link";
import { getRuntime } from "@/platform/runtime";
import { countOf, formatDate } from "@/platform/text";
import { readSingleSearchParams } from "@/platform/web/search-params";
import { themeLabel, themes } from "@/modules/themes";
import { territoryPage } from "@/modules/territories/web";
import { watchPolicy } from "@/modules/groups/policy";
import { isSubscribed, listGroups, listWatchItems } from "@/modules/groups/queries";
import { watchFiltersSchema } from "@/modules/groups/validation";
import { deleteWatchItemAction, digestSubscriptionAction, postWatchItemAction } from "@/modules/groups/actions";
import { ActionErrorNotice } from "@/ui/action-error";
import { FilterSelect } from "@/ui/filter-select";
import { ActionForm, CheckboxGroup, Field, Hidden, SelectField } from "@/ui/form";

export const metadata: Metadata = { title: "Veille partagée" };

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const notices: Record<string, string> = {
  ajoute: "Le lien est ajouté à la veille.",
  retire: "Le lien est retiré de la veille.",
  "resume=oui": "C'est noté : vous recevrez chaque semaine un résumé des nouveaux liens de vos territoires (aucun courriel les semaines sans nouveauté).",
  "resume=non": "Vous ne recevrez plus le résumé hebdomadaire.",
};

/** The territory's shared watch: links with a summary and themes, filtered by theme or group (a GET form, no JavaScript). */
export default async function WatchPage({ params, searchParams }: Props) {
  const { slug } = await params;
  const sp = readSingleSearchParams(await searchParams);
  const here = `/espace/${slug}/veille`;
  const { territory, principal } = await territoryPage(slug, "viewWorkspace", here);
  const { db } = await getRuntime();
  const filters = watchFiltersSchema.parse({ theme: sp.theme, group: sp.groupe });
  const [items, groupList] = [await listWatchItems(db, territory.id, filters), await listGroups(db, territory.id)];
  const canPost = watchPolicy.post(principal, territory);
  const canSubscribe = watchPolicy.subscribe(principal, territory);
  const subscribed = principal.kind === "user" ? await isSubscribed(db, principal.userId) : false;
  const noticeKey = Object.keys(notices).find((k) => (k.includes("=") ? sp[k.split("=")[0] as string] === k.split("=")[1] : sp[k] !== undefined));
  const filtered = Boolean(filters.theme || filters.group);
  return (
    <>
      <ActionErrorNotice code={sp.erreur} />
      {noticeKey ? (
        <div className="fr-alert fr-alert--success fr-alert--sm fr-mb-3w" role="status">
          <p>{notices[noticeKey]}</p>
        </div>
      ) : null}
      <h2>Veille partagée</h2>
      <p>
        Les liens utiles repérés par les membres du territoire (études, appels à projets, outils, retours d&apos;expérience), avec un résumé
        et des thèmes.
      </p>
      {canSubscribe ? (
        <form action={digestSubscriptionAction} className="fr-mb-4w">
          <Hidden name="territory" value={territory.slug} />
          <Hidden name="back" value={here} />
          <Hidden name="subscribe" value={subscribed ? "non" : "oui"} />
          <p className="fr-text--sm fr-mb-1w">
            {subscribed
              ? "Vous recevez chaque semaine par courriel un résumé des nouveaux liens de vos territoires."
              : "Recevez chaque semaine par courriel un résumé des nouveaux liens des territoires dont vous êtes membre (seulement si vous le demandez)."}
          </p>
          <button type="submit" className="fr-btn fr-btn--sm fr-btn--secondary">
            {subscribed ? "Ne plus recevoir le résumé" : "Recevoir le résumé chaque semaine"}
          </button>
        </form>
      ) : null}

      <div className="fr-grid-row fr-grid-row--gutters">
        <div className="fr-col-12 fr-col-md-4">
          <form method="get" aria-label="Filtrer la veille">
            <FilterSelect id="veille-theme" name="theme" label="Thème" value={filters.theme} options={themes.map((t) => ({ value: t.id, label: t.label }))} />
            {groupList.length ? <FilterSelect id="veille-groupe" name="groupe" label="Groupe" value={filters.group} options={groupList.map((g) => ({ value: g.id, label: g.name }))} /> : null}
            <ul className="fr-btns-group fr-btns-group--inline-sm">
              <li>
                <button className="fr-btn" type="submit">
                  Afficher
                </button>
              </li>
              <li>
                <Link className="fr-btn fr-btn--tertiary" href={here} prefetch={false}>
                  Tout afficher
                </Link>
              </li>
            </ul>
          </form>
        </div>
        <div className="fr-col-12 fr-col-md-8">
          <h3 data-testid="veille-compte">{filtered ? `${countOf(items.length, "lien", "liens")} pour ce choix` : countOf(items.length, "lien", "liens")}</h3>
          {items.length === 0 ? <p>{filtered ? "Aucun lien pour ce choix." : "Aucun lien pour l'instant."}</p> : null}
          <ol className="fr-raw-list">
            {items.map((item) => (
              <li key={item.id} className="fr-mb-3w">
                <article aria-label={item.title}>
                  <h4 className="fr-h6 fr-mb-1w">
                    <a href={item.url} rel="noopener noreferrer nofollow" target="_blank" title={`${item.title} — nouvelle fenêtre`}>
                      {item.title}
                    </a>
                  </h4>
                  {item.summary ? <p className="fr-mb-1w" style={{ whiteSpace: "pre-line" }}>{item.summary}</p> : null}
                  {item.themes.length ? (
                    <ul className="fr-badges-group fr-mb-1w">
                      {item.themes.map((t) => (
                        <li key={t}>
                          <span className="fr-badge fr-badge--sm fr-badge--blue-ecume">{themeLabel(t)}</span>
                        </li>
                      ))}
                    </ul>
                  ) : null}
                  <p className="fr-text--xs fr-mb-1w">
                    Partagé par {item.postedByName || "un membre"} le {formatDate(item.createdAt)}
                    {item.groupName ? ` · groupe « ${item.groupName} »` : ""}
                  </p>
                  {watchPolicy.remove(principal, { ...territory, postedBy: item.postedBy }) ? (
                    <form action={deleteWatchItemAction}>
                      <Hidden name="territory" value={territory.slug} />
                      <Hidden name="item" value={item.id} />
                      <Hidden name="back" value={here} />
                      <button type="submit" className="fr-btn fr-btn--sm fr-btn--tertiary-no-outline">
                        Retirer<span className="fr-sr-only"> le lien « {item.title} »</span>
                      </button>
                    </form>
                  ) : null}
                </article>
              </li>
            ))}
          </ol>
        </div>
      </div>

      {canPost ? (
        <section aria-labelledby="partager-titre" className="fr-mt-4w">
          <h3 id="partager-titre">Partager un lien</h3>
          <div className="fr-grid-row">
            <div className="fr-col-12 fr-col-lg-8">
              <ActionForm action={postWatchItemAction} submitLabel="Partager le lien">
                <Hidden name="territory" value={territory.slug} />
                <Field name="url" label="Adresse du lien" required hint="Adresse complète, commençant par https://" />
                <Field name="title" label="Titre" required maxLength={200} />
                <Field name="summary" label="Résumé (facultatif)" textarea rows={3} hint="Pourquoi ce lien est utile, en deux ou trois phrases." />
                <CheckboxGroup name="themes" legend="Thèmes" options={themes.map((t) => ({ value: t.id, label: t.label }))} />
                {groupList.length ? <SelectField name="groupId" label="Depuis le groupe (facultatif)" options={[{ value: "", label: "— Aucun groupe —" }, ...groupList.map((g) => ({ value: g.id, label: g.name }))]} /> : null}
              </ActionForm>
            </div>
          </div>
        </section>
      ) : null}
    </>
  );
}
