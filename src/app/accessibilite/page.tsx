import type { Metadata } from "next";
import Link from "next/link";
import { getEnv } from "@/platform/env";

export const metadata: Metadata = { title: "Accessibilité" };

export default function AccessibilityPage() {
  const env = getEnv();
  return (
    <div className="fr-col-lg-9">
      <h1>Déclaration d&apos;accessibilité</h1>
      <p>
        {env.OPERATOR_NAME} s&apos;engage à rendre ce service accessible, conformément à l&apos;article 47 de la loi n° 2005-102 du
        11 février 2005. Les personnes que les interfaces compliquées excluent sont précisément celles pour qui ce service existe.
      </p>
      <h2>État de conformité</h2>
      <p>
        Maillage est <strong>partiellement conforme</strong> avec le référentiel général d&apos;amélioration de l&apos;accessibilité
        (RGAA), version 4.1, en raison des non-conformités et des dérogations énumérées ci-dessous. Aucun audit externe n&apos;a encore
        été réalisé.
      </p>
      <h2>Ce que nous vérifions à chaque version</h2>
      <ul>
        <li>Chaque page parcourue par nos tests de bout en bout est analysée par l&apos;outil axe-core : aucune erreur n&apos;est tolérée.</li>
        <li>Les pages sont construites avec le Système de design de l&apos;État (DSFR) : contrastes, tailles de cible, focus visible.</li>
        <li>Tout se fait au clavier ; des liens d&apos;évitement mènent au contenu, au menu et au pied de page.</li>
        <li>Chaque carte ou graphique est accompagné d&apos;une liste ou d&apos;un tableau présentant les mêmes informations.</li>
        <li>Les formulaires publics fonctionnent sans JavaScript ; les erreurs sont décrites en toutes lettres à côté du champ concerné.</li>
      </ul>
      <h2>Contenus non accessibles</h2>
      <ul>
        <li>Le contour cartographique des territoires est une image : la liste des communes qui l&apos;accompagne en donne l&apos;équivalent.</li>
      </ul>
      <h2>Retour d&apos;information et contact</h2>
      <ul>
        <li>Éditeur du service : {env.OPERATOR_NAME}</li>
        <li>
          Contact :{" "}
          {env.OPERATOR_EMAIL ? (
            <a href={`mailto:${env.OPERATOR_EMAIL}`}>{env.OPERATOR_EMAIL}</a>
          ) : (
            "aucune adresse n'a encore été indiquée par l'éditeur ; la voie de recours ci-dessous reste ouverte"
          )}
        </li>
      </ul>
      <p>
        Si vous n&apos;arrivez pas à accéder à un contenu ou à un service, contactez{" "}
        {env.OPERATOR_EMAIL ? <a href={`mailto:${env.OPERATOR_EMAIL}`}>{env.OPERATOR_EMAIL}</a> : env.OPERATOR_NAME} pour être orienté
        vers une alternative accessible ou obtenir le contenu sous une autre forme.
      </p>
      <h2>Voies de recours</h2>
      <p>
        Si vous constatez un défaut d&apos;accessibilité vous empêchant d&apos;accéder à un contenu ou à une fonctionnalité, que vous nous
        l&apos;avez signalé et que vous n&apos;avez pas obtenu de réponse satisfaisante, vous pouvez écrire au Défenseur des droits,
        contacter son délégué dans votre région, ou lui envoyer un courrier (gratuit, sans affranchissement) : Défenseur des droits,
        Libre réponse 71120, 75342 Paris CEDEX 07.
      </p>
      <p>
        <Link href="/plan-du-site">Plan du site</Link>
      </p>
    </div>
  );
}
