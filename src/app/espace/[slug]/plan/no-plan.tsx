import Link from "next/link";

/** A view of a plan that does not exist yet: what to do. */
export function NoPlan({ slug }: { slug: string }) {
  return (
    <p>
      Le territoire n&apos;a pas encore de plan d&apos;action. Commencez par <Link href={`/espace/${slug}/plan`}>créer les premières actions</Link> : elles
      apparaîtront ici.
    </p>
  );
}
