import type { Metadata } from "next";
import { VerifyForm } from "@/modules/signatures/ui/verify-form";

export const metadata: Metadata = { title: "Vérifier une charte signée" };

/** Public: anyone checks whether a PDF is a signed charter recorded in a signature journal. */
export default function VerifySignaturePage() {
  return (
    <div className="fr-container fr-my-6w">
      <div className="fr-grid-row">
        <div className="fr-col-12 fr-col-md-10 fr-col-lg-8">
          <h1>Vérifier une charte signée</h1>
          <p>
            Vous avez reçu le PDF d&apos;une charte ou d&apos;un contrat territorial signé dans Maillage ? Déposez-le ici : son empreinte SHA-256 est calculée et recherchée dans
            les journaux des signatures. Vous saurez s&apos;il s&apos;agit bien d&apos;une version signée, de quel territoire, et qui l&apos;a signée et quand. Un fichier
            modifié, même d&apos;un seul caractère, n&apos;est pas reconnu.
          </p>
          <VerifyForm />
        </div>
      </div>
    </div>
  );
}
