import { formatDateTime } from "@/platform/text";
import { ActionForm, Field, Hidden } from "@/ui/form";
import { commentSectionAction } from "../actions";
import type { CharterComment } from "../queries";

/** The comments of one part of a draft, and (for those who may) the form to add one. */
export function SectionComments(props: { slug: string; versionId: string; section: string; label: string; comments: CharterComment[]; canComment: boolean; back: string }) {
  const mine = props.comments.filter((c) => c.section === props.section);
  const anchor = `commentaires-${props.section.replace(":", "-")}`;
  return (
    <div id={anchor} className="fr-mt-2w">
      <details>
        <summary>
          Commentaires sur « {props.label} » ({mine.length})
        </summary>
        {mine.length ? (
          <ul className="fr-raw-list fr-mt-1w">
            {mine.map((c) => (
              <li key={c.id} className="fr-mb-1w">
                <p className="fr-text--sm fr-mb-0">
                  <strong>{c.authorName}</strong>, {formatDateTime(c.createdAt)}
                </p>
                <p className="fr-mb-0" style={{ whiteSpace: "pre-line" }}>
                  {c.body}
                </p>
              </li>
            ))}
          </ul>
        ) : (
          <p className="fr-text--sm fr-mt-1w">Aucun commentaire.</p>
        )}
        {props.canComment ? (
          <ActionForm action={commentSectionAction} submitLabel="Commenter">
            <Hidden name="territory" value={props.slug} />
            <Hidden name="version" value={props.versionId} />
            <Hidden name="section" value={props.section} />
            <Hidden name="back" value={props.back} />
            <Field name="body" label={`Votre commentaire sur « ${props.label} »`} textarea rows={3} maxLength={4000} />
          </ActionForm>
        ) : null}
      </details>
    </div>
  );
}
