/**
 * An SVG drawn on the server by renderEchartsSvg (which escapes its text alternative). The figures of
 * the chart must also be given in a table beside it.
 */
export function SvgChart({ svg }: { svg: string }) {
  return <div className="fr-mb-2w" style={{ maxWidth: "100%" }} dangerouslySetInnerHTML={{ __html: svg }} />;
}
