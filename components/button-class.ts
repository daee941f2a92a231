import styles from "./Button.module.css";

export type ButtonVariant = "contained" | "outlined" | "text";

/** The class names of MUI's button look in static CSS (components/Button.module.css). */
export function buttonClass(variant: ButtonVariant = "text", size: "small" | "medium" = "medium") {
  return [styles.button, styles[variant], size === "small" ? styles.small : ""]
    .filter(Boolean)
    .join(" ");
}
