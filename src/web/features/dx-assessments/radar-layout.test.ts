import { describe, expect, it } from 'vitest';
import { NARROW_BELOW, radarLayout } from './radar-layout';

describe('radarLayout', () => {
  it('keeps the desktop layout on wide cards and before the card is measured', () => {
    expect(radarLayout(0)).toMatchObject({ radius: '55%', fontSize: 11, height: 340 });
    expect(radarLayout(NARROW_BELOW)).toEqual(radarLayout(900));
  });

  it('leaves every side label its wrap width inside the card on narrow widths', () => {
    for (const width of [240, 300, 342, 400, NARROW_BELOW - 1]) {
      const l = radarLayout(width);
      expect(typeof l.radius).toBe('number');
      const labelEnd = Math.cos(Math.PI / 6) * (l.radius as number) + l.nameGap + l.nameWidth;
      expect(labelEnd, `width ${width}`).toBeLessThanOrEqual(width / 2);
      expect(l.height / 2 - (l.radius as number), `width ${width}`).toBeGreaterThanOrEqual(l.nameGap + 3 * 13);
    }
  });
});
