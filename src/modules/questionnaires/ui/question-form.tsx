import { ActionForm, CheckboxGroup, Field, RadioGroup, SelectField } from "@/ui/form";
import type { ActionState } from "@/platform/web/action";
import { allQuestions, choicesOf, isCategorical, type Structure } from "../logic";
import type { Question } from "../schema";
import { questionTypeLabels, questionTypes } from "../types";
import { choiceLabelField } from "../validation";

type ActionFn = (state: ActionState, form: FormData) => Promise<ActionState>;

const typeHints: Record<(typeof questionTypes)[number], string> = {
  single: "Une seule réponse parmi des choix.",
  multiple: "Plusieurs réponses possibles parmi des choix.",
  scale: "Une note de 1 à 5.",
  number: "Un nombre (un âge, un nombre de personnes…).",
  short_text: "Une réponse libre, courte (300 caractères au plus).",
  long_text: "Une réponse libre, longue (5 000 caractères au plus).",
  commune: "La commune où habite la personne, dans le territoire, ou « hors du territoire ».",
};

const numberText = (n: number | null | undefined) => (n === null || n === undefined ? "" : String(n).replace(".", ","));

/**
 * The form of a question, new or existing. Every setting is on the page (no JavaScript needed): the
 * choices for choice questions, the bounds for a number, the words of a scale; those of other types
 * are ignored.
 */
export function QuestionForm(props: {
  action: ActionFn;
  hidden: Record<string, string>;
  structure: Structure;
  question?: Question;
  sectionId: string;
  submitLabel: string;
}) {
  const q = props.question;
  const list = allQuestions(props.structure);
  const self = q ? list.find((x) => x.id === q.id) : undefined;
  // A condition can only point to a question placed before this one (for a new question: any existing one of an earlier or the same part).
  const sectionIndex = props.structure.sections.findIndex((s) => s.id === props.sectionId);
  const earlier = list.filter((x) => (self ? x.number < self.number : props.structure.sections.findIndex((s) => s.id === x.sectionId) <= sectionIndex) && isCategorical(x.type) && x.type !== "commune");
  const conditionOptions = [
    { value: "", label: "Toujours afficher la question" },
    ...earlier.flatMap((x) => choicesOf(x).map((c) => ({ value: `${x.id}::${c.value}`, label: `Afficher si la question Q${x.number} « ${x.label.slice(0, 60)}${x.label.length > 60 ? "…" : ""} » ${x.type === "multiple" ? "a parmi ses réponses" : "vaut"} « ${c.label} »` }))),
  ];
  const currentCondition = q?.condition ? `${q.condition.questionId}::${q.condition.value}` : "";
  const existing = q?.settings.choices ?? [];
  return (
    <ActionForm action={props.action} submitLabel={props.submitLabel}>
      {Object.entries(props.hidden).map(([k, v]) => (
        <input key={k} type="hidden" name={k} value={v} />
      ))}
      {existing.map((c) => (
        <input key={c.value} type="hidden" name="choice_value" value={c.value} />
      ))}
      <Field name="label" label="Question" hint="Une question courte, en mots simples, qui ne demande qu'une chose." textarea rows={2} defaultValue={q?.label ?? ""} />
      <Field name="help" label="Aide (facultatif)" hint="Une précision affichée sous la question." defaultValue={q?.help ?? ""} />
      <RadioGroup name="type" legend="Type de réponse" options={questionTypes.map((t) => ({ value: t, label: questionTypeLabels[t], hint: typeHints[t] }))} defaultValue={q?.type ?? "single"} />
      <SelectField name="section" label="Partie" options={props.structure.sections.map((s, i) => ({ value: s.id, label: `Partie ${i + 1} — ${s.title}` }))} defaultValue={props.sectionId} />
      <CheckboxGroup
        name="required"
        legend="Réponse obligatoire"
        options={[{ value: "on", label: "La personne doit répondre pour passer à l'étape suivante" }]}
        defaultValues={q?.required ? ["on"] : []}
      />
      <CheckboxGroup
        name="personal"
        legend="Information personnelle"
        hint="Une question qui demande un nom, un courriel, un téléphone… n'est jamais posée dans une campagne anonyme."
        options={[{ value: "on", label: "Cette question demande une information qui identifie la personne" }]}
        defaultValues={q?.personal ? ["on"] : []}
      />

      <fieldset className="fr-fieldset fr-mt-2w">
        <legend className="fr-fieldset__legend">Pour un choix unique ou multiple</legend>
        {existing.map((c, i) => (
          <div className="fr-fieldset__element" key={c.value}>
            <Field name={choiceLabelField(c.value)} label={`Choix ${i + 1}`} defaultValue={c.label} />
          </div>
        ))}
        {existing.length > 0 ? (
          <div className="fr-fieldset__element">
            <CheckboxGroup name="choice_remove" legend="Retirer des choix" hint="Un choix déjà choisi par quelqu'un ne peut plus être retiré." options={existing.map((c) => ({ value: c.value, label: c.label }))} />
          </div>
        ) : null}
        <div className="fr-fieldset__element">
          <Field name="new_choices" label={existing.length > 0 ? "Ajouter des choix (facultatif)" : "Choix de réponse"} hint="Un choix par ligne." textarea rows={4} />
        </div>
        <div className="fr-fieldset__element">
          <CheckboxGroup name="allow_other" legend="Autre réponse" options={[{ value: "on", label: "Ajouter « Autre, précisez » avec une réponse libre" }]} defaultValues={q?.settings.allowOther ? ["on"] : []} />
        </div>
      </fieldset>

      <fieldset className="fr-fieldset">
        <legend className="fr-fieldset__legend">Pour un nombre</legend>
        <div className="fr-fieldset__element fr-fieldset__element--inline">
          <Field name="min" label="Minimum (facultatif)" inputMode="decimal" defaultValue={numberText(q?.settings.min)} />
        </div>
        <div className="fr-fieldset__element fr-fieldset__element--inline">
          <Field name="max" label="Maximum (facultatif)" inputMode="decimal" defaultValue={numberText(q?.settings.max)} />
        </div>
      </fieldset>

      <fieldset className="fr-fieldset">
        <legend className="fr-fieldset__legend">Pour une échelle de 1 à 5</legend>
        <div className="fr-fieldset__element fr-fieldset__element--inline">
          <Field name="scale_min" label="Mot sous le 1 (facultatif)" hint="Par exemple « Pas du tout »." defaultValue={q?.settings.scaleMin ?? ""} />
        </div>
        <div className="fr-fieldset__element fr-fieldset__element--inline">
          <Field name="scale_max" label="Mot sous le 5 (facultatif)" hint="Par exemple « Tout à fait »." defaultValue={q?.settings.scaleMax ?? ""} />
        </div>
      </fieldset>

      <SelectField
        name="condition"
        label="Affichage"
        hint="Afficher la question seulement selon la réponse à une question placée avant elle. Sur la même étape, elle apparaît dès que la réponse est donnée (ou, sans JavaScript, à l'étape suivante)."
        options={conditionOptions}
        defaultValue={currentCondition}
      />
    </ActionForm>
  );
}
