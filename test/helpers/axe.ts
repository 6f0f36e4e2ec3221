/** axe-core results as the browser tests judge them. */
export interface AxeViolation {
  id: string;
  impact: string;
  nodes: { target: string[]; html: string }[];
}

/**
 * The serious and critical violations, each as "rule: targets". Tabster's focus sentinels
 * (`<i data-tabster-dummy aria-hidden="true" tabindex="0">`, in Fluent's charts, menus, tab lists) are a
 * known false positive of aria-hidden-focus: they only pass focus on and must stay hidden from screen
 * readers (https://github.com/microsoft/tabster/issues/288; Accessibility Insights suppresses them,
 * https://github.com/microsoft/accessibility-insights-web/pull/7605). Every other node counts.
 */
export function seriousViolations(violations: readonly AxeViolation[]): string[] {
  return violations
    .map((v) =>
      v.id === 'aria-hidden-focus' ? { ...v, nodes: v.nodes.filter((n) => !n.html.includes('data-tabster-dummy')) } : v,
    )
    .filter((v) => (v.impact === 'serious' || v.impact === 'critical') && v.nodes.length > 0)
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}
