import type { ThemeConfig } from 'antd';

/**
 * The antd theme: the city's blue, and colours that keep text readable (WCAG 2.1 AA: 4.5:1 for text).
 * antd's defaults fail it in many places — secondary text (#8c8c8c), links and "processing" tags (#1677ff, antd's
 * blue rather than ours), success / warning / error text on their pale backgrounds, (the coloured tags — green-7,
 * cyan-7, gold-7… on their -1 shades — are darkened in styles.css: antd derives their palette from fixed seeds that
 * a theme token does not reach). So the text tones are darkened here once, while the pale backgrounds and
 * borders keep antd's light values (setting a darker seed alone would also darken the backgrounds antd derives
 * from it). The accessibility journey (e2e/accessibility.e2e.ts) measures every menu page against these.
 */
export const theme: ThemeConfig = {
  token: {
    colorPrimary: '#1f4e9c',
    borderRadius: 6,
    // links and "processing" follow colorInfo in antd; ours, on antd's pale blue
    colorInfo: '#1f4e9c',
    colorLink: '#1f4e9c',
    colorInfoBg: '#e6f4ff',
    colorInfoBgHover: '#bae0ff',
    colorInfoBorder: '#91caff',
    colorInfoBorderHover: '#69b1ff',
    // green-8, orange-8, red-7 as text; antd's light tints behind
    colorSuccess: '#237804',
    colorSuccessBg: '#f6ffed',
    colorSuccessBgHover: '#d9f7be',
    colorSuccessBorder: '#b7eb8f',
    colorSuccessBorderHover: '#95de64',
    colorWarning: '#ad4e00',
    colorWarningBg: '#fffbe6',
    colorWarningBgHover: '#fff1b8',
    colorWarningBorder: '#ffe58f',
    colorWarningBorderHover: '#ffd666',
    colorError: '#cf1322',
    colorErrorBg: '#fff2f0',
    colorErrorBgHover: '#fff1f0',
    colorErrorBorder: '#ffccc7',
    colorErrorBorderHover: '#ffa39e',
    // secondary text and select placeholders: 0.45 black (3.4:1) → 0.6 (5.7:1 on white, 5.2:1 on the pale red)
    colorTextTertiary: 'rgba(0, 0, 0, 0.6)',
    colorTextPlaceholder: 'rgba(0, 0, 0, 0.6)',
  },
};
