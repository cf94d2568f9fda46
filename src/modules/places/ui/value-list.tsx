/** One term of a place's record and its values as a list; nothing when there is none. */
export function List({ title, values }: { title: string; values: readonly string[] | undefined }) {
  if (!values?.length) return null;
  return (
    <>
      <dt className="fr-text--bold fr-mt-2w">{title}</dt>
      <dd className="fr-ml-0">
        <ul>
          {values.map((v) => (
            <li key={v}>{v}</li>
          ))}
        </ul>
      </dd>
    </>
  );
}
