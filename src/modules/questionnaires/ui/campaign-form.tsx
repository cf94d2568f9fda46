import { ActionForm, Field, RadioGroup } from "@/ui/form";
import type { ActionState } from "@/platform/web/action";
import { parisToday } from "@/platform/dates";
import type { Campaign } from "../schema";

type ActionFn = (state: ActionState, form: FormData) => Promise<ActionState>;

const day = (d: Date | null | undefined, endOfDay = false) => (d ? parisToday(new Date(d.getTime() - (endOfDay ? 1000 : 0))) : "");

/** Name, dates (both optional) and anonymity of a campaign. */
export function CampaignForm({ action, hidden, campaign, submitLabel }: { action: ActionFn; hidden: Record<string, string>; campaign?: Campaign; submitLabel: string }) {
  return (
    <ActionForm action={action} submitLabel={submitLabel}>
      {Object.entries(hidden).map(([k, v]) => (
        <input key={k} type="hidden" name={k} value={v} />
      ))}
      <Field name="label" label="Nom de la campagne" hint="Pour vous y retrouver : « Forum des associations », « Affiches en mairie »…" defaultValue={campaign?.label ?? ""} maxLength={200} />
      <Field name="opens" type="date" label="Ouverture (facultatif)" hint="Sans date : ouverte dès maintenant." defaultValue={day(campaign?.opensAt)} />
      <Field name="closes" type="date" label="Clôture (facultatif)" hint="Dernier jour où l'on peut répondre. Sans date : ouverte jusqu'à ce que vous la terminiez." defaultValue={day(campaign?.closesAt, true)} />
      <RadioGroup
        name="anonymous"
        legend="Réponses anonymes"
        options={[
          { value: "oui", label: "Oui (recommandé)", hint: "Aucune question personnelle n'est posée ; rien ne permet de savoir qui a répondu." },
          { value: "non", label: "Non", hint: "Les questions marquées « information personnelle » sont posées (toujours facultatives)." },
        ]}
        defaultValue={campaign ? (campaign.anonymous ? "oui" : "non") : "oui"}
      />
    </ActionForm>
  );
}
