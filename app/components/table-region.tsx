import type { ReactNode } from "react";

/**
 * A table wider than the screen scrolls inside this region instead of the page (WCAG 1.4.10
 * allows data tables to scroll in two dimensions). The region is named and in the tab order,
 * so keyboard users can reach it and scroll it with the arrow keys.
 */
export function TableRegion({
  label,
  labelledBy,
  className,
  children,
}: {
  children: ReactNode;
  className?: string;
} & ({ label: string; labelledBy?: never } | { labelledBy: string; label?: never })) {
  return (
    <div
      className={className ? `table-scroll ${className}` : "table-scroll"}
      role="region"
      aria-label={label}
      aria-labelledby={labelledBy}
      tabIndex={0}
    >
      {children}
    </div>
  );
}
