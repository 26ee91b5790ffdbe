import { css } from 'lit';

/**
 * The colours, radius and font every buy-tweet surface shares (the card and the checkout), from
 * the public custom properties. Defaults meet WCAG AA contrast in both themes; `theme="auto"`
 * (or none) follows the system.
 */
export const theme = css`
  :host {
    --_accent: var(--buy-tweet-accent, #0f6cbd);
    --_on-accent: #fff;
    --_bg: var(--buy-tweet-background, #fff);
    --_fg: var(--buy-tweet-foreground, #0f1419);
    --_muted: color-mix(in srgb, var(--_fg) 70%, var(--_bg));
    --_line: color-mix(in srgb, var(--_fg) 15%, var(--_bg));
    --_radius: var(--buy-tweet-radius, 12px);
    --_font: var(--buy-tweet-font, system-ui, sans-serif);
  }
  @media (prefers-color-scheme: dark) {
    :host(:not([theme='light'])) {
      --_accent: var(--buy-tweet-accent, #1d9bf0);
      --_on-accent: #0f1419;
      --_bg: var(--buy-tweet-background, #15202b);
      --_fg: var(--buy-tweet-foreground, #f7f9f9);
    }
  }
  :host([theme='dark']) {
    --_accent: var(--buy-tweet-accent, #1d9bf0);
    --_on-accent: #0f1419;
    --_bg: var(--buy-tweet-background, #15202b);
    --_fg: var(--buy-tweet-foreground, #f7f9f9);
  }
`;
