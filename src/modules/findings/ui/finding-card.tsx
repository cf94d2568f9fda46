import Link from "next/link";
import { FilterSelect } from "@/ui/filter-select";
import { ActionForm, Hidden } from "@/ui/form";
import { themeLabel } from "@/modules/themes";
import { moveToGroupAction, voteAction } from "@/modules/findings/actions";
import type { FindingItem } from "../queries";
import { originLabels } from "../validation";

/** One finding in the list: its text, themes, group, communes and origin; support, and the coordination's links. */
export function FindingCard(props: { f: FindingItem; slug: string; names: Map<string, string>; groups: { id: string; title: string }[]; canVote: boolean; canOrganise: boolean }) {
  const { f } = props;
  return (
    <article className="fr-card fr-card--no-arrow fr-mb-2w" aria-label={`${f.kind === "strength" ? "Atout" : "Questionnement"} : ${f.text.slice(0, 80)}`}>
      <div className="fr-card__body">
        <div className="fr-card__content">
          {/* Not `fr-card__desc`: DSFR orders it after the rest of the card's content (order: 3), so the
              badges and the origin came before the finding itself. The text comes first, then its meta. */}
          <p className="fr-text--md fr-mb-1w" style={{ whiteSpace: "pre-line" }} data-finding-text>
            {f.text}
          </p>
          <ul className="fr-badges-group fr-mt-1w">
            {f.themes.map((t) => (
              <li key={t}>
                <span className="fr-badge fr-badge--sm fr-badge--blue-ecume">{themeLabel(t)}</span>
              </li>
            ))}
            {f.groupTitle ? (
              <li>
                <span className="fr-badge fr-badge--sm">Groupe : {f.groupTitle}</span>
              </li>
            ) : null}
          </ul>
          <p className="fr-text--sm fr-mb-0" data-finding-meta>
            {f.communes.length ? `Communes : ${f.communes.map((c) => props.names.get(c) ?? c).join(", ")}. ` : ""}
            {originLabels[f.origin as keyof typeof originLabels] ?? f.origin}
            {f.originLabel ? ` — ${f.originLabel}` : ""}. <strong>{f.votes} soutien{f.votes > 1 ? "s" : ""}</strong>.
          </p>
          <div className="fr-mt-1w">
            {props.canVote ? (
              <ActionForm action={voteAction} submitLabel={f.votedByMe ? "Retirer mon soutien" : "Soutenir ce constat"}>
                <Hidden name="territory" value={props.slug} />
                <Hidden name="finding" value={f.id} />
              </ActionForm>
            ) : null}
            {props.canOrganise ? (
              <p className="fr-mt-1w fr-mb-0">
                <Link href={`/espace/${props.slug}/constats/${f.id}`}>
                  Modifier, fusionner ou supprimer<span className="fr-sr-only"> ce constat</span>
                </Link>
              </p>
            ) : null}
            {props.canOrganise && props.groups.length ? (
              <ActionForm action={moveToGroupAction} submitLabel="Changer de groupe">
                <Hidden name="territory" value={props.slug} />
                <Hidden name="finding" value={f.id} />
                <FilterSelect id={`groupe-${f.id}`} name="groupId" label="Groupe" value={f.groupId ?? ""} empty="Aucun groupe" options={props.groups.map((g) => ({ value: g.id, label: g.title }))} />
              </ActionForm>
            ) : null}
          </div>
        </div>
      </div>
    </article>
  );
}
