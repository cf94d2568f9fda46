import Link from "next/link";
import type { AppError } from "@/platform/errors";

/**
 * What a builder page shows for a closed questionnaire: the command's own typed error (409) and its
 * French message, with the way back, instead of an "access denied" the person's role does not deserve.
 */
export function ClosedNotice({ refusal, back }: { refusal: AppError; back: string }) {
  return (
    <div className="fr-alert fr-alert--warning fr-mb-4w">
      <h3 className="fr-alert__title">Questionnaire clos</h3>
      <p>{refusal.message}</p>
      <p>
        <Link href={back}>Revenir à la construction du questionnaire</Link>
      </p>
    </div>
  );
}
