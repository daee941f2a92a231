import styles from "./StatusChip.module.css";

export type ChipColor = "default" | "info" | "success" | "warning" | "error";

/**
 * MUI's small filled Chip as static CSS (ADR 19): status columns show one per row. Not
 * interactive; the text is the status, the colour only repeats it.
 */
export function StatusChip({
  label,
  color = "default",
  testId,
}: {
  label: string;
  color?: ChipColor;
  testId?: string;
}) {
  return (
    <span className={`${styles.chip} ${styles[color]}`} data-testid={testId}>
      {label}
    </span>
  );
}
