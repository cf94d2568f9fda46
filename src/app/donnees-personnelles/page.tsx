import type { Metadata } from "next";
import { getEnv } from "@/platform/env";
import { Table } from "@/ui/table";

export const metadata: Metadata = { title: "Données personnelles" };

export default function PersonalDataPage() {
  const env = getEnv();
  return (
    <div className="fr-col-lg-9">
      <h1>Données personnelles</h1>
      <p>Le responsable de traitement est {env.OPERATOR_NAME}.</p>
      <h2>Ce que nous enregistrons</h2>
      <div className="fr-table">
        <Table>
          <caption>Données traitées, finalité et durée de conservation</caption>
          <thead>
            <tr>
              <th scope="col">Données</th>
              <th scope="col">Pourquoi</th>
              <th scope="col">Combien de temps</th>
            </tr>
          </thead>
          <tbody>
            <tr>
              <td>Nom, adresse électronique, mot de passe (chiffré de façon irréversible)</td>
              <td>Vous identifier et vous permettre de travailler dans vos territoires</td>
              <td>Tant que le compte existe</td>
            </tr>
            <tr>
              <td>Session : adresse IP, navigateur, date</td>
              <td>Sécurité de votre connexion</td>
              <td>7 jours après la dernière activité</td>
            </tr>
            <tr>
              <td>Journal des modifications (qui a modifié quoi, quand)</td>
              <td>Traçabilité des décisions prises en commun sur un territoire</td>
              <td>Pendant la vie du territoire</td>
            </tr>
            <tr>
              <td>Compteurs de tentatives de connexion (sous forme d&apos;empreinte, jamais en clair)</td>
              <td>Protéger les comptes contre les attaques</td>
              <td>Quelques heures</td>
            </tr>
          </tbody>
        </Table>
      </div>
      <h2>Ce que nous n&apos;enregistrons pas</h2>
      <p>
        Aucune donnée nominative des personnes accompagnées : les accompagnements sont comptés de façon anonyme. Aucun outil de mesure
        d&apos;audience ni de publicité. Le seul cookie déposé est celui de votre session, strictement nécessaire.
      </p>
      <h2>Vos droits</h2>
      <p>
        Vous pouvez accéder à vos données, les rectifier ou les faire effacer, et vous opposer à leur traitement, en écrivant à{" "}
        {env.OPERATOR_EMAIL ? <a href={`mailto:${env.OPERATOR_EMAIL}`}>{env.OPERATOR_EMAIL}</a> : env.OPERATOR_NAME}. Vous pouvez aussi
        adresser une réclamation à la CNIL.
      </p>
    </div>
  );
}
