import Link from "next/link";
import type { ReactNode } from "react";
import { ActionForm, CheckboxGroup, Field, Hidden, RadioGroup } from "@/ui/form";
import type { ActionState } from "@/platform/web/action";
import { allQuestions, choicesOf, stepTitle, describeCondition, fieldName, otherFieldName, outsideFieldName, type AnswerValue, type Step, type Structure } from "../logic";
import { communeLabel, type CommuneOption } from "../queries";
import { LONG_TEXT_MAX, OTHER, OUTSIDE, SHORT_TEXT_MAX } from "../types";
import { ConditionalQuestion } from "./conditional-question";

type ActionFn = (state: ActionState, form: FormData) => Promise<ActionState>;

const numberFormat = new Intl.NumberFormat("fr-FR", { maximumFractionDigits: 6 });

/** "Étape 2 sur 5", the part's title, and a progress bar. */
export function Progress({ index, count, title, next }: { index: number; count: number; title: string; next?: string | undefined }) {
  return (
    <div className="fr-stepper">
      <h2 className="fr-stepper__title">
        {title}
        <span className="fr-stepper__state">
          Étape {index} sur {count}
        </span>
      </h2>
      <progress max={count} value={index} aria-label={`Étape ${index} sur ${count}`} style={{ width: "100%", height: "0.5rem", accentColor: "#000091" }} />
      {next ? (
        <p className="fr-stepper__details">
          <span className="fr-text--bold">Étape suivante :</span> {next}
        </p>
      ) : null}
    </div>
  );
}

function withRequired(label: string, required: boolean): string {
  return required ? `${label} (obligatoire)` : label;
}

function hintOf(parts: (string | undefined | false)[]): string | undefined {
  const text = parts.filter(Boolean).join(" ");
  return text || undefined;
}

type QuestionProps = {
  q: Step["questions"][number];
  value: AnswerValue | undefined;
  structure: Structure;
  communes: CommuneOption[];
  territoryName: string;
  /** Preview: say when a conditional question is shown. */
  preview: boolean;
};

function QuestionField({ q, value, structure, communes, territoryName, preview }: QuestionProps) {
  const name = fieldName(q.id);
  // On the answering page a conditional question shows up only when it applies: no hint needed there.
  const condition = q.condition && preview ? `Répondez seulement ${describeCondition(structure, q.condition).replace(/^si la réponse à Q\d+ /, "si votre réponse à la question ")}.` : undefined;
  const hint = hintOf([q.help, condition]);
  const label = withRequired(q.label, q.required);
  switch (q.type) {
    case "single":
    case "multiple": {
      const options = choicesOf(q).map((c) => ({ value: c.value, label: c.value === OTHER ? "Autre (précisez ci-dessous)" : c.label }));
      return (
        <>
          {q.type === "single" ? (
            <RadioGroup name={name} legend={label} hint={hint} options={options} defaultValue={value?.key ?? undefined} />
          ) : (
            <CheckboxGroup name={name} legend={label} hint={hintOf([hint, "Plusieurs réponses possibles."])} options={options} defaultValues={value?.keys ?? []} />
          )}
          {q.settings.allowOther ? <Field name={otherFieldName(q.id)} label="Autre : précisez (facultatif)" hint={`${SHORT_TEXT_MAX} caractères au plus.`} defaultValue={value?.text ?? ""} /> : null}
        </>
      );
    }
    case "scale": {
      // One per line, the words under 1 and 5: large targets on a narrow screen.
      const options = [1, 2, 3, 4, 5].map((v) => ({ value: String(v), label: String(v), ...(v === 1 && q.settings.scaleMin ? { hint: q.settings.scaleMin } : v === 5 && q.settings.scaleMax ? { hint: q.settings.scaleMax } : {}) }));
      const scaleHint = q.settings.scaleMin || q.settings.scaleMax ? `De 1 (${q.settings.scaleMin ?? "le moins"}) à 5 (${q.settings.scaleMax ?? "le plus"}).` : "De 1 (le moins) à 5 (le plus).";
      return <RadioGroup name={name} legend={label} hint={hintOf([hint, scaleHint])} options={options} defaultValue={value?.number !== null && value?.number !== undefined ? String(value.number) : undefined} />;
    }
    case "number": {
      const { min, max } = q.settings;
      const range =
        min !== null && min !== undefined && max !== null && max !== undefined
          ? `Un nombre entre ${numberFormat.format(min)} et ${numberFormat.format(max)}.`
          : min !== null && min !== undefined
            ? `Un nombre d'au moins ${numberFormat.format(min)}.`
            : max !== null && max !== undefined
              ? `Un nombre d'au plus ${numberFormat.format(max)}.`
              : "Un nombre, en chiffres.";
      return <Field name={name} label={label} hint={hintOf([hint, range])} inputMode="decimal" defaultValue={value?.number !== null && value?.number !== undefined ? numberFormat.format(value.number) : ""} />;
    }
    case "short_text":
      return <Field name={name} label={label} hint={hintOf([hint, `${SHORT_TEXT_MAX} caractères au plus.`])} defaultValue={value?.text ?? ""} />;
    case "long_text":
      return <Field name={name} label={label} hint={hintOf([hint, `${numberFormat.format(LONG_TEXT_MAX)} caractères au plus.`])} textarea rows={5} defaultValue={value?.text ?? ""} />;
    case "commune": {
      const current = value?.key && value.key !== OUTSIDE ? communes.find((c) => c.code === value.key) : undefined;
      // A list of suggestions while typing, for perimeters of a reasonable size (the field works without it).
      const listId = communes.length > 0 && communes.length <= 1500 ? `communes-${q.id}` : undefined;
      return (
        <>
          <Field name={name} label={label} hint={hintOf([hint, "Le nom de la commune ou son code postal."])} defaultValue={current ? communeLabel(current) : ""} list={listId} autoComplete="off" />
          {listId ? (
            <datalist id={listId}>
              {communes.map((c) => (
                <option key={c.code} value={communeLabel(c)} />
              ))}
            </datalist>
          ) : null}
          <CheckboxGroup
            name={outsideFieldName(q.id)}
            legend="Vous habitez ailleurs ?"
            options={[{ value: "on", label: `Je n'habite pas dans le territoire « ${territoryName} »` }]}
            defaultValues={value?.key === OUTSIDE ? ["on"] : []}
          />
        </>
      );
    }
  }
}

