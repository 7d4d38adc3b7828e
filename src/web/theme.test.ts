import { theme as antdTheme } from 'antd';
import { describe, expect, it } from 'vitest';
import { theme } from './theme';

/** WCAG 2.x contrast ratio of two `#rrggbb` colours. */
function contrast(a: string, b: string) {
  const lum = (hex: string) => {
    const [r, g, bl] = [1, 3, 5].map((i) => {
      const c = parseInt(hex.slice(i, i + 2), 16) / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

describe('the theme keeps tag text readable (WCAG 2.1 AA, 4.5:1)', () => {
  // antd writes a coloured tag's text in the colour's 7th shade on its 1st (Tag's preset style)
  const token = antdTheme.getDesignToken(theme) as unknown as Record<string, string>;
  for (const colour of ['green', 'cyan', 'volcano', 'gold', 'orange', 'lime', 'blue', 'red', 'purple', 'magenta']) {
    it(`${colour} tags`, () => {
      expect(contrast(token[`${colour}7`], token[`${colour}1`])).toBeGreaterThanOrEqual(4.5);
    });
  }
});
