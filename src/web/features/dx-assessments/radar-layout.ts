/** Where the radar goes in a chart `width` px wide: circle radius, label font, the width labels wrap at, chart height. */
export interface RadarLayout { radius: number | string; fontSize: number; nameWidth: number; nameGap: number; height: number }

const WIDE: RadarLayout = { radius: '55%', fontSize: 11, nameWidth: 160, nameGap: 15, height: 340 };
/** Below this the default circle leaves the side labels too little room (a 390 px phone gives the card ~300 px). */
export const NARROW_BELOW = 520;

/**
 * On a narrow card the side labels (pillars at ±30° from the horizontal) need room between the circle and the
 * edge: give them about a quarter of the width, wrap them at that width, and shrink the circle to what is left.
 */
export function radarLayout(width: number): RadarLayout {
  if (!width || width >= NARROW_BELOW) return WIDE;
  const nameGap = 6;
  const nameWidth = Math.round(Math.min(110, Math.max(60, width * 0.24)));
  // a side label starts at cos 30° × radius + gap from the centre and must end inside the half width (4 px spare)
  const radius = Math.max(40, Math.floor((width / 2 - nameGap - nameWidth - 4) / Math.cos(Math.PI / 6)));
  // top and bottom labels take up to three lines of ~13 px above and below the circle
  const height = Math.max(240, 2 * (radius + nameGap + 3 * 13 + 6));
  return { radius, fontSize: 10, nameWidth, nameGap, height };
}
