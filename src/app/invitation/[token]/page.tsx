import type { Metadata } from "next";
import Link from "next/link";
import { roleLabels, roleSentencesForInvitee } from "@/platform/auth/principal";
import { getRuntime } from "@/platform/runtime";
import { getCurrentPrincipal } from "@/platform/web/principal";
import { ActionForm, Hidden } from "@/ui/form";
import { inspectInvitation } from "@/modules/territories/commands";
import { errorCatalog } from "@/platform/errors";
import { acceptInvitationAction } from "@/modules/territories/actions";

export const metadata: Metadata = { title: "Invitation" };

export default async function InvitationPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const { db } = await getRuntime();
  const found = await inspectInvitation(db, token);
  const principal = await getCurrentPrincipal();
  const here = `/invitation/${token}`;
  if (found.status !== "valid") {
    const message =
      found.status === "expired"
        ? errorCatalog.invitation_expired.message
        : found.status === "revoked"
          ? errorCatalog.invitation_revoked.message
          : found.status === "used"
            ? errorCatalog.invitation_used.message
            : "Cette invitation n'existe pas. Vérifiez que le lien reçu a été copié en entier.";
    return (
      <div className="fr-col-lg-8">
        <h1>Invitation non valable</h1>
        <div className="fr-alert fr-alert--error">
          <p>{message}</p>
        </div>
      </div>
    );
  }
  const { invitation, territory } = found;
  return (
    <div className="fr-col-lg-8">
      <h1>Rejoindre « {territory.name} »</h1>
      <p>
        Vous êtes invité à rejoindre ce territoire avec le rôle <strong>{roleLabels[invitation.role]}</strong>.{" "}
        {roleSentencesForInvitee[invitation.role]}
      </p>
      {principal.kind === "user" ? (
        <ActionForm action={acceptInvitationAction} submitLabel="Rejoindre le territoire">
          <Hidden name="token" value={token} />
          <p>Vous êtes connecté en tant que {principal.name} ({principal.email}).</p>
        </ActionForm>
      ) : (
        <>
          <p>Pour rejoindre le territoire, créez votre compte ou connectez-vous : vous reviendrez ensuite sur cette page.</p>
          <ul className="fr-btns-group fr-btns-group--inline-md">
            <li>
              <Link className="fr-btn" href={`/inscription?next=${encodeURIComponent(here)}`}>
                Créer mon compte
              </Link>
            </li>
            <li>
              <Link className="fr-btn fr-btn--secondary" href={`/connexion?next=${encodeURIComponent(here)}`}>
                J&apos;ai déjà un compte
              </Link>
            </li>
          </ul>
        </>
      )}
    </div>
  );
}
