import { describe, expect, it } from 'vitest';
import { NARROW_BELOW, radarLayout, wrapLabel, wrapWidthAt } from './radar-layout';

const sideLabelEnd = (width: number) => {
  const l = radarLayout(width);
  const radius =
    typeof l.radius === 'number' ? l.radius : (parseFloat(l.radius) / 100) * (Math.min(width, l.height) / 2);
  return { l, radius, end: Math.cos(Math.PI / 6) * radius + l.nameGap + l.nameWidth };
};

describe('radarLayout', () => {
  it('keeps the desktop circle and font on wide cards and before the card is measured', () => {
    expect(radarLayout(0)).toMatchObject({ radius: '55%', fontSize: 11, height: 340 });
    expect(radarLayout(900)).toMatchObject({ radius: '55%', fontSize: 11, height: 340, nameWidth: 160 });
    expect(radarLayout(NARROW_BELOW)).toMatchObject({ radius: '55%', fontSize: 11 });
  });

  it('leaves every side label its wrap width inside the card, at any width', () => {
    for (const width of [240, 316, 342, 400, NARROW_BELOW - 1, NARROW_BELOW, 517, 700]) {
      const { l, radius, end } = sideLabelEnd(width);
      expect(end, `width ${width}`).toBeLessThanOrEqual(width / 2);
      expect(l.nameWidth, `width ${width}`).toBeGreaterThanOrEqual(60);
      expect(l.height / 2 - radius, `width ${width}`).toBeGreaterThanOrEqual(l.nameGap + 3 * 13);
    }
  });
});

describe('wrapWidthAt', () => {
  it('lets the labels above and below the circle use most of the card, the side ones their side room', () => {
    const l = radarLayout(316);
    expect([0, 1, 2, 3, 4, 5].map((i) => wrapWidthAt(i, 6, l, 316))).toEqual([
      252,
      l.nameWidth,
      l.nameWidth,
      252,
      l.nameWidth,
      l.nameWidth,
    ]);
    expect([0, 1, 2, 3, 4].map((i) => wrapWidthAt(i, 5, l, 316))).toEqual([
      252,
      l.nameWidth,
      l.nameWidth,
      l.nameWidth,
      l.nameWidth,
    ]);
  });
});

describe('wrapLabel', () => {
  const measure = (s: string) => s.length * 6;
  it('breaks at spaces into lines that fit', () => {
    expect(wrapLabel('Trải nghiệm số cho khách hàng', 72, measure)).toBe('Trải nghiệm\nsố cho khách\nhàng');
    expect(wrapLabel('Chiến lược', 72, measure)).toBe('Chiến lược');
  });
  it('keeps a word wider than the line on a line of its own', () => {
    expect(wrapLabel('a Supercalifragilistic b', 30, measure)).toBe('a\nSupercalifragilistic\nb');
  });
});
