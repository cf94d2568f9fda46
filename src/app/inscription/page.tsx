import type { Metadata } from "next";
import Link from "next/link";
import { ActionForm, Field, Hidden } from "@/ui/form";
import { nextPathSchema } from "@/modules/accounts/validation";
import { signUpAction } from "@/modules/accounts/actions";
import { readSingleSearchParams } from "@/platform/web/search-params";

export const metadata: Metadata = { title: "Créer un compte" };

export default async function SignUpPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const params = readSingleSearchParams(await searchParams);
  const next = nextPathSchema.parse(params.next);
  return (
    <div className="fr-grid-row fr-grid-row--center">
      <div className="fr-col-12 fr-col-md-8 fr-col-lg-6">
        <h1>Créer un compte</h1>
        <p>
          Un compte permet d&apos;ouvrir un territoire ou de rejoindre celui où vous êtes invité. Un courriel vous sera envoyé
          pour confirmer votre adresse. Les champs marqués d&apos;un astérisque (*) sont obligatoires.
        </p>
        <ActionForm action={signUpAction} submitLabel="Créer mon compte">
          <Hidden name="next" value={next} />
          <Field name="name" label="Prénom et nom" autoComplete="name" required maxLength={120} />
          <Field name="email" label="Adresse électronique" hint="Format attendu : nom@domaine.fr" type="email" autoComplete="email" required />
          <Field
            name="password"
            label="Mot de passe"
            hint="Au moins 12 caractères. Une phrase de plusieurs mots est facile à retenir et difficile à deviner."
            type="password"
            autoComplete="new-password"
            required
          />
          <Field name="passwordConfirm" label="Confirmez le mot de passe" type="password" autoComplete="new-password" required />
          <p className="fr-text--sm">
            En créant un compte, vous acceptez que vos nom et adresse électronique soient visibles des membres des territoires que vous
            rejoignez. <Link href="/donnees-personnelles">En savoir plus sur vos données</Link>.
          </p>
        </ActionForm>
        <p className="fr-mt-3w">
          Déjà un compte ? <Link href={`/connexion?next=${encodeURIComponent(next)}`}>Se connecter</Link>
        </p>
      </div>
    </div>
  );
}
