import type { Metadata } from "next";
import { getEnv } from "@/platform/env";

export const metadata: Metadata = { title: "Mentions légales" };

export default function LegalPage() {
  const env = getEnv();
  return (
    <div className="fr-col-lg-9">
      <h1>Mentions légales</h1>
      <h2>Éditeur</h2>
      <p>
        Cette instance de Maillage est éditée par {env.OPERATOR_NAME}
        {env.OPERATOR_EMAIL ? (
          <>
            {" "}
            (contact : <a href={`mailto:${env.OPERATOR_EMAIL}`}>{env.OPERATOR_EMAIL}</a>)
          </>
        ) : null}
        .
      </p>
      <h2>Logiciel</h2>
      <p>
        Maillage est un logiciel libre. Il s&apos;appuie sur le Système de design de l&apos;État (DSFR), réservé aux sites des services
        publics.
      </p>
      <h2>Données de référence</h2>
      <ul>
        <li>Code officiel géographique et populations : INSEE, via le paquet « @etalab/decoupage-administratif » (Licence Ouverte 2.0).</li>
        <li>Contours des communes : IGN Admin Express COG 2018, via le projet « france-geojson » (Licence Ouverte).</li>
        <li>Indice de fragilité numérique : La Mednum, via le projet « inclusion-numerique » (Licence Ouverte 2.0).</li>
      </ul>
      <h2>Hébergement</h2>
      <p>L&apos;hébergeur est choisi par l&apos;éditeur de l&apos;instance ; il est indiqué par lui sur simple demande.</p>
    </div>
  );
}
