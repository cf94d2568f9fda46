"use client";

import { useActionState } from "react";
import { useFormStatus } from "react-dom";
import type { ActionState } from "@/platform/web/action";
import { FileField, FormStateContext, Hidden } from "@/ui/form";
import { Table } from "@/ui/table";

type ActionFn = (state: ActionState, form: FormData) => Promise<ActionState>;
type Report = { lines: number; imported: number; errors: { line: number; messages: string[] }[] };

function Submit() {
  const { pending } = useFormStatus();
  return (
    <button type="submit" className="fr-btn" aria-disabled={pending}>
      {pending ? "Import en cours…" : "Importer le fichier"}
    </button>
  );
}

/** The CSV import: one form, and its line-level report (every refused line with its reasons; nothing written then). */
export function ImportForm({ action, territory, file }: { action: ActionFn; territory: string; file: { label: string; hint: string; maxBytes: number; limitLabel: string; accept: string } }) {
  const [state, dispatch] = useActionState(action, { status: "idle" });
  const report = state.result?.report ? (JSON.parse(state.result.report) as Report) : undefined;
  return (
    <FormStateContext.Provider value={state}>
      <form action={dispatch} noValidate>
        <div aria-live="polite" role="status">
          {state.message ? (
            <div className={`fr-alert fr-alert--${state.status === "success" ? "success" : "error"} fr-alert--sm fr-mb-3w`}>
              <p>{state.message}</p>
            </div>
          ) : null}
        </div>
        <Hidden name="territory" value={territory} />
        <FileField name="file" {...file} />
        <ul className="fr-btns-group fr-btns-group--inline-md fr-mt-3w">
          <li>
            <Submit />
          </li>
        </ul>
      </form>
      {report && report.errors.length > 0 ? (
        <section aria-labelledby="rapport" className="fr-mt-4w">
          <h3 id="rapport">Lignes à corriger</h3>
          <p>Corrigez ces lignes dans votre fichier, puis importez-le à nouveau : rien n&apos;a été enregistré.</p>
          <div className="fr-table">
            <Table>
              <caption>Lignes refusées ({report.errors.length} sur {report.lines})</caption>
              <thead>
                <tr>
                  <th scope="col">Ligne</th>
                  <th scope="col">Ce qui ne va pas</th>
                </tr>
              </thead>
              <tbody>
                {report.errors.map((e) => (
                  <tr key={e.line}>
                    <td>{e.line}</td>
                    <td>
                      <ul>
                        {e.messages.map((m) => (
                          <li key={m}>{m}</li>
                        ))}
                      </ul>
                    </td>
                  </tr>
                ))}
              </tbody>
            </Table>
          </div>
        </section>
      ) : null}
    </FormStateContext.Provider>
  );
}
