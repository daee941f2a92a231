import { isValidElement, type ReactNode } from "react";
import { Link } from "./Link";

/** A table cell that is data: text, a number, or a link to a portal page. */
export type CellData = string | number | { href: string; text: string | number };

export function isCellData(v: unknown): v is CellData {
  return (
    typeof v === "string" ||
    typeof v === "number" ||
    (typeof v === "object" && v !== null && !isValidElement(v) && "href" in v && "text" in v)
  );
}

/** What a data cell shows. */
export function cellContent(v: CellData | undefined): ReactNode {
  return typeof v === "object" ? <Link href={v.href}>{v.text}</Link> : v;
}
