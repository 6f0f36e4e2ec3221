/**
 * The Fluent theme that matches Office's: White and Colorful (light body) → webLightTheme; Dark Gray
 * and Black (`isDarkTheme`) → webDarkTheme; Windows high contrast (forced colours) → the high-contrast
 * theme. https://learn.microsoft.com/office/dev/add-ins/design/add-in-color-schemes
 */
import { teamsHighContrastTheme, webDarkTheme, webLightTheme, type Theme } from '@fluentui/tokens';

/** The parts of `Office.context.officeTheme` the pane looks at. */
export interface OfficeTheme {
  isDarkTheme?: boolean;
  bodyBackgroundColor?: string;
  bodyForegroundColor?: string;
}

/** Relative luminance of #rrggbb (0 black … 1 white), or null for anything else. */
function luminance(hex: string | undefined): number | null {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex ?? '');
  if (!m) return null;
  const [r, g, b] = [m[1], m[2], m[3]].map((c) => {
    const v = parseInt(c!, 16) / 255;
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

export function isDark(theme: OfficeTheme | null): boolean {
  if (!theme) return false;
  if (typeof theme.isDarkTheme === 'boolean') return theme.isDarkTheme;
  const l = luminance(theme.bodyBackgroundColor);
  return l !== null && l < 0.2;
}

export function fluentTheme(theme: OfficeTheme | null): { theme: Theme; dark: boolean } {
  if (typeof window !== 'undefined' && window.matchMedia?.('(forced-colors: active)').matches)
    return { theme: teamsHighContrastTheme, dark: true };
  return isDark(theme) ? { theme: webDarkTheme, dark: true } : { theme: webLightTheme, dark: false };
}
