import type { Metadata } from "next";
import Link from "next/link";
import { ActionForm, Field, Hidden } from "@/ui/form";
import { nextPathSchema } from "@/modules/accounts/validation";
import { signInAction } from "@/modules/accounts/actions";
import { readSingleSearchParams } from "@/platform/web/search-params";

export const metadata: Metadata = { title: "Se connecter" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const params = readSingleSearchParams(await searchParams);
  const next = nextPathSchema.parse(params.next);
  return (
    <div className="fr-grid-row fr-grid-row--center">
      <div className="fr-col-12 fr-col-md-8 fr-col-lg-6">
        <h1>Se connecter à Maillage</h1>
        {params.motdepasse === "modifie" && (
          <div className="fr-alert fr-alert--success fr-alert--sm fr-mb-3w" role="status">
            <p>Votre mot de passe a été modifié. Connectez-vous avec le nouveau.</p>
          </div>
        )}
        <ActionForm action={signInAction} submitLabel="Se connecter">
          <Hidden name="next" value={next} />
          <Field name="email" label="Adresse électronique" hint="Format attendu : nom@domaine.fr" type="email" autoComplete="email" required />
          <Field name="password" label="Mot de passe" type="password" autoComplete="current-password" required />
          <p>
            <Link href="/mot-de-passe-oublie">Mot de passe oublié ?</Link>
          </p>
        </ActionForm>
        <hr className="fr-mt-4w" />
        <h2 className="fr-h5">Vous n&apos;avez pas de compte ?</h2>
        <p>
          <Link className="fr-btn fr-btn--secondary" href={`/inscription?next=${encodeURIComponent(next)}`}>
            Créer un compte
          </Link>
        </p>
      </div>
    </div>
  );
}