export type ScreenProps = {
  step: Step;
  index: number;
  count: number;
  nextTitle?: string | undefined;
  answers: ReadonlyMap<string, AnswerValue>;
  structure: Structure;
  communes: CommuneOption[];
  territoryName: string;
};

function Questions(props: ScreenProps & { preview: boolean }) {
  return (
    <>
      {props.step.section.description ? <p>{props.step.section.description}</p> : null}
      {props.step.questions.map((q) => {
        const field = (
          <div key={q.id} id={`question-${q.id}`} className="fr-mb-4w">
            <QuestionField q={q} value={props.answers.get(q.id)} structure={props.structure} communes={props.communes} territoryName={props.territoryName} preview={props.preview} />
          </div>
        );
        const source = q.condition ? allQuestions(props.structure).find((x) => x.id === q.condition?.questionId) : undefined;
        if (props.preview || !q.sameScreenCondition || !q.condition || !source) return field;
        return (
          <ConditionalQuestion key={q.id} id={q.id} label={q.label} condition={q.condition} source={{ id: source.id, type: source.type }}>
            {field}
          </ConditionalQuestion>
        );
      })}
    </>
  );
}

/** One screen of the answering page: its questions, the previous answers filled in, "Suivant" or "Envoyer mes réponses". */
export function AnswerScreen(props: ScreenProps & { action: ActionFn; hidden: Record<string, string>; previousHref?: string | undefined; numbering?: { number: number; count: number } }) {
  const last = props.index === props.count;
  // A conditional question of this screen may still call for a follow-up screen (without JavaScript).
  const mayContinue = props.step.questions.some((q) => q.sameScreenCondition);
  const numbering = props.numbering ?? { number: props.index, count: props.count };
  return (
    <>
      <Progress index={numbering.number} count={numbering.count} title={stepTitle(props.step)} next={props.nextTitle} />
      <ActionForm
        key={props.index}
        action={props.action}
        submitLabel={last && !mayContinue ? "Envoyer mes réponses" : "Enregistrer et continuer"}
        secondary={
          props.previousHref ? (
            <Link className="fr-btn fr-btn--secondary" href={props.previousHref}>
              Étape précédente
            </Link>
          ) : undefined
        }
      >
        {Object.entries({ ...props.hidden, step: String(props.index), finish: last ? "1" : "0" }).map(([name, value]) => (
          <Hidden key={name} name={name} value={value} />
        ))}
        <Questions {...props} preview={false} />
      </ActionForm>
    </>
  );
}

/** The same screen in the builder's preview: nothing is sent, links go from one screen to the next. */
export function PreviewScreen(props: ScreenProps & { previousHref?: string | undefined; nextHref?: string | undefined; notice: ReactNode }) {
  return (
    <>
      {props.notice}
      <Progress index={props.index} count={props.count} title={props.step.section.title} next={props.nextTitle} />
      <form aria-label="Aperçu : rien n'est enregistré">
        <Questions {...props} preview />
      </form>
      <ul className="fr-btns-group fr-btns-group--inline-md fr-mt-3w">
        {props.previousHref ? (
          <li>
            <Link className="fr-btn fr-btn--secondary" href={props.previousHref}>
              Étape précédente
            </Link>
          </li>
        ) : null}
        {props.nextHref ? (
          <li>
            <Link className="fr-btn" href={props.nextHref}>
              Étape suivante
            </Link>
          </li>
        ) : null}
      </ul>
    </>
  );
}
