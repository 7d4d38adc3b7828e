/** Where the radar goes in a chart `width` px wide: circle radius, label font, the width labels wrap at, chart height. */
export interface RadarLayout {
  radius: number | string;
  fontSize: number;
  nameWidth: number;
  nameGap: number;
  height: number;
}

const HEIGHT = 340;
const COS30 = Math.cos(Math.PI / 6);
/** Below this the default circle leaves the side labels under ~110 px (a 390 px phone gives the card ~316 px). */
export const NARROW_BELOW = 440;

/**
 * Pillars beside the circle sit at ±30° from the horizontal, so a side label starts cos 30° × radius + gap from the
 * centre and must end inside the half width. Wide cards keep the default circle (55%) and wrap only what would not
 * fit; narrow cards give the labels about a quarter of the width, a smaller font, and shrink the circle to the rest.
 */
export function radarLayout(width: number): RadarLayout {
  if (!width) return { radius: '55%', fontSize: 11, nameWidth: 160, nameGap: 15, height: HEIGHT };
  if (width >= NARROW_BELOW) {
    const radius = 0.55 * (Math.min(width, HEIGHT) / 2);
    return {
      radius: '55%',
      fontSize: 11,
      nameWidth: Math.floor(Math.min(160, width / 2 - COS30 * radius - 15 - 4)),
      nameGap: 15,
      height: HEIGHT,
    };
  }
  const nameGap = 6;
  const nameWidth = Math.round(Math.min(110, Math.max(60, width * 0.24)));
  const radius = Math.max(40, Math.floor((width / 2 - nameGap - nameWidth - 4) / COS30));
  // top and bottom labels take up to three lines of ~13 px above and below the circle
  const height = Math.max(240, 2 * (radius + nameGap + 3 * 13 + 6));
  return { radius, fontSize: 10, nameWidth, nameGap, height };
}

/**
 * The width the label of indicator `index` (of `count`, the first at the top) wraps at: those straight above or
 * below the circle are centred on it and may use most of the card; the others have the side room only.
 */
export function wrapWidthAt(index: number, count: number, layout: RadarLayout, width: number): number {
  const angle = Math.PI / 2 + (2 * Math.PI * index) / count;
  return width && Math.abs(Math.cos(angle)) < 0.26
    ? Math.max(layout.nameWidth, Math.floor(width * 0.8))
    : layout.nameWidth;
}

/**
 * Breaks a label into lines no wider than `maxWidth` at spaces (ECharts truncates radar names instead of wrapping
 * them). A single word wider than that keeps a line of its own.
 */
export function wrapLabel(text: string, maxWidth: number, measure: (s: string) => number): string {
  const lines: string[] = [];
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const last = lines.length ? `${lines[lines.length - 1]} ${word}` : null;
    if (last !== null && measure(last) <= maxWidth) lines[lines.length - 1] = last;
    else lines.push(word);
  }
  return lines.join('\n');
}
