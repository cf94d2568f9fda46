import { formatDateTime } from "@/platform/text";
import type { TerritoryStatus } from "../policy";

/**
 * What a territory's members see while the platform does not vouch for it: what they can do now, what
 * waits for verification, and (refusal, suspension) the administrators' reason.
 */
export function VerificationBanner({ status, reason, since }: { status: TerritoryStatus; reason: string; since: Date | null }) {
  if (status === "verified") return null;
  const title =
    status === "pending" ? "Territoire en attente de vérification" : status === "refused" ? "Territoire refusé par l'administration de la plateforme" : "Territoire suspendu par l'administration de la plateforme";
  return (
    <div className={`fr-alert ${status === "pending" ? "fr-alert--info" : "fr-alert--warning"} fr-mb-4w`} data-testid="verification-banner">
      <p className="fr-alert__title">{title}</p>
      {status === "pending" ? (
        <p>
          Une personne qui administre la plateforme doit vérifier ce territoire. En attendant, vous travaillez sur les contenus du territoire :
          questionnaires, constats, indicateurs, membres et invitations, suivi des structures (statut, notes, contacts privés).
        </p>
      ) : (
        <p>
          {since ? `Décision du ${formatDateTime(since)}` : "Décision de l'administration"}
          {reason ? ` : « ${reason} »` : "."}
        </p>
      )}
      <p>
        Attendent la vérification : modifier les lieux et les structures du périmètre (qui sont aussi ceux des autres territoires), importer des
        lieux, traiter les propositions et les doublons, nommer les représentants des structures, lire les autoévaluations des structures
        partenaires.
      </p>
    </div>
  );
}
