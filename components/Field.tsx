import type { ComponentPropsWithRef, ReactNode } from "react";
import styles from "./Field.module.css";

/**
 * Native labelled form fields with the label above and the error or hint below (ADR 20). They
 * render without MUI's inputs, selects and menus, which cost several milliseconds of every
 * server render of a page with a form, and work in server and client components alike.
 */
type FieldProps = {
  id: string;
  label: string;
  /** The translated error; marks the field invalid and is read out with it. */
  error?: string;
  helperText?: string;
  /** Full width on phones, a wide search box from 600 px up. */
  wide?: boolean;
  /** Takes the rest of the row (free text). */
  grow?: boolean;
};

function Shell({
  id,
  label,
  required,
  error,
  helperText,
  wide,
  grow,
  children,
}: FieldProps & { required?: boolean; children: ReactNode }) {
  const message = error ?? helperText;
  const classes = [styles.field, wide && styles.wide, grow && styles.grow].filter(Boolean);
  return (
    <div className={classes.join(" ")}>
      <label htmlFor={id} className={styles.label}>
        {label}
        {required && <span aria-hidden="true"> *</span>}
      </label>
      {children}
      {message && (
        <p id={`${id}-message`} className={error ? styles.error : styles.helper}>
          {message}
        </p>
      )}
    </div>
  );
}

/** The label, message and layout props for Shell; the rest go to the control. */
function split<T extends FieldProps>({ id, label, error, helperText, wide, grow, ...control }: T) {
  return [{ id, label, error, helperText, wide, grow }, control] as const;
}

/** The control's side of Shell: invalid state and the message it is described by. */
function described({ id, error, helperText }: FieldProps) {
  return {
    id,
    "aria-invalid": error ? true : undefined,
    "aria-describedby": (error ?? helperText) ? `${id}-message` : undefined,
  };
}

export function TextInput(props: FieldProps & Omit<ComponentPropsWithRef<"input">, "id">) {
  const [field, input] = split(props);
  return (
    <Shell {...field} required={input.required}>
      <input type="text" className={styles.input} {...described(field)} {...input} />
    </Shell>
  );
}

export function TextArea(props: FieldProps & Omit<ComponentPropsWithRef<"textarea">, "id">) {
  const [field, textarea] = split(props);
  return (
    <Shell {...field} required={textarea.required}>
      <textarea
        rows={2}
        className={`${styles.input} ${styles.textarea}`}
        {...described(field)}
        {...textarea}
      />
    </Shell>
  );
}

export function SelectInput({
  options,
  ...props
}: FieldProps &
  Omit<ComponentPropsWithRef<"select">, "id"> & {
    options: { value: string; label: string }[];
  }) {
  const [field, select] = split(props);
  return (
    <Shell {...field} required={select.required}>
      {/* React resets a form after its action, and a select returns to the option that was
          its default when it mounted, not to a later defaultValue (the values sent back with
          an error): a new default mounts a new select. */}
      <select
        key={String(select.defaultValue ?? "")}
        className={styles.input}
        {...described(field)}
        {...select}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </Shell>
  );
}

export function Checkbox({
  id,
  label,
  ...input
}: { id: string; label: string } & Omit<ComponentPropsWithRef<"input">, "id" | "type">) {
  return (
    <div className={styles.check}>
      <input id={id} type="checkbox" {...input} />
      <label htmlFor={id}>{label}</label>
    </div>
  );
}
